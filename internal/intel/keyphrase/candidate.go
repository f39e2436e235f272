package keyphrase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// maxWords is the longest phrase considered.
const maxWords = 3

// candidate is one phrase, keyed by the stems of its words.
type candidate struct {
	key     string
	words   []string // lowercase words of the first occurrence
	tf      int
	capital int // occurrences written capitalized, not at a sentence start
	inTitle bool
	inLead  bool
	forms   map[string]int
}

// display is the most frequent lowercase surface form, ties to the
// alphabetically first.
func (c *candidate) display() string {
	best, bn := "", 0
	for f, k := range c.forms {
		if k > bn || (k == bn && f < best) {
			best, bn = f, k
		}
	}
	return best
}

// word is a token prepared for phrase building.
type word struct {
	lower   string
	stem    string
	edge    bool // may start or end a phrase
	inner   bool // may stand inside a phrase
	capital bool
	initial bool // first word of a sentence or segment
	brk     bool // a boundary follows this word
}

// candidates collects the phrases of title and text.
func candidates(title, text string, leadTokens int) map[string]*candidate {
	out := make(map[string]*candidate, 256)
	collect(out, prepare(title), true, 0)
	collect(out, prepare(text), false, leadTokens)
	return out
}

func prepare(s string) []word {
	toks := tokenize.Tokens(s)
	ws := make([]word, len(toks))
	sentenceStart := true
	for i, t := range toks {
		lower := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(t.Text)
		w := word{
			lower:   lower,
			stem:    stem(lower),
			capital: unicode.IsUpper(r),
			initial: sentenceStart,
		}
		letters := strings.IndexFunc(lower, unicode.IsLetter) >= 0
		stop := stopword.Is(lower) || stopword.Is(t.Lower)
		w.edge = letters && !stop && utf8.RuneCountInString(lower) >= 2
		w.inner = w.edge || lower == "of" || lower == "and" || lower == "&"
		// What lies between this token and the next decides boundaries.
		end := t.Start + len(t.Text)
		next := len(s)
		if i+1 < len(toks) {
			next = toks[i+1].Start
		}
		gap := s[end:next]
		sentenceStart = false
		if strings.TrimLeft(gap, " ") != "" {
			w.brk = true
			if strings.ContainsAny(gap, ".!?:\n") {
				sentenceStart = true
			}
		}
		ws[i] = w
	}
	return ws
}

func collect(out map[string]*candidate, ws []word, inTitle bool, leadTokens int) {
	var keyBuf, formBuf strings.Builder
	for i := range ws {
		if !ws[i].edge {
			continue
		}
		for n := 1; n <= maxWords && i+n <= len(ws); n++ {
			last := &ws[i+n-1]
			if n > 1 && !last.inner {
				break
			}
			if n > 1 && ws[i+n-2].brk {
				break
			}
			if !last.edge {
				continue
			}
			keyBuf.Reset()
			formBuf.Reset()
			capital := true
			for k := i; k < i+n; k++ {
				if k > i {
					keyBuf.WriteByte(' ')
					formBuf.WriteByte(' ')
				}
				keyBuf.WriteString(ws[k].stem)
				formBuf.WriteString(ws[k].lower)
				if !ws[k].capital && ws[k].inner && ws[k].edge {
					capital = false
				}
			}
			key := keyBuf.String()
			c := out[key]
			if c == nil {
				words := make([]string, n)
				for k := range words {
					words[k] = ws[i+k].lower
				}
				c = &candidate{key: key, words: words, forms: map[string]int{}}
				out[key] = c
			}
			c.tf++
			c.forms[formBuf.String()]++
			if capital && !ws[i].initial {
				c.capital++
			}
			if inTitle {
				c.inTitle = true
			} else if i < leadTokens {
				c.inLead = true
			}
		}
	}
}
