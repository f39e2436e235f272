package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/sqlite"
)

// TestTwoStoresOneFile stands in for two processes (tidings serve and
// tidings refresh) sharing one database file: each has its own writer
// connection, and BEGIN IMMEDIATE with the busy timeout serializes them, so
// claims never overlap and an article carried by two feeds is stored once
// as canonical.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var stores []*sqlite.Store
	for range 2 {
		st, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores = append(stores, st)
	}
	const sources = 8
	for i := range sources {
		if err := stores[0].CreateSource(ctx, &tidings.Source{FeedURL: fmt.Sprintf("https://f/%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu      sync.Mutex
		claimed = map[int64]int{}
		wg      sync.WaitGroup
	)
	for _, st := range stores {
		wg.Go(func() {
			for {
				got, err := st.ClaimDueSources(ctx, time.Now().Add(time.Second), time.Hour, 1)
				if err != nil {
					t.Errorf("ClaimDueSources: %v", err)
					return
				}
				if len(got) == 0 {
					return
				}
				src := got[0]
				mu.Lock()
				claimed[src.ID]++
				mu.Unlock()
				var items []*tidings.Article
				for k := range 20 {
					text := fmt.Sprintf("shared wire story %d", k)
					items = append(items, &tidings.Article{GUID: fmt.Sprint(k), URL: fmt.Sprintf("https://s%d/%d", src.ID, k),
						Title: text, Text: text, ContentHash: text})
				}
				if _, err := st.SaveRefresh(ctx, src.ID, tidings.FetchState{NextFetchAt: time.Now().Add(time.Hour)}, items); err != nil {
					t.Errorf("SaveRefresh: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
	if len(claimed) != sources {
		t.Errorf("got %d sources claimed, want %d", len(claimed), sources)
	}
	for id, n := range claimed {
		if n != 1 {
			t.Errorf("source %d claimed %d times, want once", id, n)
		}
	}
	stats, err := stores[1].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (tidings.Stats{Sources: sources, Articles: sources * 20, Duplicates: (sources - 1) * 20}); stats != want {
		t.Errorf("got %+v, want %+v", stats, want)
	}
}
