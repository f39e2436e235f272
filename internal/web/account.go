package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
)

// accountRoutes registers the pages of accounts, comments, reading state
// and moderation. Every POST passes guard (CSRF) before it gets here; each
// handler is wrapped with the role it needs, so authorization is decided on
// the server for every action.
func (s *Server) accountRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /signin", s.handleSignInForm)
	m.HandleFunc("POST /signin", s.handleSignIn)
	m.HandleFunc("POST /signout", s.handleSignOut)
	m.HandleFunc("GET /setup", s.handleSetupForm)
	m.HandleFunc("POST /setup", s.handleSetup)
	m.HandleFunc("GET /account", s.member(s.handleAccount))
	m.HandleFunc("POST /account/password", s.member(s.handlePassword))

	m.HandleFunc("POST /story/{id}/comments", s.member(s.handleComment))
	m.HandleFunc("POST /article/{id}/comments", s.member(s.handleComment))
	m.HandleFunc("GET /comments/{id}/edit", s.member(s.handleEditForm))
	m.HandleFunc("POST /comments/{id}/edit", s.member(s.handleEdit))
	m.HandleFunc("POST /comments/{id}/delete", s.member(s.handleDelete))
	m.HandleFunc("POST /comments/{id}/hide", s.admin(s.handleHide))
	m.HandleFunc("POST /comments/{id}/show", s.admin(s.handleHide))

	m.HandleFunc("POST /article/{id}/state", s.member(s.handleArticleState))
	m.HandleFunc("POST /follow", s.member(s.handleFollow))
	m.HandleFunc("GET /foryou", s.member(s.handleForYou))
	m.HandleFunc("GET /saved", s.member(s.handleSaved))

	m.HandleFunc("GET /admin/comments", s.admin(s.handleModeration))
	m.HandleFunc("POST /admin/settings", s.admin(s.handleSettings))
	m.HandleFunc("GET /admin/users", s.admin(s.handleUsers))
	m.HandleFunc("POST /admin/users", s.admin(s.handleAddUser))
}

type signInPage struct {
	base
	Form   string // the form's CSRF token (the visitor's cookie-bound one)
	Next   string
	Name   string
	Error  string
	Notice string
}

func (s *Server) handleSignInForm(w http.ResponseWriter, r *http.Request) {
	if userOf(r) != nil {
		http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderSignIn(w, r, http.StatusOK, "", "")
}

func (s *Server) renderSignIn(w http.ResponseWriter, r *http.Request, status int, name, msg string) {
	p := signInPage{Form: s.csrfToken(w, r), Next: localPath(r.FormValue("next")), Name: name, Error: msg}
	if r.URL.Query().Get("done") == "password" {
		p.Notice = "Your password was changed. Sign in with the new one."
	}
	p.base = s.base(r, "Sign in")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "signin", p)
}

// errBadCredentials is the one answer to an unknown name and a wrong
// password alike, so that sign-in does not tell which names exist.
const errBadCredentials = "The name or the password is not right."

func (s *Server) handleSignIn(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	password := r.PostFormValue("password")
	keys := []string{auth.IPKey(clientIP(r)), auth.NameKey(clip(name, tidings.MaxUserNameLen+1))}
	if wait := s.limiter.Wait(keys...); wait > 0 {
		secs := int(wait.Round(time.Second) / time.Second)
		w.Header().Set("Retry-After", fmt.Sprint(max(secs, 1)))
		s.renderSignIn(w, r, http.StatusTooManyRequests, name,
			fmt.Sprintf("Too many failed attempts. Try again in %s.", plural(max(secs, 1), "second")))
		return
	}
	// An unknown (or impossible) name is checked against a dummy hash, so
	// it costs as long as a wrong password.
	var u *tidings.User
	if tidings.ValidateUserName(name) == nil {
		var err error
		u, err = s.accounts.UserByName(r.Context(), name)
		if err != nil && !errors.Is(err, tidings.ErrNotFound) {
			s.Error(w, r, err)
			return
		}
	}
	hash := ""
	if u != nil {
		hash = u.PasswordHash
	}
	if !s.hasher.Check(hash, password) || u == nil {
		s.limiter.Fail(keys...)
		s.renderSignIn(w, r, http.StatusUnauthorized, name, errBadCredentials)
		return
	}
	s.limiter.Succeed(keys...)
	if err := s.startSession(w, r, u); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, localPath(r.PostFormValue("next")), http.StatusSeeOther)
}

func (s *Server) handleSignOut(w http.ResponseWriter, r *http.Request) {
	if v := viewerOf(r); v != nil {
		if err := s.accounts.DeleteSession(r.Context(), auth.TokenDigest(v.token)); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	s.clearSession(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

type setupPage struct {
	base
	Form  string
	Token string // the setup token, carried by the form
	// Locked: the request lacks the setup token, so the page explains
	// where to find it instead of showing the form.
	Locked bool
	Name   string
	Error  string
}

// errSetupDone answers the first-run page once an account exists.
var errSetupDone = tidings.Errorf(tidings.ErrNotFound, "This site is set up already. Sign in instead.")

// SetupToken returns the token the first-run page asks for while no account
// exists ("" once one does, or without accounts): whoever reaches a new
// public instance first cannot make themselves its administrator, only
// whoever reads the server's log. Every process of an instance derives the
// same token from the instance key.
func (s *Server) SetupToken(ctx context.Context) string {
	if s.accounts == nil || s.settings.hasUsers(ctx, s) {
		return ""
	}
	return s.setupToken()
}

func (s *Server) setupToken() string {
	mac := hmac.New(sha256.New, s.csrfKey())
	mac.Write([]byte("tidings setup token"))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// setupAllowed reports whether token is the setup token. Whether an
// account exists is the caller's check (and CreateFirstUser's, atomically).
func (s *Server) setupAllowed(token string) bool {
	return s.accounts != nil && subtle.ConstantTimeCompare([]byte(token), []byte(s.setupToken())) == 1
}

func (s *Server) handleSetupForm(w http.ResponseWriter, r *http.Request) {
	if s.settings.hasUsers(r.Context(), s) {
		s.Error(w, r, errSetupDone)
		return
	}
	token := r.URL.Query().Get("token")
	p := setupPage{Form: s.csrfToken(w, r), Token: token, Locked: !s.setupAllowed(token)}
	p.base = s.base(r, "Set up")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "same-origin") // the token is in the URL: never send it to other sites
	status := http.StatusOK
	if p.Locked {
		status = http.StatusForbidden
	}
	s.render(w, r, status, "setup", p)
}

func (s *Server) handleSetup(w http.ResponseWriter, r *http.Request) {
	if s.settings.hasUsers(r.Context(), s) {
		s.Error(w, r, errSetupDone)
		return
	}
	token := r.PostFormValue("token")
	if !s.setupAllowed(token) {
		p := setupPage{Form: s.csrfToken(w, r), Locked: true}
		p.base = s.base(r, "Set up")
		s.render(w, r, http.StatusForbidden, "setup", p)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	fail := func(status int, msg string) {
		p := setupPage{Form: s.csrfToken(w, r), Token: token, Name: name, Error: msg}
		p.base = s.base(r, "Set up")
		s.render(w, r, status, "setup", p)
	}
	if err := tidings.ValidateUserName(name); err != nil {
		fail(http.StatusBadRequest, tidings.ErrorMessage(err))
		return
	}
	password := r.PostFormValue("password")
	if password != r.PostFormValue("repeat") {
		fail(http.StatusBadRequest, "The two passwords differ.")
		return
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		fail(ErrorStatus(err), tidings.ErrorMessage(err))
		return
	}
	u := &tidings.User{Name: name, Role: tidings.RoleAdmin, PasswordHash: hash}
	if err := s.accounts.CreateFirstUser(r.Context(), u); err != nil {
		if errors.Is(err, tidings.ErrConflict) {
			s.Error(w, r, errSetupDone)
			return
		}
		s.Error(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}

type accountPage struct {
	base
	Error, Notice string
	AnonRead      bool // the instance setting, for admins
}

func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) {
	s.renderAccount(w, r, http.StatusOK, "", notices[r.URL.Query().Get("done")])
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, msg, notice string) {
	p := accountPage{Error: msg, Notice: notice}
	p.base = s.base(r, "Your account")
	if p.User.IsAdmin() {
		s.settings.forget()
		p.AnonRead = s.settings.anonymousRead(r.Context(), s)
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "account", p)
}

// handlePassword changes the user's password after checking the current
// one (rate limited like sign-in, so a borrowed session cannot guess it),
// ends every session of the user, and signs this browser in again.
func (s *Server) handlePassword(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	keys := []string{auth.IPKey(clientIP(r)), auth.NameKey(u.Name)}
	if wait := s.limiter.Wait(keys...); wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(max(int(wait/time.Second), 1)))
		s.renderAccount(w, r, http.StatusTooManyRequests, "Too many failed attempts. Try again later.", "")
		return
	}
	if !s.hasher.Check(u.PasswordHash, r.PostFormValue("current")) {
		s.limiter.Fail(keys...)
		s.renderAccount(w, r, http.StatusUnauthorized, "The current password is not right.", "")
		return
	}
	password := r.PostFormValue("password")
	if password != r.PostFormValue("repeat") {
		s.renderAccount(w, r, http.StatusBadRequest, "The two new passwords differ.", "")
		return
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		s.renderAccount(w, r, ErrorStatus(err), tidings.ErrorMessage(err), "")
		return
	}
	if err := s.accounts.SetPassword(r.Context(), u.ID, hash); err != nil {
		s.Error(w, r, err)
		return
	}
	// SetPassword ended this session too; start a fresh one here.
	u.PasswordHash = hash
	if err := s.startSession(w, withoutViewer(r), u); err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?done=password", http.StatusSeeOther)
}

// plural spells "1 second", "5 seconds".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
