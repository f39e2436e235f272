package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// The reader queries below serve the web pages (the web.Store interface).
// Lists use keyset pagination on the (time, id) indexes, so a deep page
// costs what the first does, and batch methods take ID lists so that a page
// of cards costs a fixed number of queries.

// maxBatch bounds the IDs of one batch query (SQLite's default limit on
// host parameters is far higher; this keeps statements small).
const maxBatch = 500

// tagWindow is how many of a hashtag's newest articles the first page of
// its stories is drawn from: a popular tag has thousands, and the newest
// stories are among the newest articles. When the window yields less than a
// page, or for later pages, all of the tag's articles are used.
const tagWindow = 1000

// Stories returns stories newest activity first, before a cursor, filtered.
func (s *Store) Stories(ctx context.Context, hashtag string, sourceID int64, lang string, before time.Time, beforeID int64, limit int) ([]*tidings.Story, error) {
	if limit <= 0 {
		return nil, nil
	}
	if hashtag != "" && before.IsZero() {
		out, err := s.stories(ctx, hashtag, sourceID, lang, before, beforeID, limit, tagWindow)
		if err != nil || len(out) == limit {
			return out, err
		}
	}
	return s.stories(ctx, hashtag, sourceID, lang, before, beforeID, limit, 0)
}

// stories is Stories drawing a hashtag's stories from its newest window
// articles, or from all of them when window is 0.
func (s *Store) stories(ctx context.Context, hashtag string, sourceID int64, lang string, before time.Time, beforeID int64, limit, window int) ([]*tidings.Story, error) {
	var (
		where []string
		args  []any
	)
	if !before.IsZero() {
		where = append(where, `(s.last_seen, s.id) < (?, ?)`)
		args = append(args, before.UnixMicro(), beforeID)
	}
	if hashtag != "" {
		keys := codec.HashtagKeys([]string{hashtag})
		if len(keys) == 0 {
			return nil, nil
		}
		sub := `SELECT m.story_id FROM article_hashtags h
			JOIN articles m INDEXED BY articles_reader ON m.id = h.article_id WHERE h.tag = ?`
		args = append(args, keys[0])
		if window > 0 {
			sub += ` ORDER BY h.article_id DESC LIMIT ?`
			args = append(args, window)
		}
		where = append(where, `s.id IN (`+sub+`)`)
	}
	if sourceID != 0 {
		where = append(where, `s.id IN (SELECT story_id FROM articles WHERE source_id = ? AND story_id IS NOT NULL)`)
		args = append(args, sourceID)
	}
	if lang != "" {
		where = append(where, `EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ?)`)
		args = append(args, lang)
	}
	q := `SELECT ` + storyColumns + ` FROM stories s`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY s.last_seen DESC, s.id DESC LIMIT ?`
	args = append(args, limit)
	out, err := s.queryStories(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

func (s *Store) queryStories(ctx context.Context, query string, args ...any) ([]*tidings.Story, error) {
	rows, err := s.rdb.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*tidings.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// StoriesByID returns the existing stories among ids.
func (s *Store) StoriesByID(ctx context.Context, ids []int64) ([]*tidings.Story, error) {
	var out []*tidings.Story
	for _, chunk := range idChunks(ids) {
		part, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id IN (`+placeholders(len(chunk))+`)`, idArgs(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: stories by id: %w", err)
		}
		out = append(out, part...)
	}
	return out, nil
}

// StorySources maps stories to their sources, earliest publisher first.
func (s *Store) StorySources(ctx context.Context, storyIDs []int64) (map[int64][]int64, error) {
	out := make(map[int64][]int64, len(storyIDs))
	for _, chunk := range idChunks(storyIDs) {
		rows, err := s.rdb.QueryContext(ctx, `SELECT story_id, source_id FROM articles WHERE story_id IN (`+placeholders(len(chunk))+`)
			GROUP BY story_id, source_id ORDER BY story_id, MIN(published_at), source_id`, idArgs(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: story sources: %w", err)
		}
		for rows.Next() {
			var story, src int64
			if err := rows.Scan(&story, &src); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: story sources: %w", err)
			}
			out[story] = append(out[story], src)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("sqlite: story sources: %w", err)
		}
	}
	return out, nil
}

// StoryArticles returns a story's articles in publication order.
func (s *Store) StoryArticles(ctx context.Context, storyID int64) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.story_id = ?
		ORDER BY a.published_at, a.id`, storyID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles of story %d: %w", storyID, err)
	}
	return out, nil
}

// Articles returns the existing articles among ids.
func (s *Store) Articles(ctx context.Context, ids []int64) ([]*tidings.Article, error) {
	var out []*tidings.Article
	for _, chunk := range idChunks(ids) {
		part, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id IN (`+placeholders(len(chunk))+`)`, idArgs(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles by id: %w", err)
		}
		out = append(out, part...)
	}
	return out, nil
}

// Duplicates returns the copies of an article in publication order.
func (s *Store) Duplicates(ctx context.Context, id int64) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.duplicate_of = ?
		ORDER BY a.published_at, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: duplicates of %d: %w", id, err)
	}
	return out, nil
}

// SourceArticles returns a source's articles, newest first, before a cursor.
func (s *Store) SourceArticles(ctx context.Context, sourceID int64, before time.Time, beforeID int64, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	q := `SELECT ` + articleColumns + ` FROM articles a WHERE a.source_id = ?`
	args := []any{sourceID}
	if !before.IsZero() {
		q += ` AND (a.published_at, a.id) < (?, ?)`
		args = append(args, before.UnixMicro(), beforeID)
	}
	q += ` ORDER BY a.published_at DESC, a.id DESC LIMIT ?`
	out, err := s.queryArticles(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles of source %d: %w", sourceID, err)
	}
	return out, nil
}

// maxCandidates bounds the matches a search ranks: the newest this many
// matching articles (after filters). For news the best match among recent
// ones is what a reader wants, and the bound keeps a common word over a
// million articles as cheap as a rare one.
const maxCandidates = 200

// Search is SearchArticles with filters; every word of the query is quoted
// for FTS5, so no input is ever parsed as FTS5 syntax. It takes the newest
// maxCandidates matches (an index scan in rowid order that stops there,
// filtered through the covering index articles_reader) and ranks them by how
// many query words their title holds, then by recency. (bm25 would first
// count every document holding each word: tens of milliseconds for a common
// word over 100,000 articles.) Only the final page is read in full.
func (s *Store) Search(ctx context.Context, query string, sourceID int64, hashtag string, from, to time.Time, limit int) ([]*tidings.Article, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, tidings.Errorf(tidings.ErrInvalid, "the search has no words")
	}
	if limit <= 0 {
		return nil, nil
	}
	q := `SELECT f.rowid, a.title FROM articles_fts f
		JOIN articles m INDEXED BY articles_reader ON m.id = f.rowid
		JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND m.duplicate_of IS NULL`
	args := []any{match}
	if sourceID != 0 {
		q += ` AND m.source_id = ?`
		args = append(args, sourceID)
	}
	if hashtag != "" {
		keys := codec.HashtagKeys([]string{hashtag})
		if len(keys) == 0 {
			return nil, nil
		}
		q += ` AND f.rowid IN (SELECT article_id FROM article_hashtags WHERE tag = ?)`
		args = append(args, keys[0])
	}
	if !from.IsZero() {
		q += ` AND m.published_at >= ?`
		args = append(args, from.UnixMicro())
	}
	if !to.IsZero() {
		q += ` AND m.published_at < ?`
		args = append(args, to.UnixMicro())
	}
	q += ` ORDER BY f.rowid DESC LIMIT ?`
	rows, err := s.rdb.QueryContext(ctx, q, append(args, maxCandidates)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	type candidate struct {
		id    int64
		score int
	}
	words := codec.Words(query, maxSearchWords)
	var cands []candidate
	for rows.Next() {
		var (
			c     candidate
			title string
		)
		if err := rows.Scan(&c.id, &title); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
		}
		c.score = titleScore(title, words)
		cands = append(cands, c)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	// Stable: equal scores keep the newest first.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	ids := make([]int64, 0, min(limit, len(cands)))
	for _, c := range cands[:min(limit, len(cands))] {
		ids = append(ids, c.id)
	}
	arts, err := s.Articles(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	byID := make(map[int64]*tidings.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]*tidings.Article, 0, len(ids))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

// titleScore counts the query words that are words of the title.
func titleScore(title string, words []string) int {
	in := make(map[string]bool)
	for _, w := range codec.Words(title, 64) {
		in[w] = true
	}
	n := 0
	for _, w := range words {
		if in[w] {
			n++
		}
	}
	return n
}

// idChunks splits ids into batches of at most maxBatch.
func idChunks(ids []int64) [][]int64 {
	var out [][]int64
	for len(ids) > maxBatch {
		out = append(out, ids[:maxBatch])
		ids = ids[maxBatch:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

// placeholders returns n comma-separated placeholders.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func idArgs(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
