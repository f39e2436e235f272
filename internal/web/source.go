package web

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/tidings/tidings"
)

type sourcePage struct {
	base
	Source   *tidings.Source
	Articles []related
	Older    string
	Newest   string
	Stories  string     // the front page filtered by this source
	Follow   *following // nil for visitors
}

func (s *Server) handleSource(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "source")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	before, err := parseCursor(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	src, err := s.store.Source(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	arts, err := s.store.SourceArticles(ctx, id, before.T, before.ID, s.opts.PageSize+1)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := sourcePage{Source: src, Stories: fmt.Sprintf("/?source=%d", id)}
	p.base = s.base(r, src.Title)
	p.Follow = s.followState(r, "", id)
	if len(arts) > s.opts.PageSize {
		arts = arts[:s.opts.PageSize]
		last := arts[len(arts)-1]
		p.Older = fmt.Sprintf("/source/%d?before=%s", id, url.QueryEscape(cursor{T: last.PublishedAt, ID: last.ID}.String()))
	}
	if !before.T.IsZero() {
		p.Newest = fmt.Sprintf("/source/%d", id)
	}
	for _, a := range arts {
		p.Articles = append(p.Articles, related{Article: a, Source: src, Excerpt: summary(a, 220)})
	}
	s.render(w, r, http.StatusOK, "source", p)
}
