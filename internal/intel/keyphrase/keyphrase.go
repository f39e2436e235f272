// Package keyphrase picks the phrases an article is about, for search,
// related-story matching and hashtags. Candidates are runs of one to three
// words that do not start or end with a stopword or a number and do not
// cross punctuation; each scores by how often the article uses it, how rare
// its words are across the articles seen so far (or, until enough have been
// seen, by a built-in list of common English words), whether it is in the
// title or the opening, its length, and whether it is written as a name.
// It is pure and deterministic.
package keyphrase

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// DocFreq reports in how many of the articles seen so far a lowercase
// single word occurs, and how many articles that is. The caller keeps it
// up to date; it may or may not already count the article being analysed.
type DocFreq interface {
	DocFreq(term string) int
	Docs() int
}

// weights hold the scoring constants, tuned on crowd-annotated news
// keyphrases (F1@10). Readers pick single frequent words far more often
// than longer phrases, so longer phrases get no bonus: they must recur to
// rank. Words found only inside one phrase ("aires" of "buenos aires") are
// dropped: it costs about 0.01 F1@10 but keeps the list readable.
type weights struct {
	tfExp      float64 // sublinear term frequency
	lenBonus   float64 // per extra word in the phrase
	title      float64 // multiplier when the phrase is in the title
	lead       float64 // multiplier when it first occurs in the opening
	leadTokens int     // how long "the opening" is
	capital    float64 // multiplier when written capitalized mid-sentence
	commonIDF  float64 // prior idf of a common word
	rareIDF    float64 // prior idf of any other word
	priorDocs  float64 // how many documents the prior is worth
	subsumed   float64 // multiplier for a word seen only inside one phrase
	minMultiTF int     // least occurrences of a phrase outside the title
}

var defaults = weights{
	tfExp: 1.25, lenBonus: 0, title: 1.3, lead: 1.2, leadTokens: 60, capital: 1.15,
	commonIDF: 1.5, rareIDF: 4, priorDocs: 50, subsumed: 0, minMultiTF: 2,
}

// Extract returns up to n lowercase keyphrases of the article, best first.
// df may be nil.
func Extract(title, text string, df DocFreq, n int) []string {
	return extract(title, text, df, n, defaults)
}

func extract(title, text string, df DocFreq, n int, w weights) []string {
	if n <= 0 {
		return nil
	}
	ps := candidates(title, text, w.leadTokens)
	if w.subsumed != 1 {
		ps.markSubsumed(w.minMultiTF)
	}
	cands := ps.list
	if len(cands) == 0 {
		return nil
	}
	idf := idfFunc(df, w)
	type scored struct {
		c     *candidate
		score float64
	}
	list := make([]scored, 0, len(cands))
	for i := range cands {
		c := &cands[i]
		if c.subsumed && w.subsumed == 0 || len(c.words) > 1 && c.tf < w.minMultiTF && !c.inTitle {
			continue
		}
		sum := 0.0
		for _, x := range c.words {
			sum += idf(x)
		}
		s := math.Pow(float64(c.tf), w.tfExp) * sum / float64(len(c.words))
		s *= 1 + w.lenBonus*float64(len(c.words)-1)
		if c.inTitle {
			s *= w.title
		}
		if c.inLead {
			s *= w.lead
		}
		if c.subsumed {
			s *= w.subsumed
		}
		if c.capital*2 > c.tf {
			s *= w.capital
		}
		list = append(list, scored{c, s})
	}
	slices.SortFunc(list, func(a, b scored) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(a.c.key, b.c.key)
	})
	out := make([]string, 0, n)
	for _, s := range list {
		if len(out) == n {
			break
		}
		out = append(out, s.c.display())
	}
	return out
}

// idfFunc blends the caller's document frequencies with the built-in prior:
// with few documents seen, observed frequencies are noise.
func idfFunc(df DocFreq, w weights) func(string) float64 {
	docs := 0
	if df != nil {
		docs = df.Docs()
	}
	prior := func(x string) float64 {
		if common[x] {
			return w.commonIDF
		}
		return w.rareIDF
	}
	if docs == 0 {
		return prior
	}
	nd := float64(docs)
	return func(x string) float64 {
		// A hyphenated word the caller has not counted whole is looked
		// up by its first part.
		n := df.DocFreq(x)
		if i := strings.IndexByte(x, '-'); n == 0 && i > 0 {
			n = df.DocFreq(x[:i])
		}
		observed := math.Log((nd + 1) / (float64(n) + 0.5))
		if observed < 0 {
			observed = 0
		}
		return (nd*observed + w.priorDocs*prior(x)) / (nd + w.priorDocs)
	}
}
