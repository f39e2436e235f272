package entity

import (
	"github.com/tidings/tidings/internal/intel/tokenize"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word with the facts span finding needs.
type token struct {
	text    string
	capital bool // starts with an uppercase letter
	acronym bool // two or more letters, all uppercase
	initial bool // first word of a sentence
	brk     bool // punctuation or a line break follows
	lower   string
}

// span is a run of capitalized words, the raw material of an entity.
type span struct {
	words  []string
	pos    int  // index of the first token
	person bool // preceded by a title or a "said" cue
	first  bool // starts a sentence
	next   string
	prev   string
}

func prepare(s string) []token {
	toks := tokenize.Tokens(s)
	out := make([]token, len(toks))
	sentenceStart := true
	for i, t := range toks {
		text := t.Text
		// Possessives end a name: "Bessent's" is "Bessent".
		poss := false
		if last := text[len(text)-1]; last == 's' || last == '\'' || last == 0x99 {
			for _, suf := range [...]string{"'s", "’s", "'", "’"} {
				if strings.HasSuffix(text, suf) && len(text) > len(suf) {
					text, poss = text[:len(text)-len(suf)], true
					break
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(text)
		lower := t.Lower
		if len(text) < len(t.Text) {
			lower = strings.ToLower(text)
		}
		tk := token{text: text, lower: lower, capital: unicode.IsUpper(r), initial: sentenceStart}
		tk.acronym = tk.capital && isAcronym(text)
		end := t.Start + len(t.Text)
		next := len(s)
		if i+1 < len(toks) {
			next = toks[i+1].Start
		}
		gap := s[end:next]
		sentenceStart = false
		if !poss && len(gap) > 1 && gap[0] == '.' && strings.TrimRight(gap, " ") == "." && titles[text] {
			// "Mr. Smith": the period belongs to the title.
			gap = " "
		}
		if poss || strings.TrimLeft(gap, " ") != "" {
			tk.brk = true
			if strings.ContainsAny(gap, ".!?:\n\"“”") {
				sentenceStart = true
			}
		}
		out[i] = tk
	}
	return out
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.' || r == '&':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// connectors may stand inside a name: "Bank of England", "Ludwig van
// Beethoven". "of" joins only after an organisation word or a title, so
// that "Joe Mount of Metronomy" stays two names.
var connectors = map[string]bool{"of": true, "de": true, "da": true, "van": true, "von": true, "al": true, "bin": true, "&": true, "la": true, "del": true, "der": true}

func joins(conn, before string) bool {
	if conn != "of" {
		return true
	}
	before = trimDot(before)
	return orgHeads[before] || orgSuffixes[before] || titles[before]
}

// nameWord reports whether a capitalized token can be part of a name:
// "Moscow-based" and "State-owned" cannot.
func nameWord(t token) bool {
	if !t.capital {
		return false
	}
	if i := strings.LastIndexByte(t.text, '-'); i > 0 && i+1 < len(t.text) {
		r, _ := utf8.DecodeRuneInString(t.text[i+1:])
		return !unicode.IsLower(r)
	}
	return true
}

// spans finds runs of capitalized tokens, allowing a connector between two
// of them, and never across punctuation.
func spans(toks []token) []span {
	out := make([]span, 0, len(toks)/4+1)
	for i := 0; i < len(toks); {
		if !nameWord(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].brk {
			if nameWord(toks[j]) {
				// "Mark Cina LOS ANGELES": a switch to capitals is a new name.
				if toks[j].acronym && !toks[j-1].acronym && len(toks[j].text) >= 3 {
					break
				}
				j++
				continue
			}
			if connectors[toks[j].lower] && joins(toks[j].lower, toks[j-1].text) && j+1 < len(toks) && nameWord(toks[j+1]) && !toks[j].brk {
				j += 2
				continue
			}
			break
		}
		sp := span{pos: i, first: toks[i].initial, words: make([]string, j-i)}
		for k := i; k < j; k++ {
			sp.words[k-i] = toks[k].text
		}
		if i > 0 {
			sp.prev = toks[i-1].lower
		}
		if j < len(toks) && !toks[j-1].brk {
			sp.next = toks[j].lower
		}
		out = append(out, sp)
		i = j
	}
	return out
}
