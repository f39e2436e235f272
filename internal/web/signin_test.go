package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"github.com/tidings/tidings/internal/web"
)

func TestSignIn(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		f.user(t, "ann", tidings.RoleMember)
		// A wrong password and an unknown name get the same answer.
		var answers []string
		for _, form := range []url.Values{
			{"name": {"ann"}, "password": {"wrong password"}},
			{"name": {"nobody"}, "password": {"wrong password"}},
			{"name": {"<bad name>"}, "password": {"x"}},
		} {
			c := f.client()
			c.get(t, "/signin")
			res, body := c.do(t, "POST", "/signin", withCSRF(form, c.csrf))
			if res.StatusCode != http.StatusUnauthorized || c.cookies["tidings_session"] != nil {
				t.Errorf("%v: got %d, want 401 without a session", form, res.StatusCode)
			}
			answers = append(answers, between(body, `role="alert">`, "<"))
		}
		if answers[0] != answers[1] || answers[1] != answers[2] || answers[0] == "" {
			t.Errorf("answers differ (user enumeration): %q", answers)
		}

		// The session cookie: HttpOnly, SameSite=Lax, whole site, rotated.
		c := f.client()
		c.get(t, "/signin?next=/saved")
		planted := &http.Cookie{Name: "tidings_session", Value: "planted-by-an-attacker"}
		c.cookies["tidings_session"] = planted
		res := c.post(t, "/signin", url.Values{"name": {"ANN"}, "password": {password("ann")}, "next": {"/saved"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/saved" {
			t.Fatalf("sign in: got %d to %q, want 303 to /saved", res.StatusCode, res.Header.Get("Location"))
		}
		ck := c.cookies["tidings_session"]
		if ck == nil || ck.Value == planted.Value || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure || ck.MaxAge <= 0 {
			t.Errorf("session cookie: got %+v", ck)
		}
		first := ck.Value
		// Signing in again rotates the token and ends the old session.
		c.get(t, "/signin") // signed in: redirected, no form
		c2 := f.client()
		c2.cookies["tidings_session"] = ck
		c2.get(t, "/")
		res = c2.post(t, "/signin", url.Values{"name": {"ann"}, "password": {password("ann")}})
		if res.StatusCode != http.StatusSeeOther || c2.cookies["tidings_session"].Value == first {
			t.Errorf("second sign-in: got %d, token rotated %v", res.StatusCode, c2.cookies["tidings_session"].Value != first)
		}
		if _, _, err := f.accounts().Session(context.Background(), auth.TokenDigest(first), now); err == nil {
			t.Error("the session before the second sign-in still lives")
		}

		// Open redirects are refused.
		for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"} {
			c := f.client()
			c.get(t, "/signin")
			res := c.post(t, "/signin", url.Values{"name": {"ann"}, "password": {password("ann")}, "next": {next}})
			if loc := res.Header.Get("Location"); loc != "/" {
				t.Errorf("next=%q: got Location %q, want /", next, loc)
			}
		}
		// Secure behind an HTTPS proxy.
		c3 := f.client()
		c3.header.Set("X-Forwarded-Proto", "https")
		c3.get(t, "/signin")
		c3.post(t, "/signin", url.Values{"name": {"ann"}, "password": {password("ann")}})
		if ck := c3.cookies["tidings_session"]; ck == nil || !ck.Secure {
			t.Errorf("behind https: got cookie %+v, want Secure", ck)
		}
	})
}

// TestSignInRateLimit slows a guesser down after five failures, for the
// name whatever the address and for the address whatever the name.
func TestSignInRateLimit(t *testing.T) {
	f := newFixture(t, web.Options{})
	f.user(t, "ann", tidings.RoleMember)
	c := f.client()
	c.get(t, "/signin")
	for i := range 5 {
		if res := c.post(t, "/signin", url.Values{"name": {"ann"}, "password": {fmt.Sprint("guess", i)}}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("guess %d: got %d, want 401", i, res.StatusCode)
		}
	}
	res := c.post(t, "/signin", url.Values{"name": {"ann"}, "password": {password("ann")}})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Errorf("after 5 failures, even the right password: got %d (Retry-After %q), want 429", res.StatusCode, res.Header.Get("Retry-After"))
	}
	// The same name from another address is limited too.
	other := f.client()
	other.get(t, "/signin")
	res, _ = other.do(t, "POST", "/signin", withCSRF(url.Values{"name": {"Ann"}, "password": {password("ann")}}, other.csrf))
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("same name, same limiter key: got %d, want 429", res.StatusCode)
	}
}

// TestSecondSignInRace: the same user signing in from two requests at once
// gets two working sessions and nothing inconsistent.
func TestSecondSignInRace(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		f.user(t, "ann", tidings.RoleMember)
		const n = 4
		clients := make([]*client, n)
		for i := range clients {
			clients[i] = f.client()
			clients[i].get(t, "/signin")
		}
		var wg sync.WaitGroup
		codes := make([]int, n)
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, _ := c.do(t, "POST", "/signin", withCSRF(url.Values{"name": {"ann"}, "password": {password("ann")}}, c.csrf))
				codes[i] = res.StatusCode
			}()
		}
		wg.Wait()
		tokens := map[string]bool{}
		for i, c := range clients {
			ck := c.cookies["tidings_session"]
			if codes[i] != http.StatusSeeOther || ck == nil {
				t.Fatalf("sign-in %d: got %d", i, codes[i])
			}
			tokens[ck.Value] = true
			if st, doc := c.get(t, "/account"); st != http.StatusOK || !strings.Contains(doc.Find(".lede").Text(), "ann") {
				t.Errorf("session %d: account page got %d", i, st)
			}
		}
		if len(tokens) != n {
			t.Errorf("got %d distinct tokens, want %d", len(tokens), n)
		}
	})
}

// TestSetup: the first-run page asks for the setup token from the server's
// log, and makes one administrator, once, even when submitted several
// times at once.
func TestSetup(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		c := f.client()
		if st, doc := c.get(t, "/"); st != 200 || doc.Find(`a[href="/setup"]`).Length() != 1 {
			t.Errorf("front page of a new site: got %d, want a Set up link", st)
		}
		// Without the token from the server's log, no form and no admin.
		if st, doc := c.get(t, "/setup"); st != http.StatusForbidden || doc.Find(`form[action="/setup"]`).Length() != 0 {
			t.Errorf("GET /setup without token: got %d, want 403 without the form", st)
		}
		for _, tok := range []string{"", "wrong"} {
			form := url.Values{"name": {"intruder"}, "password": {"long enough"}, "repeat": {"long enough"}, "token": {tok}}
			if res := c.post(t, "/setup", form); res.StatusCode != http.StatusForbidden {
				t.Errorf("POST /setup with token %q: got %d, want 403", tok, res.StatusCode)
			}
		}
		if users, _ := f.accounts().Users(context.Background()); len(users) != 0 {
			t.Fatalf("setup without the token made users %v", users)
		}
		token := f.srv.SetupToken(context.Background())
		if st, doc := c.get(t, "/setup?token="+token); st != http.StatusOK || doc.Find(`input[name="token"]`).AttrOr("value", "") != token {
			t.Fatalf("GET /setup with the token: got %d, want the form carrying the token", st)
		}
		bad := []url.Values{
			{"name": {""}, "password": {"long enough"}, "repeat": {"long enough"}, "token": {token}},
			{"name": {"root"}, "password": {"short"}, "repeat": {"short"}, "token": {token}},
			{"name": {"root"}, "password": {"long enough"}, "repeat": {"different!"}, "token": {token}},
		}
		for _, form := range bad {
			if res := c.post(t, "/setup", form); res.StatusCode != http.StatusBadRequest {
				t.Errorf("%v: got %d, want 400", form, res.StatusCode)
			}
		}
		const n = 5
		var wg sync.WaitGroup
		codes := make([]int, n)
		setups := make([]*client, n)
		for i := range setups { // every form is loaded before any is sent
			setups[i] = f.client()
			setups[i].get(t, "/setup?token="+token)
		}
		for i, cl := range setups {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, _ := cl.do(t, "POST", "/setup", withCSRF(url.Values{"name": {fmt.Sprint("root", i)}, "password": {"long enough"}, "repeat": {"long enough"}, "token": {token}}, cl.csrf))
				codes[i] = res.StatusCode
			}()
		}
		wg.Wait()
		ok := 0
		for _, code := range codes {
			switch code {
			case http.StatusSeeOther:
				ok++
			case http.StatusNotFound:
			default:
				t.Errorf("setup: got %d, want 303 or 404", code)
			}
		}
		users, _ := f.accounts().Users(context.Background())
		if ok != 1 || len(users) != 1 || users[0].Role != tidings.RoleAdmin {
			t.Errorf("got %d successes and users %v, want one admin", ok, users)
		}
		if st, _ := f.client().get(t, "/setup?token="+token); st != http.StatusNotFound {
			t.Errorf("GET /setup after setup: got %d, want 404", st)
		}
		if tok := f.srv.SetupToken(context.Background()); tok != "" {
			t.Errorf("setup token after setup: got %q, want none", tok)
		}
	})
}

func TestPasswordChange(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		f.user(t, "ann", tidings.RoleMember)
		c, other := f.signIn(t, "ann"), f.signIn(t, "ann")
		tests := []struct {
			name   string
			form   url.Values
			status int
		}{
			{"wrong current", url.Values{"current": {"nope"}, "password": {"new password"}, "repeat": {"new password"}}, http.StatusUnauthorized},
			{"short", url.Values{"current": {password("ann")}, "password": {"short"}, "repeat": {"short"}}, http.StatusBadRequest},
			{"differ", url.Values{"current": {password("ann")}, "password": {"new password"}, "repeat": {"new passw0rd"}}, http.StatusBadRequest},
			{"changed", url.Values{"current": {password("ann")}, "password": {"new password"}, "repeat": {"new password"}}, http.StatusSeeOther},
		}
		for _, tt := range tests {
			if res := c.post(t, "/account/password", tt.form); res.StatusCode != tt.status {
				t.Errorf("%s: got %d, want %d", tt.name, res.StatusCode, tt.status)
			}
		}
		// This browser stays signed in with a new session; the other is out.
		if st, _ := c.get(t, "/account"); st != http.StatusOK {
			t.Errorf("this browser after the change: got %d, want 200", st)
		}
		if res, _ := other.do(t, "GET", "/account", nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("other browser after the change: got %d, want 303 to sign in", res.StatusCode)
		}
		fresh := f.client()
		fresh.get(t, "/signin")
		if res := fresh.post(t, "/signin", url.Values{"name": {"ann"}, "password": {"new password"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign in with the new password: got %d", res.StatusCode)
		}
	})
}

// TestAnonymousRead: with the setting off, visitors are sent to sign in
// and members read as before.
func TestAnonymousRead(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		_, root := f.admin(t, "root")
		_, ann := f.member(t, "ann")
		if res := root.post(t, "/admin/settings", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("settings: got %d", res.StatusCode)
		}
		anon := f.client()
		for _, path := range []string{"/", "/search?q=strike", "/feed.rss", fmt.Sprintf("/story/%d", f.storyOf(t, dockTitle))} {
			res, _ := anon.do(t, "GET", path, nil)
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/signin?next=") {
				t.Errorf("visitor GET %s: got %d to %q, want 303 to sign in", path, res.StatusCode, res.Header.Get("Location"))
			}
		}
		for _, path := range []string{"/signin", "/static/style.css"} {
			if res, _ := anon.do(t, "GET", path, nil); res.StatusCode != http.StatusOK {
				t.Errorf("visitor GET %s: got %d, want 200", path, res.StatusCode)
			}
		}
		if st, _ := ann.get(t, "/"); st != http.StatusOK {
			t.Errorf("member GET /: got %d, want 200", st)
		}
		if res := root.post(t, "/admin/settings", url.Values{"anonymous_read": {"on"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("settings: got %d", res.StatusCode)
		}
		if res, _ := anon.do(t, "GET", "/", nil); res.StatusCode != http.StatusOK {
			t.Errorf("visitor after reopening: got %d, want 200", res.StatusCode)
		}
	})
}

// TestReadingState: read marks, saved articles, follows and For you.
func TestReadingState(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		a := f.articleBy(t, dockTitle)
		page := fmt.Sprintf("/article/%d", a.ID)
		_, ann := f.member(t, "ann")
		for _, do := range []string{"read", "save"} {
			if res := ann.post(t, page+"/state", url.Values{"do": {do}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s: got %d", do, res.StatusCode)
			}
		}
		if res := ann.post(t, page+"/state", url.Values{"do": {"explode"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("unknown action: got %d, want 400", res.StatusCode)
		}
		if res := ann.post(t, "/article/999999/state", url.Values{"do": {"save"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("unknown article: got %d, want 404", res.StatusCode)
		}
		_, doc := ann.get(t, page)
		if got := texts(doc, ".state button"); len(got) != 2 || got[0] != "Mark unread" || !strings.HasPrefix(got[1], "Saved") {
			t.Errorf("state buttons: got %q", got)
		}
		_, doc = ann.get(t, "/saved")
		if got := texts(doc, ".rel h3"); len(got) != 1 || got[0] != dockTitle {
			t.Errorf("saved page: got %q", got)
		}
		_, doc = ann.get(t, "/foryou")
		if doc.Find(".card").Length() != 0 || !strings.Contains(doc.Find(".lede").Text(), "Follow hashtags") {
			t.Errorf("For you without follows: got %d cards", doc.Find(".card").Length())
		}
		tag := a.Hashtags[0]
		if res := ann.post(t, "/follow", url.Values{"tag": {tag}, "on": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("follow: got %d", res.StatusCode)
		}
		_, doc = ann.get(t, "/tag/"+tag)
		if got := texts(doc, ".follow button"); len(got) != 1 || !strings.HasPrefix(got[0], "Following") {
			t.Errorf("tag page button: got %q", got)
		}
		_, doc = ann.get(t, "/foryou")
		cards := texts(doc, ".card h2")
		if !contains(cards, "Dockworkers") {
			t.Errorf("For you: got %q, want the dock strike", cards)
		}
		if doc.Find(".card.read").Length() != 1 {
			t.Errorf("For you: got %d read cards, want 1", doc.Find(".card.read").Length())
		}
		for _, form := range []url.Values{{}, {"tag": {"x"}, "source": {"1"}}, {"source": {"abc"}}, {"source": {"999999"}}} {
			if res := ann.post(t, "/follow", form); res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusNotFound {
				t.Errorf("follow %v: got %d, want 400 or 404", form, res.StatusCode)
			}
		}
		// Another member's state is their own.
		_, bob := f.member(t, "bob")
		_, doc = bob.get(t, "/saved")
		if doc.Find(".rel").Length() != 0 {
			t.Error("bob sees ann's saved articles")
		}
	})
}

// TestAccountHeaders: the new pages keep the security headers, and pages
// of a signed-in user are not cached by shared caches.
func TestAccountHeaders(t *testing.T) {
	f := newFixture(t, web.Options{})
	_, ann := f.member(t, "ann")
	for _, path := range []string{"/signin", "/account", "/foryou", "/saved"} {
		res, _ := ann.do(t, "GET", path, nil)
		h := res.Header
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Referrer-Policy") == "" || !strings.Contains(h.Get("Cache-Control"), "no-store") {
			t.Errorf("GET %s: headers %v", path, h)
		}
	}
}

func withCSRF(form url.Values, token string) url.Values {
	out := cloneForm(form)
	out.Set("csrf", token)
	return out
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	out, _, _ := strings.Cut(rest, to)
	return out
}

// TestTwoProcesses: two servers on one database (two processes behind a
// load balancer) accept each other's sessions and form tokens.
func TestTwoProcesses(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		a := f.articleBy(t, dockTitle)
		_, ann := f.member(t, "ann")
		second := &fixture{st: f.st, srv: web.New(f.st, web.Options{Now: func() time.Time { return now }, Hasher: cheapHasher})}
		other := second.client()
		other.cookies, other.csrf = ann.cookies, ann.csrf
		res, body := other.do(t, "POST", fmt.Sprintf("/article/%d/comments", a.ID), url.Values{"body": {"via the other process"}, "csrf": {ann.csrf}})
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("other process: got %d, want 303: %s", res.StatusCode, between(body, "<main", "</main>"))
		}
	})
}

// TestAddUser: an administrator makes accounts on the web.
func TestAddUser(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		_, root := f.admin(t, "root")
		tests := []struct {
			name   string
			form   url.Values
			status int
		}{
			{"member", url.Values{"name": {"ann"}, "password": {password("ann")}}, http.StatusSeeOther},
			{"admin", url.Values{"name": {"boss"}, "password": {password("boss")}, "role": {"admin"}}, http.StatusSeeOther},
			{"taken", url.Values{"name": {"ANN"}, "password": {"long enough"}}, http.StatusConflict},
			{"bad name", url.Values{"name": {"a b"}, "password": {"long enough"}}, http.StatusBadRequest},
			{"short password", url.Values{"name": {"cy"}, "password": {"short"}}, http.StatusBadRequest},
		}
		for _, tt := range tests {
			if res := root.post(t, "/admin/users", tt.form); res.StatusCode != tt.status {
				t.Errorf("%s: got %d, want %d", tt.name, res.StatusCode, tt.status)
			}
		}
		_, doc := root.get(t, "/admin/users")
		if got := texts(doc, "table.users tbody th"); len(got) != 3 {
			t.Errorf("accounts: got %q, want ann, boss, root", got)
		}
		if u, err := f.accounts().UserByName(context.Background(), "boss"); err != nil || u.Role != tidings.RoleAdmin {
			t.Errorf("boss: got %+v, %v, want an admin", u, err)
		}
		f.signIn(t, "ann")
	})
}
