package tidings

import (
	"time"
	"unicode/utf8"
)

// Role is what a user may do beyond reading and commenting.
type Role string

// Roles. An admin manages sources, users, settings and moderates comments; a
// member reads, comments and keeps reading state.
const (
	RoleAdmin  Role = "admin"
	RoleMember Role = "member"
)

// Valid reports whether r is one of the roles above.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleMember }

// User is an account of the instance.
type User struct {
	ID   int64
	Name string // unique, case-insensitively; see ValidateUserName
	Role Role
	// PasswordHash is a self-describing hash string (internal/auth writes
	// argon2id in PHC format); the store keeps it opaque.
	PasswordHash string
	CreatedAt    time.Time
}

// IsAdmin reports whether u may administer the instance; a nil user (an
// anonymous visitor) may not.
func (u *User) IsAdmin() bool { return u != nil && u.Role == RoleAdmin }

// MaxUserNameLen bounds user names: they appear beside every comment.
const MaxUserNameLen = 32

// ValidateUserName returns ErrInvalid unless name is 1 to MaxUserNameLen
// ASCII letters, digits, '.', '_' or '-'. ASCII only so that "the same name
// in another case" means one thing in SQLite and PostgreSQL, and so that no
// look-alike Unicode name can impersonate another user.
func ValidateUserName(name string) error {
	if name == "" || len(name) > MaxUserNameLen || !utf8.ValidString(name) {
		return Errorf(ErrInvalid, "a user name has 1 to %d characters", MaxUserNameLen)
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
		default:
			return Errorf(ErrInvalid, "a user name may contain only letters, digits, '.', '_' and '-'")
		}
	}
	return nil
}

// Session is a signed-in browser. The browser holds a random token; the
// store keeps only its SHA-256 (TokenHash), so a leaked database does not
// sign anyone in.
type Session struct {
	TokenHash string // hex SHA-256 of the cookie's token
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Setting keys of the instance.
const (
	// SettingAnonymousRead is "true" when visitors who are not signed in may
	// read the pages, "false" when they are sent to sign in. Unset: true.
	SettingAnonymousRead = "anonymous_read"
)

// Validate returns ErrInvalid unless u has a valid name, a password hash
// and a known role: what every store refuses to create.
func (u *User) Validate() error {
	if u == nil {
		return Errorf(ErrInvalid, "no user")
	}
	if err := ValidateUserName(u.Name); err != nil {
		return err
	}
	if u.PasswordHash == "" || !u.Role.Valid() {
		return Errorf(ErrInvalid, "a user needs a password and the role admin or member")
	}
	return nil
}
