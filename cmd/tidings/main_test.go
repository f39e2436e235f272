package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/pgtest"
)

// run runs one tidings command with env and returns its stdout.
func run(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	err := m.Run(context.Background(), args)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("tidings %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// feedSite serves a small set of feeds on loopback: an RSS and an Atom feed
// that carry one syndicated article between them, a JSON feed, a feed that
// answers 500, and an OPML list of all four.
func feedSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var gen atomic.Int32
	gen.Store(1)
	wire := "The central bank raised its main interest rate by a quarter point on Thursday, citing persistent inflation in services and a tight labour market. Officials said further moves would depend on the data."
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == fmt.Sprintf(`"rss-%d"`, gen.Load()) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", fmt.Sprintf(`"rss-%d"`, gen.Load()))
		w.Header().Set("Content-Type", "application/rss+xml")
		extra := ""
		if gen.Load() > 1 {
			extra = `<item><guid>rss-3</guid><title>Harbour reopens after storm</title><link>http://example.test/rss/3</link><description>The harbour reopened to shipping on Friday after a storm closed it for two days, port officials said.</description><pubDate>Fri, 06 Nov 2026 09:00:00 GMT</pubDate></item>`
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Ledger</title><link>http://example.test/</link>%s
<item><guid>rss-1</guid><title>Bank raises rates</title><link>http://example.test/rss/1?utm_source=x</link><description>%s</description><pubDate>Thu, 05 Nov 2026 10:00:00 GMT</pubDate></item>
<item><guid>rss-2</guid><title>Local team wins cup &amp; parade planned</title><link>http://example.test/rss/2</link><description>&lt;p&gt;The local team won the cup in extra time.&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description><pubDate>Thu, 05 Nov 2026 11:00:00 GMT</pubDate></item>
</channel></rss>`, extra, wire)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Mirror</title><id>urn:x</id><updated>2026-11-05T12:00:00Z</updated>
<entry><id>urn:a1</id><title>Central bank lifts rates a quarter point</title><link href="http://mirror.test/a1"/><updated>2026-11-05T12:00:00Z</updated><content type="text">%s</content></entry>
</feed>`, wire)
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		io.WriteString(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Json Times","items":[{"id":"j1","url":"http://json.test/1","title":"Rail strike called off","content_text":"Union leaders called off next week's rail strike after a late offer from operators was accepted by members.","date_published":"2026-11-05T08:00:00Z"}]}`)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	mux.HandleFunc("/feeds.opml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="News">
<outline type="rss" text="Daily Ledger" xmlUrl="%[1]s/rss.xml"/><outline type="rss" text="Wire Mirror" xmlUrl="%[1]s/atom.xml"/>
<outline type="rss" text="Json Times" xmlUrl="%[1]s/feed.json"/></outline><outline type="rss" text="Broken" xmlUrl="%[1]s/broken.xml"/></body></opml>`, srv.URL)
	})
	t.Cleanup(srv.Close)
	return srv, &gen
}

func stats(t *testing.T, env map[string]string) tidings.Stats {
	t.Helper()
	var s tidings.Stats
	if err := json.Unmarshal([]byte(run(t, env, "stats", "--json")), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIngestEndToEnd(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			srv, gen := feedSite(t)
			env := map[string]string{"TIDINGS_DATABASE_URL": dbURL(t), "TIDINGS_ALLOW_PRIVATE_NETWORKS": "true"}
			run(t, env, "migrate")
			if out := run(t, env, "import", srv.URL+"/feeds.opml"); !strings.Contains(out, "imported 4 sources") {
				t.Fatalf("import: got %q, want 4 sources imported", out)
			}
			run(t, env, "refresh", "--wait")
			s := stats(t, env)
			if want := (tidings.Stats{Sources: 4, Articles: 4, Duplicates: 1, Errors: 1, Stories: s.Stories}); s != want {
				t.Errorf("after first refresh: got %+v, want %+v", s, want)
			}
			if s.Stories < 3 {
				t.Errorf("got %d stories, want at least 3", s.Stories)
			}
			run(t, env, "refresh", "--wait")
			if s2 := stats(t, env); s2.Articles != s.Articles {
				t.Errorf("unchanged refresh stored %d more articles, want 0", s2.Articles-s.Articles)
			}
			gen.Store(2)
			run(t, env, "refresh", "--wait")
			if s3 := stats(t, env); s3.Articles != s.Articles+1 {
				t.Errorf("next generation: got %d articles, want %d", s3.Articles, s.Articles+1)
			}
			out := run(t, env, "sources")
			if !strings.Contains(out, "failing") || !strings.Contains(out, "500") {
				t.Errorf("sources table does not show the failing feed's error:\n%s", out)
			}
			opml := run(t, env, "export")
			if !strings.Contains(opml, `text="News"`) || !strings.Contains(opml, srv.URL+"/atom.xml") {
				t.Errorf("export lost folders or feeds:\n%s", opml)
			}
		})
	}
}

func TestServe(t *testing.T) {
	env := map[string]string{"TIDINGS_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "t.db")}
	addr := make(chan string, 1)
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] },
		OnListen: func(a string) { addr <- a }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"serve", "--listen", "127.0.0.1:0"}) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve exited: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	for path, want := range map[string]string{"/healthz": "ok", "/metrics": "go_goroutines"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: got %d %.200q, want 200 containing %q", path, resp.StatusCode, body, want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	m.Close()
}

// databases returns a fresh-database constructor for SQLite and, when
// TIDINGS_TEST_POSTGRES is set, for PostgreSQL.
func databases(t *testing.T) map[string]func(t *testing.T) string {
	dbs := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "tidings.db") },
	}
	if os.Getenv("TIDINGS_TEST_POSTGRES") != "" {
		dbs["postgres"] = func(t *testing.T) string { return pgtest.Database(t) }
	}
	return dbs
}

func TestAddDiscoversFeed(t *testing.T) {
	srv, _ := feedSite(t)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Ledger</title><link rel="alternate" type="application/rss+xml" href="%s/rss.xml"></head><body>news</body></html>`, srv.URL)
	}))
	defer page.Close()
	env := map[string]string{"TIDINGS_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "t.db"), "TIDINGS_ALLOW_PRIVATE_NETWORKS": "true"}
	out := run(t, env, "add", "--folder", "Money", page.URL)
	if !strings.Contains(out, srv.URL+"/rss.xml") || !strings.Contains(out, "Daily Ledger") {
		t.Errorf("add via site page: got %q, want the discovered feed and its title", out)
	}
	var stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	err := m.Run(context.Background(), []string{"add", srv.URL + "/rss.xml"})
	m.Close()
	if err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("adding the same feed again: got %v, want an error saying it is already subscribed", err)
	}
	// Without the opt-in, loopback feeds are refused.
	delete(env, "TIDINGS_ALLOW_PRIVATE_NETWORKS")
	m = &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	err = m.Run(context.Background(), []string{"add", srv.URL + "/feed.json"})
	m.Close()
	if err == nil || !strings.Contains(err.Error(), "private") {
		t.Errorf("adding a loopback feed without TIDINGS_ALLOW_PRIVATE_NETWORKS: got %v, want a refusal", err)
	}
}
