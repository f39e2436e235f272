// Package entity finds the people, organisations and places an article
// names, for the intelligence panel and for matching stories. It is
// rule-based: runs of capitalized words, cut at titles and sentence-initial
// function words, typed by honorifics, organisation suffixes, a compact
// gazetteer of places and well-known organisations, a list of common given
// names and reporting verbs. Later short mentions ("Bessent") fold into the
// full name given earlier ("Scott Bessent"). Text without capitalization
// (lowercased feeds, most scripts other than Latin) yields few or no
// entities rather than guesses. It is pure and deterministic.
package entity

import (
	"sort"
	"strings"

	tidings "github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/stopword"
)

// maxEntities is how many Extract returns.
const maxEntities = 10

// casedSample is how many words tell whether the text is cased English.
const casedSample = 300

// maxBytes bounds the text examined; names that matter appear early.
const maxBytes = 20000

// Extract returns up to ten entities of the article, most prominent first.
func Extract(title, text string) []tidings.Entity {
	if len(text) > maxBytes {
		text = text[:maxBytes]
	}
	toks := prepare(text)
	if !cased(toks) {
		return nil
	}
	type agg struct {
		tidings.Entity
		count, pos int
		words      []string
		votes      [4]int // by typeIndex
	}
	found := map[string]*agg{}
	var order []*agg
	// Which sentence-initial words does the text also write in lowercase?
	lowerSeen := map[string]bool{}
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
	for _, sp := range spans(toks) {
		words, typ := classify(sp, lowerSeen)
		if len(words) == 0 {
			continue
		}
		name := strings.Join(words, " ")
		key := strings.ToLower(name)
		a := found[key]
		if a == nil {
			a = &agg{Entity: tidings.Entity{Text: name}, pos: sp.pos, words: words}
			found[key] = a
			order = append(order, a)
		}
		a.count++
		a.votes[typeIndex(typ)]++
	}
	// Fold short mentions into longer names that contain them.
	var out []*agg
	for _, a := range order {
		a.Type = vote(a.votes)
		out = append(out, a)
	}
	folded := map[*agg]bool{}
	for _, a := range out {
		if len(a.words) > 1 {
			continue
		}
		for _, b := range out {
			if b == a || folded[b] || len(b.words) < 2 {
				continue
			}
			ws := b.words
			compatible := a.Type == tidings.EntityOther || a.Type == tidings.EntityPerson || a.Type == b.Type || b.Type == tidings.EntityOther
			if compatible && (ws[len(ws)-1] == a.Text || ws[0] == a.Text) {
				b.count += a.count
				if b.Type == tidings.EntityOther {
					b.Type = a.Type
					// News names a person in full once, then by surname:
					// "Lindsay Lohan" ... "Lohan".
					if ws[len(ws)-1] == a.Text && len(ws) <= 3 && !hasAcronym(ws) && a.Type != tidings.EntityOrg && a.Type != tidings.EntityPlace {
						b.Type = tidings.EntityPerson
					}
				}
				folded[a] = true
				break
			}
		}
	}
	var res []*agg
	for _, a := range out {
		if !folded[a] {
			res = append(res, a)
		}
	}
	// A bare OTHER seen once is more often noise than a name.
	sort.SliceStable(res, func(i, j int) bool {
		si, sj := rank(res[i].count, res[i].pos, res[i].Type), rank(res[j].count, res[j].pos, res[j].Type)
		if si != sj {
			return si > sj
		}
		return res[i].pos < res[j].pos
	})
	var ents []tidings.Entity
	for _, a := range res {
		if len(ents) == maxEntities {
			break
		}
		if a.Type == tidings.EntityOther && a.count < 2 {
			continue
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
	for i, x := range types {
		if x == t {
			return i
		}
	}
	return 0
}

// vote picks the type most mentions agree on, preferring a specific type
// over OTHER.
func vote(v [4]int) string {
	best, bn := tidings.EntityOther, 0
	for i := 1; i < len(types); i++ {
		if v[i] > bn {
			best, bn = types[i], v[i]
		}
	}
	return best
}

// cased reports whether the text uses capitalization the English way: some
// but not most words capitalized, and English function words present.
// Lowercased feeds, all-caps text and other languages fail it.
func cased(toks []token) bool {
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
		if stopword.IsFunction(t.lower) {
			fn++
		}
	}
	n := len(toks)
	return caps*50 >= n && caps*10 <= n*6 && fn*100 >= n*15
}
