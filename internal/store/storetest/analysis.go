package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

// storySet stores three articles from two sources and one from a third.
func storySet(t *testing.T, st tidings.Store) []*tidings.Article {
	a, b := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2))
	r1 := refresh(t, st, a.ID, item("a1", "https://a/1", "tariff talks open", 10), item("a2", "https://a/2", "tariff talks stall", 30))
	r2 := refresh(t, st, b.ID, item("b1", "https://b/1", "tariff talks resume", 20), item("b2", "https://b/2", "unrelated", 40))
	return append(r1.Stored, r2.Stored...)
}

func testSaveAnalysis(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	story := as[0].ID
	for _, a := range as[:3] {
		a.StoryID = story
		a.Language = "en"
	}
	as[3].StoryID = as[3].ID
	as[0].Intel = tidings.Intel{
		Summary:    []string{"Tariff talks open.", "More follows."},
		Keyphrases: []string{"tariff talks", "talks"},
		Hashtags:   []string{"TariffTalks", "Trade", "tarifftalks"},
		Entities:   []tidings.Entity{{Text: "Geneva", Type: tidings.EntityPlace}},
		Related:    []int64{as[3].ID},
	}
	as[2].DuplicateOf = as[0].ID // a near-duplicate found by analysis
	stories := []*tidings.Story{
		{ID: story, HeadlineArticleID: as[1].ID, Hashtags: []string{"TariffTalks"}, Entities: []tidings.Entity{{Text: "WTO", Type: tidings.EntityOrg}}},
		{ID: as[3].ID, HeadlineArticleID: as[3].ID},
	}
	if err := st.SaveAnalysis(ctx, as, stories); err != nil {
		t.Fatalf("SaveAnalysis: %v", err)
	}
	for _, a := range as[:3] {
		a.Hashtags = []string{"TariffTalks"} // every article carries its story's tags
	}
	for _, a := range as {
		got := article(t, st, a.ID)
		if diff := cmp.Diff(a, got, cmpOpts...); diff != "" {
			t.Errorf("analyzed article %d (-want +got):\n%s", a.ID, diff)
		}
	}
	got, err := st.Story(ctx, story)
	if err != nil {
		t.Fatalf("Story: %v", err)
	}
	want := &tidings.Story{
		ID: story, HeadlineArticleID: as[1].ID,
		FirstSeen: base.Add(10 * time.Minute), LastSeen: base.Add(30 * time.Minute),
		ArticleCount: 3, SourceCount: 2,
		Hashtags: []string{"TariffTalks"}, Entities: []tidings.Entity{{Text: "WTO", Type: tidings.EntityOrg}},
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("story aggregates (-want +got):\n%s", diff)
	}
	_, err = st.Story(ctx, 987654)
	wantKind(t, "Story(unknown)", err, tidings.ErrNotFound)
	if s, _ := st.Stats(ctx); s.Stories != 2 {
		t.Errorf("got %d stories, want 2", s.Stories)
	}
	// Saving again changes nothing.
	if err := st.SaveAnalysis(ctx, as, stories); err != nil {
		t.Fatal(err)
	}
	if got2, _ := st.Story(ctx, story); !cmp.Equal(got, got2, cmpOpts...) {
		t.Errorf("second save: got %+v, want %+v", got2, got)
	}
}

// testSaveAnalysisMerge: when analysis merges two stories, the emptied one
// goes and the survivor's aggregates count every article.
func testSaveAnalysisMerge(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	as[0].StoryID, as[1].StoryID = as[0].ID, as[0].ID
	as[2].StoryID = as[2].ID
	err := st.SaveAnalysis(ctx, as[:3], []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID}, {ID: as[2].ID, HeadlineArticleID: as[2].ID}})
	if err != nil {
		t.Fatal(err)
	}
	as[2].StoryID = as[0].ID
	if err := st.SaveAnalysis(ctx, as[2:3], []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID}}); err != nil {
		t.Fatal(err)
	}
	_, err = st.Story(ctx, as[2].ID)
	wantKind(t, "Story(merged away)", err, tidings.ErrNotFound)
	got, err := st.Story(ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ArticleCount != 3 || got.SourceCount != 2 || !got.LastSeen.Equal(base.Add(30*time.Minute)) {
		t.Errorf("merged story: got %+v, want 3 articles from 2 sources", got)
	}
	// A merge named by the surviving story moves every article of the other.
	as[3].StoryID = as[3].ID
	if err := st.SaveAnalysis(ctx, as[3:], []*tidings.Story{{ID: as[3].ID, HeadlineArticleID: as[3].ID}}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveAnalysis(ctx, nil, []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID, MergedFrom: []int64{as[3].ID}}}); err != nil {
		t.Fatal(err)
	}
	_, err = st.Story(ctx, as[3].ID)
	wantKind(t, "Story(MergedFrom)", err, tidings.ErrNotFound)
	if got := article(t, st, as[3].ID).StoryID; got != as[0].ID {
		t.Errorf("merged article: got StoryID %d, want %d", got, as[0].ID)
	}
	if got, _ := st.Story(ctx, as[0].ID); got == nil || got.ArticleCount != 4 || !got.LastSeen.Equal(base.Add(40*time.Minute)) {
		t.Errorf("story after MergedFrom: got %+v, want 4 articles", got)
	}
	as[3].StoryID = as[0].ID
	// Moved articles take the surviving story's hashtags.
	as[1].StoryID, as[1].Hashtags = as[1].ID, []string{"Unrelated"}
	if err := st.SaveAnalysis(ctx, as[1:2], []*tidings.Story{{ID: as[1].ID, HeadlineArticleID: as[1].ID, Hashtags: []string{"Unrelated"}}}); err != nil {
		t.Fatal(err)
	}
	tags := []string{"TariffTalks", "Geneva"}
	if err := st.SaveAnalysis(ctx, nil, []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID, Hashtags: tags, MergedFrom: []int64{as[1].ID}}}); err != nil {
		t.Fatal(err)
	}
	as[1].StoryID, as[1].Hashtags = as[0].ID, tags
	if got := article(t, st, as[1].ID); got.StoryID != as[0].ID || !cmp.Equal(got.Hashtags, tags) {
		t.Errorf("merged article: story %d hashtags %v, want %d and %v", got.StoryID, got.Hashtags, as[0].ID, tags)
	}
	if r, ok := st.(Reader); ok {
		for tag, want := range map[string][]int64{"Geneva": {as[0].ID}, "Unrelated": nil} {
			got, err := r.Stories(ctx, tag, 0, "", time.Time{}, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, storyIDs(got), cmpEmpty); d != "" {
				t.Errorf("stories tagged %s after the merge (-want +got):\n%s", tag, d)
			}
		}
	}
	if s, _ := st.Stats(ctx); s.Stories != 1 {
		t.Errorf("got %d stories, want 1", s.Stories)
	}
	// A source's deletion updates the stories of its articles.
	if err := st.DeleteSource(ctx, as[2].SourceID); err != nil {
		t.Fatal(err)
	}
	got, err = st.Story(ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ArticleCount != 2 || got.SourceCount != 1 {
		t.Errorf("after source deletion: got %+v, want 2 articles from 1 source", got)
	}
}

// testSaveAnalysisReplace: a fuller copy takes its canonical's place; the
// old canonical, its copies and later copies of it point at the new one,
// which heads the story.
func testSaveAnalysisReplace(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	story := as[0].ID
	for _, a := range as {
		a.StoryID = story
	}
	as[1].DuplicateOf = as[0].ID
	if err := st.SaveAnalysis(ctx, as[:2], []*tidings.Story{{ID: story, HeadlineArticleID: story}}); err != nil {
		t.Fatal(err)
	}
	as[2].DuplicateOf, as[2].Replaces = as[0].ID, as[0].ID
	if err := st.SaveAnalysis(ctx, as[2:3], []*tidings.Story{{ID: story, HeadlineArticleID: story}}); err != nil {
		t.Fatal(err)
	}
	as[3].DuplicateOf = as[0].ID // decided against the old canonical
	if err := st.SaveAnalysis(ctx, as[3:], []*tidings.Story{{ID: story, HeadlineArticleID: story}}); err != nil {
		t.Fatal(err)
	}
	want := []int64{as[2].ID, as[2].ID, 0, as[2].ID}
	for i, a := range as {
		if got := article(t, st, a.ID).DuplicateOf; got != want[i] {
			t.Errorf("article %d: DuplicateOf %d, want %d", i, got, want[i])
		}
	}
	got, err := st.Story(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	if got.HeadlineArticleID != as[2].ID || got.ArticleCount != 4 {
		t.Errorf("story: headline %d with %d articles, want %d with 4", got.HeadlineArticleID, got.ArticleCount, as[2].ID)
	}
	if s, _ := st.Stats(ctx); s.Duplicates != 3 {
		t.Errorf("got %d duplicates, want 3", s.Duplicates)
	}
	// A fuller copy still replaces the fullest so far, named by the
	// canonical the analysis knows.
	as[3].DuplicateOf, as[3].Replaces = as[0].ID, as[0].ID
	if err := st.SaveAnalysis(ctx, as[3:], []*tidings.Story{{ID: story, HeadlineArticleID: story}}); err != nil {
		t.Fatal(err)
	}
	want = []int64{as[3].ID, as[3].ID, as[3].ID, 0}
	for i, a := range as {
		if got := article(t, st, a.ID).DuplicateOf; got != want[i] {
			t.Errorf("after a second replacement, article %d: DuplicateOf %d, want %d", i, got, want[i])
		}
	}
	if got, _ := st.Story(ctx, story); got == nil || got.HeadlineArticleID != as[3].ID {
		t.Errorf("story after a second replacement: %+v, want headline %d", got, as[3].ID)
	}
}

// testSaveAnalysisRetag: when a story's hashtags change, every article of
// the story carries the new ones, and hashtag pages follow.
func testSaveAnalysisRetag(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	story := as[0].ID
	for _, a := range as[:3] {
		a.StoryID, a.Hashtags = story, []string{"TariffTalks"}
	}
	as[3].StoryID = as[3].ID
	stories := []*tidings.Story{{ID: story, HeadlineArticleID: story, Hashtags: []string{"TariffTalks"}}, {ID: as[3].ID, HeadlineArticleID: as[3].ID}}
	if err := st.SaveAnalysis(ctx, as, stories); err != nil {
		t.Fatal(err)
	}
	// Two entries for the story in one call (two batches saved together):
	// the later one's tags win.
	newer := []string{"TradeDeal", "Geneva"}
	if err := st.SaveAnalysis(ctx, nil, []*tidings.Story{
		{ID: story, HeadlineArticleID: story, Hashtags: []string{"Stale"}},
		{ID: story, HeadlineArticleID: story, Hashtags: newer},
	}); err != nil {
		t.Fatal(err)
	}
	for _, a := range as[:3] {
		if got := article(t, st, a.ID).Hashtags; !cmp.Equal(got, newer) {
			t.Errorf("article %d: hashtags %v, want the story's %v", a.ID, got, newer)
		}
	}
	if got := article(t, st, as[3].ID).Hashtags; len(got) != 0 {
		t.Errorf("article of another story: hashtags %v, want none", got)
	}
	if r, ok := st.(Reader); ok {
		for tag, want := range map[string][]int64{"Geneva": {story}, "TariffTalks": nil, "Stale": nil} {
			got, err := r.Stories(ctx, tag, 0, "", time.Time{}, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, storyIDs(got), cmpEmpty); d != "" {
				t.Errorf("stories tagged %s (-want +got):\n%s", tag, d)
			}
		}
	}
}

func testSaveAnalysisErrors(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	as := storySet(t, st)
	gone := &tidings.Article{ID: 99999, StoryID: 99999}
	as[0].StoryID = as[0].ID
	wantKind(t, "SaveAnalysis(missing article)", st.SaveAnalysis(ctx, []*tidings.Article{as[0], gone}, nil), tidings.ErrNotFound)
	if got := article(t, st, as[0].ID); got.StoryID != 0 {
		t.Errorf("got StoryID %d after a failed save, want 0 (one transaction)", got.StoryID)
	}
	dangling := *as[1]
	dangling.DuplicateOf = 99999
	wantKind(t, "SaveAnalysis(missing canonical)", st.SaveAnalysis(ctx, []*tidings.Article{&dangling}, nil), tidings.ErrNotFound)
	self := *as[1]
	self.DuplicateOf = self.ID
	wantKind(t, "SaveAnalysis(self duplicate)", st.SaveAnalysis(ctx, []*tidings.Article{&self}, nil), tidings.ErrInvalid)
	wantKind(t, "SaveAnalysis(story without ID)", st.SaveAnalysis(ctx, nil, []*tidings.Story{{}}), tidings.ErrInvalid)
	wantKind(t, "SaveAnalysis(nil article)", st.SaveAnalysis(ctx, []*tidings.Article{nil}, nil), tidings.ErrInvalid)
	wantKind(t, "SaveAnalysis(nil story)", st.SaveAnalysis(ctx, nil, []*tidings.Story{nil}), tidings.ErrInvalid)
}

func testStats(t *testing.T, st tidings.Store) {
	ctx := context.Background()
	got, err := st.Stats(ctx)
	if err != nil || got != (tidings.Stats{}) {
		t.Errorf("Stats of an empty store: got %+v, %v", got, err)
	}
	a, b, c := newSource(t, st, feedURL(1)), newSource(t, st, feedURL(2)), newSource(t, st, feedURL(3))
	refresh(t, st, a.ID, item("1", "https://a/1", "one", 1), item("2", "https://a/2", "two", 2))
	r := refresh(t, st, b.ID, item("3", "https://b/3", "one", 3))
	if err := st.SaveFetchState(ctx, c.ID, tidings.FetchState{LastStatus: 500, LastError: "boom", ErrorCount: 1, NextFetchAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	r.Stored[0].StoryID = r.Stored[0].ID
	if err := st.SaveAnalysis(ctx, r.Stored, nil); err != nil {
		t.Fatal(err)
	}
	got, err = st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := tidings.Stats{Sources: 3, Articles: 3, Duplicates: 1, Errors: 1, Stories: 1}
	if got != want {
		t.Errorf("Stats: got %+v, want %+v", got, want)
	}
}
