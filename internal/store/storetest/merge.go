package storetest

import (
	"context"
	"testing"

	"github.com/tidings/tidings"
)

// testCommentsFollowMerge checks that when analysis merges one story into
// another, the merged story's discussion moves with its articles.
func testCommentsFollowMerge(t *testing.T, st AccountStore) {
	ctx := context.Background()
	as := storySet(t, st)
	as[0].StoryID, as[2].StoryID = as[0].ID, as[2].ID
	err := st.SaveAnalysis(ctx, []*tidings.Article{as[0], as[2]},
		[]*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID}, {ID: as[2].ID, HeadlineArticleID: as[2].ID}})
	if err != nil {
		t.Fatal(err)
	}
	u := newUser(t, st, "ann", tidings.RoleMember)
	c := comment(t, st, &tidings.Comment{StoryID: as[2].ID, UserID: u.ID, Body: "on the story merged away"})
	if err := st.SaveAnalysis(ctx, nil, []*tidings.Story{{ID: as[0].ID, HeadlineArticleID: as[0].ID, MergedFrom: []int64{as[2].ID}}}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Comments(ctx, as[0].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != c.ID {
		t.Errorf("comments of the surviving story: got %d, want the merged story's comment %d", len(got), c.ID)
	}
}
