// Package sqlite is the embedded store: all of Tidings in one SQLite file,
// with FTS5 for search. It implements tidings.Store with the pure-Go
// modernc.org/sqlite driver, so the binary needs no C toolchain.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/tidings/tidings"
	driver "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options are the store's optional dependencies.
type Options struct {
	// Now is the clock that stamps CreatedAt and UpdatedAt (default
	// time.Now); tests inject a fixed one.
	Now    func() time.Time
	Logger *slog.Logger
	// ReadConns bounds the read-only connections (default: number of CPUs,
	// at least 2); reads run beside the writer thanks to WAL.
	ReadConns int
}

// Store is a tidings.Store on one SQLite file.
type Store struct {
	db   *sql.DB // the single writer connection
	rdb  *sql.DB // read-only pool
	now  func() time.Time
	log  *slog.Logger
	path string
}

var _ tidings.Store = (*Store)(nil)

// Open opens (creating if needed) the SQLite database at path and applies
// pending migrations.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" || strings.Contains(path, ":memory:") {
		// An in-memory database is private to one connection, and the store
		// has a writer and a pool of readers.
		return nil, tidings.Errorf(tidings.ErrInvalid, "sqlite: want a database file path, got %q", path)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.ReadConns <= 0 {
		opts.ReadConns = max(2, runtime.NumCPU())
	}
	s := &Store{now: opts.Now, log: opts.Logger, path: path}

	// Pragmas, applied by the driver on every new connection:
	//   journal_mode=WAL: readers never block the writer nor the writer them.
	//   synchronous=NORMAL: with WAL a crash of the application loses
	//     nothing; only a power loss may drop the last commits.
	//   busy_timeout: another process (tidings refresh beside tidings serve)
	//     holding the write lock makes us wait rather than fail at once.
	//   foreign_keys: SQLite leaves them off by default; deletes cascade.
	//   cache_size: 32 MB for each reader, which re-reads hot index pages,
	//     but SQLite's default 2 MB for the writer: a bulk refresh
	//     touches each page once and the OS page cache backs it. A 32 MB
	//     writer cache was measured at 70 MB more peak RSS than 8 MB, and
	//     8 MB at 7–10 MB more than 2 MB (generation 1 of bench/ingest.sh,
	//     with and without analysis), none of them faster.
	//   temp_store=MEMORY: sorts and temporary indexes stay off disk.
	pragmas := "_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)&_pragma=temp_store(MEMORY)"
	dsn := "file:" + escapePath(path) + "?" + pragmas
	// One writer connection: SQLite serializes writers anyway, and a single
	// connection makes write transactions queue in Go instead of failing with
	// SQLITE_BUSY. BEGIN IMMEDIATE takes the write lock up front so that a
	// transaction never has to upgrade a read lock (which can deadlock with
	// another process).
	db, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-2000)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	s.db = db
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// Readers: query_only guards against a write slipping into the read pool.
	rdb, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-32000)&_pragma=query_only(1)")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	rdb.SetMaxOpenConns(opts.ReadConns)
	rdb.SetMaxIdleConns(opts.ReadConns)
	rdb.SetConnMaxIdleTime(0)
	s.rdb = rdb
	return s, nil
}

// escapePath makes path safe inside a file: URI.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: migrate %s: %w", s.path, err)
	}
	for _, r := range results {
		s.log.Info("sqlite: migrated", "version", r.Source.Version, "duration", r.Duration)
	}
	return nil
}

// Close closes both connection pools, first letting SQLite refresh the
// query planner's statistics (PRAGMA optimize, as SQLite recommends before
// closing a long-lived connection; cheap when nothing changed).
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.db.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		s.log.Warn("sqlite: optimize", "err", err)
	}
	return errors.Join(s.rdb.Close(), s.db.Close())
}

// write runs fn in one write transaction, committed when fn returns nil.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// micros encodes a time; the zero time is NULL.
func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicros decodes what micros encoded.
func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// nullID encodes an optional reference; 0 is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// errCode returns the extended SQLite result code of err, 0 when it is not
// an SQLite error.
func errCode(err error) int {
	var e *driver.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

func isUnique(err error) bool {
	c := errCode(err)
	return c == lib.SQLITE_CONSTRAINT_UNIQUE || c == lib.SQLITE_CONSTRAINT_PRIMARYKEY
}

func isForeignKey(err error) bool { return errCode(err) == lib.SQLITE_CONSTRAINT_FOREIGNKEY }

// clock returns the store's time at the precision it stores.
func (s *Store) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }
