package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tidings/tidings"
)

// UnanalyzedArticles implements tidings.Store.
func (s *Store) UnanalyzedArticles(ctx context.Context, limit int) ([]*tidings.Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.story_id IS NULL ORDER BY a.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: unanalyzed articles: %w", err)
	}
	return out, nil
}

// AcquireLease implements tidings.Store. The upsert's conflict clause runs
// under the row lock, so two processes never both take a lease.
func (s *Store) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	if name == "" || holder == "" {
		return false, tidings.Errorf(tidings.ErrInvalid, "lease needs a name and a holder")
	}
	now := s.clock()
	var got string
	err := s.pool.QueryRow(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE leases.holder = excluded.holder OR leases.expires_at < $4
		RETURNING holder`, name, holder, now.Add(ttl), now).Scan(&got)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil // held by another, unexpired
	case err != nil:
		return false, fmt.Errorf("postgres: acquire lease %q: %w", name, err)
	}
	return got == holder, nil
}

// ReleaseLease implements tidings.Store.
func (s *Store) ReleaseLease(ctx context.Context, name, holder string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2`, name, holder); err != nil {
		return fmt.Errorf("postgres: release lease %q: %w", name, err)
	}
	return nil
}
