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

// analyzeText runs the text stages on one article. df is the document
// frequency table of the stream so far.
func analyzeText(title, body string, entities []tidings.Entity, df keyphrase.DocFreq) text {
	t := text{
		summary:    summarize.Summarize(title, body, summarySentences),
		keyphrases: keyphrase.Extract(title, body, df, maxKeyphrases),
		entities:   entities,
		language:   language.Detect(title + "\n" + body),
	}
	t.hashtags = hashtag.FromPhrases(t.keyphrases, t.entities, maxHashtags)
	return t
}
