package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// csrfCookie holds the random half of the double-submit token of visitors
// who are not signed in (the sign-in and first-run forms). The form half is
// an HMAC of it under the server's key, so a cookie planted by a sibling
// site is useless without the key. A signed-in user's token is instead an
// HMAC of their session token, so it changes with every sign-in and dies
// with the session.
const csrfCookie = "tidings_csrf"

// maxFormBytes bounds what a form may post before its token is checked;
// only the OPML upload is a multipart form, and it may be larger.
const (
	maxFormBytes      = 1 << 20
	maxMultipartBytes = maxOPML + 64<<10
)

// errCSRF is shown when a form's token does not match its cookie.
var errCSRF = tidings.Errorf(tidings.ErrUnauthorized, "This form has expired or came from another site. Reload the page and try again.")

// csrfToken returns the form token of the request, setting the anonymous
// cookie first when the visitor has neither a session nor that cookie.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if v := viewerOf(r); v != nil {
		return s.sign("session:" + v.token)
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) < 16 {
		b := make([]byte, 18)
		rand.Read(b)
		c = &http.Cookie{Name: csrfCookie, Value: base64.RawURLEncoding.EncodeToString(b), Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secure(r)}
		http.SetCookie(w, c)
	}
	return s.sign("anon:" + c.Value)
}

// sessionCSRF is the form token of a signed-in request, "" for others:
// what the layout's sign-out button and other forms carry.
func (s *Server) sessionCSRF(r *http.Request) string {
	if v := viewerOf(r); v != nil {
		return s.sign("session:" + v.token)
	}
	return ""
}

func (s *Server) sign(v string) string {
	m := hmac.New(sha256.New, s.csrfKey())
	m.Write([]byte(v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrfKeySetting names the instance setting holding the CSRF key (hex).
const csrfKeySetting = "csrf_key"

// csrfKey returns the key that signs form tokens, loading (or, on a new
// instance, creating) the instance's key on first use. Two processes
// creating it at once both read back what was stored last; should that
// still differ, forms of one process fail once on the other and work
// after a reload. A store failure falls back to a per-process key.
func (s *Server) csrfKey() []byte {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if len(s.csrf) > 0 {
		return s.csrf
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	key, err := s.loadKey(ctx)
	if err != nil {
		s.log.Error("web: CSRF key from settings; using a per-process key", "err", err)
		key = make([]byte, 32)
		rand.Read(key)
	}
	s.csrf = key
	return key
}

func (s *Server) loadKey(ctx context.Context) ([]byte, error) {
	v, err := s.accounts.Setting(ctx, csrfKeySetting)
	if err != nil {
		return nil, err
	}
	if key, err := hex.DecodeString(v); err == nil && len(key) >= 32 {
		return key, nil
	}
	key := make([]byte, 32)
	rand.Read(key)
	if err := s.accounts.SetSetting(ctx, csrfKeySetting, hex.EncodeToString(key)); err != nil {
		return nil, err
	}
	if v, err = s.accounts.Setting(ctx, csrfKeySetting); err != nil {
		return nil, err
	}
	if key, err = hex.DecodeString(v); err != nil || len(key) < 32 {
		return nil, fmt.Errorf("web: stored CSRF key is malformed")
	}
	return key, nil
}

// checkCSRF reports whether a state-changing request carries the token of
// its session (or, when not signed in, of its cookie) in the form field
// "csrf" or the X-CSRF-Token header.
func (s *Server) checkCSRF(r *http.Request) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.FormValue("csrf")
	}
	if got == "" {
		return false
	}
	var want string
	if v := viewerOf(r); v != nil {
		want = s.sign("session:" + v.token)
	} else if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 16 {
		want = s.sign("anon:" + c.Value)
	} else {
		return false
	}
	return hmac.Equal([]byte(got), []byte(want))
}

// crossSite reports whether the browser says the request comes from
// another site (Sec-Fetch-Site, else an Origin of another host): refused
// before the token is even looked at.
func crossSite(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" {
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" {
		return origin == "null"
	}
	u, err := url.Parse(origin)
	return err != nil || !strings.EqualFold(u.Host, r.Host)
}

// guard checks every request that may change state (any method but GET,
// HEAD and OPTIONS) before it reaches a handler: its body is bounded, it
// must not come from another site, and it must carry a valid CSRF token.
// Handlers need not remember to check; none can forget.
func (s *Server) guard(w http.ResponseWriter, r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	limit := int64(maxFormBytes)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		limit = maxMultipartBytes
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if crossSite(r) || !s.checkCSRF(r) {
		s.Error(w, r, errCSRF)
		return false
	}
	return true
}
