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
	e := getExtractor()
	defer e.release()
	e.candidates(title, text, w.leadTokens)
	if w.subsumed != 1 {
		e.markSubsumed(w.minMultiTF)
	}
	cands := e.list
	if len(cands) == 0 {
		return nil
	}
	idf := idfFunc(df, w)
	// Term frequencies are small: their powers are worked out once each.
	var pows [64]float64
	list := e.scored
	for i := range cands {
		c := &cands[i]
		if c.subsumed && w.subsumed == 0 || c.n > 1 && c.tf < w.minMultiTF && !c.inTitle {
			continue
		}
		sum := 0.0
		for _, x := range c.words() {
			l := &e.lex[x]
			if !l.idfSet {
				l.idf, l.idfSet = idf(l.lower), true
			}
			sum += l.idf
		}
		var p float64
		if c.tf < len(pows) {
			if p = pows[c.tf]; p == 0 {
				p = math.Pow(float64(c.tf), w.tfExp)
				pows[c.tf] = p
			}
		} else {
			p = math.Pow(float64(c.tf), w.tfExp)
		}
		s := p * sum / float64(c.n)
		s *= 1 + w.lenBonus*float64(c.n-1)
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
	e.scored = list
	top := e.best(list, n)
	out := make([]string, len(top))
	for i, s := range top {
		out[i] = e.display(s.c)
	}
	return out
}

type scored struct {
	c     *candidate
	score float64
}

// compare orders candidates best first: by score, then by key.
func (e *extractor) compare(a, b scored) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return e.compareKeys(a.c, b.c)
}

// best sorts the n best of list to its front and returns them. Keys are
// unique, so the order is total and the n best are those a full sort
// would put first; a NaN score (from a DocFreq gone wrong) compares equal
// to another and breaks that, so it falls back to sorting everything.
func (e *extractor) best(list []scored, n int) []scored {
	if len(list) <= n {
		slices.SortFunc(list, e.compare)
		return list
	}
	for _, s := range list {
		if math.IsNaN(s.score) {
			slices.SortFunc(list, e.compare)
			return list[:n]
		}
	}
	// Insertion into the sorted front list[:k]: most candidates are
	// rejected by one comparison with the worst kept.
	k := 0
	for _, s := range list {
		if k == n && e.compare(s, list[n-1]) >= 0 {
			continue
		}
		j := k
		if k < n {
			k++
		} else {
			j = n - 1
		}
		for j > 0 && e.compare(s, list[j-1]) < 0 {
			list[j] = list[j-1]
			j--
		}
		list[j] = s
	}
	return list[:n]
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
