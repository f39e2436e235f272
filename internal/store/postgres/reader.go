package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// The reader queries below serve the web pages (the web.Store interface).
// Lists use keyset pagination on the (time, id) indexes, so a deep page
// costs what the first does, and batch methods take an ID array so that a
// page of cards costs a fixed number of queries.

// args numbers query parameters as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// Stories returns stories newest activity first, before a cursor, filtered.
func (s *Store) Stories(ctx context.Context, hashtag string, sourceID int64, lang string, before time.Time, beforeID int64, limit int) ([]*tidings.Story, error) {
	if limit <= 0 {
		return nil, nil
	}
	var (
		where []string
		a     args
	)
	if !before.IsZero() {
		where = append(where, `(s.last_seen, s.id) < (`+a.add(before.UTC())+`, `+a.add(beforeID)+`)`)
	}
	if hashtag != "" {
		keys := codec.HashtagKeys([]string{hashtag})
		if len(keys) == 0 {
			return nil, nil
		}
		where = append(where, `s.id IN (SELECT ar.story_id FROM article_hashtags h JOIN articles ar ON ar.id = h.article_id WHERE h.tag = `+a.add(keys[0])+`)`)
	}
	if sourceID != 0 {
		where = append(where, `s.id IN (SELECT story_id FROM articles WHERE source_id = `+a.add(sourceID)+`)`)
	}
	if lang != "" {
		where = append(where, `EXISTS (SELECT 1 FROM articles ar WHERE ar.story_id = s.id AND ar.language = `+a.add(lang)+`)`)
	}
	q := `SELECT ` + storyColumns + ` FROM stories s`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY s.last_seen DESC, s.id DESC LIMIT ` + a.add(limit)
	out, err := s.queryStories(ctx, q, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

func (s *Store) queryStories(ctx context.Context, query string, args ...any) ([]*tidings.Story, error) {
	rows, err := s.pool.Query(ctx, query, args...)
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
	if len(ids) == 0 {
		return nil, nil
	}
	out, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories by id: %w", err)
	}
	return out, nil
}

// StorySources maps stories to their sources, earliest publisher first.
func (s *Store) StorySources(ctx context.Context, storyIDs []int64) (map[int64][]int64, error) {
	out := make(map[int64][]int64, len(storyIDs))
	if len(storyIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT story_id, source_id FROM articles WHERE story_id = ANY($1)
		GROUP BY story_id, source_id ORDER BY story_id, MIN(published_at), source_id`, storyIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: story sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var story, src int64
		if err := rows.Scan(&story, &src); err != nil {
			return nil, fmt.Errorf("postgres: story sources: %w", err)
		}
		out[story] = append(out[story], src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: story sources: %w", err)
	}
	return out, nil
}

// StoryArticles returns a story's articles in publication order.
func (s *Store) StoryArticles(ctx context.Context, storyID int64) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.story_id = $1
		ORDER BY a.published_at, a.id`, storyID)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles of story %d: %w", storyID, err)
	}
	return out, nil
}

// Articles returns the existing articles among ids.
func (s *Store) Articles(ctx context.Context, ids []int64) ([]*tidings.Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles by id: %w", err)
	}
	return out, nil
}

// Duplicates returns the copies of an article in publication order.
func (s *Store) Duplicates(ctx context.Context, id int64) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.duplicate_of = $1
		ORDER BY a.published_at, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: duplicates of %d: %w", id, err)
	}
	return out, nil
}

// SourceArticles returns a source's articles, newest first, before a cursor.
func (s *Store) SourceArticles(ctx context.Context, sourceID int64, before time.Time, beforeID int64, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	var a args
	q := `SELECT ` + articleColumns + ` FROM articles a WHERE a.source_id = ` + a.add(sourceID)
	if !before.IsZero() {
		q += ` AND (a.published_at, a.id) < (` + a.add(before.UTC()) + `, ` + a.add(beforeID) + `)`
	}
	q += ` ORDER BY a.published_at DESC, a.id DESC LIMIT ` + a.add(limit)
	out, err := s.queryArticles(ctx, q, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles of source %d: %w", sourceID, err)
	}
	return out, nil
}

// Search is SearchArticles with filters; the query goes through
// plainto_tsquery, which reads no operators.
func (s *Store) Search(ctx context.Context, query string, sourceID int64, hashtag string, from, to time.Time, limit int) ([]*tidings.Article, error) {
	if len(codec.Words(query, 1)) == 0 {
		return nil, tidings.Errorf(tidings.ErrInvalid, "the search has no words")
	}
	if limit <= 0 {
		return nil, nil
	}
	var a args
	q := `SELECT ` + articleColumns + ` FROM articles a JOIN article_search x ON x.article_id = a.id,
		plainto_tsquery('simple'::regconfig, ` + a.add(searchText(query)) + `) q
		WHERE x.search @@ q AND a.duplicate_of IS NULL`
	if sourceID != 0 {
		q += ` AND a.source_id = ` + a.add(sourceID)
	}
	if hashtag != "" {
		keys := codec.HashtagKeys([]string{hashtag})
		if len(keys) == 0 {
			return nil, nil
		}
		q += ` AND a.id IN (SELECT article_id FROM article_hashtags WHERE tag = ` + a.add(keys[0]) + `)`
	}
	if !from.IsZero() {
		q += ` AND a.published_at >= ` + a.add(from.UTC())
	}
	if !to.IsZero() {
		q += ` AND a.published_at < ` + a.add(to.UTC())
	}
	q += ` ORDER BY ts_rank(x.search, q) DESC, a.id DESC LIMIT ` + a.add(limit)
	out, err := s.queryArticles(ctx, q, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return out, nil
}
