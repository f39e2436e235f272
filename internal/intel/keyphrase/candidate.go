package keyphrase

import (
	"github.com/tidings/tidings/internal/intel/tokenize"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/stopword"
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
	// subsumed marks a word that occurs only inside a longer phrase.
	subsumed bool
	form     form   // the first surface form
	forms    []form // any others, rare
}

// form is a surface form of a candidate and how often it occurs.
type form struct {
	text string
	n    int
}

// add counts one occurrence of the surface form b; text is b as a string
// when the caller has one at hand, saving an allocation.
func (c *candidate) add(b []byte, text string) {
	if c.form.n == 0 {
		if text == "" {
			text = string(b)
		}
		c.form = form{text, 1}
		return
	}
	if c.form.text == string(b) {
		c.form.n++
		return
	}
	for i := range c.forms {
		if c.forms[i].text == string(b) {
			c.forms[i].n++
			return
		}
	}
	c.forms = append(c.forms, form{string(b), 1})
}

// display is the most frequent lowercase surface form, ties to the
// alphabetically first.
func (c *candidate) display() string {
	best := c.form
	for _, f := range c.forms {
		if f.n > best.n || (f.n == best.n && f.text < best.text) {
			best = f
		}
	}
	return best.text
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

// phrases indexes candidates by key; they live in one slice so that a few
// hundred of them cost a few allocations, not a few hundred.
type phrases struct {
	index map[string]int32
	list  []candidate
}

// candidates collects the phrases of title and text.
func candidates(title, text string, leadTokens int) phrases {
	// About one candidate per 8 bytes of text.
	size := (len(title)+len(text))/8 + 16
	ps := phrases{index: make(map[string]int32, size), list: make([]candidate, 0, size)}
	ws, lowers := prepare(title)
	ps.collect(ws, lowers, true, 0)
	ws, lowers = prepare(text)
	ps.collect(ws, lowers, false, leadTokens)
	return ps
}

// markSubsumed flags single words that never occur outside one longer
// phrase ("aires" only in "buenos aires"): the phrase says it better.
// Only phrases seen at least minTF times (or in the title) count.
func (ps *phrases) markSubsumed(minTF int) {
	for i := range ps.list {
		c := &ps.list[i]
		if len(c.words) == 1 || c.tf < minTF && !c.inTitle {
			continue
		}
		for _, w := range c.words {
			if j, ok := ps.index[stem(w)]; ok && ps.list[j].tf <= c.tf {
				ps.list[j].subsumed = true
			}
		}
	}
}

// prepare tokenizes s into words ready for phrase building, and returns
// their lowercase forms alongside for candidates to share.
func prepare(s string) ([]word, []string) {
	ws := make([]word, 0, len(s)/6+1)
	lowers := make([]string, 0, len(s)/6+1)
	sentenceStart := true
	prevEnd := -1
	tokenize.EachToken(s, func(text, tlower string, start int) {
		// What lies between the previous token and this one decides
		// boundaries.
		if prevEnd >= 0 {
			gap := s[prevEnd:start]
			sentenceStart = false
			if strings.TrimLeft(gap, " ") != "" {
				ws[len(ws)-1].brk = true
				if strings.ContainsAny(gap, ".!?:\n") {
					sentenceStart = true
				}
			}
		}
		prevEnd = start + len(text)
		lower := strings.TrimSuffix(strings.TrimSuffix(tlower, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(text)
		w := word{
			lower:   lower,
			stem:    lower,
			capital: unicode.IsUpper(r),
			initial: sentenceStart,
		}
		stop := stopword.Is(lower) || (len(lower) != len(tlower) && stopword.Is(tlower))
		w.edge = !stop && len(lower) >= 2 && !domain(lower) && strings.IndexFunc(lower, unicode.IsLetter) >= 0 && utf8.RuneCountInString(lower) >= 2
		if w.edge {
			w.stem = stem(lower)
		}
		// Name particles ("robert de niro") join words but end no phrase.
		particle := nameParticle(lower)
		if particle {
			w.edge = false
		}
		w.inner = w.edge || particle || lower == "of" || lower == "&"
		ws = append(ws, w)
		lowers = append(lowers, lower)
	})
	if len(ws) > 0 {
		ws[len(ws)-1].brk = true
	}
	return ws, lowers
}

func (ps *phrases) collect(ws []word, lowers []string, inTitle bool, leadTokens int) {
	keyBuf := make([]byte, 0, 64)
	formBuf := make([]byte, 0, 64)
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
			keyBuf, formBuf = keyBuf[:0], formBuf[:0]
			capital := true
			for k := i; k < i+n; k++ {
				if k > i {
					keyBuf = append(keyBuf, ' ')
					formBuf = append(formBuf, ' ')
				}
				keyBuf = append(keyBuf, ws[k].stem...)
				formBuf = append(formBuf, ws[k].lower...)
				if !ws[k].capital && ws[k].inner && ws[k].edge {
					capital = false
				}
			}
			ci, ok := ps.index[string(keyBuf)] // no allocation for the lookup
			if !ok {
				key := ws[i].stem // a single word's key needs no new string
				if n > 1 {
					key = string(keyBuf)
				}
				ci = int32(len(ps.list))
				ps.list = append(ps.list, candidate{key: key, words: lowers[i : i+n : i+n]})
				ps.index[key] = ci
			}
			c := &ps.list[ci]
			c.tf++
			if n == 1 {
				c.add(formBuf, ws[i].lower)
			} else {
				c.add(formBuf, "")
			}
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

// domain reports host names ("example.com"), which name no topic.
func domain(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i < 0 {
		return false
	}
	switch w[i+1:] {
	case "com", "org", "net", "co", "uk", "io", "gov", "edu", "html", "htm", "php":
		return true
	}
	return false
}

// nameParticle reports the small words inside personal and place names.
func nameParticle(w string) bool {
	switch w {
	case "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "al", "bin", "dos", "das":
		return true
	}
	return false
}
