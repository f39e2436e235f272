package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func testCreateSource(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	before := time.Now().Add(-time.Second)
	src := &tidings.Source{FeedURL: "https://a.example/feed", SiteURL: "https://a.example/", Title: "A", Folder: "News", FullText: tidings.FullTextOn}
	if err := st.CreateSource(ctx, src); err != nil {
		t.Fatalf("CreateSource: %v", err)
	}
	if src.ID == 0 || src.CreatedAt.Before(before) {
		t.Errorf("got ID %d CreatedAt %v, want an ID and a fresh time", src.ID, src.CreatedAt)
	}
	if due := src.NextFetchAt; due.After(time.Now()) {
		t.Errorf("got NextFetchAt %v, want a new source due at once", due)
	}
	got, err := st.Source(ctx, src.ID)
	if err != nil {
		t.Fatalf("Source: %v", err)
	}
	if diff := cmp.Diff(src, got, cmpOpts...); diff != "" {
		t.Errorf("Source (-want +got):\n%s", diff)
	}
	got, err = st.SourceByURL(ctx, src.FeedURL)
	if err != nil {
		t.Fatalf("SourceByURL: %v", err)
	}
	if diff := cmp.Diff(src, got, cmpOpts...); diff != "" {
		t.Errorf("SourceByURL (-want +got):\n%s", diff)
	}
	def := &tidings.Source{FeedURL: "https://b.example/feed"}
	if err := st.CreateSource(ctx, def); err != nil {
		t.Fatalf("CreateSource: %v", err)
	}
	if got, _ := st.Source(ctx, def.ID); got == nil || got.FullText != tidings.FullTextAuto {
		t.Errorf("got full-text mode %v, want %q by default", got, tidings.FullTextAuto)
	}
	wantKind(t, "CreateSource(same feed)", st.CreateSource(ctx, &tidings.Source{FeedURL: src.FeedURL}), tidings.ErrConflict)
	wantKind(t, "CreateSource(no feed)", st.CreateSource(ctx, &tidings.Source{Title: "x"}), tidings.ErrInvalid)
	wantKind(t, "CreateSource(nil)", st.CreateSource(ctx, nil), tidings.ErrInvalid)
	wantKind(t, "UpdateSource(nil)", st.UpdateSource(ctx, nil), tidings.ErrInvalid)
}

func testSourceNotFound(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	_, err := st.Source(ctx, 12345)
	wantKind(t, "Source", err, tidings.ErrNotFound)
	_, err = st.SourceByURL(ctx, "https://nowhere.example/feed")
	wantKind(t, "SourceByURL", err, tidings.ErrNotFound)
	wantKind(t, "UpdateSource", st.UpdateSource(ctx, &tidings.Source{ID: 12345, FeedURL: "x"}), tidings.ErrNotFound)
	wantKind(t, "DeleteSource", st.DeleteSource(ctx, 12345), tidings.ErrNotFound)
	wantKind(t, "SaveFetchState", st.SaveFetchState(ctx, 12345, fetched()), tidings.ErrNotFound)
}

func testSources(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	if got, err := st.Sources(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Sources of an empty store: got %v, %v, want none", got, err)
	}
	for _, s := range []struct{ url, folder, title string }{
		{"https://1.example/", "Tech", "Zeta"},
		{"https://2.example/", "", "Beta"},
		{"https://3.example/", "Tech", "Alpha"},
		{"https://4.example/", "", "Beta"},
	} {
		if err := st.CreateSource(ctx, &tidings.Source{FeedURL: s.url, Folder: s.folder, Title: s.title}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, s := range got {
		urls = append(urls, s.FeedURL)
	}
	want := []string{"https://2.example/", "https://4.example/", "https://3.example/", "https://1.example/"}
	if diff := cmp.Diff(want, urls); diff != "" {
		t.Errorf("Sources order (-want +got):\n%s", diff)
	}
}

func testUpdateSource(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, "https://a.example/feed")
	refresh(t, st, src.ID)
	stored, _ := st.Source(ctx, src.ID)
	change := *stored
	change.Title, change.SiteURL, change.Folder, change.FullText = "New", "https://a.example/home", "F", tidings.FullTextOff
	change.ETag, change.ErrorCount = "ignored", 9 // fetch state is not UpdateSource's
	if err := st.UpdateSource(ctx, &change); err != nil {
		t.Fatalf("UpdateSource: %v", err)
	}
	got, err := st.Source(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *stored
	want.Title, want.SiteURL, want.Folder, want.FullText = "New", "https://a.example/home", "F", tidings.FullTextOff
	if diff := cmp.Diff(&want, got, cmpOpts...); diff != "" {
		t.Errorf("after UpdateSource (-want +got):\n%s", diff)
	}
}

func testDeleteSource(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	a, b := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2))
	refresh(t, st, a.ID, item("1", "https://x/1", "one", 1), item("2", "https://x/2", "two", 2))
	kept := refresh(t, st, b.ID, item("3", "https://x/3", "three", 3))
	if err := st.DeleteSource(ctx, a.ID); err != nil {
		t.Fatalf("DeleteSource: %v", err)
	}
	_, err := st.Source(ctx, a.ID)
	wantKind(t, "Source(deleted)", err, tidings.ErrNotFound)
	latest, err := st.LatestArticles(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids(kept.Stored), ids(latest)); diff != "" {
		t.Errorf("articles after delete (-want +got):\n%s", diff)
	}
	stats, _ := st.Stats(ctx)
	if stats.Sources != 1 || stats.Articles != 1 {
		t.Errorf("got %+v, want 1 source and 1 article", stats)
	}
	wantKind(t, "DeleteSource(again)", st.DeleteSource(ctx, a.ID), tidings.ErrNotFound)
}

// testDeleteSourcePromotesCopies: when the source of a canonical article
// goes, its earliest copy becomes canonical and later copies point to it.
func testDeleteSourcePromotesCopies(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	a, b, c := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2)), newSource(t, st, feedURL(3))
	orig := refresh(t, st, a.ID, item("a", "https://wire/1", "wire copy", 1)).Stored[0]
	copy1 := refresh(t, st, b.ID, item("b", "https://b/1", "wire copy", 2)).Stored[0]
	copy2 := refresh(t, st, c.ID, item("c", "https://c/1", "wire copy", 3)).Stored[0]
	if copy1.DuplicateOf != orig.ID || copy2.DuplicateOf != orig.ID {
		t.Fatalf("got DuplicateOf %d, %d, want %d", copy1.DuplicateOf, copy2.DuplicateOf, orig.ID)
	}
	if err := st.DeleteSource(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := article(t, st, copy1.ID).DuplicateOf; got != 0 {
		t.Errorf("earliest copy: got DuplicateOf %d, want 0", got)
	}
	if got := article(t, st, copy2.ID).DuplicateOf; got != copy1.ID {
		t.Errorf("later copy: got DuplicateOf %d, want %d", got, copy1.ID)
	}
	// The promoted copy is now what new copies are matched against.
	d := newSource(t, st, feedURL(4))
	if got := refresh(t, st, d.ID, item("d", "https://d/1", "wire copy", 4)).Stored[0].DuplicateOf; got != copy1.ID {
		t.Errorf("new copy: got DuplicateOf %d, want %d", got, copy1.ID)
	}
}
