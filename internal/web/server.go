// Package web serves Tidings' reader pages: the front page of stories, story,
// article, hashtag, source and search pages, the admin pages and the outbound
// RSS, Atom and JSON feeds. Pages are rendered on the server from embedded
// templates and work without JavaScript.
package web

import (
	"crypto/rand"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"github.com/tidings/tidings/internal/markdown"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options are the optional settings of a Server.
type Options struct {
	// Logger receives internal errors; nil discards them.
	Logger *slog.Logger
	// Now is the clock used for relative times ("3 hours ago"); nil: time.Now.
	Now func() time.Time
	// SiteTitle names the site in page titles and feeds; "": "Tidings".
	SiteTitle string
	// Admin, when set, enables the admin pages (sources, OPML, feed
	// health), open to users with the admin role only.
	Admin AdminStore
	// Accounts enables sign-in, comments and reading state; nil: the
	// store's own when it implements tidings.AccountStore. Without
	// accounts nobody can sign in, so the admin pages are unreachable.
	Accounts tidings.AccountStore
	// Hasher hashes passwords; nil: argon2id at its default costs (tests
	// pass cheaper ones).
	Hasher *auth.Hasher
	// SecureCookies marks cookies Secure even on plain HTTP requests: for a
	// TLS proxy that does not send X-Forwarded-Proto.
	SecureCookies bool
	// EditWindow is how long authors may edit or delete their comments;
	// 0: 15 minutes.
	EditWindow time.Duration
	// CSRFKey signs the forms' tokens; nil: the instance's key, kept in
	// the account store's settings so that every process behind a load
	// balancer accepts the others' tokens (a random per-process key when
	// there are no accounts).
	CSRFKey []byte
	// PageSize is how many cards a page lists; 0: 20.
	PageSize int
	// BaseURL is the site's public address ("https://news.example.org"),
	// used for the absolute links of outbound feeds; "": from each request.
	BaseURL string
}

// Server is the reader web UI, an http.Handler.
type Server struct {
	store Store
	opts  Options
	log   *slog.Logger
	now   func() time.Time
	pages map[string]*page
	mux   *http.ServeMux
	csrf  []byte // guarded by keyMu while it is nil
	keyMu sync.Mutex

	srcCache sourceCache

	accounts tidings.AccountStore // nil: no accounts
	hasher   *auth.Hasher
	limiter  *auth.Limiter
	markdown *markdown.Renderer
	settings settingsCache
}

// New returns a Server reading from store.
func New(store Store, opts Options) *Server {
	s := &Server{store: store, opts: opts, log: opts.Logger, now: opts.Now, csrf: opts.CSRFKey}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.opts.SiteTitle == "" {
		s.opts.SiteTitle = "Tidings"
	}
	if s.opts.PageSize <= 0 {
		s.opts.PageSize = 20
	}
	s.accounts = opts.Accounts
	if s.accounts == nil {
		s.accounts, _ = store.(tidings.AccountStore)
	}
	s.hasher = opts.Hasher
	if s.hasher == nil {
		s.hasher = auth.NewHasher(auth.Options{})
	}
	if s.opts.EditWindow <= 0 {
		s.opts.EditWindow = 15 * time.Minute
	}
	if len(s.csrf) == 0 && s.accounts == nil {
		s.csrf = make([]byte, 32)
		rand.Read(s.csrf) // never fails (crypto/rand panics on failure)
	} // with accounts, the key is the instance's, loaded on first use (csrfKey)
	s.limiter = auth.NewLimiter(auth.LimiterOptions{Now: s.now})
	s.markdown = markdown.New()
	s.pages = s.parsePages()
	s.routes()
	return s
}

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	m.Handle("GET /static/", cacheStatic(http.StripPrefix("/static/", http.FileServerFS(static))))
	m.HandleFunc("GET /{$}", s.handleFront)
	m.HandleFunc("GET /story/{id}", s.handleStory)
	m.HandleFunc("GET /article/{id}", s.handleArticle)
	m.HandleFunc("GET /tag/{tag}", s.handleTag)
	m.HandleFunc("GET /source/{id}", s.handleSource)
	m.HandleFunc("GET /search", s.handleSearch)
	for _, format := range []string{"rss", "atom", "json"} {
		m.HandleFunc("GET /feed."+format, withFormat(format, s.handleFrontFeed))
		m.HandleFunc("GET /tag/{tag}/feed."+format, withFormat(format, s.handleTagFeed))
		m.HandleFunc("GET /search/feed."+format, withFormat(format, s.handleSearchFeed))
	}
	if s.opts.Admin != nil && s.accounts != nil {
		m.HandleFunc("GET /admin", s.admin(s.handleAdmin))
		m.HandleFunc("POST /admin/sources", s.admin(s.handleAdminAdd))
		m.HandleFunc("POST /admin/sources/{id}/delete", s.admin(s.handleAdminDelete))
		m.HandleFunc("POST /admin/opml", s.admin(s.handleAdminImport))
		m.HandleFunc("GET /admin/opml", s.admin(s.handleAdminExport))
	}
	if s.accounts != nil {
		s.accountRoutes(m)
	}
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.Error(w, r, errPageNotFound)
	})
	s.mux = m
}

// ServeHTTP sets the security headers every response carries and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Frame-Options", "DENY")
	r = s.loadViewer(w, r)
	if s.accounts != nil && userOf(r) != nil {
		// Pages differ per user: no shared cache may keep them.
		h.Set("Cache-Control", "private, no-store")
	}
	if !s.guard(w, r) {
		return
	}
	if !s.mayRead(r) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		s.Error(w, r, errNoAccess)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// withFormat passes a feed's format to its handler as the path value
// "format" (a mux wildcard cannot share a segment with ".rss").
func withFormat(format string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.SetPathValue("format", format)
		h(w, r)
	}
}

// cacheStatic lets browsers keep the stylesheet and script for an hour; they
// change only with a new binary.
func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}
