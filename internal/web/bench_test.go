package web_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/demo"
	"github.com/tidings/tidings/internal/store/sqlite"
	"github.com/tidings/tidings/internal/web"
)

// BenchmarkPages measures page latency at 8 concurrent clients over
// loopback HTTP on a SQLite store of TIDINGS_BENCH_ARTICLES synthetic
// articles (default 20000; the target is 100000). Set
// TIDINGS_BENCH_DB to a path to keep the generated database between runs.
// Each sub-benchmark reports p50 and p99 in milliseconds:
//
//	TIDINGS_BENCH_ARTICLES=100000 TIDINGS_BENCH_DB=/tmp/bench.db \
//	  go test ./internal/web -run '^$' -bench Pages -benchtime 2000x
func BenchmarkPages(b *testing.B) {
	n := benchArticles(b)
	path := os.Getenv("TIDINGS_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	_, statErr := os.Stat(path)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	if statErr != nil {
		start := time.Now()
		if err := demo.Synthetic(ctx, st, n, 1, now, nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	}
	benchServer(b, st, now)
}

// benchArticles is the corpus size: TIDINGS_BENCH_ARTICLES, default 20000.
func benchArticles(b *testing.B) int {
	v := os.Getenv("TIDINGS_BENCH_ARTICLES")
	if v == "" {
		return 20000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 100 {
		b.Fatalf("TIDINGS_BENCH_ARTICLES: want a number of at least 100, got %q", v)
	}
	return n
}

// benchServer runs the page benchmarks against a seeded store.
func benchServer(b *testing.B, st web.Store, now time.Time) {
	ctx := context.Background()
	srv := httptest.NewServer(web.New(st, web.Options{Now: func() time.Time { return now }}))
	defer srv.Close()
	stories, err := st.Stories(ctx, "", 0, "", time.Time{}, 0, 2000)
	if err != nil || len(stories) == 0 {
		b.Fatalf("stories: %v", err)
	}
	var articles []int64
	for _, s := range stories {
		articles = append(articles, s.HeadlineArticleID)
	}
	srcs, _ := st.Sources(ctx)
	queries := []string{"strike", "budget council", "energy grid solar", "rail workers strike", "museum festival film",
		"nuclear", "harbour", "court ruling judge", "vaccine", "team coach final"}
	deep := stories[len(stories)-1]
	pages := []struct {
		name string
		path func(r *rand.Rand) string
	}{
		{"Front", func(*rand.Rand) string { return "/" }},
		{"FrontDeep", func(*rand.Rand) string {
			return "/?before=" + strconv.FormatInt(deep.LastSeen.UnixNano(), 10) + "-" + strconv.FormatInt(deep.ID, 10)
		}},
		{"FrontSource", func(r *rand.Rand) string { return fmt.Sprintf("/?source=%d", srcs[r.IntN(len(srcs))].ID) }},
		{"Tag", func(r *rand.Rand) string { return "/tag/" + stories[r.IntN(len(stories))].Hashtags[0] }},
		{"Story", func(r *rand.Rand) string { return fmt.Sprintf("/story/%d", stories[r.IntN(len(stories))].ID) }},
		{"Article", func(r *rand.Rand) string { return fmt.Sprintf("/article/%d", articles[r.IntN(len(articles))]) }},
		{"Search", func(r *rand.Rand) string { return "/search?q=" + url.QueryEscape(queries[r.IntN(len(queries))]) }},
		{"FeedRSS", func(*rand.Rand) string { return "/feed.rss" }},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			const clients = 8
			var (
				mu   sync.Mutex
				lats []time.Duration
				wg   sync.WaitGroup
			)
			next := make(chan int, clients)
			b.ResetTimer()
			go func() {
				for i := 0; i < b.N; i++ {
					next <- i
				}
				close(next)
			}()
			for c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r := rand.New(rand.NewPCG(uint64(c), 7))
					var mine []time.Duration
					for range next {
						start := time.Now()
						res, err := client.Get(srv.URL + p.path(r))
						if err != nil {
							b.Error(err)
							return
						}
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
						if res.StatusCode != 200 {
							b.Errorf("%s: status %d", res.Request.URL, res.StatusCode)
						}
						mine = append(mine, time.Since(start))
					}
					mu.Lock()
					lats = append(lats, mine...)
					mu.Unlock()
				}()
			}
			wg.Wait()
			b.StopTimer()
			slices.Sort(lats)
			if len(lats) > 0 {
				b.ReportMetric(float64(lats[len(lats)/2].Microseconds())/1000, "p50_ms")
				b.ReportMetric(float64(lats[len(lats)*99/100].Microseconds())/1000, "p99_ms")
			}
		})
	}
}
