package auth

import (
	"strings"
	"sync"
	"time"
)

// LimiterOptions tune a Limiter; zero values take the defaults.
type LimiterOptions struct {
	// Free is how many failures a key may have before it must wait
	// (default 5: a person mistyping is not slowed down).
	Free int
	// Base is the first wait after the free failures; each further failure
	// doubles it (default 1s).
	Base time.Duration
	// Max caps the wait (default 15 minutes).
	Max time.Duration
	// Forget is how long after its last failure a key is forgotten
	// (default 1 hour).
	Forget time.Duration
	// MaxKeys bounds memory under a flood of distinct keys; when full, the
	// stalest keys are dropped (default 100,000).
	MaxKeys int
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Limiter slows sign-in guessing down: after a few failures of one key (a
// client address, or a user name, so that neither one address trying many
// names nor many addresses trying one name get far), each further attempt
// must wait twice as long as the last. It is safe for concurrent use and
// lives in one process; behind several processes each limits on its own.
type Limiter struct {
	opts LimiterOptions
	mu   sync.Mutex
	keys map[string]*attempts
}

type attempts struct {
	failures int
	last     time.Time // of the last failure
	until    time.Time // no attempt before this
}

// NewLimiter returns a Limiter.
func NewLimiter(opts LimiterOptions) *Limiter {
	if opts.Free <= 0 {
		opts.Free = 5
	}
	if opts.Base <= 0 {
		opts.Base = time.Second
	}
	if opts.Max <= 0 {
		opts.Max = 15 * time.Minute
	}
	if opts.Forget <= 0 {
		opts.Forget = time.Hour
	}
	if opts.MaxKeys <= 0 {
		opts.MaxKeys = 100_000
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Limiter{opts: opts, keys: make(map[string]*attempts)}
}

// IPKey makes the limiter key of a client address.
func IPKey(ip string) string { return "ip:" + ip }

// NameKey makes the limiter key of a user name, case-insensitively as the
// stores match names, so "Ann" and "ann" share one backoff.
func NameKey(name string) string { return "name:" + strings.ToLower(name) }

// Wait returns how long the caller must wait before trying any of keys
// again, 0 when it may try now.
func (l *Limiter) Wait(keys ...string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.opts.Now()
	var wait time.Duration
	for _, k := range keys {
		if a := l.keys[k]; a != nil && a.until.After(now) {
			wait = max(wait, a.until.Sub(now))
		}
	}
	return wait
}

// Fail records a failed attempt for each key.
func (l *Limiter) Fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.opts.Now()
	for _, k := range keys {
		a := l.keys[k]
		if a == nil || now.Sub(a.last) > l.opts.Forget {
			if len(l.keys) >= l.opts.MaxKeys {
				l.evict(now)
			}
			a = &attempts{}
			l.keys[k] = a
		}
		a.failures++
		a.last = now
		if n := a.failures - l.opts.Free + 1; n > 0 {
			d := l.opts.Base
			for i := 1; i < n && d < l.opts.Max; i++ {
				d *= 2
			}
			a.until = now.Add(min(d, l.opts.Max))
		}
	}
}

// Succeed forgets the failures of keys (a user who finally signed in).
func (l *Limiter) Succeed(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		delete(l.keys, k)
	}
}

// evict drops forgotten keys and, when that is not enough, random keys
// until the map is half full (map order is random): a flood of fresh keys
// may thus free a key under backoff, but memory stays bounded. Called with
// mu held, only when the map is full.
func (l *Limiter) evict(now time.Time) {
	for k, a := range l.keys {
		if now.Sub(a.last) > l.opts.Forget {
			delete(l.keys, k)
		}
	}
	for k := range l.keys {
		if len(l.keys) <= l.opts.MaxKeys/2 {
			break
		}
		delete(l.keys, k)
	}
}
