package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings"
)

// UnanalyzedArticles implements tidings.Store.
func (s *Store) UnanalyzedArticles(ctx context.Context, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.story_id IS NULL ORDER BY a.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: unanalyzed articles: %w", err)
	}
	return out, nil
}

// AcquireLease implements tidings.Store. The write transaction holds
// SQLite's write lock, so two processes never both take a lease.
func (s *Store) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	if name == "" || holder == "" {
		return false, tidings.Errorf(tidings.ErrInvalid, "lease needs a name and a holder")
	}
	now := s.now().UTC()
	var got string
	err := s.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
			WHERE leases.holder = excluded.holder OR leases.expires_at < ?
			RETURNING holder`, name, holder, now.Add(ttl).UnixMicro(), now.UnixMicro()).Scan(&got)
	})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil // held by another, unexpired
	case err != nil:
		return false, fmt.Errorf("sqlite: acquire lease %q: %w", name, err)
	}
	return got == holder, nil
}

// ReleaseLease implements tidings.Store.
func (s *Store) ReleaseLease(ctx context.Context, name, holder string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: release lease %q: %w", name, err)
	}
	return nil
}
