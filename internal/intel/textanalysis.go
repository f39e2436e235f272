package intel

import (
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/hashtag"
	"github.com/tidings/tidings/internal/intel/keyphrase"
	"github.com/tidings/tidings/internal/intel/language"
	"github.com/tidings/tidings/internal/intel/summarize"
)

// text is the per-article text analysis.
type text struct {
	keyphrases []string
	entities   []tidings.Entity
	summary    []string
	hashtags   []string
	language   string
}

// prepareText runs the text stages that need only the article.
func prepareText(title, body string, entities []tidings.Entity) text {
	return text{
		summary:  summarize.Summarize(title, body, summarySentences),
		entities: entities,
		language: language.Detect(title + "\n" + body),
	}
}

// finishText runs the stages that need the stream's document frequencies.
func finishText(title, body string, t text, df keyphrase.DocFreq) text {
	t.keyphrases = keyphrase.Extract(title, body, df, maxKeyphrases)
	phrases := t.keyphrases
	if t.language != "" && t.language != "en" {
		// The phrase filters know English words only: tags of another
		// language come from names, or from the story's English articles.
		phrases = nil
	}
	t.hashtags = hashtag.FromText(title+"\n"+body, phrases, t.entities, maxHashtags)
	return t
}
