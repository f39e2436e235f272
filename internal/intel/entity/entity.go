// Package entity finds the people, organisations and places an article
// names, for the intelligence panel and for matching stories. It is
// rule-based: runs of capitalized words, cut at titles and sentence-initial
// function words, typed by honorifics, organisation suffixes, the shapes
// of place names ("Gulf of Aden", "Qeshm Island"), datelines ("OTTAWA,
// Ont. -"), a compact gazetteer of places, well-known organisations and
// sports teams, a list of common given names, roles and reporting verbs. Later short mentions ("Bessent") fold into the
// full name given earlier ("Scott Bessent"). Text in another language
// written with capitals (French, Spanish, German, ...) is read by that
// language's function words, and its names are typed by the gazetteer and
// given names; in German, which capitalizes every noun, only such typed
// names are kept. Text without capitalization (lowercased feeds, most
// scripts other than Latin) yields few or no entities rather than guesses.
// It is pure and deterministic.
package entity

import (
	"cmp"
	"slices"
	"strings"

	tidings "github.com/tidings/tidings"
)

// maxEntities is how many Extract returns.
const maxEntities = 10

// casedSample is how many words tell whether the text is cased English.
const casedSample = 300

// maxBytes bounds the text examined; names that matter appear early.
const maxBytes = 20000

// agg gathers the mentions of one name.
type agg struct {
	tidings.Entity
	count, pos int
	words      []string
	votes      [5]int // by typeIndex; the last counts weakPlace
	// weak marks a place named only after a preposition of place, which
	// folds into a longer name of any type ("in Palin's church" is about
	// Sarah Palin).
	weak bool
	// said counts mentions that open a sentence and say something: no
	// evidence of a name alone, and of a person's name for a longer name
	// they end.
	said int
	// speaks counts the mentions before a reporting verb ("Coventry said"):
	// a place's name that speaks is a person's surname.
	speaks int
	folded bool // into a longer name
	rank   float64
}

// Extract returns up to ten entities of the article, most prominent first.
// lang is the text's language, as language.Detect gives it: "" reads the
// text as English, which is what the cue lists here know best.
func Extract(title, text, lang string) []tidings.Entity {
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	e := getExtractor()
	defer e.release()
	if !e.prepare(text, lang) {
		return nil
	}
	toks := e.toks
	// Which sentence-initial words does the text also write in lowercase?
	lowerSeen := e.lowerSeen
	for _, t := range toks {
		if t.initial && t.capital {
			lowerSeen[t.lower] = false
		}
	}
	for _, t := range toks {
		if !t.capital {
			if _, ok := lowerSeen[t.lower]; ok {
				lowerSeen[t.lower] = true
			}
		}
	}
	e.findSpans()
	for _, sp := range e.spans {
		lo, words, typ := e.classify(sp)
		// "Cheeks said": a word opening a sentence is no name of its own,
		// but when it ends a longer name, it names a person.
		said := false
		if len(words) == 0 {
			if len(sp.words) != 1 || !sp.first || e.lang != "" || !sayVerbs[sp.next] || notNames[sp.words[0]] || e.lowerSeen[e.toks[sp.pos].lower] {
				continue
			}
			words, said = sp.words, true
		}
		// The name lowercased, from its tokens' lowercase forms.
		key := e.buf[:0]
		for k := range words {
			if k > 0 {
				key = append(key, ' ')
			}
			key = append(key, toks[sp.pos+lo+k].lower...)
		}
		e.buf = key
		ai, ok := e.found[string(key)]
		if !ok {
			ai = int32(len(e.aggs))
			e.aggs = append(e.aggs, agg{Entity: tidings.Entity{Text: strings.Join(words, " ")}, pos: sp.pos, words: words})
			e.found[string(key)] = ai
		}
		a := &e.aggs[ai]
		if sayVerbs[sp.next] && lo+len(words) == len(sp.words) {
			a.speaks++
		}
		if said {
			a.said++
			continue
		}
		a.count++
		a.votes[typeIndex(typ)]++
	}
	// Fold short mentions into longer names that contain them.
	out := e.aggs
	for i := range out {
		out[i].Type, out[i].weak = vote(out[i].votes)
		if out[i].weak && out[i].said > 0 {
			// "directed at Palin" beside "Palin told an assistant": a
			// name that says something is no place.
			out[i].Type, out[i].weak = tidings.EntityOther, false
		}
	}
	for i := range out {
		a := &out[i]
		if len(a.words) > 1 {
			continue
		}
		for j := range out {
			b := &out[j]
			if j == i || b.folded || len(b.words) < 2 {
				continue
			}
			ws := b.words
			aType := a.Type
			if a.weak {
				aType = tidings.EntityOther
			}
			// tail: a ends b as a surname ends a person's name.
			tail := ws[len(ws)-1] == a.Text && len(ws) <= 3 && !hasAcronym(ws)
			// A place's name is a surname too: "Eddie Jordan" ...
			// "Jordan", "Kirsty Coventry" ... "Coventry said".
			surname := tail && aType == tidings.EntityPlace && !placeQualifiers[ws[0]] &&
				(b.Type == tidings.EntityPerson || b.Type == tidings.EntityOther && a.speaks > 0)
			compatible := aType == tidings.EntityOther || aType == tidings.EntityPerson || aType == b.Type || b.Type == tidings.EntityOther || surname
			if a.count == 0 && ws[len(ws)-1] != a.Text {
				continue // said mentions fold into a surname only
			}
			if compatible && (ws[len(ws)-1] == a.Text || ws[0] == a.Text) {
				b.count += a.count + a.said
				if b.Type == tidings.EntityOther {
					b.Type = aType
					// News names a person in full once, then by surname:
					// "Lindsay Lohan" ... "Lohan".
					if tail && aType != tidings.EntityOrg && aType != tidings.EntityPlace || surname {
						b.Type = tidings.EntityPerson
					}
				}
				a.folded = true
				break
			}
		}
	}
	res := e.order
	for i := range out {
		if !out[i].folded && out[i].count > 0 {
			typ := out[i].Type
			if out[i].weak {
				typ = tidings.EntityOther // a weak place ranks as a bare name
			}
			out[i].rank = rank(out[i].count, out[i].pos, typ)
			res = append(res, int32(i))
		}
	}
	e.order = res
	// A bare OTHER seen once is more often noise than a name.
	slices.SortStableFunc(res, func(i, j int32) int {
		a, b := &out[i], &out[j]
		if a.rank != b.rank {
			if a.rank > b.rank {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.pos, b.pos)
	})
	var ents []tidings.Entity
	for _, i := range res {
		a := &out[i]
		if len(ents) == maxEntities {
			break
		}
		if a.Type == tidings.EntityOther && (a.count < 2 || e.nounCaps) {
			continue
		}
		if ents == nil {
			ents = make([]tidings.Entity, 0, min(maxEntities, len(res)))
		}
		if len(a.words) == 1 {
			// A one-word name is a slice of text: a copy keeps the
			// article's text from living as long as the entity (a
			// story's entities live as long as its window).
			a.Text = strings.Clone(a.Text)
		}
		ents = append(ents, a.Entity)
	}
	return ents
}

func rank(count, pos int, typ string) float64 {
	s := float64(count) + 1/(1+float64(pos)/50)
	if typ == tidings.EntityOther {
		s *= 0.5
	}
	return s
}

// types are the entity types in the order votes count them.
var types = [4]string{tidings.EntityOther, tidings.EntityPerson, tidings.EntityOrg, tidings.EntityPlace}

func typeIndex(t string) int {
	if t == weakPlace {
		return len(types)
	}
	for i, x := range types {
		if x == t {
			return i
		}
	}
	return 0
}

// vote picks the type most mentions agree on, preferring a specific type
// over OTHER; a name that only prepositions of place mark is a weak place.
func vote(v [5]int) (typ string, weak bool) {
	best, bn := tidings.EntityOther, 0
	for i := 1; i < len(types); i++ {
		if v[i] > bn {
			best, bn = types[i], v[i]
		}
	}
	if bn == 0 && v[len(types)] > 0 {
		return tidings.EntityPlace, true
	}
	return best, false
}

// weakPlace is the type classify gives a name that only a preposition of
// place marks as one ("at Wembley").
const weakPlace = "PLACE?"

// cased reports whether the text uses capitalization the way names are
// found here: some but not most words capitalized, and function words
// (isFunction) present. Lowercased feeds and all-caps text fail it, and so
// does a text whose function words are not isFunction's language.
func cased(toks []token, isFunction func(string) bool) bool {
	if len(toks) == 0 {
		return false
	}
	if len(toks) > casedSample {
		toks = toks[:casedSample]
	}
	caps, fn := 0, 0
	for _, t := range toks {
		if t.capital {
			caps++
		}
		if isFunction(t.lower) {
			fn++
		}
	}
	n := len(toks)
	return caps*50 >= n && caps*10 <= n*6 && fn*100 >= n*15
}
