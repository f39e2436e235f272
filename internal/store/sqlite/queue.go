package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// ClaimDueSources implements tidings.Store. The write transaction holds
// SQLite's write lock, so selecting and moving the due sources is atomic
// across connections and processes.
func (s *Store) ClaimDueSources(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]*tidings.Source, error) {
	if limit <= 0 {
		return nil, nil
	}
	var out []*tidings.Source
	err := s.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources
			WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id LIMIT ?`, now.UnixMicro(), limit)
		if err != nil {
			return fmt.Errorf("sqlite: claim sources: %w", err)
		}
		out, err = collectSources(rows)
		if err != nil || len(out) == 0 {
			return err
		}
		until := now.Add(lease).UTC()
		args := []any{until.UnixMicro()}
		for _, src := range out {
			args = append(args, src.ID)
			src.NextFetchAt = until
		}
		q := `UPDATE sources SET next_fetch_at = ? WHERE id IN (?` + strings.Repeat(",?", len(out)-1) + `)`
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("sqlite: claim sources: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// NextDue implements tidings.Store.
func (s *Store) NextDue(ctx context.Context) (time.Time, error) {
	var v sql.NullInt64
	if err := s.rdb.QueryRowContext(ctx, `SELECT MIN(next_fetch_at) FROM sources`).Scan(&v); err != nil {
		return time.Time{}, fmt.Errorf("sqlite: next due: %w", err)
	}
	return fromMicros(v), nil
}

// SaveFetchState implements tidings.Store.
func (s *Store) SaveFetchState(ctx context.Context, sourceID int64, st tidings.FetchState) error {
	return s.write(ctx, func(tx *sql.Tx) error { return saveFetchState(ctx, tx, sourceID, st) })
}

func saveFetchState(ctx context.Context, tx *sql.Tx, sourceID int64, st tidings.FetchState) error {
	res, err := tx.ExecContext(ctx, `UPDATE sources SET etag = ?, last_modified = ?, last_fetched_at = ?,
		next_fetch_at = ?, last_status = ?, last_error = ?, error_count = ?, publish_interval = ? WHERE id = ?`,
		codec.Text(st.ETag), codec.Text(st.LastModified), micros(st.LastFetchedAt), st.NextFetchAt.UnixMicro(),
		st.LastStatus, codec.Text(st.LastError), st.ErrorCount, int64(st.PublishInterval), sourceID)
	if err != nil {
		return fmt.Errorf("sqlite: save fetch state of source %d: %w", sourceID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "source %d not found", sourceID)
	}
	return nil
}
