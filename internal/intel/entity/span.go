package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/language"
	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// token is a word with the facts span finding needs.
type token struct {
	text    string // the word; initials keep their period ("D.", "P.J.")
	lower   string // strings.ToLower of the word, without that period
	end     int    // byte offset just past the token as tokenized, before any possessive
	capital bool   // starts with an uppercase letter
	acronym bool   // two or more letters, all uppercase
	name    bool   // may be part of a name (nameWord)
	poss    bool   // a possessive was cut off
	initial bool   // first word of a sentence
	brk     bool   // punctuation or a line break follows
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

// extractor is the scratch state of one extraction, pooled; nothing
// returned refers to its buffers.
type extractor struct {
	toks      []token
	words     []string // the spans' words, back to back
	spans     []span
	lowerSeen map[string]bool
	found     map[string]int32 // lowercase name: index in aggs
	aggs      []agg
	order     []int32
	buf       []byte

	// Tokenizing state.
	s             string
	sentenceStart bool
	// lang is the language of cased text other than English, whose cue
	// words (titles, reporting verbs) the lists here lack; nounCaps is set
	// for one that capitalizes its nouns (German), where a capitalized
	// word is no evidence of a name.
	lang     string
	nounCaps bool
}

var extractors = sync.Pool{New: func() any {
	return &extractor{lowerSeen: make(map[string]bool, 64), found: make(map[string]int32, 64)}
}}

// maxPooled bounds the tokens of an extractor put back in the pool.
const maxPooled = maxBytes

func getExtractor() *extractor { return extractors.Get().(*extractor) }

// release clears e (dropping every reference to the article) and pools it.
func (e *extractor) release() {
	if len(e.toks) > maxPooled {
		return
	}
	clear(e.toks)
	clear(e.words)
	clear(e.spans)
	clear(e.lowerSeen)
	clear(e.found)
	clear(e.aggs)
	e.toks, e.words, e.spans, e.aggs, e.order, e.buf = e.toks[:0], e.words[:0], e.spans[:0], e.aggs[:0], e.order[:0], e.buf[:0]
	e.s = ""
	extractors.Put(e)
}

// chunk is how many bytes prepare tokenizes before it can tell whether
// the text is cased.
const chunk = 2048

// prepare tokenizes s, in language lang, onto e.toks. It returns false,
// having tokenized only its opening, when the text is not cased (cased is
// all it asks of the first casedSample tokens).
func (e *extractor) prepare(s, lang string) bool {
	e.s, e.sentenceStart = s, true
	// The text is tokenized in pieces cut at spaces, where a token always
	// ends and the tokenizer looks no further, so the tokens are those of
	// the whole.
	k := 0
	for k < len(s) && len(e.toks) < casedSample {
		end := len(s)
		if k+chunk < len(s) {
			if i := strings.IndexByte(s[k+chunk:], ' '); i >= 0 {
				end = k + chunk + i
			}
		}
		e.scan(k, end)
		k = end
	}
	if !e.casedIn(lang) {
		return false
	}
	if k < len(s) {
		e.scan(k, len(s))
	}
	if n := len(e.toks); n > 0 {
		e.finish(n-1, s[e.toks[n-1].end:], "")
	}
	return true
}

// casedIn reports whether the tokens of the text's opening are cased text
// in language code: English, or another language written with capitals,
// by its own function words. It sets lang and nounCaps.
func (e *extractor) casedIn(code string) bool {
	e.lang, e.nounCaps = "", false
	if code == "" || code == "en" {
		return cased(e.toks, stopword.IsFunction)
	}
	if !cased(e.toks, func(w string) bool { return language.FunctionWord(code, w) }) {
		return false
	}
	e.lang, e.nounCaps = code, language.CapitalizesNouns(code)
	return true
}

// scan tokenizes e.s[from:to].
func (e *extractor) scan(from, to int) {
	s := e.s
	tokenize.EachToken(s[from:to], func(word, wlower string, start int) {
		start += from
		if n := len(e.toks); n > 0 {
			e.finish(n-1, s[e.toks[n-1].end:start], word)
		}
		text := word
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
		lower := wlower
		if len(text) < len(word) {
			lower = strings.ToLower(text)
		}
		tk := token{text: text, lower: lower, end: start + len(word), capital: unicode.IsUpper(r), poss: poss, initial: e.sentenceStart}
		tk.acronym = tk.capital && isAcronym(text)
		tk.name = tk.capital && nameWord(&tk)
		e.sentenceStart = false
		e.toks = append(e.toks, tk)
	})
}

// finish decides from the gap that follows token i whether a boundary
// follows it and a sentence starts after it.
func (e *extractor) finish(i int, gap, next string) {
	tk := &e.toks[i]
	if !tk.poss && len(gap) > 1 && gap[0] == '.' && strings.TrimRight(gap, " ") == "." && titles[tk.text] {
		// "Mr. Smith": the period belongs to the title.
		gap = " "
	}
	if !tk.poss && tk.capital && strings.TrimRight(gap, " ") == "." && len(gap) > 1 && nameAfter(next) &&
		(len(tk.text) == 1 && i > 0 && middleInitial(tk.text, &e.toks[i-1]) || initials(tk.text)) {
		// "Jumaane D. Williams", "P.J. Carlesimo": initials, with their
		// period, when a name follows.
		tk.text = e.s[tk.end-len(tk.text) : tk.end+1]
		gap = " "
	}
	if tk.poss || !tokenize.Spaces(gap) {
		tk.brk = true
		if endsSentence(gap) {
			e.sentenceStart = true
		}
	}
}

// endsSentence reports whether gap holds any of . ! ? : \n " “ ” (as
// strings.ContainsAny would: the bytes of a curly quote are one rune
// wherever they occur).
func endsSentence(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', ':', '\n', '"':
			return true
		case 0xE2:
			if i+2 < len(gap) && gap[i+1] == 0x80 && (gap[i+2] == 0x9C || gap[i+2] == 0x9D) {
				return true
			}
		}
	}
	return false
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

// connector reports connectors; none is longer than three bytes.
func connector(w string) bool { return len(w) <= 3 && connectors[w] }

func joins(conn, before string) bool {
	if conn != "of" {
		return true
	}
	before = trimDot(before)
	return orgHeads[before] || orgSuffixes[before] || titles[before] || placeHeads[before]
}

// nameWord reports whether a capitalized token can be part of a name:
// "Moscow-based" and "State-owned" cannot.
func nameWord(t *token) bool {
	if !t.capital {
		return false
	}
	if i := strings.LastIndexByte(t.text, '-'); i > 0 && i+1 < len(t.text) {
		r, _ := utf8.DecodeRuneInString(t.text[i+1:])
		return !unicode.IsLower(r)
	}
	return true
}

// findSpans finds runs of capitalized tokens, allowing a connector between two
// of them, and never across punctuation, onto e.spans; their words share
// e.words.
func (e *extractor) findSpans() {
	toks := e.toks
	e.words = slices.Grow(e.words, len(toks))
	for i := 0; i < len(toks); {
		if !toks[i].name {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].brk {
			if toks[j].name {
				// "Mark Cina LOS ANGELES": a switch to capitals is a new name.
				if toks[j].acronym && !toks[j-1].acronym && len(toks[j].text) >= 3 && !numerals[toks[j].text] {
					break
				}
				j++
				continue
			}
			if connector(toks[j].lower) && joins(toks[j].lower, toks[j-1].text) && j+1 < len(toks) && toks[j+1].name && !toks[j].brk {
				j += 2
				continue
			}
			break
		}
		w := len(e.words)
		for k := i; k < j; k++ {
			e.words = append(e.words, toks[k].text)
		}
		sp := span{pos: i, first: toks[i].initial, words: e.words[w:len(e.words):len(e.words)]}
		if i > 0 {
			sp.prev = toks[i-1].lower
		}
		if j < len(toks) && !toks[j-1].brk {
			sp.next = toks[j].lower
		}
		e.spans = append(e.spans, sp)
		i = j
	}
}

// initials reports a given name written as two initials ("P.J", its last
// period cut by the tokenizer), not a place ("U.S", "N.C", in places), a
// body or a time ("U.N", "A.M").
func initials(w string) bool {
	return len(w) == 3 && w[1] == '.' && 'A' <= w[0] && w[0] <= 'Z' && 'A' <= w[2] && w[2] <= 'Z' && !places[w] && !orgs[w] && !abbreviations[w]
}

var abbreviations = set(`A.M, P.M, A.D, B.C, U.N, E.U, W.V, T.V, P.E, N.B, N.S, P.O, R.N, M.D, B.A, M.A, M.P, Q.C,
K.C, S.F`)

// middleInitial reports whether the letter w after the token prev is a
// middle initial ("Jumaane D."), not a letter that ends a sentence ("World
// War I.", "vitamin D.", "Plan B.").
func middleInitial(w string, prev *token) bool {
	return w != "I" && prev.name && !prev.brk && !letterNouns[prev.text]
}

// letterNouns are the words a letter follows as a label.
var letterNouns = set(`Vitamin, Plan, Type, Class, Category, Grade, Gen, Part, Section, Article, Appendix,
Group, Division, Formula, War, Hepatitis, Level, Stage, Phase, Option, Model, Series, Exhibit, Schedule,
Terminal, Gate, Block, Pier, Platform, Wing, Unit, Row, Car, Line, Route, Building, Ward, Tier, League`)

// nameAfter reports whether the word after initials continues a name: a
// capitalized word that is no sentence opener ("The") or honorific.
func nameAfter(next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && !notNames[next] && !isAcronym(next)
}
