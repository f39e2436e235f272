package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

func testLeases(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	acquire := func(holder string, ttl time.Duration) bool {
		t.Helper()
		ok, err := st.AcquireLease(ctx, "analysis", holder, ttl)
		if err != nil {
			t.Fatalf("AcquireLease(%s): %v", holder, err)
		}
		return ok
	}
	if !acquire("a", time.Hour) {
		t.Fatal("a could not take a free lease")
	}
	if !acquire("a", time.Hour) {
		t.Error("a could not renew its own lease")
	}
	if acquire("b", time.Hour) {
		t.Error("b took a lease a holds")
	}
	if err := st.ReleaseLease(ctx, "analysis", "b"); err != nil {
		t.Fatal(err)
	}
	if acquire("b", time.Hour) {
		t.Error("b's release of a's lease let b take it")
	}
	if err := st.ReleaseLease(ctx, "analysis", "a"); err != nil {
		t.Fatal(err)
	}
	if !acquire("b", -time.Second) {
		t.Fatal("b could not take a released lease")
	}
	if !acquire("c", time.Hour) {
		t.Error("c could not take an expired lease")
	}
	_, err := st.AcquireLease(ctx, "", "c", time.Hour)
	wantKind(t, "AcquireLease without a name", err, tidings.ErrInvalid)

	// Of many processes racing for a free lease, exactly one gets it.
	var wg sync.WaitGroup
	var mu sync.Mutex
	winners := 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := st.AcquireLease(ctx, "race", string(rune('a'+i)), time.Hour)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				winners++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if winners != 1 {
		t.Errorf("got %d holders of one lease, want 1", winners)
	}
}

func testUnanalyzedArticles(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	got, err := st.UnanalyzedArticles(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(as) {
		t.Fatalf("got %d unanalyzed articles, want %d", len(got), len(as))
	}
	for i := 1; i < len(got); i++ {
		if got[i].ID <= got[i-1].ID {
			t.Errorf("unanalyzed articles not in ID order: %d after %d", got[i].ID, got[i-1].ID)
		}
	}
	as[0].StoryID = as[0].ID
	if err := st.SaveAnalysis(ctx, as[:1], []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID}}); err != nil {
		t.Fatal(err)
	}
	got, err = st.UnanalyzedArticles(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == as[0].ID {
		t.Errorf("after analysis: got %d articles starting with %d, want 2 without the analyzed %d", len(got), got[0].ID, as[0].ID)
	}
}
