package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func testArticleNotFound(t *testing.T, st tidings.Store) {
	_, err := st.Article(context.Background(), 4242)
	wantKind(t, "Article", err, tidings.ErrNotFound)
}

// publishedSet stores articles published at the given minutes after base,
// in that order, and returns their IDs.
func publishedSet(t *testing.T, st tidings.Store, minutes ...int) []int64 {
	src := newSource(t, st, feedURL(1))
	var items []*tidings.Article
	for i, m := range minutes {
		items = append(items, item(string(rune('a'+i)), "", "text "+string(rune('a'+i)), m))
	}
	refresh(t, st, src.ID, items...)
	return ids(items)
}

func testLatestArticles(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	id := publishedSet(t, st, 5, 1, 9, 5)
	tests := []struct {
		name  string
		limit int
		want  []int64
	}{
		{"all, ties by ID", 10, []int64{id[2], id[3], id[0], id[1]}},
		{"limited", 2, []int64{id[2], id[3]}},
		{"zero", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.LatestArticles(ctx, tt.limit)
			if err != nil {
				t.Fatalf("LatestArticles: %v", err)
			}
			if diff := cmp.Diff(tt.want, ids(got), cmpOpts...); diff != "" {
				t.Errorf("LatestArticles(%d) (-want +got):\n%s", tt.limit, diff)
			}
		})
	}
}

func testArticlesSince(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	id := publishedSet(t, st, 5, 1, 9, 5)
	tests := []struct {
		name  string
		since time.Time
		want  []int64
	}{
		{"all", base, []int64{id[1], id[0], id[3], id[2]}},
		{"at the boundary", base.Add(5 * time.Minute), []int64{id[0], id[3], id[2]}},
		{"after all", base.Add(time.Hour), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.ArticlesSince(ctx, tt.since)
			if err != nil {
				t.Fatalf("ArticlesSince: %v", err)
			}
			if diff := cmp.Diff(tt.want, ids(got), cmpOpts...); diff != "" {
				t.Errorf("ArticlesSince(%v) (-want +got):\n%s", tt.since, diff)
			}
		})
	}
}
