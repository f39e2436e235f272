package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// cursor is a keyset position: the (time, ID) of the last item of a page.
// Its text form is "UNIXNANO-ID", opaque to readers.
type cursor struct {
	T  time.Time
	ID int64
}

func (c cursor) String() string {
	if c.T.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-%d", c.T.UnixNano(), c.ID)
}

// parseCursor reads the "before" parameter; "" is the first page.
func parseCursor(r *http.Request) (cursor, error) {
	v := r.URL.Query().Get("before")
	if v == "" {
		return cursor{}, nil
	}
	ts, id, ok := strings.Cut(v, "-")
	n, err1 := strconv.ParseInt(ts, 10, 64)
	i, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil || n <= 0 || i < 0 {
		return cursor{}, invalidf("The page position %q is not valid; start again from the first page.", clip(v, 40))
	}
	return cursor{T: time.Unix(0, n).UTC(), ID: i}, nil
}

// pathID reads a positive numeric ID from the path parameter name.
func pathID(r *http.Request, name, what string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, invalidf("%q is not a valid %s number.", clip(v, 40), what)
	}
	return id, nil
}

// queryID reads an optional positive numeric ID from the query; 0 when absent.
func queryID(r *http.Request, name, what string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, invalidf("%q is not a valid %s number.", clip(v, 40), what)
	}
	return id, nil
}

// queryDate reads an optional YYYY-MM-DD date from the query; zero when absent.
func queryDate(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, invalidf("%q is not a date; use the form 2025-01-31.", clip(v, 40))
	}
	return t, nil
}

// queryLang reads an optional ISO 639-1 language code.
func queryLang(r *http.Request) (string, error) {
	v := r.URL.Query().Get("lang")
	if v == "" {
		return "", nil
	}
	if len(v) != 2 || strings.Trim(strings.ToLower(v), "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", invalidf("%q is not a two-letter language code such as \"en\".", clip(v, 40))
	}
	return strings.ToLower(v), nil
}

// queryTag reads an optional hashtag, with or without its '#'.
func queryTag(r *http.Request, name string) (string, error) {
	return cleanTag(r.URL.Query().Get(name))
}

func cleanTag(v string) (string, error) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "#")
	if v == "" {
		return "", nil
	}
	if !utf8.ValidString(v) || len(v) > 100 {
		return "", invalidf("%q is not a valid hashtag.", clip(v, 40))
	}
	return v, nil
}

// clip shortens untrusted text echoed in a message, keeping it valid UTF-8.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
