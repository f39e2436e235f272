package intel

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/cluster"
	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// Term weighting, tuned on the dev sets: a headline states the event, and a
// capitalized word inside a sentence is usually a name (the cheap proxy for
// entities), which tells two events of one kind apart.
const (
	titleBoost = 1.6
	nameBoost  = 1.4
	// vectorTerms bounds a vector's length, and so memory and lookup cost.
	vectorTerms = 64
)

type termStat struct {
	tf    float64
	title bool
	caps  int
}

// termStats counts the content words of a title and body lines by term ID.
func (a *Analyzer) termStats(title string, lines []string) map[uint32]*termStat {
	st := map[uint32]*termStat{}
	add := func(line string, inTitle bool) {
		for _, t := range tokenize.Tokens(line) {
			w := contentWord(t.Lower)
			if w == "" {
				continue
			}
			s := st[a.vocab.id(w)]
			if s == nil {
				s = &termStat{}
				st[a.vocab.id(w)] = s
			}
			s.tf++
			if inTitle {
				s.title = true
			} else if isName(line, t) {
				s.caps++
			}
		}
	}
	add(title, true)
	for _, l := range lines {
		add(l, false)
	}
	return st
}

// contentWord returns the word to count for a lowercase token, or "".
func contentWord(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) < 2 || stopword.Is(w) {
		return ""
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return w
		}
	}
	return ""
}

// isName reports whether t is capitalized where a sentence does not begin.
func isName(line string, t tokenize.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	p := strings.TrimRight(line[:t.Start], " \t")
	if p == "" {
		return false
	}
	switch p[len(p)-1] {
	case '.', '!', '?', '"', '\'', '`', ':':
		return false
	}
	return true
}

// vector weighs term statistics by TF-IDF and the boosts, keeps the
// heaviest terms and scales to unit length.
func (a *Analyzer) vector(st map[uint32]*termStat) cluster.Vector {
	n := float64(a.vocab.docs + 1)
	v := make(cluster.Vector, 0, len(st))
	for id, s := range st {
		idf := math.Log(n / (float64(a.vocab.df[id]) + 0.5))
		if idf <= 0 {
			continue
		}
		w := (1 + math.Log(s.tf)) * idf
		if s.title {
			w *= titleBoost
		}
		if float64(s.caps) >= 0.5*s.tf {
			w *= nameBoost
		}
		v = append(v, cluster.Term{ID: id, W: float32(w)})
	}
	if len(v) > vectorTerms {
		slices.SortFunc(v, func(x, y cluster.Term) int {
			if x.W != y.W {
				return cmp.Compare(y.W, x.W)
			}
			return cmp.Compare(x.ID, y.ID)
		})
		v = v[:vectorTerms]
	}
	slices.SortFunc(v, func(x, y cluster.Term) int { return cmp.Compare(x.ID, y.ID) })
	if norm := v.Norm(); norm > 0 {
		for i := range v {
			v[i].W = float32(float64(v[i].W) / norm)
		}
	}
	return v
}
