package web

import "net/http"

// OPML import and export wait for internal/opml.

func (s *Server) handleAdminImport(w http.ResponseWriter, r *http.Request) {
	s.Error(w, r, notFoundf("OPML import is not available in this build yet."))
}

func (s *Server) handleAdminExport(w http.ResponseWriter, r *http.Request) {
	s.Error(w, r, notFoundf("OPML export is not available in this build yet."))
}
