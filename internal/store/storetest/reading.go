package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func testReadAndSaved(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann, bob := newUser(t, st, "ann", tidings.RoleMember), newUser(t, st, "bob", tidings.RoleMember)
	a0, a1, a2 := w.articles[0].ID, w.articles[1].ID, w.articles[2].ID
	if err := st.SetRead(ctx, ann.ID, []int64{a0, a1, 999}, true); err != nil {
		t.Fatalf("SetRead: %v", err)
	}
	if err := st.SetSaved(ctx, ann.ID, a1, true); err != nil {
		t.Fatalf("SetSaved: %v", err)
	}
	if err := st.SetSaved(ctx, ann.ID, a2, true); err != nil {
		t.Fatalf("SetSaved: %v", err)
	}
	if err := st.SetRead(ctx, ann.ID, []int64{a0}, false); err != nil {
		t.Fatalf("SetRead(false): %v", err)
	}
	got, err := st.ArticleStates(ctx, ann.ID, []int64{a0, a1, a2, 999})
	if err != nil {
		t.Fatalf("ArticleStates: %v", err)
	}
	want := map[int64]tidings.ArticleState{a1: {Read: true, Saved: true}, a2: {Saved: true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ArticleStates (-want +got):\n%s", diff)
	}
	if got, _ := st.ArticleStates(ctx, bob.ID, []int64{a0, a1, a2}); len(got) != 0 {
		t.Errorf("bob's states: got %v, want none (state is per user)", got)
	}
	saved, err := st.SavedArticles(ctx, ann.ID, 10)
	if err != nil {
		t.Fatalf("SavedArticles: %v", err)
	}
	if diff := cmp.Diff([]int64{a2, a1}, saved); diff != "" {
		t.Errorf("SavedArticles, latest first (-want +got):\n%s", diff)
	}
	if err := st.SetSaved(ctx, ann.ID, a2, false); err != nil {
		t.Fatalf("SetSaved(false): %v", err)
	}
	if saved, _ := st.SavedArticles(ctx, ann.ID, 10); !cmp.Equal(saved, []int64{a1}) {
		t.Errorf("after unsave: got %v, want [%d]", saved, a1)
	}
	wantKind(t, "SetSaved unknown article", st.SetSaved(ctx, ann.ID, 999, true), tidings.ErrNotFound)
	wantKind(t, "SetSaved unknown user", st.SetSaved(ctx, 999, a1, true), tidings.ErrNotFound)
	wantKind(t, "SetRead unknown user", st.SetRead(ctx, 999, []int64{a1}, true), tidings.ErrNotFound)
}

func testFollows(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann := newUser(t, st, "ann", tidings.RoleMember)
	if got, err := st.ForYou(ctx, ann.ID, time.Time{}, 0, 10); err != nil || len(got) != 0 {
		t.Errorf("ForYou without follows: got %v, %v, want none", got, err)
	}
	if err := st.Follow(ctx, ann.ID, "tarifftalks", 0, true); err != nil {
		t.Fatalf("Follow(hashtag): %v", err)
	}
	got, err := st.ForYou(ctx, ann.ID, time.Time{}, 0, 10)
	if err != nil || !cmp.Equal(storyIDs(got), []int64{w.stories[0]}) {
		t.Errorf("ForYou(hashtag): got %v, %v, want [%d]", storyIDs(got), err, w.stories[0])
	}
	if err := st.Follow(ctx, ann.ID, "", w.sources[1], true); err != nil {
		t.Fatalf("Follow(source): %v", err)
	}
	if err := st.Follow(ctx, ann.ID, "TariffTalks", 0, true); err != nil {
		t.Errorf("Follow again: %v", err)
	}
	// Story 1's last article (b2, minute 40) is newer than story 0's.
	got, err = st.ForYou(ctx, ann.ID, time.Time{}, 0, 10)
	if err != nil || !cmp.Equal(storyIDs(got), []int64{w.stories[1], w.stories[0]}) {
		t.Errorf("ForYou: got %v, %v, want [%d %d]", storyIDs(got), err, w.stories[1], w.stories[0])
	}
	page, err := st.ForYou(ctx, ann.ID, got[0].LastSeen, got[0].ID, 10)
	if err != nil || !cmp.Equal(storyIDs(page), []int64{w.stories[0]}) {
		t.Errorf("ForYou second page: got %v, %v, want [%d]", storyIDs(page), err, w.stories[0])
	}
	f, err := st.Follows(ctx, ann.ID)
	if err != nil {
		t.Fatalf("Follows: %v", err)
	}
	if diff := cmp.Diff(tidings.Follows{Hashtags: []string{"tarifftalks"}, Sources: []int64{w.sources[1]}}, f); diff != "" {
		t.Errorf("Follows (-want +got):\n%s", diff)
	}
	if err := st.Follow(ctx, ann.ID, "TARIFFTALKS", 0, false); err != nil {
		t.Fatalf("unfollow: %v", err)
	}
	if f, _ := st.Follows(ctx, ann.ID); len(f.Hashtags) != 0 {
		t.Errorf("after unfollow: got %v, want no hashtags", f.Hashtags)
	}
	wantKind(t, "Follow neither", st.Follow(ctx, ann.ID, "", 0, true), tidings.ErrInvalid)
	wantKind(t, "Follow both", st.Follow(ctx, ann.ID, "x", w.sources[0], true), tidings.ErrInvalid)
	wantKind(t, "Follow blank", st.Follow(ctx, ann.ID, "  ", 0, true), tidings.ErrInvalid)
	wantKind(t, "Follow unknown source", st.Follow(ctx, ann.ID, "", 999, true), tidings.ErrNotFound)
	wantKind(t, "Follow unknown user", st.Follow(ctx, 999, "x", 0, true), tidings.ErrNotFound)
}
