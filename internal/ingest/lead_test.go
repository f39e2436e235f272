package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/sanitize"
	"github.com/tidings/tidings/internal/store/pgtest"
	"github.com/tidings/tidings/internal/store/postgres"
	"github.com/tidings/tidings/internal/store/sqlite"
)

// wireFeeds serves n feeds that each carry a copy of one wire story (with
// their own headline) and one story of their own.
func wireFeeds(t *testing.T, n int) *httptest.Server {
	wire := "Trade negotiators meeting in Geneva agreed on Tuesday to ease licensing rules for rare earth magnets, ending a four-month standoff that had left carmakers and wind-turbine builders short of parts. " +
		"The commerce secretary said the deal would restore predictable access to the magnets, which are used in electric motors, phones and medical scanners. " +
		"Exporters will be able to apply for general licences valid for a year instead of approval for each shipment, officials said."
	own := []string{
		"The city council voted to rebuild the harbour wall after winter storms breached it twice, at a cost the mayor put at twelve million.",
		"The national orchestra named a new principal conductor, the first woman to lead it in its ninety-year history, starting next season.",
		"A regional airline cancelled dozens of flights after a software fault grounded its fleet for most of Sunday, stranding travellers.",
		"Farmers in the valley reported the earliest cherry harvest on record after an unusually warm spring across the region.",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/%d.xml", &i)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %[1]d</title>
<item><guid>wire-%[1]d</guid><title>Outlet %[1]d: Geneva deal eases rare earth magnet exports</title><link>https://outlet%[1]d.example/wire</link><description>%[2]s</description><pubDate>Tue, 03 Nov 2026 10:0%[1]d:00 GMT</pubDate></item>
<item><guid>own-%[1]d</guid><title>Local story %[1]d</title><link>https://outlet%[1]d.example/own</link><description>%[3]s</description><pubDate>Tue, 03 Nov 2026 11:0%[1]d:00 GMT</pubDate></item>
</channel></rss>`, i, wire, own[i%len(own)])
	}))
	t.Cleanup(srv.Close)
	return srv
}

// stores opens n stores on one fresh database of each kind, as n processes
// would; the PostgreSQL one skips without TIDINGS_TEST_POSTGRES.
var stores = map[string]func(t *testing.T, n int) []tidings.Store{
	"sqlite": func(t *testing.T, n int) []tidings.Store {
		path := filepath.Join(t.TempDir(), "t.db")
		return openN(t, n, func() (tidings.Store, error) { return sqlite.Open(context.Background(), path, sqlite.Options{}) })
	},
	"postgres": func(t *testing.T, n int) []tidings.Store {
		url := pgtest.Database(t)
		return openN(t, n, func() (tidings.Store, error) { return postgres.Open(context.Background(), url, postgres.Options{}) })
	},
}

func openN(t *testing.T, n int, open func() (tidings.Store, error)) []tidings.Store {
	sts := make([]tidings.Store, n)
	for i := range sts {
		st, err := open()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		sts[i] = st
	}
	return sts
}

// TestTwoProcessesShareAnalysis runs two pipelines, as two processes would,
// on one database at once: one holds the analysis lease, the other leaves its
// articles in the analysis queue, and the wire story ends as one story.
func TestTwoProcessesShareAnalysis(t *testing.T) {
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			sts := open(t, 2)
			srv := wireFeeds(t, 6)
			for i := range 6 {
				if err := sts[0].CreateSource(ctx, &tidings.Source{FeedURL: fmt.Sprintf("%s/%d.xml", srv.URL, i), FullText: tidings.FullTextOff}); err != nil {
					t.Fatal(err)
				}
			}
			var ps [2]*ingest.Pipeline
			for i, st := range sts {
				san := sanitize.New(sanitize.Options{})
				ps[i] = ingest.New(st, fetch.New(fetch.Options{AllowPrivateNetworks: true}), feed.New(san), san,
					ingest.Options{Analyze: true, Workers: 2})
			}
			var wg sync.WaitGroup
			for _, p := range ps {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := p.RefreshAll(ctx, nil); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			// Whoever holds the lease picks up the queue on its next round.
			for _, p := range ps {
				if err := p.RefreshAll(ctx, nil); err != nil {
					t.Fatal(err)
				}
			}
			left, err := sts[0].UnanalyzedArticles(ctx, 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(left) != 0 {
				t.Errorf("got %d articles left unanalyzed, want 0", len(left))
			}
			arts, err := sts[0].LatestArticles(ctx, 100)
			if err != nil {
				t.Fatal(err)
			}
			stories := map[int64]bool{}
			for _, a := range arts {
				if a.GUID[:4] == "wire" {
					stories[a.StoryID] = true
				}
			}
			if len(arts) != 12 || len(stories) != 1 {
				t.Errorf("got %d articles and the wire copies in %d stories, want 12 articles and 1 story", len(arts), len(stories))
			}
			for _, p := range ps {
				if err := p.Close(ctx); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
