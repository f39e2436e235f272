package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/tidings/tidings"
)

// Sentinel errors, matched with errors.Is, so the pipeline can tell a feed
// that is too big or misconfigured from a transient network failure.
var (
	// ErrPrivateAddress: the URL (or a redirect) leads to a refused address.
	ErrPrivateAddress = errors.New("private address")
	// ErrTooLarge: the body exceeded MaxBody or MaxDecompressed.
	ErrTooLarge = errors.New("response too large")
	// ErrRedirect: a redirect loop, too many redirects or a bad target.
	ErrRedirect = errors.New("bad redirect")
	// ErrTimeout: the request took longer than Options.Timeout.
	ErrTimeout = errors.New("timeout")
)

// kindError is a message-carrying error that errors.Is matches against one
// of the sentinels above.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

func errorf(kind error, format string, args ...any) error {
	return &kindError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// StatusError is returned for a response that is neither 2xx nor 304. Get
// returns it together with the Response so the caller has the headers it
// needs for backoff (RetryAfter, Date).
type StatusError struct {
	URL        string
	StatusCode int
	// RetryAfter is the server's Retry-After as a delay; zero when absent.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Unwrap classifies gone and missing feeds as tidings.ErrNotFound and
// refused credentials as tidings.ErrUnauthorized; other statuses carry no kind.
func (e *StatusError) Unwrap() error {
	switch e.StatusCode {
	case http.StatusNotFound, http.StatusGone:
		return tidings.ErrNotFound
	case http.StatusUnauthorized, http.StatusForbidden:
		return tidings.ErrUnauthorized
	}
	return nil
}

// Temporary reports whether retrying later may succeed (timeouts, 429, 5xx).
func (e *StatusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusRequestTimeout || e.StatusCode >= 500
}

// size renders a byte count the way limits are configured.
func size(n int64) string {
	const kib, mib = 1 << 10, 1 << 20
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%d KiB", n/kib)
	}
	return fmt.Sprintf("%d bytes", n)
}
