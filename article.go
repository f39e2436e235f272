package tidings

import "time"

// Article is one item as published by one source.
type Article struct {
	ID          int64
	SourceID    int64
	GUID        string // as in the feed; unique within a source
	URL         string // canonical: tracking parameters stripped
	Title       string
	Author      string
	PublishedAt time.Time
	HTML        string // sanitized
	Text        string // plain text of HTML
	Language    string // ISO 639-1, "" when unknown
	ContentHash string // hash of the normalized text, for exact dedup
	// RawHash is the hash of the feed item before cleaning (feed.Item's
	// RawHash), "" when unknown. It is stored for RawHashes, so that a
	// refresh can tell an unchanged item without sanitizing it again, but
	// reads of articles leave it empty: nothing else needs it.
	RawHash string
	// DuplicateOf is the ID of the canonical article this one copies, 0 when
	// it is canonical itself.
	DuplicateOf int64
	// Replaces is set by analysis on a duplicate that is fuller than its
	// canonical (the full text of an earlier teaser or truncated copy): it
	// is the ID of that canonical, whose place this article takes when the
	// analysis is saved. It is not stored.
	Replaces  int64
	StoryID   int64 // 0 until analyzed
	CreatedAt time.Time
	UpdatedAt time.Time

	Intel
}

// Intel is what local analysis derives from an article's text.
type Intel struct {
	Summary    []string // 1-3 sentences from the article, in article order
	Keyphrases []string // best first
	Hashtags   []string // display forms without '#', e.g. "RareEarths"
	Entities   []Entity
	Related    []int64 // article IDs of other stories, best first
}

// Entity types.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityPlace  = "PLACE"
	EntityOther  = "OTHER"
)

// Entity is a person, organisation or place named in a text.
type Entity struct {
	Text string `json:"text"`
	Type string `json:"type"`
}
