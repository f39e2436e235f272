package web

import (
	"context"
	"time"

	"github.com/tidings/tidings"
)

// Store is what the reader pages read. It is declared here, by its consumer,
// with only the methods the pages call; internal/store/sqlite and
// internal/store/postgres implement it beside tidings.Store, and
// internal/web/webtest holds an in-memory fake. Parameters are plain values so
// that the stores need not import this package.
type Store interface {
	// Stories returns up to limit stories, newest activity (LastSeen, then
	// ID) first. When before is not zero only stories strictly older than the
	// cursor (before, beforeID) are returned: keyset pagination, so a page
	// costs the same however deep it is. Non-empty filters keep the stories
	// carrying hashtag (case-insensitive), having an article from sourceID,
	// or having an article in language lang.
	Stories(ctx context.Context, hashtag string, sourceID int64, lang string, before time.Time, beforeID int64, limit int) ([]*tidings.Story, error)
	// Story returns one story, or tidings.ErrNotFound.
	Story(ctx context.Context, id int64) (*tidings.Story, error)
	// StoriesByID returns the stories with the given IDs that exist, in no
	// particular order; related stories and cards are batch-loaded with it.
	StoriesByID(ctx context.Context, ids []int64) ([]*tidings.Story, error)
	// StorySources maps each of the given stories to the IDs of the sources
	// that carried it, earliest publisher first. The front page names the
	// sources of twenty cards with one call instead of twenty.
	StorySources(ctx context.Context, storyIDs []int64) (map[int64][]int64, error)
	// StoryArticles returns every article of a story, duplicates included,
	// in publication order (then ID), with intelligence.
	StoryArticles(ctx context.Context, storyID int64) ([]*tidings.Article, error)

	// Article returns one article with its intelligence, or
	// tidings.ErrNotFound.
	Article(ctx context.Context, id int64) (*tidings.Article, error)
	// Articles returns the articles with the given IDs that exist, with
	// intelligence, in no particular order.
	Articles(ctx context.Context, ids []int64) ([]*tidings.Article, error)
	// Duplicates returns the articles whose DuplicateOf is id, in
	// publication order: the "also in" list of an article not yet analyzed.
	Duplicates(ctx context.Context, id int64) ([]*tidings.Article, error)
	// SourceArticles returns up to limit articles of one source, newest
	// published first, strictly older than the cursor (before, beforeID) when
	// before is not zero.
	SourceArticles(ctx context.Context, sourceID int64, before time.Time, beforeID int64, limit int) ([]*tidings.Article, error)
	// Search returns up to limit canonical articles matching the words of
	// query, best match first, keeping only those from sourceID, carrying
	// hashtag, and published in [from, to) where those are set. Any query
	// string is accepted: operators and punctuation are taken as words. It
	// returns tidings.ErrInvalid when the query has no searchable word.
	Search(ctx context.Context, query string, sourceID int64, hashtag string, from, to time.Time, limit int) ([]*tidings.Article, error)

	// Source returns one source, or tidings.ErrNotFound.
	Source(ctx context.Context, id int64) (*tidings.Source, error)
	// Sources returns every source ordered by folder, then title, then ID.
	Sources(ctx context.Context) ([]*tidings.Source, error)
}

// AdminStore is what the admin pages change: subscriptions. Its methods are
// those of tidings.Store, whose docs give the error contract.
type AdminStore interface {
	CreateSource(ctx context.Context, src *tidings.Source) error
	DeleteSource(ctx context.Context, id int64) error
	Sources(ctx context.Context) ([]*tidings.Source, error)
}
