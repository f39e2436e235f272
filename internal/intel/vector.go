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
	name  bool // a word of one of the doc's entities
	caps  int
}

type termStat struct {
	id uint32
	wordStat
}

// wordStats counts the content words of a title and body lines, in
// first-seen order. Words of the entities count as names wherever they are.
func wordStats(title string, lines []string, ents []tidings.Entity) []wordStat {
	n := len(title)
	for _, l := range lines {
		n += len(l)
	}
	// News text has a distinct content word every 16 bytes or so (every
	// 13 in the densest tenth of the dev sets' articles): room for one
	// every 12 spares the map a rehash.
	hint := min(n/12+8, 1024)
	c := wordCounter{words: make(map[string]int32, hint), out: make([]wordStat, 0, hint)}
	for _, e := range ents {
		tokenize.EachToken(e.Text, func(_, lower string, _ int) {
			if w := contentWord(lower); w != "" {
				if _, ok := c.words[w]; !ok {
					c.words[w] = nameOnly
				}
			}
		})
	}
	c.add(title, true)
	for _, l := range lines {
		c.add(l, false)
	}
	return c.out
}

// A wordCounter counts content words for wordStats.
type wordCounter struct {
	// words maps a content word to its index in out, or to nameOnly for a
	// word of the entities not yet seen in the text.
	words map[string]int32
	out   []wordStat
	// keys holds the words lowercased here, back to back: a strings.Builder
	// never writes its bytes again, so the words cut from it stay valid.
	keys strings.Builder
}

const nameOnly = -1

// stat returns the index in out of the content word w, adding it when new.
func (c *wordCounter) stat(w string) int32 {
	i, ok := c.words[w]
	if ok && i >= 0 {
		return i
	}
	return c.newStat(w, ok)
}

// newStat adds the content word w to out; name reports a word of the
// entities.
func (c *wordCounter) newStat(w string, name bool) int32 {
	i := int32(len(c.out))
	c.words[w] = i
	c.out = append(c.out, wordStat{word: w, name: name})
	return i
}

// add counts the tokens of a line.
func (c *wordCounter) add(line string, inTitle bool) {
	sc := tokenize.NewScanner(line)
	var buf [32]byte
	for {
		text, start, upper, ok := sc.Next()
		if !ok {
			return
		}
		var i int32
		if b, ok := lowerASCII(buf[:0], text, upper); ok {
			// The lowercase form on the stack: only a new word allocates.
			if len(b) >= 2 && b[len(b)-1] == 's' && b[len(b)-2] == '\'' {
				b = b[:len(b)-2]
			}
			if !isContent(string(b)) { // no allocation
				continue
			}
			var seen bool
			if i, seen = c.words[string(b)]; !seen || i < 0 { // no allocation
				if c.keys.Cap()-c.keys.Len() < len(b) {
					c.keys = strings.Builder{}
					c.keys.Grow(512)
				}
				c.keys.Write(b)
				all := c.keys.String()
				i = c.newStat(all[len(all)-len(b):], seen)
			}
		} else {
			lower := text
			if upper {
				lower = strings.ToLower(text)
			}
			w := contentWord(lower)
			if w == "" {
				continue
			}
			i = c.stat(w)
		}
		s := &c.out[i]
		s.tf++
		if inTitle {
			s.title = true
		}
		// Only a token with an uppercase letter can begin with one.
		if s.name || !inTitle && upper && isName(line, text, start) {
			s.caps++
		}
	}
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
	if !isContent(w) {
		return ""
	}
	return w
}

// isContent reports whether the lowercase word w, its "'s" trimmed, is
// one to count.
func isContent(w string) bool {
	if len(w) < 2 || stopword.Is(w) {
		return false
	}
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += size
	}
	// A year tells two events of one kind apart.
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
}

// lowerASCII appends to dst the lowercase form of the token w when w holds
// an uppercase letter and is ASCII, and short enough for dst's capacity;
// ok is false otherwise.
func lowerASCII(dst []byte, w string, upper bool) (b []byte, ok bool) {
	if !upper || len(w) > cap(dst) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// isName reports whether the token text at start in line is capitalized
// where a sentence does not begin.
func isName(line, text string, start int) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return false
	}
	p := strings.TrimRight(line[:start], " \t")
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
