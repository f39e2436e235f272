package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
)

// sessionCookie holds the session token; the store keeps only its digest.
const sessionCookie = "tidings_session"

// sessionLifetime is how long a sign-in lasts: a month, then the reader
// signs in again.
const sessionLifetime = 30 * 24 * time.Hour

// viewer is the signed-in user of a request and the token of their session
// (the CSRF tokens of their forms derive from it).
type viewer struct {
	user  *tidings.User
	token string
}

type viewerKey struct{}

// viewerOf returns the request's signed-in viewer, nil for an anonymous one.
func viewerOf(r *http.Request) *viewer {
	v, _ := r.Context().Value(viewerKey{}).(*viewer)
	return v
}

// withoutViewer returns r as if it came from an anonymous visitor.
func withoutViewer(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), viewerKey{}, (*viewer)(nil)))
}

// userOf returns the request's signed-in user, nil for an anonymous visitor.
func userOf(r *http.Request) *tidings.User {
	if v := viewerOf(r); v != nil {
		return v.user
	}
	return nil
}

// loadViewer attaches the session's user to the request. A cookie naming
// no live session (expired, signed out elsewhere, password changed) is
// cleared, so the browser stops sending it.
func (s *Server) loadViewer(w http.ResponseWriter, r *http.Request) *http.Request {
	if s.accounts == nil {
		return r
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return r
	}
	_, u, err := s.accounts.Session(r.Context(), auth.TokenDigest(c.Value), s.now())
	if err != nil {
		if !errors.Is(err, tidings.ErrNotFound) {
			s.log.ErrorContext(r.Context(), "web: session", "err", err)
		}
		s.clearSession(w, r)
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), viewerKey{}, &viewer{user: u, token: c.Value}))
}

// secure reports whether cookies must be Secure: the request came over TLS,
// or through a proxy that says it did, or the server was told so.
func (s *Server) secure(r *http.Request) bool {
	return s.opts.SecureCookies || r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// startSession signs user in on this browser with a fresh token (rotated at
// every sign-in, so a token planted before sign-in is worthless), ending
// the session the request came with, if any.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *tidings.User) error {
	if v := viewerOf(r); v != nil {
		if err := s.accounts.DeleteSession(r.Context(), auth.TokenDigest(v.token)); err != nil {
			return err
		}
	}
	token, digest := auth.NewToken()
	now := s.now()
	sess := &tidings.Session{TokenHash: digest, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(sessionLifetime)}
	if err := s.accounts.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", MaxAge: int(sessionLifetime / time.Second),
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode})
	return nil
}

func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode})
}

// Authorization errors, shown to the user.
var (
	errSignIn   = tidings.Errorf(tidings.ErrUnauthorized, "Sign in to do that.")
	errNotAdmin = tidings.Errorf(tidings.ErrUnauthorized, "Only an administrator may do that.")
	errNoAccess = tidings.Errorf(tidings.ErrUnauthorized, "This site is open to its members only. Sign in to read it.")
)

// member wraps a handler that needs a signed-in user.
func (s *Server) member(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if userOf(r) == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.Error(w, r, errSignIn)
			return
		}
		h(w, r)
	}
}

// admin wraps a handler that needs an administrator.
func (s *Server) admin(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if u := userOf(r); u == nil {
			s.Error(w, r, errSignIn)
			return
		} else if !u.IsAdmin() {
			s.Error(w, r, errNotAdmin)
			return
		}
		h(w, r)
	}
}

// openPaths may be reached by anonymous visitors of a members-only site.
func openPath(p string) bool {
	return p == "/signin" || p == "/setup" || strings.HasPrefix(p, "/static/")
}

// mayRead reports whether the request may see the site's pages: always
// for members, and for anonymous visitors unless the instance setting says
// otherwise.
func (s *Server) mayRead(r *http.Request) bool {
	if s.accounts == nil || userOf(r) != nil || openPath(r.URL.Path) {
		return true
	}
	return s.settings.anonymousRead(r.Context(), s)
}

// settingsCache keeps the instance settings a few seconds: they are read on
// every request, changed rarely, and another process may change them.
type settingsCache struct {
	mu      sync.Mutex
	anon    bool
	fetched time.Time
	users   bool // some user exists (never becomes false again)
}

func (c *settingsCache) anonymousRead(ctx context.Context, s *Server) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if now.Sub(c.fetched) < 5*time.Second {
		return c.anon
	}
	v, err := s.accounts.Setting(ctx, tidings.SettingAnonymousRead)
	if err != nil {
		s.log.ErrorContext(ctx, "web: read settings", "err", err)
		return c.anon // the last known value; false at first, failing closed
	}
	c.anon, c.fetched = v != "false", now
	return c.anon
}

func (c *settingsCache) forget() {
	c.mu.Lock()
	c.fetched = time.Time{}
	c.mu.Unlock()
}

// hasUsers reports whether any account exists; the first-run page is
// offered until one does.
func (c *settingsCache) hasUsers(ctx context.Context, s *Server) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.users {
		return true
	}
	n, err := s.accounts.CountUsers(ctx)
	if err != nil {
		s.log.ErrorContext(ctx, "web: count users", "err", err)
		return true // fail closed: no first-run page
	}
	c.users = n > 0
	return c.users
}

// clientIP is the address the sign-in limiter keys on: the peer's. A proxy
// in front makes every client one address, which the limiter then slows
// down as one; that fails safe.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// localPath returns next when it is a path on this site, else "/": a
// sign-in form must not redirect to another site.
func localPath(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}
