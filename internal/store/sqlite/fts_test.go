package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tidings/tidings"
)

// TestFTSIntegrity checks that the full-text index, which the store writes
// itself rather than by triggers, matches the articles after every kind of
// write: FTS5 trusts what it is told to delete.
func TestFTSIntegrity(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	check := func(step string) {
		t.Helper()
		if _, err := st.db.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Fatalf("after %s: integrity-check: %v", step, err)
		}
	}
	item := func(guid, text string) *tidings.Article {
		return &tidings.Article{GUID: guid, URL: "https://x/" + guid, Title: "title " + text, Text: text, ContentHash: text}
	}
	var srcs []*tidings.Source
	for i := range 3 {
		src := &tidings.Source{FeedURL: fmt.Sprintf("https://f/%d", i)}
		if err := st.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	steps := []struct {
		name  string
		src   int
		items []*tidings.Article
	}{
		{"new items", 0, []*tidings.Article{item("a", "one"), item("b", "two")}},
		{"same GUID twice in a batch", 0, []*tidings.Article{item("c", "three"), item("c", "four")}},
		{"updates", 0, []*tidings.Article{item("a", "one changed"), item("c", "five"), item("c", "six")}},
		{"duplicates elsewhere", 1, []*tidings.Article{item("x", "one changed"), item("y", "two")}},
		{"unchanged", 0, []*tidings.Article{item("a", "one changed"), item("b", "two")}},
	}
	for _, s := range steps {
		if _, err := st.SaveRefresh(ctx, srcs[s.src].ID, tidings.FetchState{}, s.items); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		check(s.name)
	}
	if err := st.DeleteSource(ctx, srcs[0].ID); err != nil {
		t.Fatal(err)
	}
	check("delete source")
}
