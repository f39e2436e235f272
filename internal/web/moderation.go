package web

import (
	"html/template"
	"net/http"

	"github.com/tidings/tidings"
)

// maxRecent is how many comments the moderation page lists.
const maxRecent = 100

type moderationPage struct {
	base
	Comments []moderated
	AnonRead bool
	Notice   string
}

// moderated is a recent comment with the page it is on.
type moderated struct {
	*tidings.Comment
	Page string
	Body template.HTML // sanitized when it was stored
}

func (s *Server) handleModeration(w http.ResponseWriter, r *http.Request) {
	cs, err := s.accounts.RecentComments(r.Context(), maxRecent)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := moderationPage{Notice: notices[r.URL.Query().Get("done")]}
	for _, c := range cs {
		p.Comments = append(p.Comments, moderated{Comment: c, Page: commentPage(c), Body: template.HTML(c.HTML)})
	}
	s.settings.forget()
	p.AnonRead = s.settings.anonymousRead(r.Context(), s)
	p.base = s.base(r, "Moderation")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "moderation", p)
}

// handleSettings saves the instance settings (whether visitors who are not
// signed in may read).
func (s *Server) handleSettings(w http.ResponseWriter, r *http.Request) {
	v := "false"
	if r.PostFormValue("anonymous_read") == "on" {
		v = "true"
	}
	if err := s.accounts.SetSetting(r.Context(), tidings.SettingAnonymousRead, v); err != nil {
		s.Error(w, r, err)
		return
	}
	s.settings.forget()
	http.Redirect(w, r, "/admin/comments?done=settings", http.StatusSeeOther)
}
