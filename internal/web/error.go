package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/tidings/tidings"
)

// errPageNotFound answers addresses no route matches.
var errPageNotFound = tidings.Errorf(tidings.ErrNotFound, "There is no page at this address.")

// ErrorStatus maps an error's kind to its HTTP status code: the one place the
// web layer does so.
func ErrorStatus(err error) int {
	switch {
	case errors.Is(err, tidings.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, tidings.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, tidings.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, tidings.ErrUnauthorized):
		return http.StatusForbidden
	default:
		return http.StatusInternalServerError
	}
}

// defaultMessages are shown when an error carries no user-safe message.
var defaultMessages = map[int]string{
	http.StatusNotFound:            "There is nothing here: the page may have been removed.",
	http.StatusBadRequest:          "The request could not be understood.",
	http.StatusConflict:            "That conflicts with something that already exists.",
	http.StatusForbidden:           "You may not do that.",
	http.StatusInternalServerError: "Something went wrong on our side. It has been logged.",
}

// Error answers a request that failed with an error page whose status code
// follows the error's kind. Only the user-safe message of a tidings.Error
// reaches the page; anything else goes to the log.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return // the client went away; nobody is left to answer
	}
	status := ErrorStatus(err)
	msg := defaultMessages[status]
	var te *tidings.Error
	if status != http.StatusInternalServerError && errors.As(err, &te) && te.Message != "" {
		msg = te.Message
	}
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		s.log.DebugContext(r.Context(), "web: bad request", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	s.render(w, r, status, "error", errorPage{
		base:    s.base(r, http.StatusText(status)),
		Status:  status,
		Message: msg,
	})
}

type errorPage struct {
	base
	Status  int
	Message string
}

// invalidf returns an ErrInvalid error whose message is shown to the user.
func invalidf(format string, args ...any) error {
	return tidings.Errorf(tidings.ErrInvalid, format, args...)
}

// notFoundf returns an ErrNotFound error whose message is shown to the user.
func notFoundf(format string, args ...any) error {
	return tidings.Errorf(tidings.ErrNotFound, format, args...)
}
