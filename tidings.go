// Package tidings holds the domain vocabulary of Tidings (sources, articles,
// stories, their intelligence) and the store contract that every storage
// adapter implements. It imports only the standard library.
package tidings

import (
	"context"
	"time"
)

// Store is the storage contract. internal/store/sqlite and
// internal/store/postgres implement it, and internal/store/storetest checks
// both against the same suite. Methods return errors wrapping the kinds in
// error.go where a caller may act on them; anything else is an internal error.
type Store interface {
	// CreateSource subscribes to a feed and sets src.ID and src.CreatedAt. A
	// new source is due at once. It returns ErrInvalid when FeedURL is empty
	// and ErrConflict when a source with the same FeedURL exists.
	CreateSource(ctx context.Context, src *Source) error
	// Source returns one source, or ErrNotFound.
	Source(ctx context.Context, id int64) (*Source, error)
	// SourceByURL returns the source with that feed URL, or ErrNotFound.
	SourceByURL(ctx context.Context, feedURL string) (*Source, error)
	// Sources returns every source ordered by folder, then title, then ID.
	Sources(ctx context.Context) ([]*Source, error)
	// UpdateSource saves a source's title, site URL, folder and full-text
	// mode (not its fetch state). It returns ErrNotFound.
	UpdateSource(ctx context.Context, src *Source) error
	// DeleteSource removes a source with its articles. It returns ErrNotFound.
	DeleteSource(ctx context.Context, id int64) error

	// ClaimDueSources is the durable fetch queue: it returns up to limit
	// sources whose NextFetchAt is at or before now, oldest due first, and
	// atomically moves their NextFetchAt to now+lease so that no other process
	// claims them meanwhile. A process that dies holding a claim loses
	// nothing: the source is due again when the lease runs out.
	ClaimDueSources(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]*Source, error)
	// NextDue returns the earliest NextFetchAt over all sources, or the zero
	// time when there are none.
	NextDue(ctx context.Context) (time.Time, error)
	// SaveFetchState records a refresh that stored no items (a 304, an
	// error). It returns ErrNotFound.
	SaveFetchState(ctx context.Context, sourceID int64, st FetchState) error
	// SaveRefresh stores the items of one fetched feed and its new fetch
	// state in one transaction, applying exact dedup across all sources:
	//   - an item whose GUID the source already has is skipped when its
	//     ContentHash is unchanged (nothing is written but the item's
	//     RawHash, when it has one other than the stored one) and updated
	//     in place otherwise, RawHash included;
	//   - a new item whose canonical URL or ContentHash matches a stored
	//     canonical article of any source is stored with DuplicateOf set to
	//     that article;
	//   - any other item is stored as a new canonical article.
	// Items get their ID (and DuplicateOf) set; an item without PublishedAt
	// is stored as published when it was first stored, and an item without
	// GUID is keyed by its URL, else its ContentHash (ErrInvalid when it has
	// none of them). Concurrent refreshes never store one article twice as
	// canonical. It returns ErrNotFound when the source is gone.
	SaveRefresh(ctx context.Context, sourceID int64, st FetchState, items []*Article) (RefreshResult, error)
	// RawHashes returns, of the given GUIDs, those the source already has,
	// mapped to their stored RawHash: "" for an article stored without one
	// (before raw hashes were kept), which a refresh cleans again and
	// SaveRefresh then gives its hash. The pipeline asks before cleaning a
	// fetched feed's items and before fetching article pages for full text,
	// so that only new and changed items cost that work. An unknown source
	// has no items; it returns no error kinds.
	RawHashes(ctx context.Context, sourceID int64, guids []string) (map[string]string, error)

	// Article returns one article with its intelligence, or ErrNotFound.
	Article(ctx context.Context, id int64) (*Article, error)
	// LatestArticles returns up to limit articles, newest published first.
	LatestArticles(ctx context.Context, limit int) ([]*Article, error)
	// ArticlesSince returns the articles published at or after t in
	// publication order (then ID), with their intelligence: the window an
	// analyzer warms up from.
	ArticlesSince(ctx context.Context, t time.Time) ([]*Article, error)
	// SearchArticles returns up to limit canonical articles whose title or
	// text match every word of query, best match first. The query is what a
	// user typed: quotes, operators, unbalanced parentheses and invalid
	// UTF-8 are taken as plain words and never cause an error; a query with
	// no words matches nothing.
	SearchArticles(ctx context.Context, query string, limit int) ([]*Article, error)

	// SaveAnalysis stores what analysis derived for existing articles:
	// DuplicateOf, StoryID, Language and Intel, and brings the stories they
	// belong to up to date (a story's ID is the ID of its first article).
	// An article with Replaces set becomes canonical in place of that
	// article, which with all its copies then points at it. Links are kept
	// one level deep: an article saved as a copy of a copy points at the
	// canonical, and a story's headline is never a copy. A story given
	// with Hashtags gives them to every article it holds.
	// It returns ErrNotFound when an article is gone.
	SaveAnalysis(ctx context.Context, articles []*Article, stories []*Story) error
	// Story returns one story with its aggregates, or ErrNotFound.
	Story(ctx context.Context, id int64) (*Story, error)

	// UnanalyzedArticles returns up to limit articles that analysis has not
	// decided yet (StoryID 0), lowest ID first: the analysis queue, which a
	// process that stopped between storing and analyzing leaves behind, and
	// where processes that do not hold the analysis lease leave their
	// articles.
	UnanalyzedArticles(ctx context.Context, limit int) ([]*Article, error)
	// AcquireLease takes the named lease for holder until now+ttl, or renews
	// it when holder has it, and reports whether holder has it now. A lease
	// lets one of many processes do a job that must not run in two at once
	// (story analysis, whose state is one stream).
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	// ReleaseLease gives up the named lease if holder has it.
	ReleaseLease(ctx context.Context, name, holder string) error

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store's resources.
	Close() error
}

// RefreshResult counts what SaveRefresh did with a feed's items.
type RefreshResult struct {
	New        int        // stored as new canonical articles
	Duplicates int        // stored as exact duplicates of another article
	Updated    int        // changed in place
	Unchanged  int        // already stored, nothing written
	Stored     []*Article // the new and updated articles, in item order
}

// Stats counts stored things; Articles counts every stored item of every
// source, duplicates included.
type Stats struct {
	Sources    int `json:"sources"`
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Errors     int `json:"errors"` // sources whose last fetch failed
	Stories    int `json:"stories"`
}
