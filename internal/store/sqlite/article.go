package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

const articleColumns = `a.id, a.source_id, a.guid, a.url, a.title, a.author, a.published_at, a.html, a.text,
	a.language, a.content_hash, a.duplicate_of, a.story_id, a.created_at, a.updated_at,
	a.summary, a.keyphrases, a.hashtags, a.entities, a.related`

func scanArticle(row scanner) (*tidings.Article, error) {
	var (
		a                                                tidings.Article
		published, created, updated, dup, story          sql.NullInt64
		summary, keyphrases, hashtags, entities, related string
	)
	err := row.Scan(&a.ID, &a.SourceID, &a.GUID, &a.URL, &a.Title, &a.Author, &published, &a.HTML, &a.Text,
		&a.Language, &a.ContentHash, &dup, &story, &created, &updated,
		&summary, &keyphrases, &hashtags, &entities, &related)
	if err != nil {
		return nil, err
	}
	a.PublishedAt = fromMicros(published)
	a.CreatedAt = fromMicros(created)
	a.UpdatedAt = fromMicros(updated)
	a.DuplicateOf = dup.Int64
	a.StoryID = story.Int64
	a.Summary = codec.DecodeStrings(summary)
	a.Keyphrases = codec.DecodeStrings(keyphrases)
	a.Hashtags = codec.DecodeStrings(hashtags)
	a.Entities = codec.DecodeEntities(entities)
	a.Related = codec.DecodeIDs(related)
	return &a, nil
}

func (s *Store) queryArticles(ctx context.Context, query string, args ...any) ([]*tidings.Article, error) {
	rows, err := s.rdb.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*tidings.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Article implements tidings.Store.
func (s *Store) Article(ctx context.Context, id int64) (*tidings.Article, error) {
	a, err := scanArticle(s.rdb.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "article %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	return a, nil
}

// LatestArticles implements tidings.Store.
func (s *Store) LatestArticles(ctx context.Context, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: latest articles: %w", err)
	}
	return out, nil
}

// ArticlesSince implements tidings.Store.
func (s *Store) ArticlesSince(ctx context.Context, t time.Time) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.published_at >= ? ORDER BY a.published_at, a.id`, t.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles since %s: %w", t.Format(time.RFC3339), err)
	}
	return out, nil
}

// maxSearchWords bounds the work one query can ask of the index.
const maxSearchWords = 16

// SearchArticles implements tidings.Store. Each word of the query becomes a
// quoted FTS5 string, so the user's text never reaches the FTS5 query
// parser as syntax.
func (s *Store) SearchArticles(ctx context.Context, query string, limit int) ([]*tidings.Article, error) {
	match := ftsQuery(query)
	if match == "" || limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles_fts f
		JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND a.duplicate_of IS NULL
		ORDER BY bm25(articles_fts, 2.0, 1.0), a.id DESC LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return out, nil
}

// ftsQuery returns an FTS5 query matching every word of a user's query, ""
// when it has none.
func ftsQuery(query string) string {
	words := codec.Words(query, maxSearchWords)
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(words, " ")
}
