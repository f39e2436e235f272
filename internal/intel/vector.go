package intel

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/cluster"
	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// Term weighting, tuned on the dev sets: a headline states the event, and a
// capitalized word inside a sentence is usually a name (the cheap proxy for
// entities), which tells two events of one kind apart.
const (
	titleBoost = 1.6
	nameBoost  = 2
	// vectorTerms bounds a vector's length, and so memory and lookup cost.
	vectorTerms = 64
)

// wordStat is what a doc says about one content word.
type wordStat struct {
	word  string
	tf    float64
	title bool
	caps  int
}

type termStat struct {
	id uint32
	wordStat
}

// wordStats counts the content words of a title and body lines, in
// first-seen order. Words of the entities count as names wherever they are.
func wordStats(title string, lines []string, ents []tidings.Entity) []wordStat {
	names := map[string]bool{}
	for _, e := range ents {
		for _, w := range tokenize.Words(e.Text) {
			names[contentWord(w)] = true
		}
	}
	index := map[string]int{}
	var out []wordStat
	add := func(line string, inTitle bool) {
		for _, t := range tokenize.Tokens(line) {
			w := contentWord(t.Lower)
			if w == "" {
				continue
			}
			i, ok := index[w]
			if !ok {
				i = len(out)
				index[w] = i
				out = append(out, wordStat{word: w})
			}
			s := &out[i]
			s.tf++
			if inTitle {
				s.title = true
			}
			if names[w] || !inTitle && isName(line, t) {
				s.caps++
			}
		}
	}
	add(title, true)
	for _, l := range lines {
		add(l, false)
	}
	return out
}

// termStats gives the words their term IDs.
func (a *Analyzer) termStats(ws []wordStat) []termStat {
	out := make([]termStat, len(ws))
	for i, w := range ws {
		out[i] = termStat{a.vocab.id(w.word), w}
	}
	return out
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
	if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") {
		return w // a year tells two events of one kind apart
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

// vector weighs term statistics by term frequency and the boosts, and
// keeps the terms heaviest under the current inverse document frequency;
// the clusterer applies the weights when it compares.
func (a *Analyzer) vector(st []termStat) cluster.Vector {
	type scored struct {
		t cluster.Term
		s float64
	}
	v := make([]scored, 0, len(st))
	for _, s := range st {
		id := s.id
		w := 1 + math.Log(s.tf)
		if s.title {
			w *= titleBoost
		}
		name := float64(s.caps) >= 0.5*s.tf
		if name {
			w *= nameBoost
		}
		v = append(v, scored{cluster.Term{ID: id, W: float32(w), Name: name}, w * a.vocab.Weight(id)})
	}
	if len(v) > vectorTerms {
		slices.SortFunc(v, func(x, y scored) int {
			if x.s != y.s {
				return cmp.Compare(y.s, x.s)
			}
			return cmp.Compare(x.t.ID, y.t.ID)
		})
		v = v[:vectorTerms]
	}
	out := make(cluster.Vector, len(v))
	for i, x := range v {
		out[i] = x.t
	}
	slices.SortFunc(out, func(x, y cluster.Term) int { return cmp.Compare(x.ID, y.ID) })
	return out
}
