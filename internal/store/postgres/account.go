package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tidings/tidings"
)

var _ tidings.AccountStore = (*Store)(nil)

// firstUserLock is the advisory lock that serializes first-run
// registrations across processes (an arbitrary constant: "tdng").
const firstUserLock = 0x74646e67

// CreateUser implements tidings.AccountStore.
func (s *Store) CreateUser(ctx context.Context, u *tidings.User) error {
	return s.createUser(ctx, u, false)
}

// CreateFirstUser implements tidings.AccountStore. Under READ COMMITTED two
// transactions could both see no user, so they take a transaction-scoped
// advisory lock first.
func (s *Store) CreateFirstUser(ctx context.Context, u *tidings.User) error {
	return s.createUser(ctx, u, true)
}

func (s *Store) createUser(ctx context.Context, u *tidings.User, first bool) error {
	if err := u.Validate(); err != nil {
		return err
	}
	now := s.clock()
	return s.write(ctx, func(tx pgx.Tx) error {
		if first {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, firstUserLock); err != nil {
				return fmt.Errorf("postgres: create first user: %w", err)
			}
			var any bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&any); err != nil {
				return fmt.Errorf("postgres: create first user: %w", err)
			}
			if any {
				return tidings.Errorf(tidings.ErrConflict, "the instance already has an administrator")
			}
		}
		err := tx.QueryRow(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			u.Name, string(u.Role), u.PasswordHash, now).Scan(&u.ID)
		if isUnique(err) {
			return tidings.Errorf(tidings.ErrConflict, "the name %q is taken", u.Name)
		}
		if err != nil {
			return fmt.Errorf("postgres: create user %q: %w", u.Name, err)
		}
		u.CreatedAt = now
		return nil
	})
}

const userColumns = `u.id, u.name, u.role, u.password_hash, u.created_at`

func scanUser(row pgx.Row, extra ...any) (*tidings.User, error) {
	var (
		u    tidings.User
		role string
	)
	if err := row.Scan(append([]any{&u.ID, &u.Name, &role, &u.PasswordHash, &u.CreatedAt}, extra...)...); err != nil {
		return nil, err
	}
	u.Role = tidings.Role(role)
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, nil
}

// User implements tidings.AccountStore.
func (s *Store) User(ctx context.Context, id int64) (*tidings.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "user %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: user %d: %w", id, err)
	}
	return u, nil
}

// UserByName implements tidings.AccountStore.
func (s *Store) UserByName(ctx context.Context, name string) (*tidings.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE lower(u.name) = lower($1)`, name))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "user not found")
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: user by name: %w", err)
	}
	return u, nil
}

// Users implements tidings.AccountStore.
func (s *Store) Users(ctx context.Context) ([]*tidings.User, error) {
	// COLLATE "C": byte order, as SQLite sorts.
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name COLLATE "C", u.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: users: %w", err)
	}
	defer rows.Close()
	var out []*tidings.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers implements tidings.AccountStore.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count users: %w", err)
	}
	return n, nil
}

// SetPassword implements tidings.AccountStore.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	if hash == "" {
		return tidings.Errorf(tidings.ErrInvalid, "empty password hash")
	}
	return s.write(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
		if err != nil {
			return fmt.Errorf("postgres: set password of %d: %w", userID, err)
		}
		if tag.RowsAffected() == 0 {
			return tidings.Errorf(tidings.ErrNotFound, "user %d not found", userID)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("postgres: end sessions of %d: %w", userID, err)
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
	now := s.clock()
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = now
	}
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now); err != nil {
		return fmt.Errorf("postgres: drop expired sessions: %w", err)
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		sess.TokenHash, sess.UserID, sess.CreatedAt, sess.ExpiresAt)
	switch {
	case isUnique(err):
		return tidings.Errorf(tidings.ErrConflict, "session exists")
	case isForeignKey(err):
		return tidings.Errorf(tidings.ErrNotFound, "user %d not found", sess.UserID)
	case err != nil:
		return fmt.Errorf("postgres: create session: %w", err)
	}
	return nil
}

// Session implements tidings.AccountStore.
func (s *Store) Session(ctx context.Context, tokenHash string, now time.Time) (*tidings.Session, *tidings.User, error) {
	var sess tidings.Session
	row := s.pool.QueryRow(ctx, `SELECT `+userColumns+`, s.token_hash, s.user_id, s.created_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`, tokenHash)
	u, err := scanUser(row, &sess.TokenHash, &sess.UserID, &sess.CreatedAt, &sess.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, tidings.Errorf(tidings.ErrNotFound, "session not found")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt = sess.CreatedAt.UTC(), sess.ExpiresAt.UTC()
	if !sess.ExpiresAt.After(now) {
		if err := s.DeleteSession(ctx, tokenHash); err != nil {
			return nil, nil, err
		}
		return nil, nil, tidings.Errorf(tidings.ErrNotFound, "session expired")
	}
	return &sess, u, nil
}

// DeleteSession implements tidings.AccountStore.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// Setting implements tidings.AccountStore.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.pool.QueryRow(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: setting %q: %w", key, err)
	}
	return v, nil
}

// SetSetting implements tidings.AccountStore.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return tidings.Errorf(tidings.ErrInvalid, "empty setting key")
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("postgres: set setting %q: %w", key, err)
	}
	return nil
}
