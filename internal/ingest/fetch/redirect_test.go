package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusMovedPermanently)
		case r.URL.Path == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, "/hop/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
			if n == 0 {
				w.Write([]byte(feedBody))
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
		case r.URL.Path == "/to-ftp":
			http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
		}
	}))
	defer srv.Close()
	c := loopback(Options{})
	tests := []struct {
		path, wantErr, wantFinal string
	}{
		{"/hop/5", "", "/hop/0"},
		{"/hop/6", "too many redirects (5)", ""},
		{"/loop-a", "redirect loop", ""},
		{"/to-ftp", `redirect to unsupported URL scheme "ftp"`, ""},
	}
	for _, tt := range tests {
		resp, err := c.Get(context.Background(), srv.URL+tt.path, Validators{})
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: got %v, want no error", tt.path, err)
			} else if resp.FinalURL != srv.URL+tt.wantFinal {
				t.Errorf("%s: got FinalURL %s, want %s", tt.path, resp.FinalURL, srv.URL+tt.wantFinal)
			}
			continue
		}
		if !errors.Is(err, ErrRedirect) || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: got %v, want ErrRedirect saying %q", tt.path, err, tt.wantErr)
		}
		if !strings.HasPrefix(err.Error(), "fetch "+srv.URL+tt.path+": ") {
			t.Errorf("%s: got %q, want it prefixed with the URL", tt.path, err)
		}
	}
}
