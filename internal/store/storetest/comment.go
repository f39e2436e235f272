package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func comment(t *testing.T, st AccountStore, c *tidings.Comment) *tidings.Comment {
	t.Helper()
	if c.HTML == "" {
		c.HTML = "<p>" + c.Body + "</p>"
	}
	if err := st.CreateComment(context.Background(), c); err != nil {
		t.Fatalf("CreateComment(%q): %v", c.Body, err)
	}
	return c
}

func testComments(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann, bob := newUser(t, st, "ann", tidings.RoleMember), newUser(t, st, "bob", tidings.RoleMember)
	top := comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "first"})
	reply := comment(t, st, &tidings.Comment{StoryID: w.stories[0], ParentID: top.ID, UserID: bob.ID, Body: "a reply"})
	onArticle := comment(t, st, &tidings.Comment{ArticleID: w.articles[1].ID, UserID: bob.ID, Body: "on an article"})
	if top.ID == 0 || top.CreatedAt.IsZero() {
		t.Fatalf("got ID %d, CreatedAt %v, want both set", top.ID, top.CreatedAt)
	}
	top.UserName, reply.UserName, onArticle.UserName = "ann", "bob", "bob"

	got, err := st.Comments(ctx, w.stories[0], 0)
	if err != nil {
		t.Fatalf("Comments(story): %v", err)
	}
	if diff := cmp.Diff([]*tidings.Comment{top, reply}, got, cmpOpts...); diff != "" {
		t.Errorf("Comments(story) (-want +got):\n%s", diff)
	}
	got, err = st.Comments(ctx, 0, w.articles[1].ID)
	if err != nil || len(got) != 1 || got[0].ID != onArticle.ID {
		t.Errorf("Comments(article): got %v, %v, want the article's comment", got, err)
	}
	if got, _ := st.Comments(ctx, w.stories[1], 0); len(got) != 0 {
		t.Errorf("Comments(other story): got %d, want 0", len(got))
	}
	_, err = st.Comments(ctx, 1, 1)
	wantKind(t, "Comments(both)", err, tidings.ErrInvalid)
	one, err := st.Comment(ctx, reply.ID)
	if diff := cmp.Diff(reply, one, cmpOpts...); err != nil || diff != "" {
		t.Errorf("Comment: %v (-want +got):\n%s", err, diff)
	}
	_, err = st.Comment(ctx, 999)
	wantKind(t, "Comment(999)", err, tidings.ErrNotFound)

	edited := time.Now().UTC().Truncate(time.Microsecond)
	if err := st.EditComment(ctx, top.ID, "first, edited", "<p>first, edited</p>", edited); err != nil {
		t.Fatalf("EditComment: %v", err)
	}
	one, _ = st.Comment(ctx, top.ID)
	if one.Body != "first, edited" || one.HTML != "<p>first, edited</p>" || !one.EditedAt.Equal(edited) {
		t.Errorf("edited: got %+v", one)
	}
	wantKind(t, "EditComment(999)", st.EditComment(ctx, 999, "x", "x", edited), tidings.ErrNotFound)
	wantKind(t, "EditComment empty", st.EditComment(ctx, top.ID, "", "", edited), tidings.ErrInvalid)
}

func testCommentErrors(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann := newUser(t, st, "ann", tidings.RoleMember)
	parent := comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "parent"})
	gone := comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "to delete"})
	if err := st.DeleteComment(ctx, gone.ID); err != nil {
		t.Fatalf("DeleteComment: %v", err)
	}
	onStory := func(c tidings.Comment) *tidings.Comment {
		c.UserID = ann.ID
		if c.StoryID == 0 && c.ArticleID == 0 {
			c.StoryID = w.stories[0]
		}
		if c.Body == "" {
			c.Body = "text"
		}
		if c.HTML == "" {
			c.HTML = "<p>text</p>"
		}
		return &c
	}
	tests := []struct {
		name string
		c    *tidings.Comment
		kind error
	}{
		{"nil", nil, tidings.ErrInvalid},
		{"no target", &tidings.Comment{UserID: ann.ID, Body: "x", HTML: "x"}, tidings.ErrInvalid},
		{"two targets", onStory(tidings.Comment{StoryID: w.stories[0], ArticleID: w.articles[0].ID}), tidings.ErrInvalid},
		{"empty", &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID}, tidings.ErrInvalid},
		{"too long", onStory(tidings.Comment{Body: strings.Repeat("a", tidings.MaxCommentBytes+1)}), tidings.ErrInvalid},
		{"invalid utf8", onStory(tidings.Comment{Body: "bad \xff byte"}), tidings.ErrInvalid},
		{"unknown story", onStory(tidings.Comment{StoryID: 999}), tidings.ErrNotFound},
		{"unknown article", onStory(tidings.Comment{ArticleID: 999}), tidings.ErrNotFound},
		{"unknown user", &tidings.Comment{StoryID: w.stories[0], UserID: 999, Body: "x", HTML: "x"}, tidings.ErrNotFound},
		{"unknown parent", onStory(tidings.Comment{ParentID: 999}), tidings.ErrNotFound},
		{"parent elsewhere", onStory(tidings.Comment{StoryID: w.stories[1], ParentID: parent.ID}), tidings.ErrInvalid},
		{"parent deleted", onStory(tidings.Comment{ParentID: gone.ID}), tidings.ErrConflict},
	}
	for _, tt := range tests {
		wantKind(t, tt.name, st.CreateComment(ctx, tt.c), tt.kind)
	}
	// Nothing of the refused comments was stored.
	got, err := st.Comments(ctx, w.stories[0], 0)
	if err != nil || len(got) != 2 {
		t.Errorf("after refusals: got %d comments, %v, want 2", len(got), err)
	}
	if n, _ := st.Comments(ctx, w.stories[1], 0); len(n) != 0 {
		t.Errorf("other story: got %d comments, want 0", len(n))
	}
	wantKind(t, "EditComment deleted", st.EditComment(ctx, gone.ID, "back", "<p>back</p>", time.Now()), tidings.ErrConflict)
	wantKind(t, "EditComment too long", st.EditComment(ctx, parent.ID, strings.Repeat("a", tidings.MaxCommentBytes+1), "x", time.Now()), tidings.ErrInvalid)
}

func testCommentModeration(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann := newUser(t, st, "ann", tidings.RoleMember)
	a := comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "a"})
	b := comment(t, st, &tidings.Comment{StoryID: w.stories[0], ParentID: a.ID, UserID: ann.ID, Body: "b"})
	c := comment(t, st, &tidings.Comment{ArticleID: w.articles[3].ID, UserID: ann.ID, Body: "c"})
	if err := st.HideComment(ctx, b.ID, true); err != nil {
		t.Fatalf("HideComment: %v", err)
	}
	if err := st.DeleteComment(ctx, a.ID); err != nil {
		t.Fatalf("DeleteComment: %v", err)
	}
	if err := st.DeleteComment(ctx, a.ID); err != nil {
		t.Errorf("DeleteComment twice: %v", err)
	}
	wantKind(t, "HideComment(999)", st.HideComment(ctx, 999, true), tidings.ErrNotFound)
	wantKind(t, "DeleteComment(999)", st.DeleteComment(ctx, 999), tidings.ErrNotFound)
	got, _ := st.Comment(ctx, a.ID)
	if !got.Deleted || got.Body != "" || got.HTML != "" {
		t.Errorf("deleted comment: got %+v, want Deleted with its body erased", got)
	}
	thread, _ := st.Comments(ctx, w.stories[0], 0)
	if len(thread) != 2 || !thread[1].Hidden || thread[1].ParentID != a.ID {
		t.Errorf("thread after moderation: got %+v, want the deleted parent and its hidden reply", thread)
	}
	recent, err := st.RecentComments(ctx, 10)
	if err != nil {
		t.Fatalf("RecentComments: %v", err)
	}
	var recentIDs []int64
	for _, r := range recent {
		recentIDs = append(recentIDs, r.ID)
	}
	if diff := cmp.Diff([]int64{c.ID, b.ID}, recentIDs); diff != "" {
		t.Errorf("RecentComments (-want +got):\n%s", diff)
	}
	if err := st.HideComment(ctx, b.ID, false); err != nil {
		t.Fatalf("HideComment(false): %v", err)
	}
	if got, _ := st.Comment(ctx, b.ID); got.Hidden {
		t.Error("comment still hidden after HideComment(false)")
	}
}

func testCommentCounts(t *testing.T, st AccountStore) {
	ctx := context.Background()
	w := newWorld(t, st)
	ann := newUser(t, st, "ann", tidings.RoleMember)
	comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "on the story"})
	comment(t, st, &tidings.Comment{ArticleID: w.articles[1].ID, UserID: ann.ID, Body: "on an article"})
	hidden := comment(t, st, &tidings.Comment{ArticleID: w.articles[2].ID, UserID: ann.ID, Body: "hidden"})
	deleted := comment(t, st, &tidings.Comment{StoryID: w.stories[0], UserID: ann.ID, Body: "deleted"})
	st.HideComment(ctx, hidden.ID, true)
	st.DeleteComment(ctx, deleted.ID)
	got, err := st.CommentCounts(ctx, []int64{w.stories[0], w.stories[1], 999})
	if err != nil {
		t.Fatalf("CommentCounts: %v", err)
	}
	if diff := cmp.Diff(map[int64]int{w.stories[0]: 2}, got); diff != "" {
		t.Errorf("CommentCounts (-want +got):\n%s", diff)
	}
	byArticle, err := st.ArticleCommentCounts(ctx, []int64{w.articles[0].ID, w.articles[1].ID, w.articles[2].ID, 999})
	if err != nil {
		t.Fatalf("ArticleCommentCounts: %v", err)
	}
	if diff := cmp.Diff(map[int64]int{w.articles[1].ID: 1}, byArticle); diff != "" {
		t.Errorf("ArticleCommentCounts (-want +got):\n%s", diff)
	}
	if got, err := st.ArticleCommentCounts(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("ArticleCommentCounts(nil): got %v, %v, want empty", got, err)
	}
	if got, err := st.CommentCounts(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("CommentCounts(nil): got %v, %v, want empty", got, err)
	}
}
