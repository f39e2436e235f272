package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tidings/tidings"
)

// client is one browser: it keeps the cookies the server sets and the CSRF
// token of the last page it read.
type client struct {
	f       *fixture
	mu      sync.Mutex
	cookies map[string]*http.Cookie
	csrf    string
	header  http.Header // extra request headers
}

func (f *fixture) client() *client {
	return &client{f: f, cookies: make(map[string]*http.Cookie), header: make(http.Header)}
}

// do sends one request with the client's cookies and keeps the cookies of
// the answer.
func (c *client) do(t testing.TB, method, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	c.mu.Lock()
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	c.mu.Unlock()
	rec := httptest.NewRecorder()
	c.f.srv.ServeHTTP(rec, req)
	res := rec.Result()
	c.mu.Lock()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck
		}
	}
	c.mu.Unlock()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// get fetches a page, remembers its first CSRF token, and returns its
// status and document.
func (c *client) get(t testing.TB, path string) (int, *goquery.Document) {
	t.Helper()
	res, body := c.do(t, "GET", path, nil)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("GET %s: parse: %v", path, err)
	}
	if tok, ok := doc.Find(`input[name=csrf]`).First().Attr("value"); ok && tok != "" {
		c.csrf = tok
	}
	return res.StatusCode, doc
}

// post sends a form with the client's current CSRF token unless the form
// carries one (or an empty one, to test its absence).
func (c *client) post(t testing.TB, path string, form url.Values) *http.Response {
	t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	res, _ := c.do(t, "POST", path, form)
	return res
}

// password is every test user's password.
func password(name string) string { return "secret-of-" + name }

// user stores an account.
func (f *fixture) user(t testing.TB, name string, role tidings.Role) *tidings.User {
	t.Helper()
	hash, err := cheapHasher.Hash(password(name))
	if err != nil {
		t.Fatal(err)
	}
	u := &tidings.User{Name: name, Role: role, PasswordHash: hash}
	if err := f.st.(tidings.AccountStore).CreateUser(context.Background(), u); err != nil {
		t.Fatalf("CreateUser(%s): %v", name, err)
	}
	return u
}

// signIn signs a new browser in through the sign-in form as an existing
// user, and reads the front page for its session's CSRF token.
func (f *fixture) signIn(t testing.TB, name string) *client {
	t.Helper()
	c := f.client()
	c.get(t, "/signin")
	res := c.post(t, "/signin", url.Values{"name": {name}, "password": {password(name)}})
	if res.StatusCode != http.StatusSeeOther || c.cookies["tidings_session"] == nil {
		t.Fatalf("sign in as %s: got %d, want 303 with a session cookie", name, res.StatusCode)
	}
	if st, _ := c.get(t, "/"); st != http.StatusOK || c.csrf == "" {
		t.Fatalf("front page signed in: got %d, token %q", st, c.csrf)
	}
	return c
}

// member and admin make a user and sign a browser in as them.
func (f *fixture) member(t testing.TB, name string) (*tidings.User, *client) {
	t.Helper()
	return f.user(t, name, tidings.RoleMember), f.signIn(t, name)
}

func (f *fixture) admin(t testing.TB, name string) (*tidings.User, *client) {
	t.Helper()
	return f.user(t, name, tidings.RoleAdmin), f.signIn(t, name)
}

func (f *fixture) accounts() tidings.AccountStore { return f.st.(tidings.AccountStore) }

// comments returns every comment of a story or an article.
func (f *fixture) comments(t testing.TB, storyID, articleID int64) []*tidings.Comment {
	t.Helper()
	cs, err := f.accounts().Comments(context.Background(), storyID, articleID)
	if err != nil {
		t.Fatalf("Comments: %v", err)
	}
	return cs
}
