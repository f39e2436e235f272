package auth

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// cheap keeps tests fast; the format and logic do not depend on the costs.
func cheap() *Hasher { return NewHasher(Options{Memory: 64, Time: 1, Threads: 1}) }

func TestHashCheck(t *testing.T) {
	h := cheap()
	hash, err := h.Hash("correct horse battery")
	if err != nil {
		t.Fatalf("Hash: %v", err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("got hash %q, want PHC argon2id", hash)
	}
	again, _ := h.Hash("correct horse battery")
	if again == hash {
		t.Error("two hashes of one password are equal: salt missing")
	}
	tests := []struct {
		name, hash, password string
		want                 bool
	}{
		{"right", hash, "correct horse battery", true},
		{"wrong", hash, "correct horse batterx", false},
		{"prefix", hash, "correct horse", false},
		{"unknown user", "", "correct horse battery", false},
		{"malformed", "$argon2id$v=19$m=64$x$y", "correct horse battery", false},
		{"other algorithm", strings.Replace(hash, "argon2id", "argon2i", 1), "correct horse battery", false},
		{"huge memory", strings.Replace(hash, "m=64", "m=4000000", 1), "correct horse battery", false},
		{"truncated key", hash[:len(hash)-30], "correct horse battery", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.Check(tt.hash, tt.password); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// A hash made with other costs still checks: the string carries them.
	if !NewHasher(Options{Memory: 128, Time: 2, Threads: 1}).Check(hash, "correct horse battery") {
		t.Error("hash with other parameters does not check")
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name, password string
		ok             bool
	}{
		{"empty", "", false},
		{"short", "1234567", false},
		{"eight", "12345678", true},
		{"eight runes", "äöüäöüäö", true},
		{"invalid utf8", "abcdefgh\xff", false},
		{"huge", strings.Repeat("a", MaxPasswordLen+1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword(tt.password)
			if (err == nil) != tt.ok {
				t.Fatalf("got %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, tidings.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestToken(t *testing.T) {
	tok, digest := NewToken()
	tok2, _ := NewToken()
	if len(tok) != 43 || tok == tok2 {
		t.Errorf("got tokens %q, %q, want two distinct 43-character tokens", tok, tok2)
	}
	if digest != TokenDigest(tok) || len(digest) != 64 || strings.Contains(digest, tok) {
		t.Errorf("got digest %q, want hex SHA-256 of the token", digest)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewLimiter(LimiterOptions{Free: 3, Base: time.Second, Max: 8 * time.Second, Forget: time.Hour,
		Now: func() time.Time { return now }})
	ip, name := IPKey("192.0.2.1"), NameKey("Ann")
	for i := range 3 {
		if w := l.Wait(ip, name); w != 0 {
			t.Fatalf("failure %d: got wait %v, want 0", i, w)
		}
		l.Fail(ip, name)
	}
	var waits []time.Duration
	for range 6 {
		w := l.Wait(ip, NameKey("ann"))
		waits = append(waits, w)
		now = now.Add(w)
		l.Fail(ip, name)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second}
	for i := range want {
		if waits[i] != want[i] {
			t.Errorf("wait %d: got %v, want %v", i, waits[i], want[i])
		}
	}
	if w := l.Wait(IPKey("192.0.2.2")); w != 0 {
		t.Errorf("other address: got wait %v, want 0", w)
	}
	if w := l.Wait(IPKey("192.0.2.2"), name); w == 0 {
		t.Error("other address, same name: got no wait, want the name's backoff")
	}
	l.Succeed(ip, name)
	if w := l.Wait(ip, name); w != 0 {
		t.Errorf("after success: got wait %v, want 0", w)
	}
	// Failures are forgotten after a while.
	for range 4 {
		l.Fail(ip)
	}
	now = now.Add(2 * time.Hour)
	l.Fail(ip)
	if w := l.Wait(ip); w != 0 {
		t.Errorf("after forgetting: got wait %v, want 0", w)
	}
}

func TestLimiterBounded(t *testing.T) {
	l := NewLimiter(LimiterOptions{MaxKeys: 100})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				l.Fail(IPKey(string(rune('a'+g)) + strings.Repeat("x", i%50) + string(rune(i))))
			}
		}()
	}
	wg.Wait()
	if n := len(l.keys); n > 100 {
		t.Errorf("got %d keys, want at most 100", n)
	}
}
