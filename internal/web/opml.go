package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/opml"
)

// maxOPML caps an uploaded OPML file.
const maxOPML = 4 << 20

func (s *Server) handleAdminImport(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxOPML+64<<10)
	if err := r.ParseMultipartForm(maxOPML); err != nil {
		s.Error(w, r, invalidf("The upload could not be read; OPML files may be up to 4 MB."))
		return
	}
	if !s.checkCSRF(r) {
		s.Error(w, r, errCSRF)
		return
	}
	f, _, err := r.FormFile("opml")
	if err != nil {
		s.Error(w, r, invalidf("Choose an OPML file to import."))
		return
	}
	defer f.Close()
	outlines, err := opml.Parse(f)
	if err != nil {
		s.Error(w, r, invalidf("That file is not OPML: %s", tidings.ErrorMessage(err)))
		return
	}
	added := 0
	for _, o := range outlines {
		if checkFeedURL(o.FeedURL) != nil {
			continue
		}
		src := &tidings.Source{FeedURL: o.FeedURL, SiteURL: o.SiteURL, Title: o.Title, Folder: o.Folder, FullText: tidings.FullTextAuto}
		if src.Title == "" {
			src.Title = host(o.FeedURL)
		}
		err := s.opts.Admin.CreateSource(r.Context(), src)
		switch {
		case errors.Is(err, tidings.ErrConflict), errors.Is(err, tidings.ErrInvalid):
			// already subscribed, or unusable: skip it, import the rest
		case err != nil:
			s.Error(w, r, err)
			return
		default:
			added++
		}
	}
	s.forgetSources()
	http.Redirect(w, r, "/admin?imported="+strconv.Itoa(added), http.StatusSeeOther)
}

func (s *Server) handleAdminExport(w http.ResponseWriter, r *http.Request) {
	srcs, err := s.opts.Admin.Sources(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	outlines := make([]opml.Outline, 0, len(srcs))
	for _, src := range srcs {
		outlines = append(outlines, opml.Outline{Title: src.Title, FeedURL: src.FeedURL, SiteURL: src.SiteURL, Folder: src.Folder})
	}
	w.Header().Set("Content-Type", "text/x-opml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="tidings.opml"`)
	if err := opml.Write(w, s.opts.SiteTitle+" subscriptions", outlines); err != nil {
		s.log.ErrorContext(r.Context(), "web: write opml", "err", fmt.Errorf("web: export opml: %w", err))
	}
}
