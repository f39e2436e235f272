package intel

import (
	"math"

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

// Weight is a term's inverse document frequency, the weight the story
// clusterer gives it.
func (v *vocab) Weight(id uint32) float64 {
	idf := math.Log(float64(v.docs+priorDocs) / (float64(v.df[id]) + 0.5))
	if idf < minIDF {
		return minIDF
	}
	return idf
}

// minIDF keeps a term found in every document from vanishing entirely.
const minIDF = 0.01

// priorDocs pretends some documents without the term were seen, so the
// first articles of a stream (or of a test) do not take every word they
// share for a stopword.
const priorDocs = 20

// Docs reports how many documents were counted.
func (v *vocab) Docs() int { return v.docs }
