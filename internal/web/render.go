package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// page is one parsed page template: the layout plus the page's own blocks.
type page struct{ t *template.Template }

// parsePages parses every templates/*.html except the layout as a page of
// its own, so that each may define the "content" block. The templates are
// embedded, so a parse error is a programming error caught by any test.
func (s *Server) parsePages() map[string]*page {
	layout := template.Must(template.New("layout.html").Funcs(s.funcs()).ParseFS(templateFS, "templates/layout.html", "templates/partials.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := make(map[string]*page)
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || base == "partials.html" {
			continue
		}
		t := template.Must(template.Must(layout.Clone()).ParseFS(templateFS, n))
		pages[strings.TrimSuffix(base, ".html")] = &page{t: t}
	}
	return pages
}

// base is what the layout needs on every page.
type base struct {
	Title string // page title; the site title is appended
	Site  string
	Admin bool   // show the admin link
	Q     string // the search box's value
	Feeds []feedLink

	Accounts bool          // sign-in exists on this server
	Setup    bool          // no account exists yet: offer the first-run page
	User     *tidings.User // the signed-in user, nil for a visitor
	CSRF     string        // the signed-in user's form token
	Path     string        // the page's own address, to come back to
}

// feedLink is an outbound feed of the page, advertised with <link rel=alternate>.
type feedLink struct {
	Type, Title, URL string
}

func (s *Server) base(r *http.Request, title string) base {
	b := base{Title: title, Site: s.opts.SiteTitle, Accounts: s.accounts != nil, Path: r.URL.RequestURI()}
	if s.accounts == nil {
		return b
	}
	b.User = userOf(r)
	b.Admin = s.opts.Admin != nil && b.User.IsAdmin()
	b.CSRF = s.sessionCSRF(r)
	b.Setup = b.User == nil && !s.settings.hasUsers(r.Context(), s)
	return b
}

// feedLinks lists the three outbound feeds at prefix ("/feed", "/tag/x/feed").
func feedLinks(prefix, title string, q url.Values) []feedLink {
	qs := ""
	if len(q) > 0 {
		qs = "?" + q.Encode()
	}
	return []feedLink{
		{"application/rss+xml", title + " (RSS)", prefix + ".rss" + qs},
		{"application/atom+xml", title + " (Atom)", prefix + ".atom" + qs},
		{"application/feed+json", title + " (JSON Feed)", prefix + ".json" + qs},
	}
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	p, ok := s.pages[name]
	if !ok {
		s.log.ErrorContext(r.Context(), "web: no such template", "template", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := p.t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.log.ErrorContext(r.Context(), "web: render", "template", name, "err", err)
		if name != "error" {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"ago":   func(t time.Time) string { return ago(s.now(), t) },
		"until": func(t time.Time) string { return until(s.now(), t) },
		"iso":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"exact": func(t time.Time) string { return t.UTC().Format("Mon 2 Jan 2006, 15:04 MST") },
		"date":  func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"tagURL": func(tag string) string { return "/tag/" + url.PathEscape(tag) },
		"host":   host,
	}
}

// ago says how long before now t was, as a reader says it.
func ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return "never"
	case d < 0:
		return "just now"
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return unit(int(d/time.Minute), "minute")
	case d < 24*time.Hour:
		return unit(int(d/time.Hour), "hour")
	case d < 30*24*time.Hour:
		return unit(int(d/(24*time.Hour)), "day")
	case d < 365*24*time.Hour:
		return unit(int(d/(30*24*time.Hour)), "month")
	default:
		return unit(int(d/(365*24*time.Hour)), "year")
	}
}

// until says how long after now t is ("in 20 minutes"), or "now" when it
// is past: when a source is fetched next.
func until(now, t time.Time) string {
	d := t.Sub(now)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return "in " + strings.TrimSuffix(unit(int(d/time.Minute), "minute"), " ago")
	case d < 48*time.Hour:
		return "in " + strings.TrimSuffix(unit(int(d/time.Hour), "hour"), " ago")
	default:
		return "in " + strings.TrimSuffix(unit(int(d/(24*time.Hour)), "day"), " ago")
	}
}

func unit(n int, name string) string {
	if n == 1 {
		return "1 " + name + " ago"
	}
	return fmt.Sprintf("%d %ss ago", n, name)
}

// host returns the host name of a URL without "www.", for bylines.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
