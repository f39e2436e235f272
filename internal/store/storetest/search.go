package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func testSearch(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	a, b := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2))
	magnets := item("m", "https://a/m", "Export controls on rare earth magnets tighten.", 1)
	magnets.Title = "Magnets and trade"
	geneva := item("g", "https://a/g", "Talks in Geneva ended without agreement on tariffs.", 2)
	geneva.Title = "Geneva talks"
	both := item("x", "https://a/x", "Geneva delegates discussed rare earth supplies.", 3)
	both.Title = "Supply talks"
	refresh(t, st, a.ID, magnets, geneva, both)
	copyOf := item("c", "https://b/c", "Export controls on rare earth magnets tighten.", 4)
	refresh(t, st, b.ID, copyOf) // a duplicate: never a search result

	tests := []struct {
		query string
		want  []int64
	}{
		{"magnets", []int64{magnets.ID}},
		{"MAGNETS", []int64{magnets.ID}},
		{"geneva", []int64{geneva.ID, both.ID}}, // the title match ranks first
		{"rare geneva", []int64{both.ID}},       // every word must match
		{"tariffs", []int64{geneva.ID}},
		{"nothing-like-this", nil},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := st.SearchArticles(ctx, tt.query, 10)
			if err != nil {
				t.Fatalf("SearchArticles(%q): %v", tt.query, err)
			}
			if diff := cmp.Diff(tt.want, ids(got), cmpOpts...); diff != "" {
				t.Errorf("SearchArticles(%q) (-want +got):\n%s", tt.query, diff)
			}
		})
	}
	// The index follows updates and deletes.
	changed := item("g", "https://a/g", "Talks in Lausanne ended.", 2)
	refresh(t, st, a.ID, changed)
	if got, _ := st.SearchArticles(ctx, "tariffs", 10); len(got) != 0 {
		t.Errorf("after update: got %v for a removed word, want nothing", ids(got))
	}
	if got, _ := st.SearchArticles(ctx, "lausanne", 10); len(got) != 1 {
		t.Errorf("after update: got %v for a new word, want 1", ids(got))
	}
	if err := st.DeleteSource(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.SearchArticles(ctx, "geneva", 10); len(got) != 0 {
		t.Errorf("after delete: got %v, want nothing", ids(got))
	}
}

// hostile are queries that break naive full-text query building.
var hostile = []string{
	`"`, `""`, `"unbalanced`, `(`, `)`, `((magnets`, `magnets)`, `AND`, `OR`, `NOT`, `NEAR`, `NEAR(a b`,
	`magnets AND`, `OR magnets`, `NOT magnets`, `-magnets`, `+magnets`, `magnets*`, `*`, `^magnets`,
	`title:magnets`, `text:`, `{title text}: x`, `a"b'c`, `'`, `\`, `\\"`, `%`, `_`, `;DROP TABLE articles;--`,
	"\xff\xfe", "magnets\xc3\x28", "nul\x00byte", "<script>alert(1)</script>", `!@#$%^&*()`,
	`magnets | geneva`, `magnets & geneva`, `magnets <-> geneva`, `!magnets`, `magnets:*`, `:`, `&`, `|`,
	"🧲 magnets", "Ελληνικά", "日本語のテキスト", `a b c d e f g h i j k l m n o p q r s t u v w x y z`,
}

func testSearchHostile(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	m := item("m", "https://a/m", "Rare earth magnets.", 1)
	refresh(t, st, src.ID, m)
	for _, q := range hostile {
		if _, err := st.SearchArticles(ctx, q, 10); err != nil {
			t.Errorf("SearchArticles(%q): %v", q, err)
		}
	}
	for _, q := range []string{`"magnets`, `(magnets`, `magnets*`, `-magnets`, "magnets\xff", `title:magnets`} {
		got, err := st.SearchArticles(ctx, q, 10)
		if err != nil || len(got) != 1 {
			t.Errorf("SearchArticles(%q): got %v, %v, want the magnets article", q, ids(got), err)
		}
	}
}
