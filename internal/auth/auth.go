// Package auth holds the security primitives of accounts: argon2id password
// hashes, session tokens of which only a digest is stored, and a sign-in
// rate limiter with backoff. It knows nothing of HTTP or storage, so the web
// layer and the command line share it.
package auth
