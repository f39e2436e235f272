package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

// due sets a source's NextFetchAt.
func due(t *testing.T, st tidings.Store, id int64, at time.Time) {
	t.Helper()
	if err := st.SaveFetchState(context.Background(), id, tidings.FetchState{NextFetchAt: at}); err != nil {
		t.Fatalf("SaveFetchState: %v", err)
	}
}

func claimedIDs(srcs []*tidings.Source) []int64 {
	out := make([]int64, len(srcs))
	for i, s := range srcs {
		out[i] = s.ID
	}
	return out
}

func testClaimDueSources(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Microsecond)
	s1, s2, s3, s4 := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2)), newSource(t, st, feedURL(3)), newSource(t, st, feedURL(4))
	due(t, st, s1.ID, now.Add(-time.Minute))
	due(t, st, s2.ID, now.Add(-time.Hour))
	due(t, st, s3.ID, now) // due exactly now
	due(t, st, s4.ID, now.Add(time.Minute))

	lease := 10 * time.Minute
	got, err := st.ClaimDueSources(ctx, now, lease, 2)
	if err != nil {
		t.Fatalf("ClaimDueSources: %v", err)
	}
	if diff := cmp.Diff([]int64{s2.ID, s1.ID}, claimedIDs(got)); diff != "" {
		t.Errorf("first claim, oldest due first (-want +got):\n%s", diff)
	}
	for _, s := range got {
		if !s.NextFetchAt.Equal(now.Add(lease)) {
			t.Errorf("claimed source %d: got NextFetchAt %v, want %v", s.ID, s.NextFetchAt, now.Add(lease))
		}
		stored, _ := st.Source(ctx, s.ID)
		if !stored.NextFetchAt.Equal(now.Add(lease)) {
			t.Errorf("stored source %d: got NextFetchAt %v, want %v", s.ID, stored.NextFetchAt, now.Add(lease))
		}
	}
	got, err = st.ClaimDueSources(ctx, now, lease, 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{s3.ID}, claimedIDs(got)); diff != "" {
		t.Errorf("second claim (-want +got):\n%s", diff)
	}
	if got, _ := st.ClaimDueSources(ctx, now, lease, 10); len(got) != 0 {
		t.Errorf("third claim: got %v, want nothing due", claimedIDs(got))
	}
	if got, _ := st.ClaimDueSources(ctx, now, lease, 0); len(got) != 0 {
		t.Errorf("limit 0: got %v, want nothing", claimedIDs(got))
	}
	// A claimer that died: its sources are due again when the lease ends.
	got, err = st.ClaimDueSources(ctx, now.Add(lease), lease, 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{s4.ID, s1.ID, s2.ID, s3.ID}, claimedIDs(got)); diff != "" { // ties by ID
		t.Errorf("claim after the lease (-want +got):\n%s", diff)
	}
}

// testClaimConcurrent: claimers racing for the same due sources each get
// distinct ones.
func testClaimConcurrent(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	const n = 12
	now := time.Now().Add(time.Second)
	for i := range n {
		newSource(t, st, feedURL(i))
	}
	var (
		mu      sync.Mutex
		claimed = map[int64]int{}
		wg      sync.WaitGroup
	)
	for range 6 {
		wg.Go(func() {
			for {
				got, err := st.ClaimDueSources(ctx, now, time.Hour, 1)
				if err != nil {
					t.Errorf("ClaimDueSources: %v", err)
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				claimed[got[0].ID]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(claimed) != n {
		t.Errorf("got %d sources claimed, want %d", len(claimed), n)
	}
	for id, c := range claimed {
		if c != 1 {
			t.Errorf("source %d: claimed %d times, want once", id, c)
		}
	}
}

func testNextDue(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	got, err := st.NextDue(ctx)
	if err != nil || !got.IsZero() {
		t.Errorf("NextDue of an empty store: got %v, %v, want the zero time", got, err)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	s1, s2 := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2))
	due(t, st, s1.ID, now.Add(time.Hour))
	due(t, st, s2.ID, now.Add(time.Minute))
	got, err = st.NextDue(ctx)
	if err != nil || !got.Equal(now.Add(time.Minute)) {
		t.Errorf("NextDue: got %v, %v, want %v", got, err, now.Add(time.Minute))
	}
}

func testSaveFetchState(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	src := newSource(t, st, feedURL(1))
	now := time.Now().UTC().Truncate(time.Microsecond)
	fs := tidings.FetchState{
		ETag: `W/"abc"`, LastModified: "Sun, 01 Mar 2026 12:00:00 GMT", LastFetchedAt: now,
		NextFetchAt: now.Add(30 * time.Minute), LastStatus: 503, LastError: "service unavailable",
		ErrorCount: 3, PublishInterval: 90 * time.Minute,
	}
	if err := st.SaveFetchState(ctx, src.ID, fs); err != nil {
		t.Fatalf("SaveFetchState: %v", err)
	}
	got, err := st.Source(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fs, got.FetchState, cmpOpts...); diff != "" {
		t.Errorf("fetch state (-want +got):\n%s", diff)
	}
	if got.Title != src.Title || got.FeedURL != src.FeedURL {
		t.Errorf("got source %q %q, want fetch state only changed", got.Title, got.FeedURL)
	}
}
