package intel

import (
	"github.com/tidings/tidings/internal/intel/stopword"
)

// vocab interns words as term IDs and keeps their document frequencies,
// counted incrementally over the canonical articles seen so far (copies
// would inflate the frequency of exactly the words that tell a story
// apart). Its size grows with the vocabulary, not with the stream: a
// news vocabulary levels off at a few hundred thousand words.
type vocab struct {
	ids  map[string]uint32
	df   []int32
	docs int
}

func newVocab() *vocab { return &vocab{ids: map[string]uint32{}} }

// id returns the term ID of w, adding w when new.
func (v *vocab) id(w string) uint32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := uint32(len(v.df))
	v.ids[w] = id
	v.df = append(v.df, 0)
	return id
}

// observe counts one document holding the distinct term IDs ids.
func (v *vocab) observe(ids []uint32) {
	v.docs++
	for _, id := range ids {
		v.df[id]++
	}
}

// DocFreq reports in how many documents the lowercase word w occurs;
// stopwords count as occurring in all. It satisfies keyphrase.DocFreq.
func (v *vocab) DocFreq(w string) int {
	if stopword.Is(w) {
		return v.docs
	}
	if id, ok := v.ids[w]; ok {
		return int(v.df[id])
	}
	return 0
}

// Docs reports how many documents were counted.
func (v *vocab) Docs() int { return v.docs }
