// Package postgres is the scale-out store: any number of tidings processes
// share one PostgreSQL database. It implements tidings.Store with pgx, and
// searches with a tsvector column and a GIN index.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/tidings/tidings"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options are the store's optional dependencies.
type Options struct {
	// Now is the clock that stamps CreatedAt and UpdatedAt (default
	// time.Now); tests inject a fixed one.
	Now    func() time.Time
	Logger *slog.Logger
}

// Store is a tidings.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
	log  *slog.Logger
	// stored counts articles stored by this process; when it passes
	// nextAnalyze the tables' planner statistics are refreshed (see
	// refreshStats).
	stored, nextAnalyze atomic.Int64
}

var _ tidings.Store = (*Store)(nil)

// Open connects to the database at url (postgres://…) and applies pending
// migrations; processes starting at once migrate one after the other.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, tidings.Errorf(tidings.ErrInvalid, "postgres: bad database URL: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{pool: pool, now: opts.Now, log: opts.Logger}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	db := stdlib.OpenDBFromPool(s.pool)
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys,
		goose.WithDisableGlobalRegistry(true), goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	for _, r := range results {
		s.log.Info("postgres: migrated", "version", r.Source.Version, "duration", r.Duration)
	}
	return nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// clock returns the store's time at the precision it stores.
func (s *Store) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// write runs fn in one transaction, committed when fn returns nil. A
// transaction that PostgreSQL aborts to break a deadlock or a serialization
// conflict is run again, a few times, and so is one that lost a race with a
// delete (a refresh storing a copy of an article whose source is being
// deleted): run again, it sees the delete.
func (s *Store) write(ctx context.Context, fn func(tx pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil || attempt == 3 || !retryable(err) {
			return err
		}
		s.log.Warn("postgres: retrying transaction", "err", err, "attempt", attempt)
	}
}

func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001" || pe.Code == "23503")
}

func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

func isUnique(err error) bool     { return pgCode(err) == "23505" }
func isForeignKey(err error) bool { return pgCode(err) == "23503" }

// ts encodes a time; the zero time is NULL.
func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// fromTS decodes what ts encoded, in UTC.
func fromTS(v pgtype.Timestamptz) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return v.Time.UTC()
}

// nullID encodes an optional reference; 0 is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
