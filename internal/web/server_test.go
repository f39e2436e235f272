package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"github.com/tidings/tidings/internal/demo"
	"github.com/tidings/tidings/internal/store/sqlite"
	"github.com/tidings/tidings/internal/web"
)

// The real stores implement the pages' interface.
var _ web.Store = (*sqlite.Store)(nil)

// now is the fixed clock of the tests: the demo is seeded relative to it.
var now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// store is what the tests need of a store: the contract and the pages' reads.
type store interface {
	tidings.Store
	web.Store
}

// cheapHasher hashes test passwords with tiny argon2id costs.
var cheapHasher = auth.NewHasher(auth.Options{Memory: 64, Time: 1, Threads: 1})

// fixture is a seeded store and a server on it.
type fixture struct {
	st  store
	srv *web.Server
}

// newFixture seeds the demo sample into a SQLite store on a temp file.
func newFixture(t testing.TB, opts web.Options) *fixture {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "tidings.db"), sqlite.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return newFixtureOn(t, st, opts)
}

// newFixtureOn seeds the demo sample into st and serves it.
func newFixtureOn(t testing.TB, st store, opts web.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	if err := demo.SeedAt(ctx, st, now); err != nil {
		t.Fatalf("demo.SeedAt: %v", err)
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return now }
	}
	if opts.Hasher == nil {
		opts.Hasher = cheapHasher // argon2id at its real cost would dominate the tests
	}
	if opts.Admin == nil {
		opts.Admin = st
	}
	return &fixture{st: st, srv: web.New(st, opts)}
}

// get requests path and returns the response with its body read.
func (f *fixture) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// page requests path, wants 200, and returns its parsed document.
func (f *fixture) page(t testing.TB, path string) *goquery.Document {
	t.Helper()
	res, body := f.get(t, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got status %d, want 200; body:\n%s", path, res.StatusCode, body)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("GET %s: parse: %v", path, err)
	}
	return doc
}

// texts returns the trimmed text of every match of sel.
func texts(doc *goquery.Document, sel string) []string {
	var out []string
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(s.Text()), " "))
	})
	return out
}

// storyOf returns the ID of the story whose headline is title.
func (f *fixture) storyOf(t testing.TB, title string) int64 {
	t.Helper()
	stories, err := f.st.Stories(context.Background(), "", 0, "", time.Time{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		a, err := f.st.Article(context.Background(), s.HeadlineArticleID)
		if err == nil && a.Title == title {
			return s.ID
		}
	}
	t.Fatalf("no story with headline %q", title)
	return 0
}

// articleBy returns the article with that title.
func (f *fixture) articleBy(t testing.TB, title string) *tidings.Article {
	t.Helper()
	arts, err := f.st.LatestArticles(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Title == title {
			return a
		}
	}
	t.Fatalf("no article %q", title)
	return nil
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
