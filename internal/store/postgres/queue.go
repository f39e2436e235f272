package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// ClaimDueSources implements tidings.Store. FOR UPDATE SKIP LOCKED lets
// processes claim at once without waiting for nor double-claiming each
// other's rows.
func (s *Store) ClaimDueSources(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]*tidings.Source, error) {
	if limit <= 0 {
		return nil, nil
	}
	until := now.Add(lease).UTC().Truncate(time.Microsecond)
	rows, err := s.pool.Query(ctx, `WITH due AS (
			SELECT id, next_fetch_at FROM sources WHERE next_fetch_at <= $1
			ORDER BY next_fetch_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
		UPDATE sources s SET next_fetch_at = $3 FROM due WHERE s.id = due.id
		RETURNING `+sourceColumns+`, due.next_fetch_at`, now, limit, until)
	if err != nil {
		return nil, fmt.Errorf("postgres: claim sources: %w", err)
	}
	defer rows.Close()
	type claimed struct {
		src *tidings.Source
		was time.Time
	}
	var out []claimed
	for rows.Next() {
		var was pgtype.Timestamptz
		src, err := scanSource(rows, &was)
		if err != nil {
			return nil, fmt.Errorf("postgres: claim sources: %w", err)
		}
		out = append(out, claimed{src, was.Time})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: claim sources: %w", err)
	}
	slices.SortFunc(out, func(a, b claimed) int {
		if c := a.was.Compare(b.was); c != 0 {
			return c
		}
		return cmp.Compare(a.src.ID, b.src.ID)
	})
	srcs := make([]*tidings.Source, len(out))
	for i, c := range out {
		srcs[i] = c.src
	}
	return srcs, nil
}

// NextDue implements tidings.Store.
func (s *Store) NextDue(ctx context.Context) (time.Time, error) {
	var v pgtype.Timestamptz
	if err := s.pool.QueryRow(ctx, `SELECT MIN(next_fetch_at) FROM sources`).Scan(&v); err != nil {
		return time.Time{}, fmt.Errorf("postgres: next due: %w", err)
	}
	return fromTS(v), nil
}

// SaveFetchState implements tidings.Store.
func (s *Store) SaveFetchState(ctx context.Context, sourceID int64, st tidings.FetchState) error {
	return s.write(ctx, func(tx pgx.Tx) error { return saveFetchState(ctx, tx, sourceID, st) })
}

// saveFetchState also locks the source's row until the transaction ends,
// which serializes refreshes of one source.
func saveFetchState(ctx context.Context, tx pgx.Tx, sourceID int64, st tidings.FetchState) error {
	tag, err := tx.Exec(ctx, `UPDATE sources SET etag = $1, last_modified = $2, last_fetched_at = $3,
		next_fetch_at = $4, last_status = $5, last_error = $6, error_count = $7, publish_interval = $8 WHERE id = $9`,
		codec.Text(st.ETag), codec.Text(st.LastModified), ts(st.LastFetchedAt), st.NextFetchAt.UTC(),
		st.LastStatus, codec.Text(st.LastError), st.ErrorCount, int64(st.PublishInterval), sourceID)
	if err != nil {
		return fmt.Errorf("postgres: save fetch state of source %d: %w", sourceID, err)
	}
	if tag.RowsAffected() == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "source %d not found", sourceID)
	}
	return nil
}
