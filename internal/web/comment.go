package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// maxDepth is the deepest indentation of a thread; deeper replies line up
// at this depth, so that a long exchange stays readable on a phone.
const maxDepth = 5

// commentView is one comment as a page shows it to one viewer.
type commentView struct {
	*tidings.Comment
	Depth       int
	Body        template.HTML // the sanitized HTML, or nothing when withheld
	Placeholder string        // "This comment was deleted." and the like
	CanReply    bool
	CanEdit     bool // the author, within the edit window
	CanDelete   bool // the author within the window, or an admin
	CanModerate bool // an admin
}

// comments is the comments section of a story or an article page.
type comments struct {
	Action string // where new comments are posted
	Page   string // the page's address, for links to a comment
	List   []commentView
	Count  int // visible comments
	User   *tidings.User
	CSRF   string
	Window string // the edit window, in words
}

// loadComments builds the thread of a story (articleID 0) or an article
// (storyID 0) for the request's viewer: replies under their parents, oldest
// first; a deleted or hidden comment stays as a placeholder only when
// replies hang from it (admins see hidden ones, marked).
func (s *Server) loadComments(r *http.Request, storyID, articleID int64) (*comments, error) {
	if s.accounts == nil {
		return nil, nil
	}
	page, action := fmt.Sprintf("/story/%d", storyID), fmt.Sprintf("/story/%d/comments", storyID)
	if articleID != 0 {
		page, action = fmt.Sprintf("/article/%d", articleID), fmt.Sprintf("/article/%d/comments", articleID)
	}
	all, err := s.accounts.Comments(r.Context(), storyID, articleID)
	if err != nil {
		return nil, err
	}
	u := userOf(r)
	c := &comments{Action: action, Page: page, User: u, CSRF: s.sessionCSRF(r), Window: window(s.opts.EditWindow)}
	children := make(map[int64][]*tidings.Comment)
	byID := make(map[int64]bool, len(all))
	for _, cm := range all {
		byID[cm.ID] = true
	}
	var roots []*tidings.Comment
	for _, cm := range all {
		if cm.ParentID != 0 && byID[cm.ParentID] {
			children[cm.ParentID] = append(children[cm.ParentID], cm)
		} else {
			roots = append(roots, cm)
		}
	}
	// shown: the comment or one of its replies is visible to the viewer; a
	// withheld comment with nothing visible under it is left out. A reply
	// always has a larger ID than its parent, so one pass from the newest
	// settles every subtree, without recursion however deep a thread is.
	shown := make(map[int64]bool, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		cm := all[i]
		if !cm.Deleted && (!cm.Hidden || u.IsAdmin()) {
			shown[cm.ID] = true
		}
		if shown[cm.ID] && cm.ParentID != 0 {
			shown[cm.ParentID] = true
		}
	}
	type item struct {
		cm    *tidings.Comment
		depth int
	}
	stack := make([]item, 0, len(roots))
	for i := len(roots) - 1; i >= 0; i-- {
		stack = append(stack, item{roots[i], 0})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !shown[it.cm.ID] {
			continue
		}
		c.List = append(c.List, s.commentView(r.Context(), it.cm, min(it.depth, maxDepth), u))
		if it.cm.Visible() {
			c.Count++
		}
		kids := children[it.cm.ID]
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, item{kids[i], it.depth + 1})
		}
	}
	return c, nil
}

// commentView decides what the viewer sees of a comment and may do with it.
func (s *Server) commentView(_ context.Context, cm *tidings.Comment, depth int, u *tidings.User) commentView {
	v := commentView{Comment: cm, Depth: depth}
	switch {
	case cm.Deleted:
		v.Placeholder = "This comment was deleted."
	case cm.Hidden && !u.IsAdmin():
		v.Placeholder = "This comment was hidden by a moderator."
	default:
		// Rendered by internal/markdown and sanitized before it was stored.
		v.Body = template.HTML(cm.HTML)
	}
	if u == nil || cm.Deleted {
		return v
	}
	own := cm.UserID == u.ID && s.now().Sub(cm.CreatedAt) <= s.opts.EditWindow
	v.CanReply = !cm.Hidden
	v.CanEdit = own
	v.CanDelete = own || u.IsAdmin()
	v.CanModerate = u.IsAdmin()
	return v
}

// window says a duration in words ("15 minutes").
func window(d time.Duration) string {
	if d%time.Hour == 0 {
		return plural(int(d/time.Hour), "hour")
	}
	return plural(max(int(d/time.Minute), 1), "minute")
}

// commentForm reads and checks a posted comment body. Windows line ends
// are folded; the rest is validated, never repaired, so the author sees
// why a comment was refused.
func commentForm(r *http.Request) (string, error) {
	body := strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")
	if err := tidings.ValidateCommentBody(body); err != nil {
		return "", err
	}
	return body, nil
}

// handleComment posts a comment or a reply on a story or an article.
func (s *Server) handleComment(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "page")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	body, err := commentForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	c := &tidings.Comment{UserID: userOf(r).ID, Body: body, HTML: s.markdown.Render(body)}
	page := fmt.Sprintf("/story/%d", id)
	if strings.HasPrefix(r.URL.Path, "/article/") {
		c.ArticleID, page = id, fmt.Sprintf("/article/%d", id)
	} else {
		c.StoryID = id
	}
	if v := r.PostFormValue("parent"); v != "" {
		if c.ParentID, err = strconv.ParseInt(v, 10, 64); err != nil || c.ParentID <= 0 {
			s.Error(w, r, invalidf("%q is not a valid comment number.", clip(v, 40)))
			return
		}
	}
	if strings.TrimSpace(c.HTML) == "" {
		s.Error(w, r, invalidf("The comment has no text."))
		return
	}
	if err := s.accounts.CreateComment(r.Context(), c); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s#comment-%d", page, c.ID), http.StatusSeeOther)
}

// ownComment loads the comment of the path and checks that the viewer may
// change it: the author within the edit window, or (when admins may) an
// admin.
func (s *Server) ownComment(r *http.Request, adminToo bool) (*tidings.Comment, error) {
	id, err := pathID(r, "id", "comment")
	if err != nil {
		return nil, err
	}
	c, err := s.accounts.Comment(r.Context(), id)
	if err != nil {
		return nil, err
	}
	u := userOf(r)
	switch {
	case adminToo && u.IsAdmin():
	case c.UserID != u.ID:
		return nil, tidings.Errorf(tidings.ErrUnauthorized, "Only its author may change this comment.")
	case s.now().Sub(c.CreatedAt) > s.opts.EditWindow:
		return nil, tidings.Errorf(tidings.ErrUnauthorized, "Comments may be changed for %s after they are posted; this one no longer.", window(s.opts.EditWindow))
	}
	if c.Deleted {
		return nil, tidings.Errorf(tidings.ErrConflict, "This comment was deleted.")
	}
	return c, nil
}

// commentPage is the address of the page a comment is on.
func commentPage(c *tidings.Comment) string {
	if c.ArticleID != 0 {
		return fmt.Sprintf("/article/%d", c.ArticleID)
	}
	return fmt.Sprintf("/story/%d", c.StoryID)
}

type editPage struct {
	base
	Comment *tidings.Comment
	Back    string
	Error   string
}

func (s *Server) handleEditForm(w http.ResponseWriter, r *http.Request) {
	c, err := s.ownComment(r, false)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := editPage{Comment: c, Back: commentPage(c)}
	p.base = s.base(r, "Edit your comment")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "comment_edit", p)
}

func (s *Server) handleEdit(w http.ResponseWriter, r *http.Request) {
	c, err := s.ownComment(r, false)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	body, err := commentForm(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.accounts.EditComment(r.Context(), c.ID, body, s.markdown.Render(body), s.now()); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s#comment-%d", commentPage(c), c.ID), http.StatusSeeOther)
}

func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) {
	c, err := s.ownComment(r, true)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.accounts.DeleteComment(r.Context(), c.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, commentPage(c)+"#comments"), http.StatusSeeOther)
}

// handleHide hides (POST …/hide) or shows again (POST …/show) a comment.
func (s *Server) handleHide(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "comment")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	c, err := s.accounts.Comment(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.accounts.HideComment(r.Context(), id, strings.HasSuffix(r.URL.Path, "/hide")); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, fmt.Sprintf("%s#comment-%d", commentPage(c), id)), http.StatusSeeOther)
}

// back returns the form's "next" field when it is a path on this site,
// else def: where an action returns to.
func back(r *http.Request, def string) string {
	if next := r.PostFormValue("next"); next != "" {
		return localPath(next)
	}
	return def
}

// discussions lists the articles of a story that carry comments, in the
// story's order, so that the story page leads to every conversation its
// card counts.
func (s *Server) discussions(ctx context.Context, arts []*tidings.Article, srcs map[int64]*tidings.Source) ([]discussion, error) {
	if s.accounts == nil || len(arts) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	counts, err := s.accounts.ArticleCommentCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []discussion
	for _, a := range arts {
		if n := counts[a.ID]; n > 0 {
			out = append(out, discussion{Article: a, Source: srcs[a.SourceID], Count: n})
		}
	}
	return out, nil
}
