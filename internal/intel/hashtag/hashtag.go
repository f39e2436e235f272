// Package hashtag turns an article's keyphrases and entities into a few
// short display tags ("RareEarths", "ExportControls", "Geneva") that link
// articles and stories to hashtag pages. Tags are ASCII CamelCase without
// '#', never a stopword, number, date, month or day name, and unique under
// Normalize, the key hashtag pages are stored and compared by.
package hashtag

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	tidings "github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/stopword"
	"golang.org/x/text/unicode/norm"
)

const (
	// maxWords keeps tags readable.
	maxWords = 4
	// maxLen is the longest tag, in bytes.
	maxLen = 30
)

// FromText returns up to n tags, best first, from an article's keyphrases
// (best first) and entities (most prominent first). Topical phrases lead;
// organisations and places follow closely, people after them. A keyphrase
// with a word the article uses as a verb (see Verbs) makes no tag: "pays" of
// "who pays", "ebay releases ipad" beside "eBay released". Nor does one
// that the text writes running a lowercase word into a name ("sluggish
// hasim" of "a sluggish Hasim Rahman"), or a fragment cut across two
// keyphrases (see tailFragments), whose whole takes its place.
func FromText(title, body string, keyphrases []string, entities []tidings.Entity, n int) []string {
	if n <= 0 {
		return nil
	}
	verbs := Verbs(phraseWords(keyphrases), title, body)
	measured := measures(keyphrases, title, body)
	type cand struct {
		words []string
		score float64
		order int
	}
	var cands []cand
	// Keyphrase lists lead with single words ("rare", "earth") that are
	// parts of phrases further down ("rare earth"): the phrase makes the
	// better tag, so it takes the best rank of its parts and the parts go.
	rank := map[string]int{}
	inPhrase := map[string]bool{}
	for i, p := range keyphrases {
		if ws := strings.Fields(p); len(ws) == 1 {
			if _, ok := rank[p]; !ok {
				rank[p] = i
			}
		} else {
			for _, w := range ws {
				inPhrase[w] = true
			}
		}
	}
	// A lone word of a longer name ("lohan" of "Lindsay Lohan") stands
	// for the whole name.
	nameOf := map[string][]string{}
	for _, e := range entities {
		if e.Type != tidings.EntityPerson && e.Type != tidings.EntityOrg && e.Type != tidings.EntityPlace {
			continue
		}
		ws := nameWords(e)
		if len(ws) < 2 {
			continue
		}
		for _, w := range ws {
			lw := strings.ToLower(w)
			if _, ok := nameOf[lw]; !ok && len(lw) >= 3 && !stopword.Is(lw) {
				nameOf[lw] = ws
			}
		}
	}
	var persons [][]string // the words of the people's names
	for _, e := range entities {
		if e.Type == tidings.EntityPerson {
			persons = append(persons, words(e.Text))
		}
	}
	// The text's words are split once, when a phrase needs them.
	var textWords []string
	text := func() []string {
		if textWords == nil {
			textWords = runWords(title + "\n" + body)
		}
		return textWords
	}
	// Names are whole: "hasim rahman" stays beside "sluggish hasim
	// rahman", "species act" gives way to "endangered species act".
	var names []string
	tails := tailFragments(keyphrases, func(p, q string) bool {
		if names == nil {
			names = make([]string, 0, len(entities))
			for _, e := range entities {
				names = append(names, strings.ToLower(strings.Join(words(e.Text), " ")))
			}
		}
		if slices.ContainsFunc(names, func(n string) bool { return n == p || strings.HasSuffix(n, " "+p) }) && !slices.Contains(names, q) {
			return false
		}
		fs := strings.Fields(q)
		if len(fs) < 2 {
			return false
		}
		if intoName(text(), fs) {
			return false // "sluggish Hasim Rahman", "bans Vagina Monologues"
		}
		// "biggest ports idle" is no better than "ports idle"; "bank
		// profits tumble" is a clause, its middle word a plural subject or
		// a verb ("revenue beats forecasts").
		return !adjective[fs[0]] && !superlative[fs[0]] && !(len(fs) == 3 && pluralLike(fs[1])) && !verbLike(fs) && nounLike(fs) &&
			!slices.ContainsFunc(fs, func(w string) bool { return verbs[w] || titleAbbrev[w] })
	})
	for i, p := range keyphrases {
		fs := strings.Fields(p)
		if len(fs) == 1 && inPhrase[p] {
			continue
		}
		if _, ok := tails[p]; ok {
			continue
		}
		best := i
		for q, longer := range tails {
			if longer == p {
				best = min(best, slices.Index(keyphrases, q))
			}
		}
		for _, w := range fs {
			if r, ok := rank[w]; ok && r < best {
				best = r
			}
		}
		ws := words(p)
		if name, ok := nameOf[p]; ok && len(fs) == 1 {
			cands = append(cands, cand{name, 1 / float64(best+1), len(cands)})
			continue
		}
		// "hillary rodham" and "rodham clinton" are parts of one
		// person's name, and stand for it.
		if name := personOf(ws, persons); name != nil {
			cands = append(cands, cand{name, 1 / float64(best+1), len(cands)})
			continue
		}
		if slices.ContainsFunc(fs, func(w string) bool { return titleAbbrev[w] }) {
			continue // "homicide capt"
		}
		if verbLike(fs) || !nounLike(fs) || measured[p] || slices.ContainsFunc(fs, func(w string) bool { return verbs[w] }) {
			continue
		}
		if len(fs) > 1 {
			found, into := nameRun(text(), fs)
			if into {
				continue // "sluggish hasim" of "a sluggish Hasim Rahman"
			}
			if !found && len(fs) == 2 && possessive(text(), fs) && slices.ContainsFunc(keyphrases, func(q string) bool { return strings.HasPrefix(q, fs[1]+" ") }) {
				// "solberg shipping" of "Solberg's shipping warning",
				// beside "shipping warning": whose, and part of what.
				continue
			}
		}
		s := 1 / float64(best+1)
		if len(ws) == 2 {
			s *= 1.3 // two-word phrases make the most telling tags
		}
		cands = append(cands, cand{ws, s, len(cands)})
	}
	// An entity's own casing ("NATO") beats a keyphrase's lowercase.
	cased := map[string]string{}
	orgPlace, person := 0, 0
	for _, e := range entities {
		ws := nameWords(e)
		if tag, ok := camel(ws); ok {
			if _, dup := cased[Normalize(tag)]; !dup {
				cased[Normalize(tag)] = tag
			}
		}
		switch e.Type {
		case tidings.EntityOrg, tidings.EntityPlace:
			orgPlace++
			cands = append(cands, cand{ws, 0.9 / float64(orgPlace), len(cands)})
		case tidings.EntityPerson:
			person++
			cands = append(cands, cand{ws, 0.4 / float64(person), len(cands)})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if len(out) == n {
			break
		}
		tag, ok := camel(c.words)
		if !ok {
			continue
		}
		if c, ok := cased[Normalize(tag)]; ok {
			tag = c
		}
		key := strings.TrimSuffix(Normalize(tag), "s")
		if seen[key] || overlaps(key, seen) {
			continue
		}
		seen[key] = true
		out = append(out, tag)
	}
	return out
}

// maxFragmentOf bounds the phrases whose tail fragments give way to them:
// "rare earth magnets" makes a readable tag, longer phrases seldom do.
const maxFragmentOf = 3

// tailFragments maps each keyphrase of two or more words that straddles
// two parts of a longer keyphrase to that phrase: "earth magnets" ends
// "rare earth magnets" and begins inside "rare earth", another keyphrase,
// so its tag (#EarthMagnets) reads as a topic that is none. The longer
// phrase, when ok accepts it and it has at most maxFragmentOf words, takes
// the fragment's place. The head part stays ("rare earth" is a topic of
// its own), and so does a tail whose head is no keyphrase ("container
// terminals" of "shuts container terminals"). ok(p, q) tells whether q may
// take the place of p.
func tailFragments(keyphrases []string, ok func(p, q string) bool) map[string]string {
	var out map[string]string
	for _, p := range keyphrases {
		n := strings.Count(p, " ") + 1
		if n < 2 {
			continue
		}
		for _, q := range keyphrases {
			m := strings.Count(q, " ") + 1
			if m <= n || m > maxFragmentOf || !strings.HasSuffix(q, " "+p) {
				continue
			}
			if head := q[:strings.LastIndexByte(q, ' ')]; !slices.Contains(keyphrases, head) || !ok(p, q) {
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			if _, seen := out[p]; !seen {
				out[p] = q
			}
		}
	}
	return out
}

// intoName reports whether the text never writes the phrase ws
// (lowercase words), or writes it with a lowercase first word and a
// capitalized second one: the second begins a name, which the first does
// not belong to ("sluggish Hasim Rahman", "bans Vagina Monologues"; not
// "Ilkley bakery cuts").
func intoName(text, ws []string) bool {
	found, into := nameRun(text, ws)
	return !found || into
}

// nameRun reports whether the text writes the phrase ws, and whether it
// ever does so with a lowercase first word and a capitalized second one.
func nameRun(text, ws []string) (found, into bool) {
	for i := 0; i+len(ws) <= len(text); i++ {
		if !foldAt(text, i, ws) {
			continue
		}
		found = true
		// An acronym is no name that a word runs into: "generative AI",
		// "state TV".
		if len(ws) > 1 && !upperFirst(text[i]) && upperFirst(text[i+1]) && !allUpper(text[i+1]) {
			return true, true
		}
	}
	return found, false
}

// possessive reports whether the text writes the two words ws with the
// first in the possessive ("Solberg's shipping"; words folds the
// apostrophe away).
func possessive(text, ws []string) bool {
	poss := []string{ws[0] + "s", ws[1]}
	for i := 0; i+2 <= len(text); i++ {
		if foldAt(text, i, poss) {
			return true
		}
	}
	return false
}

// foldAt reports whether the words of hay from i on are those of needle,
// case folded.
func foldAt(hay []string, i int, needle []string) bool {
	for k, w := range needle {
		if !strings.EqualFold(hay[i+k], w) {
			return false
		}
	}
	return true
}

func allUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// pluralLike reports a word that reads as a plural noun or a verb in the
// third person: "profits", "beats"; not "species" or "news".
func pluralLike(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !sNouns[w]
}

// nameWords returns the words of an entity's tag: an organisation's
// without its legal form ("Acer Inc" is #Acer).
func nameWords(e tidings.Entity) []string {
	ws := words(e.Text)
	if e.Type == tidings.EntityOrg && len(ws) > 1 && legalForms[strings.TrimSuffix(ws[len(ws)-1], ".")] {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// legalForms end companies' names: Inc, Ltd, Plc and the like.
var legalForms = set("Inc Corp Co Ltd LLC LLP Plc PLC AG SA SE NV GmbH Limited")

// sNouns end in -s and are no plurals.
var sNouns = set("species news series means gas bus lens")

// runWords splits a text into words as words does, with an empty word
// where a sentence or a line ends, so that no phrase is matched across
// one ("the drop in carbon. Emissions rose").
func runWords(text string) []string {
	var ws []string
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !strings.ContainsRune(".!?;:\n", rune(text[i])) {
			continue
		}
		ws = append(ws, words(text[start:i])...)
		if len(ws) > 0 && ws[len(ws)-1] != "" {
			ws = append(ws, "")
		}
		start = i + 1
	}
	return ws
}

func upperFirst(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// verbLike reports single keyphrase words that read as verbs, not topics
// ("terminated", "claiming"). Phrases are left alone: "endangered species"
// and "armed forces" are topics. Entities are exempt: they are names.
func verbLike(ws []string) bool {
	if len(ws) != 1 {
		return false
	}
	w := ws[0]
	return len(w) > 4 && strings.HasSuffix(w, "ed") || len(w) > 5 && strings.HasSuffix(w, "ing")
}

// nounLike reports whether a keyphrase reads as a topic: not a lone vague
// word ("thousands"), not a fragment of a sentence with a verb or an
// adverb in it ("lander touched", "failure disrupts", "disrupts york"),
// and not ending in a bare direction ("moon south"). Keyphrases are
// lowercase: their words' parts of speech are guessed from a closed list
// of the verbs and adverbs news sentences are made of, and from endings.
func nounLike(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	if len(ws) == 1 {
		// Under four letters, a lone lowercase word is more often a
		// function word of a language the stopwords miss than a topic.
		w := ws[0]
		return len(w) >= 4 && !vague[w] && !clauseWord[w] && !modifier(w)
	}
	for _, w := range ws {
		if clauseWord[w] {
			return false
		}
	}
	first, last := ws[0], ws[len(ws)-1]
	if direction[last] || superlative[first] {
		return false
	}
	// "-ed" ends a clause ("lander touched") but begins a topic ("armed
	// forces"); "-ly" is an adverb either way.
	if len(last) > 4 && strings.HasSuffix(last, "ed") {
		return false
	}
	return !strings.HasSuffix(first, "ly") && !strings.HasSuffix(last, "ly")
}

// modifier reports a lone word that qualifies a topic rather than naming
// one: an adverb ("infamously"), an ordinal ("sixth") or a common
// adjective ("dangerous", "southern", "clear"). Nouns ending like
// adverbs ("family", "rally") are kept.
func modifier(w string) bool {
	if adjective[w] || superlative[w] {
		return true
	}
	if strings.HasSuffix(w, "ly") && !lyNoun[w] {
		return true
	}
	return len(w) > 5 && (strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ful"))
}

// adjective lists common adjectives and ordinals of news text.
var adjective = set("clear direct local proper improper general major minor former latest recent current possible potential key top big small large huge high low full free open close early late main certain real different whole public private national international global new old young long short serious critical loose final first second third fourth fifth sixth seventh eighth ninth tenth last next previous various own such other same few less least best worst better worse good bad great able available important special social political economic financial federal foreign domestic military human total annual daily weekly monthly sexist racist southern northern eastern western central")

// superlative lists the superlatives of news text: "biggest ports" is no
// topic either.
var superlative = set("biggest largest smallest highest lowest longest greatest strongest newest oldest youngest hottest deepest fastest richest poorest busiest")

// lyNoun lists nouns (and names) ending in "-ly".
var lyNoun = set("family assembly supply rally ally italy monopoly anomaly belly jelly bully reply fly holly lily molly sally kelly emily")

// vague words say nothing of a story on their own; units of measure
// neither ("the last 500 metres").
var vague = set("thousands hundreds millions billions dozens many several people year years day days week weeks month months time times way thing things lot part number numbers group groups place places area areas case cases issue issues news report reports statement official officials percent headline headlines minute minutes second seconds secs hour hours " +
	"metre metres meter meters kilometre kilometres kilometer kilometers mile miles feet foot inch inches yard yards tonne tonnes kilogram kilograms kilo kilos gram grams litre litres liter liters gallon gallons degree degrees celsius fahrenheit")

// clauseWord lists common verbs and adverbs of news sentences, in their
// inflections, that a keyphrase cut out of a sentence may begin or end in.
var clauseWord = set("say says said tell tells told check checks know knows knew known think thinks thought believe believes feel feels look looks seem seems find finds found leave leaves left depend depends hit hits warn warns urge urges call calls plan plans face faces seek seeks win wins lose loses lead leads make makes take takes get gets go goes come comes show shows see sees set sets continue continues remain remains become becomes disrupt disrupts shut shuts cause causes kill kills help helps keep keeps give gives put puts run runs hold holds bring brings begin begins meet meets include includes allow allows expect expects add adds need needs want wants use uses try tries approve approves approved jump jumps ease eases struck stole stolen fled sank swept swore sworn drove flew tore slain rise rises fall falls soar soars slump slumps plunge plunges surge surges climb climbs thrown threaten threatens vow vows slam slams mull mulls unveil unveils announce announces reveal reveals deny denies reject rejects pledge pledges propose proposes near also just still now again already very more most even only then there here likely could would should might must may will can")

// direction words end fragments of place names ("moon south" from "the
// Moon's south pole").
var direction = set("north south east west northern southern eastern western")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Top returns up to n of tags, ranked best first, leaving out a tag whose
// key is, or contains, or is contained in that of a better one ("Tariff"
// after "Tariffs", "RareEarth" after "RareEarthMagnets").
func Top(tags []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, tag := range tags {
		if len(out) == n {
			break
		}
		key := strings.TrimSuffix(Normalize(tag), "s")
		if key == "" || seen[key] || overlaps(key, seen) {
			continue
		}
		seen[key] = true
		out = append(out, tag)
	}
	return out
}

// overlaps reports whether key contains or is contained in a chosen tag's
// key ("rareearth" and "rareearthmagnet"): one of them is enough.
func overlaps(key string, seen map[string]bool) bool {
	if len(key) < 4 {
		return false
	}
	for k := range seen {
		if len(k) >= 4 && (strings.Contains(k, key) || strings.Contains(key, k)) {
			return true
		}
	}
	return false
}

// Normalize returns the key of a tag: ASCII letters and digits only,
// lowercase, diacritics folded, '#' and punctuation dropped, so "#Rare-Earths",
// "rareearths" and "RareEarths" are one hashtag.
func Normalize(tag string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(tag) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		}
	}
	return b.String()
}

// IsKey reports whether Normalize(tag) is key, without building the key
// of an ASCII tag: a story compares each new tag with all it has.
func IsKey(tag, key string) bool {
	if !ascii(tag) {
		return Normalize(tag) == key
	}
	j := 0
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			continue
		}
		if j == len(key) || key[j] != c {
			return false
		}
		j++
	}
	return j == len(key)
}

// words splits a phrase into its words, hyphens and apostrophes included
// as separators, with diacritics folded.
func words(p string) []string {
	p = norm.NFKD.String(p)
	var ws []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			ws = append(ws, cur.String())
			cur.Reset()
		}
	}
	for _, r := range p {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’':
			// "Bessent's" folds to "Bessents"; a possessive tag is rare.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return ws
}

// camel builds the display tag, or reports that the words make no tag.
func camel(ws []string) (string, bool) {
	if len(ws) == 0 || len(ws) > maxWords {
		return "", false
	}
	var b strings.Builder
	for i, w := range ws {
		lw := strings.ToLower(w)
		if !ascii(w) || dateWord(lw) || !hasLetter(w) {
			return "", false
		}
		if (i == 0 || i == len(ws)-1) && stopword.Is(lw) {
			return "", false
		}
		if w == lw {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		} else {
			b.WriteString(w) // keep "NATO", "McDonald"
		}
	}
	tag := b.String()
	if len(tag) < 2 || len(tag) > maxLen {
		return "", false
	}
	return tag, true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0 && strings.IndexFunc(s, unicode.IsDigit) < 0
}

// dateWord reports month and day names and their abbreviations.
func dateWord(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
		"today", "yesterday", "tomorrow", "week", "weekend", "year", "month", "day", "am", "pm":
		return true
	}
	return false
}

// personOf returns the words of the person's name (of names, the words
// of people's names) of which the words fs of a keyphrase of two or more
// words are a part, or nil.
func personOf(fs []string, names [][]string) []string {
	if len(fs) < 2 {
		return nil
	}
	for _, ws := range names {
		if len(ws) <= len(fs) {
			continue
		}
		for i := 0; i+len(fs) <= len(ws); i++ {
			if foldAt(ws, i, fs) {
				return ws
			}
		}
	}
	return nil
}

// titleAbbrev are abbreviated titles, which a tag never holds; those that
// are also words of topics ("gen z", "dr congo", "st louis", "ms
// patients") are not listed.
var titleAbbrev = set("capt lt sgt col adm cmdr det insp supt cpl pvt maj mr mrs prof rev")

// measures returns the keyphrases of two or more words that the texts
// only ever write after a number: "pound tram" of "a 410 million pound
// tram extension" is a unit and what it measures, no topic; "dollar
// slide" of "the dollar's slide" is one.
func measures(keyphrases []string, texts ...string) map[string]bool {
	var text string
	var out map[string]bool
	for _, p := range keyphrases {
		if !strings.Contains(p, " ") {
			continue
		}
		if text == "" {
			text = strings.ToLower(strings.Join(texts, "\n"))
		}
		afterNumber, other := 0, 0
		for i := 0; ; {
			k := strings.Index(text[i:], p)
			if k < 0 {
				break
			}
			at, end := i+k, i+k+len(p)
			i = end
			if at > 0 && wordByte(text[at-1]) || end < len(text) && wordByte(text[end]) {
				continue // inside a longer word
			}
			if w, k := lastWord(text[:at]); numberWord(w) && !glued(text[:k]) && !year(w) {
				afterNumber++
			} else {
				other++
			}
		}
		if afterNumber > 0 && other == 0 {
			if out == nil {
				out = map[string]bool{}
			}
			out[p] = true
		}
	}
	return out
}

func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= 0x80
}

// lastWord returns the word that ends s, after any spaces, and where it
// starts in s.
func lastWord(s string) (string, int) {
	t := strings.TrimRight(s, " \t")
	i := len(t)
	for i > 0 && (wordByte(t[i-1]) || t[i-1] == ',' || t[i-1] == '.') {
		i--
	}
	return t[i:], i
}

// glued reports whether s ends in a hyphen or a letter: a number after
// it is part of a name ("Covid-19", "F35").
func glued(s string) bool {
	return s != "" && (s[len(s)-1] == '-' || 'a' <= s[len(s)-1] && s[len(s)-1] <= 'z')
}

// year reports a year ("2026 World Cup"), which dates a topic and does
// not measure it.
func year(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && numberWord(w)
}

// numberWord reports a number written in figures ("410", "1,200",
// "£410m") or a word of magnitude ("million").
func numberWord(w string) bool {
	if magnitudes[w] {
		return true
	}
	for _, c := range [...]string{"$", "£", "€", "¥"} {
		w = strings.TrimPrefix(w, c)
	}
	for _, m := range [...]string{"bn", "mn", "m", "k", "b"} {
		if t, ok := strings.CutSuffix(w, m); ok {
			w = t
			break
		}
	}
	digit := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			digit = true
		case c == ',' || c == '.':
		default:
			return false
		}
	}
	return digit
}

var magnitudes = set("hundred thousand million billion trillion bn mn m k")
