// Package intel is story intelligence: for each article, in arrival order,
// whether it is a near-duplicate of an earlier one, which story (real-world
// event) it belongs to, related articles of other stories, and the
// per-article analysis (summary, keyphrases, entities, hashtags, language).
// The batch command `tidings analyze` and the live pipeline both drive the
// same Analyzer, so they decide the same way. It is pure and deterministic.
package intel

import (
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/cluster"
)

// Doc is one article as the Analyzer sees it.
type Doc struct {
	// Key identifies the article: the JSONL id, or the article ID in
	// decimal in the live pipeline. Story IDs are keys too.
	Key    string
	Title  string
	Body   string // plain text or HTML (tags are stripped)
	URL    string
	Source string
	// Published orders the stream; zero means "the time of the doc before"
	// (input order is time order).
	Published time.Time
}

// Result is what the Analyzer decided and derived for one Doc.
type Result struct {
	Key string
	// DuplicateOf is the key of the earlier canonical article this one
	// copies, or "".
	DuplicateOf string
	// Replaces is DuplicateOf when this copy is clearly fuller than the
	// text that holds the canonical's place (the full text of an earlier
	// teaser or truncated copy): a store makes it the canonical instead.
	// The stream's decisions still treat DuplicateOf as the canonical.
	Replaces string
	// Story is the key of the first article of the story the doc is in,
	// after any merge this doc caused.
	Story string
	// Merged lists stories (by ID) that this doc merged into Story; a store
	// moves their articles to Story.
	Merged []string
	// Related lists keys of up to 5 articles of other stories, best first.
	Related []string
	// Hashtags are the story's: every article of a story reports the same.
	Hashtags []string
	// StoryEntities are the story's most named entities so far, the most
	// named first, counting this doc.
	StoryEntities []tidings.Entity
	Keyphrases    []string
	Entities      []tidings.Entity
	Summary       []string
	Language      string
}

// Options tunes an Analyzer; the zero value of a field takes its default.
type Options struct {
	// Window is how far back a new article looks for its duplicates and its
	// story; older state is forgotten. Default 7 days.
	Window time.Duration
	// SkipText turns off the per-article text analysis (summary, keyphrases,
	// entities, hashtags, language), for callers that only need duplicates
	// and stories, such as a warm start.
	SkipText bool
	// Cluster tunes story clustering; its Window is taken from Window.
	Cluster cluster.Options
}

// Defaults for the per-article text analysis.
const (
	summarySentences = 3
	maxKeyphrases    = 20
	maxHashtags      = 5
)
