package postgres

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
// costs what the first does, and batch methods take an ID array so that a
// page of cards costs a fixed number of queries.

// args numbers query parameters as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

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
		// ANY(ARRAY(...)) computes the tag's stories once; as IN, the
		// planner walks every story newest first probing its articles.
		// Nested ANY(ARRAY(...)) makes each step an index scan of the
		// previous step's IDs (as joins, the planner scans whole indexes).
		sub := `SELECT article_id FROM article_hashtags WHERE tag = ` + a.add(keys[0])
		if window > 0 {
			sub += ` ORDER BY article_id DESC LIMIT ` + a.add(window)
		}
		where = append(where, `s.id = ANY(ARRAY(SELECT story_id FROM articles WHERE id = ANY(ARRAY(`+sub+`))))`)
	}
	if sourceID != 0 {
		where = append(where, `s.id = ANY(ARRAY(SELECT story_id FROM articles WHERE source_id = `+a.add(sourceID)+` AND story_id IS NOT NULL))`)
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

// maxCandidates bounds the matches a search ranks: the newest this many
// matching articles (after filters), as in the SQLite store.
const maxCandidates = 200

// Search is SearchArticles with filters; the query goes through
// plainto_tsquery, which reads no operators. Like the SQLite store it ranks
// the newest maxCandidates matches by how many query words their title
// holds, then by recency, so that both stores answer alike and a common
// word costs no ts_rank over every matching row.
func (s *Store) Search(ctx context.Context, query string, sourceID int64, hashtag string, from, to time.Time, limit int) ([]*tidings.Article, error) {
	if len(codec.Words(query, 1)) == 0 {
		return nil, tidings.Errorf(tidings.ErrInvalid, "the search has no words")
	}
	if limit <= 0 {
		return nil, nil
	}
	var a args
	q := `SELECT a.id, a.title FROM articles a JOIN article_search x ON x.article_id = a.id
		WHERE x.search @@ plainto_tsquery('simple'::regconfig, ` + a.add(searchText(query)) + `) AND a.duplicate_of IS NULL`
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
	q += ` ORDER BY a.id DESC LIMIT ` + a.add(maxCandidates)
	rows, err := s.pool.Query(ctx, q, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	type candidate struct {
		id    int64
		score int
	}
	words := codec.Words(query, 16) // as many as the SQLite store weighs
	var cands []candidate
	for rows.Next() {
		var (
			c     candidate
			title string
		)
		if err := rows.Scan(&c.id, &title); err != nil {
			rows.Close()
			return nil, fmt.Errorf("postgres: search %q: %w", query, err)
		}
		c.score = titleScore(title, words)
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	ids := make([]int64, 0, min(limit, len(cands)))
	for _, c := range cands[:min(limit, len(cands))] {
		ids = append(ids, c.id)
	}
	arts, err := s.Articles(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	byID := make(map[int64]*tidings.Article, len(arts))
	for _, x := range arts {
		byID[x.ID] = x
	}
	out := make([]*tidings.Article, 0, len(ids))
	for _, id := range ids {
		if x := byID[id]; x != nil {
			out = append(out, x)
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
