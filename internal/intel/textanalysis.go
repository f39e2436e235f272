package intel

import (
	"slices"
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
		if t.language == "de" {
			phrases = nounPhrases(title, body, t.keyphrases)
		}
	}
	t.hashtags = hashtag.FromText(title, body, phrases, t.entities, maxHashtags)
	return t
}

// nounPhrases returns the phrases whose every word the title or body
// writes capitalized somewhere: in German, the phrases of nouns and names
// ("Seltene Erden", "Bundesregierung"), not verbs ("sollen").
func nounPhrases(title, body string, phrases []string) []string {
	capital := map[string]bool{}
	for _, s := range [2]string{title, body} {
		tokenize.EachToken(s, func(text, lower string, _ int) {
			if r, _ := utf8.DecodeRuneInString(text); unicode.IsUpper(r) {
				capital[lower] = true
			}
		})
	}
	var out []string
	for _, p := range phrases {
		if !slices.ContainsFunc(strings.Fields(p), func(w string) bool { return !capital[w] }) {
			out = append(out, p)
		}
	}
	return out
}

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
