package fetch

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

const feedBody = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`

// loopback returns a client allowed to reach httptest servers on 127.0.0.1.
func loopback(opts Options) *Client {
	opts.AllowPrivateNetworks = true
	return New(opts)
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	var gotUA, gotAE string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.Header.Get("User-Agent"), r.Header.Get("Accept-Encoding")
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Expires", "Mon, 02 Jan 2006 16:04:05 GMT")
		w.Write([]byte(feedBody))
	}))
	defer srv.Close()
	c := loopback(Options{})
	ctx := context.Background()

	first, err := c.Get(ctx, srv.URL+"/feed", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Response{
		StatusCode: 200, Body: []byte(feedBody), ContentType: "application/rss+xml",
		ETag: etag, LastModified: lastMod, FinalURL: srv.URL + "/feed",
		MaxAge: 10 * time.Minute, Expires: time.Date(2006, 1, 2, 16, 4, 5, 0, time.UTC),
	}
	first.Date = time.Time{}
	if diff := cmp.Diff(want, first); diff != "" {
		t.Errorf("first response (-want +got):\n%s", diff)
	}
	if !strings.Contains(gotUA, "Tidings") {
		t.Errorf("got User-Agent %q, want one naming Tidings", gotUA)
	}
	if gotAE != "gzip, br, deflate" {
		t.Errorf("got Accept-Encoding %q, want gzip, br, deflate", gotAE)
	}

	second, err := c.Get(ctx, srv.URL+"/feed", Validators{ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.StatusCode != 304 || len(second.Body) != 0 {
		t.Errorf("got NotModified=%v status %d body %d bytes, want a 304 with no body", second.NotModified, second.StatusCode, len(second.Body))
	}
	if second.ETag != etag || second.LastModified != lastMod {
		t.Errorf("got validators %q %q after 304, want the ones sent", second.ETag, second.LastModified)
	}
	if second.MaxAge != -1 {
		t.Errorf("got MaxAge %v without Cache-Control, want -1", second.MaxAge)
	}
}

func TestContentEncodings(t *testing.T) {
	body := []byte(strings.Repeat(feedBody, 50))
	encode := map[string]func([]byte) []byte{
		"gzip": func(b []byte) []byte {
			var buf bytes.Buffer
			w := gzip.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"br": func(b []byte) []byte {
			var buf bytes.Buffer
			w := brotli.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"deflate": func(b []byte) []byte {
			var buf bytes.Buffer
			w := zlib.NewWriter(&buf)
			w.Write(b)
			w.Close()
			return buf.Bytes()
		},
		"identity": func(b []byte) []byte { return b },
	}
	for name, enc := range encode {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", name)
				w.Write(enc(body))
			}))
			defer srv.Close()
			resp, err := loopback(Options{}).Get(context.Background(), srv.URL, Validators{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resp.Body, body) {
				t.Errorf("got %d decoded bytes, want %d", len(resp.Body), len(body))
			}
		})
	}
}

func TestStatusErrors(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		header     map[string]string
		wantRetry  time.Duration
		wantKind   error
		wantInText string
	}{
		{"500 with delta Retry-After", 500, map[string]string{"Retry-After": "120"}, 2 * time.Minute, nil, "HTTP 500 Internal Server Error (retry after 2m0s)"},
		{"429 with HTTP-date Retry-After", 429, map[string]string{
			"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat),
			"Date":        now.Format(http.TimeFormat),
		}, 90 * time.Second, nil, "HTTP 429 Too Many Requests"},
		{"503 with HTTP-date and no Date header uses the clock", 503, map[string]string{
			"Retry-After": now.Add(10 * time.Minute).Format(http.TimeFormat),
			"Date":        "",
		}, 10 * time.Minute, nil, "HTTP 503 Service Unavailable (retry after 10m0s)"},
		{"503 with past date", 503, map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat), "Date": now.Format(http.TimeFormat)}, 0, nil, "HTTP 503"},
		{"404 is not found", 404, nil, 0, tidings.ErrNotFound, "HTTP 404 Not Found"},
		{"410 is not found", 410, nil, 0, tidings.ErrNotFound, "HTTP 410 Gone"},
		{"403 is unauthorized", 403, nil, 0, tidings.ErrUnauthorized, "HTTP 403"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					if v == "" {
						w.Header()[k] = nil // suppress net/http's automatic header
						continue
					}
					w.Header()[k] = []string{v}
				}
				w.WriteHeader(tt.status)
				w.Write([]byte("error page"))
			}))
			defer srv.Close()
			resp, err := loopback(Options{Clock: func() time.Time { return now }}).Get(context.Background(), srv.URL, Validators{})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("got error %v, want a *StatusError", err)
			}
			if se.StatusCode != tt.status || se.RetryAfter != tt.wantRetry {
				t.Errorf("got status %d retry %v, want %d %v", se.StatusCode, se.RetryAfter, tt.status, tt.wantRetry)
			}
			if resp == nil || resp.RetryAfter != tt.wantRetry || resp.StatusCode != tt.status {
				t.Errorf("got response %+v, want headers with status %d and RetryAfter %v", resp, tt.status, tt.wantRetry)
			}
			if !strings.Contains(err.Error(), tt.wantInText) || !strings.HasPrefix(err.Error(), "fetch "+srv.URL) {
				t.Errorf("got message %q, want it to start with fetch URL and contain %q", err, tt.wantInText)
			}
			if tt.wantKind != nil && !errors.Is(err, tt.wantKind) {
				t.Errorf("got %v, want it to wrap %v", err, tt.wantKind)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" {
			w.Write([]byte("<rss>"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	c := loopback(Options{Timeout: 200 * time.Millisecond})
	for _, path := range []string{"/hang", "/slow-body"} {
		start := time.Now()
		_, err := c.Get(context.Background(), srv.URL+path, Validators{})
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("%s: got %v, want ErrTimeout", path, err)
		} else if !strings.Contains(err.Error(), "timed out after 200ms") {
			t.Errorf("%s: got message %q, want it to say timed out after 200ms", path, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v, want about 200ms", path, d)
		}
	}
}

func TestPerHostLimit(t *testing.T) {
	var cur, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		defer cur.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(40 * time.Millisecond)
		w.Write([]byte(feedBody))
	}))
	defer srv.Close()
	c := loopback(Options{PerHost: 2})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), srv.URL, Validators{}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 2 || p < 1 {
		t.Errorf("got %d concurrent requests at the server, want at most 2", p)
	}
	if n := len(c.hosts.hosts); n != 0 {
		t.Errorf("got %d hosts remembered when idle, want 0", n)
	}
}

func TestBadURLs(t *testing.T) {
	c := New(Options{})
	for _, raw := range []string{"ftp://example.com/feed", "file:///etc/passwd", "http://", "::not a url"} {
		_, err := c.Get(context.Background(), raw, Validators{})
		if !errors.Is(err, tidings.ErrInvalid) {
			t.Errorf("%q: got %v, want ErrInvalid", raw, err)
		}
	}
}
