package tidings

import (
	"errors"
	"fmt"
)

// Error kinds. Every error a store or a pipeline stage returns that a caller
// may act on wraps one of these; the web and API layers map them to status
// codes in one place.
var (
	ErrNotFound     = errors.New("not found")
	ErrInvalid      = errors.New("invalid")
	ErrConflict     = errors.New("conflict")
	ErrUnauthorized = errors.New("unauthorized")
)

// Error is an error with a kind and a message that is safe to show users.
type Error struct {
	Kind    error  // one of the Err* kinds above
	Message string // safe to show a user
}

func (e *Error) Error() string { return e.Message }

// Unwrap lets errors.Is match the kind.
func (e *Error) Unwrap() error { return e.Kind }

// Errorf returns an *Error of the given kind with a formatted user-safe message.
func Errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// ErrorMessage returns the user-safe message of err, or a generic one when
// err carries none (internal details go to the log, not to users).
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
