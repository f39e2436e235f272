package web_test

import (
	"fmt"
	"github.com/tidings/tidings/internal/shareddata"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tidings/tidings/internal/ingest/sanitize"
	"github.com/tidings/tidings/internal/web"
)

// TestComments walks a thread: comment, reply, counts on cards, delete
// with replies kept, hide seen by admins only.
func TestComments(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		a := f.articleBy(t, dockTitle)
		sid := f.storyOf(t, dockTitle)
		page := fmt.Sprintf("/article/%d", a.ID)
		_, ann := f.member(t, "ann")
		_, bob := f.member(t, "bob")
		_, root := f.admin(t, "root")

		_, doc := ann.get(t, page)
		if got := texts(doc, ".comments .empty"); len(got) != 1 || got[0] != "No comments yet." {
			t.Errorf("empty state: got %q", got)
		}
		res := ann.post(t, page+"/comments", url.Values{"body": {"Ports *matter*.\n\n- one\n- two"}})
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), page+"#comment-") {
			t.Fatalf("comment: got %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		top := f.comments(t, 0, a.ID)[0]
		if res := bob.post(t, page+"/comments", url.Values{"body": {"Agreed."}, "parent": {fmt.Sprint(top.ID)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("reply: got %d", res.StatusCode)
		}
		if res := bob.post(t, fmt.Sprintf("/story/%d/comments", sid), url.Values{"body": {"On the story."}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("story comment: got %d", res.StatusCode)
		}
		_, doc = bob.get(t, page)
		if got := texts(doc, ".comment .author"); len(got) != 2 || got[0] != "ann" || got[1] != "bob" {
			t.Errorf("thread authors: got %q, want ann then bob", got)
		}
		if n := doc.Find(".comment.depth-1").Length(); n != 1 {
			t.Errorf("got %d replies indented, want 1", n)
		}
		if n := doc.Find(".comment-body em").Length() + doc.Find(".comment-body li").Length(); n != 3 {
			t.Errorf("Markdown: got %d em+li, want 3", n)
		}
		if got := texts(doc, "#comments-h"); len(got) != 1 || got[0] != "Comments (2)" {
			t.Errorf("heading: got %q", got)
		}
		// The story's card counts its own and its articles' comments.
		_, doc = bob.get(t, "/")
		found := false
		doc.Find(".card").Each(func(_ int, s *goquery.Selection) {
			if strings.Contains(s.Find("h2").Text(), "Dockworkers") {
				found = true
				if got := strings.TrimSpace(s.Find(".ncomments").Text()); got != "3 comments" {
					t.Errorf("card count: got %q, want 3 comments", got)
				}
			}
		})
		if !found {
			t.Error("no Dockworkers card")
		}

		// The story page leads to the article's discussion.
		_, doc = bob.get(t, fmt.Sprintf("/story/%d", sid))
		if got := texts(doc, ".discussions li"); len(got) != 1 || !strings.Contains(got[0], "2 comments") {
			t.Errorf("story discussions: got %q, want the article with 2 comments", got)
		}

		// The author deletes the parent: the reply stays under a placeholder.
		if res := ann.post(t, fmt.Sprintf("/comments/%d/delete", top.ID), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: got %d", res.StatusCode)
		}
		_, doc = bob.get(t, page)
		if got := texts(doc, ".comment .placeholder"); len(got) != 1 || got[0] != "This comment was deleted." {
			t.Errorf("placeholder: got %q", got)
		}
		// The admin hides the reply: members no longer see it, admins do.
		reply := f.comments(t, 0, a.ID)[1]
		if res := root.post(t, fmt.Sprintf("/comments/%d/hide", reply.ID), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("hide: got %d", res.StatusCode)
		}
		_, doc = bob.get(t, page)
		if n := doc.Find(".comment").Length(); n != 0 {
			t.Errorf("member sees %d comments, want none (deleted parent, hidden reply)", n)
		}
		if got := texts(doc, ".comments .empty"); len(got) != 1 {
			t.Errorf("empty state after moderation: got %q", got)
		}
		_, doc = root.get(t, page)
		if got := texts(doc, ".comment .badge"); len(got) != 1 || got[0] != "hidden" {
			t.Errorf("admin view: got badges %q, want one hidden", got)
		}
		_, doc = root.get(t, "/admin/comments")
		if n := doc.Find(".moderation .comment").Length(); n != 2 {
			t.Errorf("moderation list: got %d comments, want 2 (not the deleted one)", n)
		}
		// Visitors see the thread too, without any form.
		anon := f.client()
		_, doc = anon.get(t, fmt.Sprintf("/story/%d", sid))
		if got := texts(doc, ".comment .author"); len(got) != 1 || doc.Find("textarea").Length() != 0 {
			t.Errorf("visitor's story page: got authors %q and %d textareas", got, doc.Find("textarea").Length())
		}
	})
}

// TestCommentBadInput: each bad comment gets a clear answer and leaves the
// stored thread as it was.
func TestCommentBadInput(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		a := f.articleBy(t, dockTitle)
		page := fmt.Sprintf("/article/%d", a.ID)
		other := f.articleBy(t, "Geneva talks ease export licences for rare earth magnets")
		_, ann := f.member(t, "ann")
		for _, body := range []string{"kept", "to delete"} {
			if res := ann.post(t, page+"/comments", url.Values{"body": {body}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("comment: got %d", res.StatusCode)
			}
		}
		cs := f.comments(t, 0, a.ID)
		if res := ann.post(t, fmt.Sprintf("/comments/%d/delete", cs[1].ID), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: got %d", res.StatusCode)
		}
		tests := []struct {
			name   string
			path   string
			form   url.Values
			status int
			msg    string
		}{
			{"empty", page + "/comments", url.Values{"body": {""}}, 400, "empty"},
			{"blank", page + "/comments", url.Values{"body": {" \n\t "}}, 400, "empty"},
			{"100 KB", page + "/comments", url.Values{"body": {strings.Repeat("word ", 20_000)}}, 400, "at most"},
			{"invalid UTF-8", page + "/comments", url.Values{"body": {"bad \xff\xfe bytes"}}, 400, "UTF-8"},
			{"NUL", page + "/comments", url.Values{"body": {"a\x00b"}}, 400, "UTF-8"},
			{"reply to a deleted comment", page + "/comments", url.Values{"body": {"hello?"}, "parent": {fmt.Sprint(cs[1].ID)}}, 409, "deleted"},
			{"reply to a missing comment", page + "/comments", url.Values{"body": {"hello?"}, "parent": {"999999"}}, 404, "does not exist"},
			{"reply across pages", fmt.Sprintf("/article/%d/comments", other.ID), url.Values{"body": {"x"}, "parent": {fmt.Sprint(cs[0].ID)}}, 400, "another page"},
			{"bad parent", page + "/comments", url.Values{"body": {"x"}, "parent": {"-1"}}, 400, "not a valid"},
			{"unknown article", "/article/999999/comments", url.Values{"body": {"x"}}, 404, ""},
			{"unknown story", "/story/999999/comments", url.Values{"body": {"x"}}, 404, ""},
			{"bad id", "/article/abc/comments", url.Values{"body": {"x"}}, 400, ""},
			{"edit to empty", fmt.Sprintf("/comments/%d/edit", cs[0].ID), url.Values{"body": {""}}, 400, "empty"},
			{"edit to 100 KB", fmt.Sprintf("/comments/%d/edit", cs[0].ID), url.Values{"body": {strings.Repeat("x", 100_000)}}, 400, "at most"},
			{"edit unknown", "/comments/999999/edit", url.Values{"body": {"x"}}, 404, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				form := cloneForm(tt.form)
				form.Set("csrf", ann.csrf)
				res, body := ann.do(t, "POST", tt.path, form)
				if res.StatusCode != tt.status {
					t.Errorf("got %d, want %d", res.StatusCode, tt.status)
				}
				if tt.msg != "" && !strings.Contains(body, tt.msg) {
					t.Errorf("page does not say %q", tt.msg)
				}
			})
		}
		got := f.comments(t, 0, a.ID)
		if len(got) != 2 || got[0].Body != "kept" || !got[1].Deleted {
			t.Errorf("after bad input: got %+v, want the two comments as they were", got)
		}
		if n := len(f.comments(t, 0, other.ID)); n != 0 {
			t.Errorf("other article: got %d comments, want 0", n)
		}
	})
}

// TestCommentVectors posts every input of the bluemonday corpus as a
// comment and checks that the comments section renders nothing active.
func TestCommentVectors(t *testing.T) {
	ins := corpusInputs(t)
	f := newFixture(t, web.Options{})
	a := f.articleBy(t, dockTitle)
	page := fmt.Sprintf("/article/%d", a.ID)
	_, ann := f.member(t, "ann")
	posted := 0
	for _, in := range ins {
		for _, body := range []string{in, "[x](" + in + ")"} {
			res := ann.post(t, page+"/comments", url.Values{"body": {body}})
			switch res.StatusCode {
			case http.StatusSeeOther:
				posted++
			case http.StatusBadRequest: // empty or invalid text: refused, also inert
			default:
				t.Fatalf("posting %q: got %d", body, res.StatusCode)
			}
		}
	}
	_, doc := ann.get(t, page)
	// The page's own forms aside, every comment body must be inert.
	var bodies strings.Builder
	doc.Find("section.comments .comment-body").Each(func(_ int, s *goquery.Selection) {
		h, _ := s.Html()
		bodies.WriteString(h)
	})
	html := bodies.String()
	if n := doc.Find(".comment").Length(); n != posted {
		t.Errorf("got %d comments on the page, want %d", n, posted)
	}
	if err := sanitize.Audit(html, false); err != nil || strings.Contains(strings.ToLower(html), "<form") {
		t.Errorf("comments section not inert: %v", err)
	}
	if n := doc.Find("section.comments script, section.comments iframe, section.comments img, section.comments [style]").Length(); n != 0 {
		t.Errorf("got %d active elements in comments", n)
	}
	t.Logf("%d vectors posted, comments section inert", posted)
}

// corpusInputs reads the inputs of ../shared/data's bluemonday corpus,
// skipping when it is absent (it is never copied into the repository).
func corpusInputs(t *testing.T) []string { return shareddata.BluemondayInputs(t) }
