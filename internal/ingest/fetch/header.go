package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxAge returns Cache-Control's max-age, or -1 when absent or unparsable.
// no-store/no-cache say nothing about polling frequency, so they are ignored.
func maxAge(h http.Header) time.Duration {
	for _, v := range h.Values("Cache-Control") {
		for _, d := range strings.Split(v, ",") {
			name, val, ok := strings.Cut(strings.TrimSpace(d), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(name), "max-age") {
				continue
			}
			n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(val), `"`), 10, 64)
			if err != nil || n < 0 {
				return -1
			}
			if n > int64(365*24*time.Hour/time.Second) {
				n = int64(365 * 24 * time.Hour / time.Second)
			}
			return time.Duration(n) * time.Second
		}
	}
	return -1
}

// httpTime parses an HTTP-date header; the zero time when absent or invalid.
func httpTime(h http.Header, name string) time.Time {
	v := h.Get(name)
	if v == "" {
		return time.Time{}
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return time.Time{}
	}
	return t
}

// retryAfter parses Retry-After as delta-seconds or an HTTP-date. A date is
// measured from the server's Date header when present, so clock skew between
// the two machines does not matter, and from now otherwise. Past dates and
// garbage give zero.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(30*24*time.Hour/time.Second) {
			n = int64(30 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if date := httpTime(h, "Date"); !date.IsZero() {
		now = date
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	return 0
}
