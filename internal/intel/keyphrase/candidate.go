package keyphrase

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// maxWords is the longest phrase considered.
const maxWords = 3

// candidate is one phrase, keyed by the stems of its words.
type candidate struct {
	stems   [maxWords]int32 // stem IDs of its words, its key
	n       int             // how many words
	tf      int
	capital int // occurrences written capitalized, not at a sentence start
	inTitle bool
	inLead  bool
	// subsumed marks a word that occurs only inside a longer phrase.
	subsumed bool
	form     form   // the first surface form; its words are the phrase's
	forms    []form // any others, rare
}

// form is a surface form of a candidate, as the lexeme IDs of its
// lowercase words, and how often it occurs.
type form struct {
	words [maxWords]int32
	n     int
}

// add counts one occurrence of the surface form ws.
func (c *candidate) add(ws [maxWords]int32) {
	if c.form.n == 0 {
		c.form = form{ws, 1}
		return
	}
	if c.form.words == ws {
		c.form.n++
		return
	}
	for i := range c.forms {
		if c.forms[i].words == ws {
			c.forms[i].n++
			return
		}
	}
	c.forms = append(c.forms, form{ws, 1})
}

// words are the lexeme IDs of the candidate's first occurrence.
func (c *candidate) words() []int32 { return c.form.words[:c.n] }

// display is the candidate's most frequent lowercase surface form, ties to
// the alphabetically first.
func (e *extractor) display(c *candidate) string {
	if len(c.forms) == 0 {
		return e.text(c.form.words[:c.n])
	}
	best, text := c.form, e.text(c.form.words[:c.n])
	for _, f := range c.forms {
		if f.n < best.n {
			continue
		}
		if t := e.text(f.words[:c.n]); f.n > best.n || t < text {
			best, text = f, t
		}
	}
	return text
}

// text joins the lowercase words ws with spaces.
func (e *extractor) text(ws []int32) string {
	if len(ws) == 1 {
		return e.lex[ws[0]].lower
	}
	n := len(ws) - 1
	for _, x := range ws {
		n += len(e.lex[x].lower)
	}
	var b strings.Builder
	b.Grow(n)
	for i, x := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(e.lex[x].lower)
	}
	return b.String()
}

// compareKeys orders candidates as their keys, the stems joined with
// spaces, would sort, without building them: no stem holds a byte at or
// below the space (tokens are letters, digits, marks, apostrophes, hyphens
// and periods), so a stem that is a prefix of another, or a key that is a
// prefix of a longer one, sorts first either way.
func (e *extractor) compareKeys(a, b *candidate) int {
	for k := 0; k < a.n && k < b.n; k++ {
		if a.stems[k] != b.stems[k] {
			return strings.Compare(e.stems[a.stems[k]], e.stems[b.stems[k]])
		}
	}
	return a.n - b.n
}

// lexeme is a distinct lowercase word of the article with the facts phrase
// building needs, worked out once however often the word occurs.
type lexeme struct {
	lower   string
	stem    int32 // ID of the stem keying phrases: stem(lower) when stemmed, else lower
	stemmed bool  // stem(lower) was taken
	stop    bool  // stopword.Is(lower)
	edge    bool  // may start or end a phrase
	inner   bool  // may stand inside a phrase
	idfSet  bool
	idf     float64
}

// token is a word of the title or text prepared for phrase building.
type token struct {
	lex     int32
	stem    int32 // the lexeme's, unless the word is a stopword only whole ("he's")
	edge    bool  // may start or end a phrase
	inner   bool  // may stand inside a phrase
	capital bool
	initial bool // first word of a sentence or segment
	brk     bool // a boundary follows this word
}

// pair is two adjacent stems: the key of a two-word candidate (cand, or
// -1 when the second word may not end a phrase) and, with a third stem,
// of a three-word one.
type pair struct {
	id, cand int32
}

// extractor is the scratch state of one extraction: words, stems and
// phrases are numbered so that phrases are keyed by integers, not strings.
// Extractors are pooled; nothing returned refers to their buffers.
type extractor struct {
	ids     map[string]ids // a word or stem: its lexeme and stem IDs
	lex     []lexeme
	stems   []string
	single  []int32 // by stem ID: the one-word candidate, or -1
	pairs   map[uint64]pair
	triples map[uint64]int32 // pair ID << 32 | third stem ID: candidate
	toks    []token
	list    []candidate
	scored  []scored
}

var extractors = sync.Pool{New: func() any {
	return &extractor{
		ids:     make(map[string]ids, 512),
		pairs:   make(map[uint64]pair, 512),
		triples: make(map[uint64]int32, 256),
	}
}}

// maxPooled bounds the words of an extractor put back in the pool, so that
// one huge article does not pin its buffers.
const maxPooled = 1 << 13

func getExtractor() *extractor { return extractors.Get().(*extractor) }

// release clears e (dropping every reference to the article) and pools it.
func (e *extractor) release() {
	if len(e.lex) > maxPooled || len(e.toks) > 8*maxPooled {
		return
	}
	clear(e.ids)
	clear(e.pairs)
	clear(e.triples)
	clear(e.lex)
	clear(e.stems)
	for i := range e.list {
		e.list[i].forms = nil
	}
	clear(e.scored)
	e.lex, e.stems, e.single, e.toks, e.list, e.scored = e.lex[:0], e.stems[:0], e.single[:0], e.toks[:0], e.list[:0], e.scored[:0]
	extractors.Put(e)
}

// candidates collects the phrases of title and text into e.list.
func (e *extractor) candidates(title, text string, leadTokens int) {
	e.prepare(title)
	n := len(e.toks)
	e.prepare(text)
	e.collect(0, n, true, 0)
	e.collect(n, len(e.toks), false, leadTokens)
}

// ids number a string as a lexeme (a word of the text) and as a stem
// (a phrase key); -1 when it is not one. Most words are their own stem, so
// one map serves both.
type ids struct {
	lex, stem int32
}

// stemID numbers the stem s.
func (e *extractor) stemID(s string) int32 {
	x, ok := e.ids[s]
	if ok && x.stem >= 0 {
		return x.stem
	}
	if !ok {
		x.lex = -1
	}
	x.stem = e.newStem(s)
	e.ids[s] = x
	return x.stem
}

// newStem numbers the stem s, which has no number yet.
func (e *extractor) newStem(s string) int32 {
	id := int32(len(e.stems))
	e.stems = append(e.stems, s)
	e.single = append(e.single, -1)
	return id
}

// wordFacts works out how the lowercase word w may take part in phrases;
// stop is whether it is a stopword.
func wordFacts(w string, stop bool) (key string, stemmed, edge, inner bool) {
	edge = !stop && len(w) >= 2 && !domain(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 && utf8.RuneCountInString(w) >= 2
	key = w
	if edge {
		key, stemmed = stem(w), true
	}
	// Name particles ("robert de niro") join words but end no phrase.
	particle := nameParticle(w)
	if particle {
		edge = false
	}
	inner = edge || particle || w == "of" || w == "&"
	return key, stemmed, edge, inner
}

// lexeme numbers the lowercase word w, working out its facts the first
// time.
func (e *extractor) lexeme(w string) int32 {
	x, ok := e.ids[w]
	if ok && x.lex >= 0 {
		return x.lex
	}
	if !ok {
		x.stem = -1
	}
	stop := stopword.Is(w)
	key, stemmed, edge, inner := wordFacts(w, stop)
	var sid int32
	if len(key) == len(w) { // key is w: stem shortens what it changes
		if x.stem < 0 {
			x.stem = e.newStem(w)
		}
		sid = x.stem
	} else {
		sid = e.stemID(key)
	}
	x.lex = int32(len(e.lex))
	e.lex = append(e.lex, lexeme{lower: w, stem: sid, stemmed: stemmed, stop: stop, edge: edge, inner: inner})
	e.ids[w] = x
	return x.lex
}

// markSubsumed flags single words that never occur outside one longer
// phrase ("aires" only in "buenos aires"): the phrase says it better.
// Only phrases seen at least minTF times (or in the title) count.
func (e *extractor) markSubsumed(minTF int) {
	for i := range e.list {
		c := &e.list[i]
		if c.n == 1 || c.tf < minTF && !c.inTitle {
			continue
		}
		for _, x := range c.words() {
			// The one-word candidate keyed by stem(x), if any.
			l := &e.lex[x]
			id, ok := l.stem, l.stemmed
			if !ok {
				x, found := e.ids[stem(l.lower)]
				id, ok = x.stem, found && x.stem >= 0
			}
			if !ok {
				continue
			}
			if j := e.single[id]; j >= 0 && e.list[j].tf <= c.tf {
				e.list[j].subsumed = true
			}
		}
	}
}

// prepare tokenizes s onto e.toks.
func (e *extractor) prepare(s string) {
	first := len(e.toks)
	sentenceStart := true
	prevEnd := -1
	tokenize.EachToken(s, func(text, tlower string, start int) {
		// What lies between the previous token and this one decides
		// boundaries.
		if prevEnd >= 0 {
			sentenceStart = false
			if gap := s[prevEnd:start]; !tokenize.Spaces(gap) {
				e.toks[len(e.toks)-1].brk = true
				if endsSentence(gap) {
					sentenceStart = true
				}
			}
		}
		prevEnd = start + len(text)
		lower := strings.TrimSuffix(strings.TrimSuffix(tlower, "'s"), "’s")
		id := e.lexeme(lower)
		l := &e.lex[id]
		r, _ := utf8.DecodeRuneInString(text)
		t := token{lex: id, stem: l.stem, edge: l.edge, inner: l.inner, capital: unicode.IsUpper(r), initial: sentenceStart}
		if len(lower) != len(tlower) && !l.stop && stopword.Is(tlower) {
			// A stopword only with its "'s" ("he's").
			key, _, edge, inner := wordFacts(lower, true)
			t.stem, t.edge, t.inner = e.stemID(key), edge, inner
		}
		e.toks = append(e.toks, t)
	})
	if len(e.toks) > first {
		e.toks[len(e.toks)-1].brk = true
	}
}

// endsSentence reports whether gap holds any of . ! ? : \n.
func endsSentence(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', ':', '\n':
			return true
		}
	}
	return false
}

// collect counts the phrases of the tokens e.toks[lo:hi].
func (e *extractor) collect(lo, hi int, inTitle bool, leadTokens int) {
	ts := e.toks[lo:hi]
	for i := range ts {
		t := &ts[i]
		if !t.edge {
			continue
		}
		initial := t.initial
		lead := !inTitle && i < leadTokens
		// One word.
		ci := e.single[t.stem]
		if ci < 0 {
			ci = e.newCandidate(1, t.stem, 0, 0)
			e.single[t.stem] = ci
		}
		e.count(ci, [maxWords]int32{t.lex}, t.capital, initial, inTitle, lead)
		// Two words.
		if i+1 >= len(ts) || t.brk {
			continue
		}
		u := &ts[i+1]
		if !u.inner {
			continue
		}
		pk := uint64(uint32(t.stem))<<32 | uint64(uint32(u.stem))
		p, ok := e.pairs[pk]
		if !ok {
			p = pair{id: int32(len(e.pairs)), cand: -1}
		}
		capital := t.capital && (u.capital || !u.edge)
		if u.edge {
			if p.cand < 0 {
				p.cand = e.newCandidate(2, t.stem, u.stem, 0)
				ok = false
			}
			e.count(p.cand, [maxWords]int32{t.lex, u.lex}, capital, initial, inTitle, lead)
		}
		if !ok {
			e.pairs[pk] = p
		}
		// Three words.
		if i+2 >= len(ts) || u.brk {
			continue
		}
		v := &ts[i+2]
		if !v.inner || !v.edge {
			continue
		}
		tk := uint64(uint32(p.id))<<32 | uint64(uint32(v.stem))
		ci, ok = e.triples[tk]
		if !ok {
			ci = e.newCandidate(3, t.stem, u.stem, v.stem)
			e.triples[tk] = ci
		}
		e.count(ci, [maxWords]int32{t.lex, u.lex, v.lex}, capital && v.capital, initial, inTitle, lead)
	}
}

// newCandidate adds a candidate of n words keyed by the stems a, b, c.
func (e *extractor) newCandidate(n int, a, b, c int32) int32 {
	ci := int32(len(e.list))
	e.list = append(e.list, candidate{stems: [maxWords]int32{a, b, c}, n: n})
	return ci
}

// count records one occurrence of candidate ci in the form ws.
func (e *extractor) count(ci int32, ws [maxWords]int32, capital, initial, inTitle, lead bool) {
	c := &e.list[ci]
	c.tf++
	c.add(ws)
	if capital && !initial {
		c.capital++
	}
	if inTitle {
		c.inTitle = true
	} else if lead {
		c.inLead = true
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
