package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings"
)

var _ tidings.AccountStore = (*Store)(nil)

// CreateUser implements tidings.AccountStore.
func (s *Store) CreateUser(ctx context.Context, u *tidings.User) error {
	return s.createUser(ctx, u, false)
}

// CreateFirstUser implements tidings.AccountStore. The single writer
// connection serializes it with any other insert, so the check and the
// insert in one statement are atomic.
func (s *Store) CreateFirstUser(ctx context.Context, u *tidings.User) error {
	return s.createUser(ctx, u, true)
}

func (s *Store) createUser(ctx context.Context, u *tidings.User, first bool) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	q := `INSERT INTO users (name, role, password_hash, created_at) SELECT ?, ?, ?, ?`
	if first {
		q += ` WHERE NOT EXISTS (SELECT 1 FROM users)`
	}
	res, err := s.db.ExecContext(ctx, q, u.Name, string(u.Role), u.PasswordHash, now.UnixMicro())
	if isUnique(err) {
		return tidings.Errorf(tidings.ErrConflict, "the name %q is taken", u.Name)
	}
	if err != nil {
		return fmt.Errorf("sqlite: create user %q: %w", u.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tidings.Errorf(tidings.ErrConflict, "the instance already has an administrator")
	}
	u.ID, _ = res.LastInsertId()
	u.CreatedAt = now
	return nil
}

const userColumns = `u.id, u.name, u.role, u.password_hash, u.created_at`

func scanUser(row scanner) (*tidings.User, error) {
	var (
		u       tidings.User
		role    string
		created int64
	)
	if err := row.Scan(&u.ID, &u.Name, &role, &u.PasswordHash, &created); err != nil {
		return nil, err
	}
	u.Role = tidings.Role(role)
	u.CreatedAt = time.UnixMicro(created).UTC()
	return &u, nil
}

// User implements tidings.AccountStore.
func (s *Store) User(ctx context.Context, id int64) (*tidings.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "user %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: user %d: %w", id, err)
	}
	return u, nil
}

// UserByName implements tidings.AccountStore.
func (s *Store) UserByName(ctx context.Context, name string) (*tidings.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE u.name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "user not found")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: user by name: %w", err)
	}
	return u, nil
}

// Users implements tidings.AccountStore.
func (s *Store) Users(ctx context.Context) ([]*tidings.User, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name, u.id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	defer rows.Close()
	var out []*tidings.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers implements tidings.AccountStore.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count users: %w", err)
	}
	return n, nil
}

// SetPassword implements tidings.AccountStore.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	if hash == "" {
		return tidings.Errorf(tidings.ErrInvalid, "empty password hash")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
		if err != nil {
			return fmt.Errorf("sqlite: set password of %d: %w", userID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return tidings.Errorf(tidings.ErrNotFound, "user %d not found", userID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return fmt.Errorf("sqlite: end sessions of %d: %w", userID, err)
		}
		return nil
	})
}

// CreateSession implements tidings.AccountStore; it also drops the
// sessions that expired, so the table does not grow without bound.
func (s *Store) CreateSession(ctx context.Context, sess *tidings.Session) error {
	if sess == nil || sess.TokenHash == "" || sess.ExpiresAt.IsZero() {
		return tidings.Errorf(tidings.ErrInvalid, "a session needs a token hash and an expiry")
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = now
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, now.UnixMicro()); err != nil {
			return fmt.Errorf("sqlite: drop expired sessions: %w", err)
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM users WHERE id = ?`, sess.UserID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return tidings.Errorf(tidings.ErrNotFound, "user %d not found", sess.UserID)
		}
		if err != nil {
			return fmt.Errorf("sqlite: create session: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			sess.TokenHash, sess.UserID, sess.CreatedAt.UnixMicro(), sess.ExpiresAt.UnixMicro())
		if isUnique(err) {
			return tidings.Errorf(tidings.ErrConflict, "session exists")
		}
		if err != nil {
			return fmt.Errorf("sqlite: create session: %w", err)
		}
		return nil
	})
}

// Session implements tidings.AccountStore.
func (s *Store) Session(ctx context.Context, tokenHash string, now time.Time) (*tidings.Session, *tidings.User, error) {
	var (
		sess             tidings.Session
		created, expires int64
	)
	row := s.rdb.QueryRowContext(ctx, `SELECT s.token_hash, s.user_id, s.created_at, s.expires_at, `+userColumns+`
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, tokenHash)
	u, err := scanUser(scanFunc(func(dest ...any) error {
		return row.Scan(append([]any{&sess.TokenHash, &sess.UserID, &created, &expires}, dest...)...)
	}))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, tidings.Errorf(tidings.ErrNotFound, "session not found")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt = time.UnixMicro(created).UTC(), time.UnixMicro(expires).UTC()
	if !sess.ExpiresAt.After(now) {
		if err := s.DeleteSession(ctx, tokenHash); err != nil {
			return nil, nil, err
		}
		return nil, nil, tidings.Errorf(tidings.ErrNotFound, "session expired")
	}
	return &sess, u, nil
}

// scanFunc adapts a function to the scanner interface.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// DeleteSession implements tidings.AccountStore.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}

// Setting implements tidings.AccountStore.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.rdb.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: setting %q: %w", key, err)
	}
	return v, nil
}

// SetSetting implements tidings.AccountStore.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return tidings.Errorf(tidings.ErrInvalid, "empty setting key")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("sqlite: set setting %q: %w", key, err)
	}
	return nil
}
