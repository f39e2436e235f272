package intel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/hashtag"
	"github.com/tidings/tidings/internal/intel/keyphrase"
	"github.com/tidings/tidings/internal/intel/language"
	"github.com/tidings/tidings/internal/intel/summarize"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// text is the per-article text analysis.
type text struct {
	keyphrases []string
	entities   []tidings.Entity
	summary    []string
	hashtags   []string
	language   string
}

// prepareText runs the text stages that need only the article, in
// language lang.
func prepareText(title, body string, entities []tidings.Entity, lang string) text {
	return text{
		summary:  summarize.Summarize(title, body, summarySentences),
		entities: entities,
		language: lang,
	}
}

// finishText runs the stages that need the stream's document frequencies.
func finishText(title, body string, t text, df keyphrase.DocFreq) text {
	t.keyphrases = keyphrase.Extract(title, body, df, maxKeyphrases)
	phrases := t.keyphrases
	if t.language != "" && t.language != "en" {
		// The extractor's stopwords are English: another language's most
		// frequent function words ("für", "die") would lead its list.
		t.keyphrases = foreignPhrases(t.language, t.keyphrases)
		// The phrase filters know English words only: tags of another
		// language come from names, or from the story's English articles,
		// and in German from nouns, which it writes with a capital.
		phrases = nil
		if language.CapitalizesNouns(t.language) {
			phrases = nounPhrases(title, body, t.keyphrases)
		}
	}
	t.hashtags = hashtag.FromText(title, body, phrases, t.entities, maxHashtags)
	return t
}

// nounPhrases returns the phrases whose every word the title or body
// writes capitalized: in German, the phrases of nouns and names ("Seltene
// Erden", "Bundesregierung"), not verbs ("sollen"). A phrase met once in
// the body only ("bei Ausflügen") is a detail, not a topic, and nouns of
// time and measure ("seit Monaten") are no topics either.
func nounPhrases(title, body string, phrases []string) []string {
	type seen struct {
		capital, inTitle bool
		n                int
	}
	words := map[string]*seen{}
	for i, s := range [2]string{title, body} {
		tokenize.EachToken(s, func(text, lower string, _ int) {
			w := words[lower]
			if w == nil {
				w = &seen{}
				words[lower] = w
			}
			if r, _ := utf8.DecodeRuneInString(text); unicode.IsUpper(r) {
				w.capital = true
			}
			w.inTitle = w.inTitle || i == 0
			w.n++
		})
	}
	var out []string
	for _, p := range phrases {
		nouns, topical := true, false
		for _, f := range strings.Fields(p) {
			w := words[f]
			if w == nil || !w.capital || germanVague[f] {
				nouns = false
				break
			}
			topical = topical || w.inTitle || w.n > 1
		}
		if nouns && topical {
			out = append(out, p)
		}
	}
	return out
}

// germanVague are German nouns of time, quantity and people in general.
var germanVague = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`jahr jahre jahren jahres monat monate monaten monats woche wochen tag tage tagen tages
		stunde stunden minute minuten zeit ende anfang beginn mitte teil teile teilen prozent euro dollar
		million millionen milliarde milliarden grad menschen leute frage fragen seite seiten fall fälle
		mal zahl zahlen uhr montag dienstag mittwoch donnerstag freitag samstag sonntag`) {
		m[w] = true
	}
	return m
}()

// foreignPhrases drops the keyphrases of a text in language code that
// begin or end in one of its function words.
func foreignPhrases(code string, phrases []string) []string {
	out := phrases[:0]
	for _, p := range phrases {
		fs := strings.Fields(p)
		if len(fs) == 0 || language.FunctionWord(code, fs[0]) || language.FunctionWord(code, fs[len(fs)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}
