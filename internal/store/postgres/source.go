package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

const sourceColumns = `s.id, s.feed_url, s.site_url, s.title, s.folder, s.full_text, s.created_at, s.etag,
	s.last_modified, s.last_fetched_at, s.next_fetch_at, s.last_status, s.last_error, s.error_count, s.publish_interval`

func scanSource(row pgx.Row, extra ...any) (*tidings.Source, error) {
	var (
		src                    tidings.Source
		fullText               string
		created, fetched, next pgtype.Timestamptz
		interval               int64
	)
	dest := []any{&src.ID, &src.FeedURL, &src.SiteURL, &src.Title, &src.Folder, &fullText, &created,
		&src.ETag, &src.LastModified, &fetched, &next, &src.LastStatus, &src.LastError, &src.ErrorCount, &interval}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	src.FullText = tidings.FullTextMode(fullText)
	src.CreatedAt = fromTS(created)
	src.LastFetchedAt = fromTS(fetched)
	src.NextFetchAt = fromTS(next)
	src.PublishInterval = time.Duration(interval)
	return &src, nil
}

// CreateSource implements tidings.Store.
func (s *Store) CreateSource(ctx context.Context, src *tidings.Source) error {
	if src == nil || src.FeedURL == "" {
		return tidings.Errorf(tidings.ErrInvalid, "a source needs a feed URL")
	}
	if src.FullText == "" {
		src.FullText = tidings.FullTextAuto
	}
	now := s.clock()
	src.CreatedAt, src.NextFetchAt = now, now
	err := s.pool.QueryRow(ctx, `INSERT INTO sources (feed_url, site_url, title, folder, full_text, created_at,
		etag, last_modified, last_fetched_at, next_fetch_at, last_status, last_error, error_count, publish_interval)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		codec.Text(src.FeedURL), codec.Text(src.SiteURL), codec.Text(src.Title), codec.Text(src.Folder), string(src.FullText),
		now, codec.Text(src.ETag), codec.Text(src.LastModified), ts(src.LastFetchedAt), now,
		src.LastStatus, codec.Text(src.LastError), src.ErrorCount, int64(src.PublishInterval)).Scan(&src.ID)
	if isUnique(err) {
		return tidings.Errorf(tidings.ErrConflict, "already subscribed to %s", src.FeedURL)
	}
	if err != nil {
		return fmt.Errorf("postgres: insert source %q: %w", src.FeedURL, err)
	}
	return nil
}

// Source implements tidings.Store.
func (s *Store) Source(ctx context.Context, id int64) (*tidings.Source, error) {
	src, err := scanSource(s.pool.QueryRow(ctx, `SELECT `+sourceColumns+` FROM sources s WHERE s.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "source %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: source %d: %w", id, err)
	}
	return src, nil
}

// SourceByURL implements tidings.Store.
func (s *Store) SourceByURL(ctx context.Context, feedURL string) (*tidings.Source, error) {
	src, err := scanSource(s.pool.QueryRow(ctx, `SELECT `+sourceColumns+` FROM sources s WHERE s.feed_url = $1`, codec.Text(feedURL)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "no source with feed %s", feedURL)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: source %q: %w", feedURL, err)
	}
	return src, nil
}

// Sources implements tidings.Store. Folders and titles sort byte-wise
// (COLLATE "C"), as in SQLite, whatever the database's collation.
func (s *Store) Sources(ctx context.Context) ([]*tidings.Source, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+sourceColumns+` FROM sources s
		ORDER BY s.folder COLLATE "C", s.title COLLATE "C", s.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: sources: %w", err)
	}
	defer rows.Close()
	var out []*tidings.Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: scan source: %w", err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: sources: %w", err)
	}
	return out, nil
}

// UpdateSource implements tidings.Store.
func (s *Store) UpdateSource(ctx context.Context, src *tidings.Source) error {
	if src == nil {
		return tidings.Errorf(tidings.ErrInvalid, "nil source")
	}
	if src.FullText == "" {
		src.FullText = tidings.FullTextAuto
	}
	tag, err := s.pool.Exec(ctx, `UPDATE sources SET title = $1, site_url = $2, folder = $3, full_text = $4 WHERE id = $5`,
		codec.Text(src.Title), codec.Text(src.SiteURL), codec.Text(src.Folder), string(src.FullText), src.ID)
	if err != nil {
		return fmt.Errorf("postgres: update source %d: %w", src.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "source %d not found", src.ID)
	}
	return nil
}

// DeleteSource implements tidings.Store. Copies other sources carry of the
// deleted articles survive: the earliest becomes canonical and the others
// point at it, and the stories the articles belonged to are brought up to
// date.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx pgx.Tx) error {
		// Locking the row first keeps a concurrent refresh of the source
		// from adding articles meanwhile.
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM sources WHERE id = $1 FOR UPDATE`, id).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return tidings.Errorf(tidings.ErrNotFound, "source %d not found", id)
		}
		if err != nil {
			return fmt.Errorf("postgres: delete source %d: %w", id, err)
		}
		_, err = tx.Exec(ctx, `WITH promoted AS (
				SELECT d.duplicate_of AS old, MIN(d.id) AS new FROM articles d
				JOIN articles c ON c.id = d.duplicate_of
				WHERE c.source_id = $1 AND d.source_id <> $1 GROUP BY d.duplicate_of)
			UPDATE articles a SET duplicate_of = p.new FROM promoted p
			WHERE a.duplicate_of = p.old AND a.id <> p.new`, id)
		if err != nil {
			return fmt.Errorf("postgres: delete source %d: repoint copies: %w", id, err)
		}
		stories, err := queryIDs(ctx, tx, `SELECT DISTINCT story_id FROM articles WHERE source_id = $1 AND story_id IS NOT NULL ORDER BY 1`, id)
		if err != nil {
			return fmt.Errorf("postgres: delete source %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id); err != nil {
			return fmt.Errorf("postgres: delete source %d: %w", id, err)
		}
		return refreshStories(ctx, tx, stories)
	})
}

func queryIDs(ctx context.Context, tx pgx.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
