package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/tidings/tidings"
)

type adminPage struct {
	base
	CSRF    string
	Sources []*tidings.Source
	Notice  string
}

// notices are the messages an admin action redirects with (?done=...).
var notices = map[string]string{
	"added":    "The source was added; it will be fetched shortly.",
	"deleted":  "The source was removed with its articles.",
	"imported": "The OPML file was imported.",
	"password": "Your password was changed; your other browsers were signed out.",
	"settings": "The settings were saved.",
}

func (s *Server) handleAdmin(w http.ResponseWriter, r *http.Request) {
	srcs, err := s.opts.Admin.Sources(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := adminPage{CSRF: s.csrfToken(w, r), Sources: srcs, Notice: notices[r.URL.Query().Get("done")]}
	if n := r.URL.Query().Get("imported"); n != "" {
		p.Notice = fmt.Sprintf("Imported %s new sources from the OPML file.", clip(n, 10))
	}
	p.base = s.base(r, "Sources")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "admin", p)
}

func (s *Server) handleAdminAdd(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if !s.checkCSRF(r) {
		s.Error(w, r, errCSRF)
		return
	}
	feedURL := strings.TrimSpace(r.FormValue("url"))
	if err := checkFeedURL(feedURL); err != nil {
		s.Error(w, r, err)
		return
	}
	src := &tidings.Source{
		FeedURL:  feedURL,
		Title:    strings.TrimSpace(r.FormValue("title")),
		Folder:   strings.TrimSpace(r.FormValue("folder")),
		FullText: tidings.FullTextAuto,
	}
	if src.Title == "" {
		src.Title = host(feedURL)
	}
	if err := s.opts.Admin.CreateSource(r.Context(), src); err != nil {
		s.Error(w, r, err)
		return
	}
	s.forgetSources()
	http.Redirect(w, r, "/admin?done=added", http.StatusSeeOther)
}

// checkFeedURL accepts absolute http and https URLs only.
func checkFeedURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalidf("%q is not a feed address; it should start with https:// or http://.", clip(raw, 80))
	}
	return nil
}

func (s *Server) handleAdminDelete(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if !s.checkCSRF(r) {
		s.Error(w, r, errCSRF)
		return
	}
	id, err := pathID(r, "id", "source")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := s.opts.Admin.DeleteSource(r.Context(), id); err != nil {
		s.Error(w, r, err)
		return
	}
	s.forgetSources()
	http.Redirect(w, r, "/admin?done=deleted", http.StatusSeeOther)
}
