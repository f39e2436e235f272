package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

const sourceColumns = `id, feed_url, site_url, title, folder, full_text, created_at, etag, last_modified,
	last_fetched_at, next_fetch_at, last_status, last_error, error_count, publish_interval`

type scanner interface{ Scan(dest ...any) error }

func scanSource(row scanner) (*tidings.Source, error) {
	var (
		src                    tidings.Source
		fullText               string
		created, fetched, next sql.NullInt64
		interval               int64
	)
	err := row.Scan(&src.ID, &src.FeedURL, &src.SiteURL, &src.Title, &src.Folder, &fullText, &created,
		&src.ETag, &src.LastModified, &fetched, &next, &src.LastStatus, &src.LastError, &src.ErrorCount, &interval)
	if err != nil {
		return nil, err
	}
	src.FullText = tidings.FullTextMode(fullText)
	src.CreatedAt = fromMicros(created)
	src.LastFetchedAt = fromMicros(fetched)
	src.NextFetchAt = fromMicros(next)
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
	src.CreatedAt = now
	src.NextFetchAt = now
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO sources (feed_url, site_url, title, folder, full_text, created_at,
		etag, last_modified, last_fetched_at, next_fetch_at, last_status, last_error, error_count, publish_interval)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		codec.Text(src.FeedURL), codec.Text(src.SiteURL), codec.Text(src.Title), codec.Text(src.Folder), string(src.FullText),
		micros(now), codec.Text(src.ETag), codec.Text(src.LastModified), micros(src.LastFetchedAt), micros(now),
		src.LastStatus, codec.Text(src.LastError), src.ErrorCount, int64(src.PublishInterval)).Scan(&id)
	if isUnique(err) {
		return tidings.Errorf(tidings.ErrConflict, "already subscribed to %s", src.FeedURL)
	}
	if err != nil {
		return fmt.Errorf("sqlite: insert source %q: %w", src.FeedURL, err)
	}
	src.ID = id
	return nil
}

// Source implements tidings.Store.
func (s *Store) Source(ctx context.Context, id int64) (*tidings.Source, error) {
	src, err := scanSource(s.rdb.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "source %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: source %d: %w", id, err)
	}
	return src, nil
}

// SourceByURL implements tidings.Store.
func (s *Store) SourceByURL(ctx context.Context, feedURL string) (*tidings.Source, error) {
	src, err := scanSource(s.rdb.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE feed_url = ?`, codec.Text(feedURL)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "no source with feed %s", feedURL)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: source %q: %w", feedURL, err)
	}
	return src, nil
}

// Sources implements tidings.Store.
func (s *Store) Sources(ctx context.Context) ([]*tidings.Source, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY folder, title, id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sources: %w", err)
	}
	return collectSources(rows)
}

func collectSources(rows *sql.Rows) ([]*tidings.Source, error) {
	defer rows.Close()
	var out []*tidings.Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: scan source: %w", err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: sources: %w", err)
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
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET title = ?, site_url = ?, folder = ?, full_text = ? WHERE id = ?`,
		codec.Text(src.Title), codec.Text(src.SiteURL), codec.Text(src.Folder), string(src.FullText), src.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update source %d: %w", src.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "source %d not found", src.ID)
	}
	return nil
}

// DeleteSource implements tidings.Store. Copies other sources carry of the
// deleted articles survive: the earliest becomes canonical and the others
// point at it, and the stories the articles belonged to are brought up to
// date.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM sources WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return tidings.Errorf(tidings.ErrNotFound, "source %d not found", id)
		}
		if err != nil {
			return fmt.Errorf("sqlite: delete source %d: %w", id, err)
		}
		// Promote, for each deleted canonical article copied elsewhere, its
		// earliest surviving copy.
		rows, err := tx.QueryContext(ctx, `SELECT d.duplicate_of, MIN(d.id) FROM articles d
			JOIN articles c ON c.id = d.duplicate_of
			WHERE c.source_id = ? AND d.source_id <> ? GROUP BY d.duplicate_of`, id, id)
		if err != nil {
			return fmt.Errorf("sqlite: delete source %d: find copies: %w", id, err)
		}
		var promote [][2]int64
		for rows.Next() {
			var p [2]int64
			if err := rows.Scan(&p[0], &p[1]); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: delete source %d: %w", id, err)
			}
			promote = append(promote, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: delete source %d: %w", id, err)
		}
		for _, p := range promote {
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? AND id <> ?`, p[1], p[0], p[1]); err != nil {
				return fmt.Errorf("sqlite: delete source %d: repoint copies: %w", id, err)
			}
		}
		stories, err := queryIDs(ctx, tx, `SELECT DISTINCT story_id FROM articles WHERE source_id = ? AND story_id IS NOT NULL`, id)
		if err != nil {
			return fmt.Errorf("sqlite: delete source %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, title, text)
			SELECT 'delete', id, title, text FROM articles WHERE source_id = ?`, id); err != nil {
			return fmt.Errorf("sqlite: delete source %d: unindex articles: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id); err != nil {
			return fmt.Errorf("sqlite: delete source %d: %w", id, err)
		}
		return refreshStories(ctx, tx, stories)
	})
}

// queryIDs returns the single integer column of a query.
func queryIDs(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
