package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewToken returns a fresh session token (32 random bytes, URL-safe base64)
// for the browser's cookie, and the digest of it to store.
func NewToken() (token, digest string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails: crypto/rand panics instead
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, TokenDigest(token)
}

// TokenDigest returns the hex SHA-256 of a token: what the store keeps and
// looks sessions up by. A plain hash suffices (no salt, no stretching)
// because the token has 256 bits of entropy.
func TokenDigest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
