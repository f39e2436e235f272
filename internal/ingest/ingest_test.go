package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/sanitize"
	"github.com/tidings/tidings/internal/store/sqlite"
)

const goodFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>
<item><guid>g1</guid><title>Harbour reopens</title><link>https://example.com/1</link><description>The harbour reopened on Friday after the storm.</description></item>
<item><guid>g2</guid><title>Council votes</title><link>https://example.com/2</link><description>The council voted to repair the sea wall.</description></item>
</channel></rss>`

// hostile serves one good feed and one of each way a feed server can fail.
func hostile(t *testing.T) *httptest.Server {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte{0}, 16<<20))
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, goodFeed) })
	mux.HandleFunc("/hang.xml", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/huge.xml", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<item>"), 1<<14)
		for i := 0; i < 50<<20/len(chunk); i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/loop.xml", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop.xml", http.StatusFound) })
	mux.HandleFunc("/500.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) })
	mux.HandleFunc("/invalid.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<?xml version=\"1.0\"?>\n<<<&&& }{ not xml")
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><head><title>A site</title></head><body><p>Hello</p></body></html>")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// tempSQLite opens a store in a fresh SQLite file, closed with the test.
func tempSQLite(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestBadFeedsDoNotStopTheRest(t *testing.T) {
	ctx := context.Background()
	srv := hostile(t)
	st := tempSQLite(t)
	paths := []string{"/good.xml", "/hang.xml", "/huge.xml", "/bomb.xml", "/loop.xml", "/500.xml", "/invalid.xml", "/page.html"}
	ids := map[string]int64{}
	for _, p := range paths {
		src := &tidings.Source{FeedURL: srv.URL + p, FullText: tidings.FullTextOff}
		if err := st.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		ids[p] = src.ID
	}
	fc := fetch.New(fetch.Options{AllowPrivateNetworks: true, Timeout: 2 * time.Second, MaxBody: 4 << 20, MaxDecompressed: 8 << 20})
	san := sanitize.New(sanitize.Options{})
	p := ingest.New(st, fc, feed.New(san), san, ingest.Options{Analyze: true})

	for round := 1; round <= 2; round++ {
		start := time.Now()
		if err := p.RefreshAll(ctx, nil); err != nil {
			t.Fatalf("round %d: RefreshAll: %v", round, err)
		}
		for _, path := range paths {
			src, err := st.Source(ctx, ids[path])
			if err != nil {
				t.Fatal(err)
			}
			if path == "/good.xml" {
				if src.ErrorCount != 0 || src.LastError != "" {
					t.Errorf("round %d: good feed: got error %q (count %d), want none", round, src.LastError, src.ErrorCount)
				}
				continue
			}
			if src.ErrorCount != round || src.LastError == "" {
				t.Errorf("round %d: %s: got error count %d and error %q, want count %d and a message", round, path, src.ErrorCount, src.LastError, round)
			}
			if !src.NextFetchAt.After(start) {
				t.Errorf("round %d: %s: next fetch %v is not after the refresh, want a backoff", round, path, src.NextFetchAt)
			}
			t.Logf("round %d: %s: %s", round, path, src.LastError)
		}
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.Errors != len(paths)-1 {
		t.Errorf("got %d articles and %d failing sources, want 2 and %d", s.Articles, s.Errors, len(paths)-1)
	}
	page, _ := st.Source(ctx, ids["/page.html"])
	if !strings.Contains(strings.ToLower(page.LastError), "html") {
		t.Errorf("an HTML page's error should say so, got %q", page.LastError)
	}
}

func TestFullTextReplacesTeasers(t *testing.T) {
	ctx := context.Background()
	var pageHits atomic.Int32
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/teasers.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>
<item><guid>t1</guid><title>Harbour reopens after storm</title><link>%s/article/1</link><description>The harbour reopened on Friday… Read more</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/article/1", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		para := strings.Repeat("Port officials said the channel had been cleared of debris overnight and that pilots were guiding the first container ships back to their berths. ", 3)
		fmt.Fprintf(w, `<!doctype html><html><head><title>Harbour reopens after storm</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Subscribe now for 1 euro</div>
<article><h1>Harbour reopens after storm</h1><p>The harbour reopened on Friday after a storm closed it for two days.</p>
<p>%s</p><p>%s</p><p>Fishermen said the storm was the worst in a decade.</p></article>
<footer>Copyright 2026 The Gazette. All rights reserved.</footer></body></html>`, para, para)
	})
	st := tempSQLite(t)
	src := &tidings.Source{FeedURL: srv.URL + "/teasers.xml", FullText: tidings.FullTextAuto}
	if err := st.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	fc := fetch.New(fetch.Options{AllowPrivateNetworks: true})
	san := sanitize.New(sanitize.Options{})
	p := ingest.New(st, fc, feed.New(san), san, ingest.Options{})
	for range 2 {
		if err := p.RefreshAll(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	arts, err := st.LatestArticles(ctx, 10)
	if err != nil || len(arts) != 1 {
		t.Fatalf("got %d articles (%v), want 1", len(arts), err)
	}
	a := arts[0]
	if !strings.Contains(a.Text, "worst in a decade") || strings.Contains(a.Text, "Subscribe now") || strings.Contains(a.Text, "Copyright") {
		t.Errorf("stored text is not the article's main text:\n%s", a.Text)
	}
	if n := pageHits.Load(); n != 1 {
		t.Errorf("article page fetched %d times over two refreshes, want 1 (only for the new item)", n)
	}
}

// TestOneParser refreshes many sources with many workers but one parser
// (and one preparer): the workers queue for their turn, the analysis queue
// waits for prepared batches, and nothing deadlocks or is left out.
func TestOneParser(t *testing.T) {
	ctx := context.Background()
	srv := hostile(t)
	st := tempSQLite(t)
	const n = 30
	for i := range n {
		// Distinct URLs of one feed: each source stores its two items.
		src := &tidings.Source{FeedURL: fmt.Sprintf("%s/good.xml?n=%d", srv.URL, i), FullText: tidings.FullTextOff}
		if err := st.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
	}
	fc := fetch.New(fetch.Options{AllowPrivateNetworks: true, Timeout: 2 * time.Second})
	san := sanitize.New(sanitize.Options{})
	p := ingest.New(st, fc, feed.New(san), san, ingest.Options{Analyze: true, Workers: 8, Parsers: 1})
	if err := p.RefreshAll(ctx, nil); err != nil {
		t.Fatalf("RefreshAll: %v", err)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2*n || s.Errors != 0 || s.Stories == 0 {
		t.Errorf("got %d articles, %d failing sources and %d stories, want %d, 0 and some", s.Articles, s.Errors, s.Stories, 2*n)
	}
}
