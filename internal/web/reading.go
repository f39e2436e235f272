package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/tidings/tidings"
)

// handleArticleState marks an article read or unread, saves it or forgets
// it (form field "do": read, unread, save, unsave).
func (s *Server) handleArticleState(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "article")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx, u := r.Context(), userOf(r)
	if _, err := s.store.Article(ctx, id); err != nil {
		s.Error(w, r, err)
		return
	}
	switch do := r.PostFormValue("do"); do {
	case "read", "unread":
		err = s.accounts.SetRead(ctx, u.ID, []int64{id}, do == "read")
	case "save", "unsave":
		err = s.accounts.SetSaved(ctx, u.ID, id, do == "save")
	default:
		err = invalidf("Unknown action %q.", clip(do, 20))
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, back(r, fmt.Sprintf("/article/%d", id)), http.StatusSeeOther)
}

// handleFollow follows or unfollows (field "on": 1 or 0) a hashtag (field
// "tag") or a source (field "source").
func (s *Server) handleFollow(w http.ResponseWriter, r *http.Request) {
	var (
		tag = r.PostFormValue("tag")
		src int64
		err error
	)
	if v := r.PostFormValue("source"); v != "" {
		if src, err = strconv.ParseInt(v, 10, 64); err != nil || src <= 0 {
			s.Error(w, r, invalidf("%q is not a valid source number.", clip(v, 40)))
			return
		}
	}
	if tag != "" {
		if tag, err = cleanTag(tag); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	if (tag == "") == (src == 0) {
		s.Error(w, r, invalidf("Follow one hashtag or one source."))
		return
	}
	if err := s.accounts.Follow(r.Context(), userOf(r).ID, tag, src, r.PostFormValue("on") != "0"); err != nil {
		s.Error(w, r, err)
		return
	}
	def := "/foryou"
	if tag != "" {
		def = "/tag/" + tag
	} else {
		def = fmt.Sprintf("/source/%d", src)
	}
	http.Redirect(w, r, back(r, def), http.StatusSeeOther)
}

// following is what a hashtag or source page needs to offer its follow
// button: nil for visitors.
type following struct {
	On   bool
	CSRF string
}

// followState tells whether the viewer follows a hashtag (tag) or a
// source (src).
func (s *Server) followState(r *http.Request, tag string, src int64) *following {
	u := userOf(r)
	if u == nil {
		return nil
	}
	f, err := s.accounts.Follows(r.Context(), u.ID)
	if err != nil {
		s.log.ErrorContext(r.Context(), "web: follows", "err", err)
		return nil
	}
	out := &following{CSRF: s.sessionCSRF(r)}
	for _, t := range f.Hashtags {
		out.On = out.On || (tag != "" && strings.EqualFold(t, tag))
	}
	for _, id := range f.Sources {
		out.On = out.On || (src != 0 && id == src)
	}
	return out
}

// forYouPage lists the stories of what the user follows.
type forYouPage struct {
	listPage
	Follows  tidings.Follows
	Names    map[int64]string // source titles
	NoFollow bool
}

func (s *Server) handleForYou(w http.ResponseWriter, r *http.Request) {
	before, err := parseCursor(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx, u := r.Context(), userOf(r)
	f, err := s.accounts.Follows(ctx, u.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	stories, err := s.accounts.ForYou(ctx, u.ID, before.T, before.ID, s.opts.PageSize+1)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	more := len(stories) > s.opts.PageSize
	if more {
		stories = stories[:s.opts.PageSize]
	}
	_, srcByID, err := s.sources(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := forYouPage{Follows: f, Names: make(map[int64]string), NoFollow: len(f.Hashtags)+len(f.Sources) == 0}
	for _, id := range f.Sources {
		if src := srcByID[id]; src != nil {
			p.Names[id] = src.Title
		}
	}
	if p.Cards, err = s.cards(ctx, stories, srcByID); err != nil {
		s.Error(w, r, err)
		return
	}
	if more {
		last := stories[len(stories)-1]
		p.Older = "/foryou?before=" + cursor{T: last.LastSeen, ID: last.ID}.String()
	}
	if !before.T.IsZero() {
		p.Newest = "/foryou"
	}
	p.base = s.base(r, "For you")
	p.Heading = "For you"
	s.render(w, r, http.StatusOK, "foryou", p)
}

type savedPage struct {
	base
	Articles []related
}

// maxSaved is how many saved articles the saved page lists.
const maxSaved = 200

func (s *Server) handleSaved(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ids, err := s.accounts.SavedArticles(ctx, userOf(r).ID, maxSaved)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	arts, err := s.store.Articles(ctx, ids)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	_, srcByID, err := s.sources(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	byID := make(map[int64]*tidings.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	p := savedPage{}
	for _, id := range ids { // in the order saved, newest first
		if a := byID[id]; a != nil {
			p.Articles = append(p.Articles, related{Article: a, Source: srcByID[a.SourceID], Excerpt: summary(a, 180)})
		}
	}
	p.base = s.base(r, "Saved articles")
	s.render(w, r, http.StatusOK, "saved", p)
}

// readState returns the viewer's reading state of articles, empty for
// visitors; a failure only costs the marks, never the page.
func (s *Server) readState(ctx context.Context, ids []int64) map[int64]tidings.ArticleState {
	v, _ := ctx.Value(viewerKey{}).(*viewer)
	if v == nil || len(ids) == 0 {
		return nil
	}
	st, err := s.accounts.ArticleStates(ctx, v.user.ID, ids)
	if err != nil {
		s.log.ErrorContext(ctx, "web: article states", "err", err)
		return nil
	}
	return st
}
