package tidings

import "time"

// FullTextMode says when the article page is fetched to replace a feed's teaser.
type FullTextMode string

// Full-text modes of a source.
const (
	FullTextAuto FullTextMode = "auto" // when the feed item looks truncated
	FullTextOn   FullTextMode = "on"   // always
	FullTextOff  FullTextMode = "off"  // never
)

// Source is one subscribed feed and its publisher site.
type Source struct {
	ID        int64
	FeedURL   string // unique
	SiteURL   string
	Title     string
	Folder    string // OPML folder ("" for none)
	FullText  FullTextMode
	CreatedAt time.Time

	FetchState
}

// FetchState is what the fetcher remembers of a source between refreshes:
// validators for conditional GET and the health shown by `tidings sources`.
type FetchState struct {
	ETag          string
	LastModified  string
	LastFetchedAt time.Time // zero: never fetched
	NextFetchAt   time.Time // when the source is due again
	LastStatus    int       // last HTTP status (0: no response)
	LastError     string    // "" after a success
	ErrorCount    int       // consecutive failures; 0 after a success
	// PublishInterval is the observed mean time between new items, used by
	// adaptive polling; zero when unknown.
	PublishInterval time.Duration
}
