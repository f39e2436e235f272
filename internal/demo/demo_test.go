package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/demo"
	"github.com/tidings/tidings/internal/store/sqlite"
)

func open(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	if err := demo.SeedAt(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	want := tidings.Stats{Sources: 8, Articles: 39, Duplicates: 14, Errors: 1, Stories: 12}
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("stats: got %+v, want %+v", got, want)
	}
	// Seeding again leaves the sample as it is.
	if err := demo.SeedAt(ctx, st, now); err != nil {
		t.Fatalf("second seed: %v", err)
	}
	if again, _ := st.Stats(ctx); again != want {
		t.Errorf("after a second seed: got %+v, want %+v", again, want)
	}
	arts, _ := st.LatestArticles(ctx, 100)
	for _, a := range arts {
		if a.StoryID == 0 || len(a.Hashtags) == 0 || len(a.Summary) == 0 {
			t.Errorf("article %q lacks story or intelligence", a.Title)
		}
		if a.PublishedAt.After(now) {
			t.Errorf("article %q is from the future", a.Title)
		}
	}
}

func TestSynthetic(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	if err := demo.Synthetic(ctx, st, 1500, 1, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Articles != 1500 || got.Duplicates == 0 || got.Stories < 1500/8 {
		t.Errorf("stats: got %+v, want 1500 articles with duplicates and stories", got)
	}
}
