package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func testRefreshNew(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	items := []*tidings.Article{item("g1", "https://x/1", "first text", 1), item("g2", "https://x/2", "second text", 2)}
	items[0].Language = "en"
	fs := fetched()
	res, err := st.SaveRefresh(ctx, src.ID, fs, items)
	if err != nil {
		t.Fatalf("SaveRefresh: %v", err)
	}
	if res.New != 2 || res.Duplicates != 0 || res.Updated != 0 || res.Unchanged != 0 || len(res.Stored) != 2 {
		t.Errorf("got %+v, want 2 new stored", res)
	}
	for i, a := range items {
		if a.ID == 0 || a.DuplicateOf != 0 || res.Stored[i] != a {
			t.Errorf("item %d: got ID %d DuplicateOf %d, want an ID, canonical, stored in order", i, a.ID, a.DuplicateOf)
		}
		got := article(t, st, a.ID)
		if diff := cmp.Diff(a, got, cmpOpts...); diff != "" {
			t.Errorf("stored item %d (-want +got):\n%s", i, diff)
		}
		if got.SourceID != src.ID || got.CreatedAt.IsZero() || got.UpdatedAt.IsZero() {
			t.Errorf("got source %d created %v updated %v, want source %d and times", got.SourceID, got.CreatedAt, got.UpdatedAt, src.ID)
		}
	}
	s, _ := st.Source(ctx, src.ID)
	if diff := cmp.Diff(fs, s.FetchState, cmpOpts...); diff != "" {
		t.Errorf("fetch state saved with the refresh (-want +got):\n%s", diff)
	}
	// An empty refresh still saves the fetch state.
	fs.ETag = `"v2"`
	if res, err := st.SaveRefresh(ctx, src.ID, fs, nil); err != nil || len(res.Stored) != 0 {
		t.Errorf("empty refresh: got %+v, %v", res, err)
	}
	if s, _ := st.Source(ctx, src.ID); s.ETag != `"v2"` {
		t.Errorf("got ETag %q, want %q", s.ETag, `"v2"`)
	}
	// An item without publication time is published when first stored.
	undated := item("g3", "https://x/3", "undated", 0)
	undated.PublishedAt = time.Time{}
	refresh(t, st, src.ID, undated)
	if got := article(t, st, undated.ID).PublishedAt; got.IsZero() || !got.Equal(undated.PublishedAt) {
		t.Errorf("undated item: got PublishedAt %v (item %v), want its store time", got, undated.PublishedAt)
	}
}

func testRefreshUnchanged(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	first := refresh(t, st, src.ID, item("g1", "https://x/1", "text one", 1), item("g2", "https://x/2", "text two", 2))
	before := article(t, st, first.Stored[0].ID)
	time.Sleep(5 * time.Millisecond) // a write now would show in UpdatedAt
	again := []*tidings.Article{item("g1", "https://x/1", "text one", 1), item("g2", "https://x/2", "text two", 2)}
	res, err := st.SaveRefresh(ctx, src.ID, fetched(), again)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != 2 || res.New+res.Updated+res.Duplicates != 0 || len(res.Stored) != 0 {
		t.Errorf("got %+v, want 2 unchanged and nothing stored", res)
	}
	if again[0].ID != first.Stored[0].ID || again[1].ID != first.Stored[1].ID {
		t.Errorf("got IDs %d %d, want the stored %d %d", again[0].ID, again[1].ID, first.Stored[0].ID, first.Stored[1].ID)
	}
	after := article(t, st, first.Stored[0].ID)
	if diff := cmp.Diff(before, after, cmpOpts...); diff != "" {
		t.Errorf("unchanged article was written (-before +after):\n%s", diff)
	}
}

func testRefreshChanged(t *testing.T, st tidings.Store) {
	src := newSource(t, st, feedURL(1))
	orig := refresh(t, st, src.ID, item("g1", "https://x/1", "old text", 1)).Stored[0]
	time.Sleep(5 * time.Millisecond)
	changed := item("g1", "https://x/1?fixed", "corrected text", 5)
	changed.Title = "Corrected title"
	res := refresh(t, st, src.ID, changed)
	if res.Updated != 1 || res.New != 0 || len(res.Stored) != 1 || changed.ID != orig.ID {
		t.Fatalf("got %+v, ID %d, want 1 updated in place as %d", res, changed.ID, orig.ID)
	}
	got := article(t, st, orig.ID)
	if got.Text != "corrected text" || got.Title != "Corrected title" || got.URL != "https://x/1?fixed" ||
		got.ContentHash != hash("corrected text") || !got.PublishedAt.Equal(changed.PublishedAt) {
		t.Errorf("got %q %q %q, want the corrected item", got.Title, got.Text, got.URL)
	}
	if !got.UpdatedAt.After(orig.UpdatedAt) || !got.CreatedAt.Equal(orig.CreatedAt) {
		t.Errorf("got created %v updated %v, want created %v and updated later", got.CreatedAt, got.UpdatedAt, orig.CreatedAt)
	}
	if s, _ := st.Stats(context.Background()); s.Articles != 1 {
		t.Errorf("got %d articles, want 1", s.Articles)
	}
}

func testRefreshDuplicates(t *testing.T, st tidings.Store) {
	a, b, c := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2)), newSource(t, st, feedURL(3))
	orig := refresh(t, st, a.ID, item("a1", "https://wire.example/story", "the wire copy", 1), item("a2", "https://a/2", "other", 2))
	canon := orig.Stored[0].ID

	tests := []struct {
		name    string
		source  int64
		item    *tidings.Article
		wantDup int64
	}{
		{"same URL, other text", b.ID, item("b1", "https://wire.example/story", "rewritten copy", 3), canon},
		{"same hash, other URL", b.ID, item("b2", "https://b/2", "the wire copy", 4), canon},
		{"copy of a copy points at the canonical", c.ID, item("c1", "https://c/1", "the wire copy", 5), canon},
		{"new text", c.ID, item("c2", "https://c/2", "original reporting", 6), 0},
		{"copy within one source", a.ID, item("a3", "https://a/3", "other", 7), orig.Stored[1].ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := refresh(t, st, tt.source, tt.item)
			if tt.item.DuplicateOf != tt.wantDup {
				t.Errorf("got DuplicateOf %d, want %d", tt.item.DuplicateOf, tt.wantDup)
			}
			if got := article(t, st, tt.item.ID).DuplicateOf; got != tt.wantDup {
				t.Errorf("stored: got DuplicateOf %d, want %d", got, tt.wantDup)
			}
			wantNew, wantDups := 1, 0
			if tt.wantDup != 0 {
				wantNew, wantDups = 0, 1
			}
			if res.New != wantNew || res.Duplicates != wantDups || len(res.Stored) != 1 {
				t.Errorf("got %+v, want %d new, %d duplicates", res, wantNew, wantDups)
			}
		})
	}
	// Within one batch, the second copy is a duplicate of the first.
	d := newSource(t, st, feedURL(4))
	res := refresh(t, st, d.ID, item("d1", "https://d/1", "fresh batch text", 8), item("d2", "https://d/2", "fresh batch text", 9))
	if res.New != 1 || res.Duplicates != 1 || res.Stored[1].DuplicateOf != res.Stored[0].ID {
		t.Errorf("batch copy: got %+v, want 1 new and 1 duplicate of it", res)
	}
	s, _ := st.Stats(context.Background())
	if s.Duplicates != 5 || s.Articles != 9 {
		t.Errorf("got %+v, want 9 articles, 5 duplicates", s)
	}
}

// testRefreshSameGUIDTwice: a feed listing one GUID twice stores it once,
// the later version winning, and the search index follows.
func testRefreshSameGUIDTwice(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	first, second := item("g", "https://x/1", "alpha version", 1), item("g", "https://x/1", "bravo version", 1)
	res := refresh(t, st, src.ID, first, second)
	if res.New != 1 || res.Updated != 1 || first.ID != second.ID {
		t.Errorf("got %+v, IDs %d %d, want 1 new then updated in place", res, first.ID, second.ID)
	}
	third, fourth := item("g", "https://x/1", "charlie version", 1), item("g", "https://x/1", "delta version", 1)
	if res := refresh(t, st, src.ID, third, fourth); res.Updated != 2 {
		t.Errorf("got %+v, want 2 updates", res)
	}
	if got := article(t, st, first.ID).Text; got != "delta version" {
		t.Errorf("got text %q, want the last version", got)
	}
	for word, want := range map[string]int{"alpha": 0, "bravo": 0, "charlie": 0, "delta": 1, "version": 1} {
		if got, err := st.SearchArticles(ctx, word, 10); err != nil || len(got) != want {
			t.Errorf("SearchArticles(%q): got %d, %v, want %d", word, len(got), err, want)
		}
	}
}

func testRefreshErrors(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	_, err := st.SaveRefresh(ctx, 999, fetched(), []*tidings.Article{item("g", "https://x/1", "t", 1)})
	wantKind(t, "SaveRefresh(no source)", err, tidings.ErrNotFound)
	src := newSource(t, st, feedURL(1))
	bad := &tidings.Article{Title: "no key at all", Text: "t"}
	_, err = st.SaveRefresh(ctx, src.ID, fetched(), []*tidings.Article{item("g", "https://x/1", "t", 1), bad})
	wantKind(t, "SaveRefresh(item without GUID, URL, hash)", err, tidings.ErrInvalid)
	if s, _ := st.Stats(ctx); s.Articles != 0 {
		t.Errorf("got %d articles after a failed refresh, want 0 (one transaction)", s.Articles)
	}
	_, err = st.SaveRefresh(ctx, src.ID, fetched(), []*tidings.Article{nil})
	wantKind(t, "SaveRefresh(nil item)", err, tidings.ErrInvalid)
	// A publication time no store can keep counts as unknown.
	far := item("far", "https://x/far", "far future", 0)
	far.PublishedAt = time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC)
	refresh(t, st, src.ID, far)
	if got := article(t, st, far.ID).PublishedAt; got.Year() != time.Now().Year() {
		t.Errorf("year 20000: got PublishedAt %v, want the store time", got)
	}
	// Without GUID the URL keys the item.
	noGUID := item("", "https://x/2", "keyed by url", 2)
	refresh(t, st, src.ID, noGUID)
	again := item("", "https://x/2", "keyed by url", 2)
	if res := refresh(t, st, src.ID, again); res.Unchanged != 1 || again.ID != noGUID.ID {
		t.Errorf("item without GUID refreshed: got %+v, want unchanged", res)
	}
}

func testRefreshDirtyText(t *testing.T, st tidings.Store) {
	src := newSource(t, st, feedURL(1))
	dirty := item("g\x00\xff", "https://x/\xfe", "nul \x00 and invalid \xc3\x28 bytes", 1)
	dirty.Title = "title \xff"
	refresh(t, st, src.ID, dirty)
	got := article(t, st, dirty.ID)
	if diff := cmp.Diff(dirty, got, cmpOpts...); diff != "" {
		t.Errorf("dirty item as stored (-returned +stored):\n%s", diff)
	}
	known, err := st.RawHashes(context.Background(), src.ID, []string{"g\x00\xff"})
	if err != nil || len(known) != 1 {
		t.Errorf("RawHashes(dirty GUID): got %v, %v, want it known", known, err)
	}
}

// testRefreshConcurrent: two sources carrying the same articles refreshed
// at once never store one of them twice as canonical.
func testRefreshConcurrent(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	const sources, rounds, perRound = 4, 10, 5
	var srcs []*tidings.Source
	for i := range sources {
		srcs = append(srcs, newSource(t, st, feedURL(i)))
	}
	for r := range rounds {
		var wg sync.WaitGroup
		for i, src := range srcs {
			wg.Go(func() {
				var items []*tidings.Article
				for k := range perRound {
					text := fmt.Sprintf("round %d shared story %d", r, k)
					url := fmt.Sprintf("https://src%d.example/%d/%d", i, r, k)
					if k%2 == 0 {
						url = fmt.Sprintf("https://wire.example/%d/%d", r, k) // same URL too
					}
					items = append(items, item(fmt.Sprintf("%d-%d", r, k), url, text, r))
				}
				if _, err := st.SaveRefresh(ctx, src.ID, fetched(), items); err != nil {
					t.Errorf("SaveRefresh: %v", err)
				}
			})
		}
		wg.Wait()
	}
	all, err := st.LatestArticles(ctx, 10000)
	if err != nil {
		t.Fatal(err)
	}
	canonical := map[string]int{}
	for _, a := range all {
		if a.DuplicateOf == 0 {
			canonical[a.ContentHash]++
		}
	}
	if len(all) != sources*rounds*perRound || len(canonical) != rounds*perRound {
		t.Errorf("got %d articles, %d canonical texts, want %d and %d", len(all), len(canonical), sources*rounds*perRound, rounds*perRound)
	}
	for h, n := range canonical {
		if n != 1 {
			t.Errorf("text %s: got %d canonical articles, want 1", h, n)
		}
	}
}

func testRawHashes(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	a, b := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2))
	one := item("g1", "https://x/1", "one", 1)
	one.RawHash = "raw1"
	refresh(t, st, a.ID, one, item("g2", "https://x/2", "two", 2))
	refresh(t, st, b.ID, item("g3", "https://x/3", "three", 3))
	got, err := st.RawHashes(ctx, a.ID, []string{"g1", "g3", "g2", "nope"})
	if err != nil {
		t.Fatalf("RawHashes: %v", err)
	}
	want := map[string]string{"g1": "raw1", "g2": ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RawHashes (-want +got):\n%s", diff)
	}
	got, err = st.RawHashes(ctx, a.ID, nil)
	if err != nil || len(got) != 0 {
		t.Errorf("RawHashes(none): got %v, %v", got, err)
	}
	if got, err = st.RawHashes(ctx, 999, []string{"g1"}); err != nil || len(got) != 0 {
		t.Errorf("RawHashes(no source): got %v, %v, want none and no error", got, err)
	}
	// Many GUIDs at once (more than one IN list).
	var many []string
	for i := range 1500 {
		many = append(many, fmt.Sprintf("x%d", i))
	}
	many = append(many, "g2")
	got, err = st.RawHashes(ctx, a.ID, many)
	if err != nil || len(got) != 1 {
		t.Errorf("RawHashes(1501 GUIDs): got %d, %v, want 1", len(got), err)
	}
}

// testRefreshRawHash: an item's RawHash is stored with it and follows its
// content; an unchanged item gives its RawHash to an article stored without
// one (as every article is after the migration that added them) and still
// counts as unchanged, writing nothing else.
func testRefreshRawHash(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	known := func(want string) {
		t.Helper()
		got, err := st.RawHashes(ctx, src.ID, []string{"g"})
		if err != nil {
			t.Fatalf("RawHashes: %v", err)
		}
		if diff := cmp.Diff(map[string]string{"g": want}, got); diff != "" {
			t.Errorf("RawHashes (-want +got):\n%s", diff)
		}
	}
	version := func(text, raw string) *tidings.Article {
		a := item("g", "https://x/1", text, 1)
		a.RawHash = raw
		return a
	}
	orig := refresh(t, st, src.ID, version("first text", "")).Stored[0]
	known("")
	before := article(t, st, orig.ID)
	time.Sleep(5 * time.Millisecond) // a write now would show in UpdatedAt

	steps := []struct {
		name, text, raw string
		wantUpdated     bool
		want            string // raw hash stored after the step
	}{
		{"unchanged, hash given to an article without", "first text", "r1", false, "r1"},
		{"unchanged without hash keeps the stored one", "first text", "", false, "r1"},
		{"unchanged text, other markup", "first text", "r2", false, "r2"},
		{"changed", "second text", "r3", true, "r3"},
		{"changed without hash clears the stored one", "third text", "", true, ""},
	}
	for _, step := range steps {
		res := refresh(t, st, src.ID, version(step.text, step.raw))
		if step.wantUpdated {
			if res.Updated != 1 || res.Unchanged != 0 || len(res.Stored) != 1 {
				t.Errorf("%s: got %+v, want 1 updated", step.name, res)
			}
		} else {
			if res.Unchanged != 1 || res.Updated+res.New+res.Duplicates != 0 || len(res.Stored) != 0 {
				t.Errorf("%s: got %+v, want 1 unchanged and nothing stored", step.name, res)
			}
			if diff := cmp.Diff(before, article(t, st, orig.ID), cmpOpts...); diff != "" {
				t.Errorf("%s: unchanged article was written (-before +after):\n%s", step.name, diff)
			}
		}
		known(step.want)
	}
	if got := article(t, st, orig.ID); got.Text != "third text" || got.ContentHash != hash("third text") {
		t.Errorf("got text %q, want the last changed one", got.Text)
	}
	if s, _ := st.Stats(ctx); s.Articles != 1 {
		t.Errorf("got %d articles, want 1", s.Articles)
	}
}
