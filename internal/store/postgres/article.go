package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

const articleColumns = `a.id, a.source_id, a.guid, a.url, a.title, a.author, a.published_at, a.html, a.text,
	a.language, a.content_hash, a.duplicate_of, a.story_id, a.created_at, a.updated_at,
	a.summary, a.keyphrases, a.hashtags, a.entities, a.related`

func scanArticle(row pgx.Row) (*tidings.Article, error) {
	var (
		a                                                tidings.Article
		published, created, updated                      pgtype.Timestamptz
		dup, story                                       pgtype.Int8
		summary, keyphrases, hashtags, entities, related string
	)
	err := row.Scan(&a.ID, &a.SourceID, &a.GUID, &a.URL, &a.Title, &a.Author, &published, &a.HTML, &a.Text,
		&a.Language, &a.ContentHash, &dup, &story, &created, &updated,
		&summary, &keyphrases, &hashtags, &entities, &related)
	if err != nil {
		return nil, err
	}
	a.PublishedAt = fromTS(published)
	a.CreatedAt = fromTS(created)
	a.UpdatedAt = fromTS(updated)
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
	rows, err := s.pool.Query(ctx, query, args...)
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
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "article %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	return a, nil
}

// LatestArticles implements tidings.Store.
func (s *Store) LatestArticles(ctx context.Context, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		ORDER BY a.published_at DESC, a.id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: latest articles: %w", err)
	}
	return out, nil
}

// ArticlesSince implements tidings.Store.
func (s *Store) ArticlesSince(ctx context.Context, t time.Time) ([]*tidings.Article, error) {
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.published_at >= $1 ORDER BY a.published_at, a.id`, t.UTC())
	if err != nil {
		return nil, fmt.Errorf("postgres: articles since %s: %w", t.Format(time.RFC3339), err)
	}
	return out, nil
}

// SearchArticles implements tidings.Store. The cleaned query goes to
// plainto_tsquery, which reads no operators (unlike to_tsquery and
// websearch_to_tsquery, where "-word" means NOT), so user input is never
// tsquery syntax; it splits words with the parser that built the index.
func (s *Store) SearchArticles(ctx context.Context, query string, limit int) ([]*tidings.Article, error) {
	if len(codec.Words(query, 1)) == 0 || limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		JOIN article_search x ON x.article_id = a.id, plainto_tsquery('simple'::regconfig, $1) q
		WHERE x.search @@ q AND a.duplicate_of IS NULL
		ORDER BY ts_rank(x.search, q) DESC, a.id DESC LIMIT $2`, searchText(query), limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return out, nil
}

// maxSearchBytes bounds the query text handed to PostgreSQL.
const maxSearchBytes = 512

func searchText(query string) string {
	if len(query) > maxSearchBytes {
		query = query[:maxSearchBytes]
	}
	return strings.ToValidUTF8(codec.Text(query), " ")
}
