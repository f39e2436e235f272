package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/demo"
	"github.com/tidings/tidings/internal/store/pgtest"
	"github.com/tidings/tidings/internal/store/postgres"
	"github.com/tidings/tidings/internal/web"
)

func openPostgres(t testing.TB) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), pgtest.Database(t), postgres.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("postgres.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestPostgresPages serves the main pages from PostgreSQL (skipped without
// TIDINGS_TEST_POSTGRES): the same pages, the same answers as on SQLite.
func TestPostgresPages(t *testing.T) {
	f := newFixtureOn(t, openPostgres(t), web.Options{})
	if got := texts(f.page(t, "/"), ".card h2"); len(got) != 12 || got[0] != "Private lander touches down near the Moon's south pole" {
		t.Errorf("front page: got %q", got)
	}
	id := f.storyOf(t, "Geneva talks ease export licences for rare earth magnets")
	doc := f.page(t, fmt.Sprintf("/story/%d", id))
	if n := doc.Find("svg.timeline circle").Length(); n != 6 {
		t.Errorf("story timeline: got %d dots, want 6", n)
	}
	a := f.articleBy(t, "Dockworkers strike shuts container terminals in Rotterdam and Antwerp")
	if got := texts(f.page(t, fmt.Sprintf("/article/%d", a.ID)), ".article .also a"); len(got) != 2 {
		t.Errorf("article also-in: got %q, want 2", got)
	}
	if got := texts(f.page(t, "/search?q=Okafor"), ".hits .excerpt mark"); len(got) == 0 {
		t.Errorf("search: no highlighted hits")
	}
	for _, q := range []string{`"`, `((( strike`, "stri\xffke", `NEAR(a b)`} {
		if res, _ := f.get(t, "/search?q="+url.QueryEscape(q)); res.StatusCode != http.StatusOK {
			t.Errorf("search %q: got %d, want 200", q, res.StatusCode)
		}
	}
	if res, _ := f.get(t, "/story/999999"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown story: got %d, want 404", res.StatusCode)
	}
}

// BenchmarkPagesPostgres is BenchmarkPages on PostgreSQL, on a fresh
// database of TIDINGS_BENCH_ARTICLES synthetic articles (default 20000), or
// on the database named by TIDINGS_BENCH_POSTGRES, filled first when empty.
func BenchmarkPagesPostgres(b *testing.B) {
	ctx := context.Background()
	var st *postgres.Store
	if u := os.Getenv("TIDINGS_BENCH_POSTGRES"); u != "" {
		var err error
		if st, err = postgres.Open(ctx, u, postgres.Options{}); err != nil {
			b.Fatal(err)
		}
		defer st.Close()
	} else {
		st = openPostgres(b)
	}
	if stats, err := st.Stats(ctx); err != nil || stats.Articles == 0 {
		n := benchArticles(b)
		start := time.Now()
		if err := demo.Synthetic(ctx, st, n, 1, now, nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	}
	benchServer(b, st, now)
}
