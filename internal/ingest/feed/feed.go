// Package feed turns the bytes of an RSS, RDF, Atom or JSON feed into wire
// items ready for the pipeline: text in UTF-8 whatever the declared charset,
// canonical links, sanitized HTML and plain text. Parsing rides on gofeed;
// this package adds what hostile and sloppy real-world feeds need around it.
package feed

import (
	"net/url"
	"time"

	"github.com/tidings/tidings"
)

// Feed is one parsed document. It is a wire type: the pipeline maps it onto
// tidings.Source and tidings.Article.
type Feed struct {
	Title    string
	SiteURL  string        // canonical; "" when the feed names none
	Language string        // as declared (e.g. "en-us"), "" when absent
	TTL      time.Duration // publisher's refresh hint (RSS ttl, sy:updatePeriod); 0 when absent
	Items    []Item        // document order, at most MaxItems
}

// Item is one entry of a feed.
type Item struct {
	// GUID identifies the item within its feed: the feed's own id, else the
	// canonical link, else a hash of title and date (prefixed "hash:").
	GUID   string
	URL    string // canonical (tracking parameters stripped); "" when absent
	Title  string // plain text, one line
	Author string
	// Published is zero when the feed gives no usable date (the pipeline
	// fills it); Updated likewise.
	Published time.Time
	Updated   time.Time
	HTML      string // sanitized, URLs absolute
	Text      string // plain text of HTML, one paragraph per line
	// Teaser reports a body that looks cut short (only a summary, or one
	// ending in "…"/"Read more"), a hint to fetch the full text.
	Teaser bool
	// ImageURL is absolute http(s), "" when none: an image the feed names
	// for the item, else the first image of its HTML.
	ImageURL string
	// RawHash is a hash of everything that cleaning the item reads: its
	// title, link and body as the feed carries them, the base its relative
	// links resolve against, and the sanitizer's policy. Two items with the
	// same RawHash clean to the same HTML, Text and Teaser, so a refresh
	// need not clean an item again that it has stored with this hash. Dates
	// and author are left out: they do not go through cleaning.
	RawHash string

	// raw is what Clean still has to sanitize, nil once it has.
	raw *rawBody
}

// rawBody is an item's body as the feed carries it.
type rawBody struct {
	html string
	base *url.URL // the item's page, else the feed: what relative URLs resolve against
	full bool     // full content rather than a description
}

// Limits on what one feed can make the pipeline store. Longer fields are
// cut at a character boundary; items beyond MaxItems are dropped (feeds list
// newest first).
const (
	MaxItems     = 1000
	maxTitle     = 1000
	maxAuthor    = 200
	maxHTML      = 1 << 20
	maxGUID      = 2048
	maxRootScan  = 1 << 20 // bytes scanned for the root element
	maxXMLDepth  = 512
	maxInputSize = 64 << 20
)

// Errors. Each wraps tidings.ErrInvalid, so callers that only know the kinds
// treat them as bad input; ErrNotAFeed in particular tells the caller to try
// feed discovery on the document instead.
var (
	ErrEmpty     = &tidings.Error{Kind: tidings.ErrInvalid, Message: "the document is empty"}
	ErrNotAFeed  = &tidings.Error{Kind: tidings.ErrInvalid, Message: "the document is not a feed"}
	ErrMalformed = &tidings.Error{Kind: tidings.ErrInvalid, Message: "the feed is malformed"}
	ErrTooLarge  = &tidings.Error{Kind: tidings.ErrInvalid, Message: "the feed is too large or too deeply nested"}
)
