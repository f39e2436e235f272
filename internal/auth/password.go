package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tidings/tidings"
	"golang.org/x/crypto/argon2"
)

// Password length limits. The floor is NIST SP 800-63B's for user-chosen
// passwords; the ceiling keeps a pasted megabyte from becoming work.
const (
	MinPasswordLen = 8    // characters
	MaxPasswordLen = 1024 // bytes
)

// Options are the argon2id cost parameters. The zero value means OWASP's
// recommended minimum (19 MiB, 2 passes, 1 lane); tests lower them.
type Options struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
}

// Hasher hashes and checks passwords with argon2id.
type Hasher struct {
	opts Options
	// dummy is a hash of a random password with the same parameters:
	// checking a password of an unknown user against it costs what checking
	// a real one does, so timing does not tell which user names exist.
	dummy string
}

// NewHasher returns a Hasher with the given costs.
func NewHasher(opts Options) *Hasher {
	if opts.Memory == 0 {
		opts.Memory = 19 * 1024
	}
	if opts.Time == 0 {
		opts.Time = 2
	}
	if opts.Threads == 0 {
		opts.Threads = 1
	}
	h := &Hasher{opts: opts}
	h.dummy = h.hash(rand.Text())
	return h
}

// ValidatePassword returns ErrInvalid with a message for the user unless
// password is valid UTF-8 of MinPasswordLen characters to MaxPasswordLen
// bytes.
func ValidatePassword(password string) error {
	switch {
	case !utf8.ValidString(password):
		return tidings.Errorf(tidings.ErrInvalid, "the password is not valid text")
	case utf8.RuneCountInString(password) < MinPasswordLen:
		return tidings.Errorf(tidings.ErrInvalid, "a password has at least %d characters", MinPasswordLen)
	case len(password) > MaxPasswordLen:
		return tidings.Errorf(tidings.ErrInvalid, "a password has at most %d bytes", MaxPasswordLen)
	}
	return nil
}

// Hash validates password and returns its argon2id hash in the PHC string
// format ($argon2id$v=19$m=…,t=…,p=…$salt$hash), which records its own
// parameters so that costs can be raised without invalidating old hashes.
func (h *Hasher) Hash(password string) (string, error) {
	if err := ValidatePassword(password); err != nil {
		return "", err
	}
	return h.hash(password), nil
}

func (h *Hasher) hash(password string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, h.opts.Time, h.opts.Memory, h.opts.Threads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		h.opts.Memory, h.opts.Time, h.opts.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// Check reports whether password matches hash, comparing in constant time.
// An empty hash (the user does not exist) is checked against a dummy hash so
// that it takes as long as a real check, and never matches. A malformed hash
// never matches.
func (h *Hasher) Check(hash, password string) bool {
	if len(password) > MaxPasswordLen {
		password = password[:MaxPasswordLen]
	}
	if hash == "" {
		check(h.dummy, password)
		return false
	}
	return check(hash, password)
}

func check(hash, password string) bool {
	p, salt, key, ok := parse(hash)
	if !ok {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// parse splits a PHC argon2id string, refusing parameters outside sane
// bounds: a hash is data from a database, and 4 GiB of memory per check
// would be a denial of service.
func parse(hash string) (p Options, salt, key []byte, ok bool) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, false
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, false
	}
	if p.Memory < 8 || p.Memory > 1<<20 || p.Time < 1 || p.Time > 16 || p.Threads < 1 {
		return p, nil, nil, false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, false
	}
	return p, salt, key, true
}
