package intel

import (
	"math"
	"strings"

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
	// idf caches each term's weight, computed when the collection had
	// stamp documents: the weight moves little while the collection grows
	// by under a percent, and a logarithm per term per comparison is the
	// clusterer's largest cost otherwise.
	idf   []float64
	stamp []int32
}

func newVocab() *vocab { return &vocab{ids: map[string]uint32{}} }

// id returns the term ID of w, adding w when new.
func (v *vocab) id(w string) uint32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := uint32(len(v.df))
	v.ids[strings.Clone(w)] = id // w may be a slice of a whole article
	v.df = append(v.df, 0)
	v.idf = append(v.idf, 0)
	v.stamp = append(v.stamp, -1)
	return id
}

// observe counts one document holding the distinct term IDs ids.
func (v *vocab) observe(ids []uint32) {
	v.docs++
	for _, id := range ids {
		v.df[id]++
		v.stamp[id] = -1
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
	if st := v.stamp[id]; st >= 0 && v.docs-int(st) <= int(st)/100 {
		return v.idf[id]
	}
	idf := math.Log(float64(v.docs+priorDocs) / (float64(v.df[id]) + 0.5))
	if idf < maxDFCut {
		idf = 0 // in too many documents to tell stories apart
	}
	v.idf[id], v.stamp[id] = idf, int32(v.docs)
	return idf
}

// maxDF is the share of the documents above which a term weighs nothing
// (as sklearn's max_df): a word that common is no evidence that two
// articles report one event, and such words would otherwise chain
// unrelated articles into one story, since cosine similarity ignores how
// little a text's words weigh overall. A text made only of such words is
// its own story. The share counts the prior's documents, so the first
// articles of a stream keep their words (a stricter start costs the dev
// sets recall).
const maxDF = 0.5

// maxDFCut is the inverse document frequency of a term in a share maxDF
// of the documents.
var maxDFCut = math.Log(1 / maxDF)

// priorDocs pretends some documents without the term were seen, so the
// first articles of a stream (or of a test) do not take every word they
// share for a stopword.
const priorDocs = 20

// Docs reports how many documents were counted.
func (v *vocab) Docs() int { return v.docs }

// dfSnapshot is the document frequencies of one doc's words as they were
// when the doc was decided: keyphrases can then be computed later, in
// parallel, with the same result as at that moment.
type dfSnapshot struct {
	words map[string]int
	docs  int
}

func (v *vocab) snapshot(ws []wordStat) dfSnapshot {
	s := dfSnapshot{words: make(map[string]int, len(ws)), docs: v.docs}
	for _, w := range ws {
		s.words[w.word] = v.contentDocFreq(w.word)
		if i := strings.IndexByte(w.word, '-'); i > 0 {
			s.words[w.word[:i]] = v.DocFreq(w.word[:i])
		}
	}
	return s
}

// contentDocFreq is DocFreq for a word that wordStats counts, which is
// never a stopword.
func (v *vocab) contentDocFreq(w string) int {
	if id, ok := v.ids[w]; ok {
		return int(v.df[id])
	}
	return 0
}

// DocFreq reports the frequency of w at the snapshot; words of other
// documents count as unseen. It satisfies keyphrase.DocFreq.
func (s dfSnapshot) DocFreq(w string) int {
	if stopword.Is(w) {
		return s.docs
	}
	return s.words[w]
}

// Docs reports how many documents were counted at the snapshot.
func (s dfSnapshot) Docs() int { return s.docs }
