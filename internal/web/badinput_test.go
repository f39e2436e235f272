package web_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/web"
)

// TestBadInput: one case per rule: unknown IDs give 404, malformed
// parameters 400 with a message, never a 500.
func TestBadInput(t *testing.T) {
	f := newFixture(t, web.Options{})
	tests := []struct {
		name, path string
		status     int
		message    string
	}{
		{"unknown story", "/story/999999", http.StatusNotFound, "not found"},
		{"unknown article", "/article/999999", http.StatusNotFound, "not found"},
		{"unknown source", "/source/999999", http.StatusNotFound, "not found"},
		{"unknown page", "/no/such/page", http.StatusNotFound, "no page at this address"},
		{"non-numeric story id", "/story/abc", http.StatusBadRequest, "not a valid story number"},
		{"non-numeric article id", "/article/12x", http.StatusBadRequest, "not a valid article number"},
		{"zero article id", "/article/0", http.StatusBadRequest, "not a valid article number"},
		{"huge id", "/story/99999999999999999999999", http.StatusBadRequest, "not a valid story number"},
		{"negative source id", "/source/-3", http.StatusBadRequest, "not a valid source number"},
		{"bad cursor", "/?before=yesterday", http.StatusBadRequest, "page position"},
		{"bad cursor id", "/?before=1700000000000000000-x", http.StatusBadRequest, "page position"},
		{"bad source cursor", "/source/1?before=-1-1", http.StatusBadRequest, "page position"},
		{"bad source filter", "/?source=abc", http.StatusBadRequest, "not a valid source number"},
		{"bad language", "/?lang=english", http.StatusBadRequest, "two-letter language code"},
		{"bad search date", "/search?q=strike&from=31/12/2025", http.StatusBadRequest, "not a date"},
		{"search dates reversed", "/search?q=strike&from=2026-03-10&to=2026-03-01", http.StatusBadRequest, "starts"},
		{"bad search source", "/search?q=strike&source=x", http.StatusBadRequest, "not a valid source number"},
		{"feed without search", "/search/feed.rss", http.StatusBadRequest, "needs a search"},
		{"feed with empty search", "/search/feed.atom?q=%21%21", http.StatusBadRequest, "needs one or more words"},
		{"bad feed cursor", "/feed.json?lang=xyz", http.StatusBadRequest, "two-letter"},
		{"invalid UTF-8 hashtag", "/tag/%FF%FE", http.StatusBadRequest, "not a valid hashtag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := f.get(t, tt.path)
			if res.StatusCode != tt.status {
				t.Errorf("got status %d, want %d", res.StatusCode, tt.status)
			}
			if !strings.Contains(strings.ToLower(body), strings.ToLower(tt.message)) {
				t.Errorf("got body without %q:\n%s", tt.message, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type: got %q, want an HTML error page", ct)
			}
		})
	}
}

func TestErrorStatus(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"not found", tidings.Errorf(tidings.ErrNotFound, "x"), 404},
		{"invalid", fmt.Errorf("wrapped: %w", tidings.ErrInvalid), 400},
		{"conflict", tidings.ErrConflict, 409},
		{"unauthorized", tidings.ErrUnauthorized, 403},
		{"other", errors.New("disk on fire"), 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := web.ErrorStatus(tt.err); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
