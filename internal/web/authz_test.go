package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"github.com/tidings/tidings/internal/web"
)

// bothStores runs fn on a fixture over SQLite and over PostgreSQL (the
// latter skipped without TIDINGS_TEST_POSTGRES).
func bothStores(t *testing.T, opts web.Options, fn func(t *testing.T, f *fixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newFixture(t, opts)) })
	t.Run("postgres", func(t *testing.T) { fn(t, newFixtureOn(t, openPostgres(t), opts)) })
}

const dockTitle = "Dockworkers strike shuts container terminals in Rotterdam and Antwerp"

// TestAuthorization asserts the refusal of every action a user's role or
// session does not allow, and that refused requests change nothing.
func TestAuthorization(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		a := f.articleBy(t, dockTitle)
		page := fmt.Sprintf("/article/%d", a.ID)
		ann, annC := f.member(t, "ann")
		_, bobC := f.member(t, "bob")
		_, rootC := f.admin(t, "root")
		if res := annC.post(t, page+"/comments", url.Values{"body": {"Ann's *first* comment"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("ann comments: got %d, want 303", res.StatusCode)
		}
		mine := f.comments(t, 0, a.ID)[0]
		anon := f.client()
		anon.get(t, "/signin") // a valid anonymous CSRF token

		// A session that expired an hour ago, and one that signed out.
		expiredTok, expiredDigest := auth.NewToken()
		if err := f.accounts().CreateSession(ctx, &tidings.Session{TokenHash: expiredDigest, UserID: ann.ID, ExpiresAt: now.Add(-time.Hour)}); err != nil {
			t.Fatal(err)
		}
		expired := f.client()
		expired.cookies["tidings_session"] = &http.Cookie{Name: "tidings_session", Value: expiredTok}
		expired.csrf = annC.csrf
		gone := f.signIn(t, "bob")
		goneCookie, goneToken := gone.cookies["tidings_session"], gone.csrf
		if res := gone.post(t, "/signout", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign out: got %d", res.StatusCode)
		}
		gone.cookies["tidings_session"], gone.csrf = goneCookie, goneToken

		cid := fmt.Sprint(mine.ID)
		body := url.Values{"body": {"hijacked"}}
		tests := []struct {
			name   string
			c      *client
			method string
			path   string
			form   url.Values
			status int
		}{
			{"anonymous cannot comment", anon, "POST", page + "/comments", body, http.StatusForbidden},
			{"anonymous cannot reply", anon, "POST", page + "/comments", url.Values{"body": {"x"}, "parent": {cid}}, http.StatusForbidden},
			{"anonymous cannot edit", anon, "POST", "/comments/" + cid + "/edit", body, http.StatusForbidden},
			{"anonymous cannot delete", anon, "POST", "/comments/" + cid + "/delete", nil, http.StatusForbidden},
			{"anonymous cannot hide", anon, "POST", "/comments/" + cid + "/hide", nil, http.StatusForbidden},
			{"anonymous cannot save", anon, "POST", page + "/state", url.Values{"do": {"save"}}, http.StatusForbidden},
			{"anonymous cannot follow", anon, "POST", "/follow", url.Values{"tag": {"RareEarths"}}, http.StatusForbidden},
			{"anonymous cannot change a password", anon, "POST", "/account/password", url.Values{"current": {"x"}, "password": {"yyyyyyyy"}, "repeat": {"yyyyyyyy"}}, http.StatusForbidden},
			{"anonymous cannot add sources", anon, "POST", "/admin/sources", url.Values{"url": {"https://evil.example/feed"}}, http.StatusForbidden},
			{"anonymous cannot change settings", anon, "POST", "/admin/settings", nil, http.StatusForbidden},
			{"anonymous cannot see admin", anon, "GET", "/admin", nil, http.StatusForbidden},
			{"anonymous cannot export OPML", anon, "GET", "/admin/opml", nil, http.StatusForbidden},
			{"anonymous is sent to sign in for For you", anon, "GET", "/foryou", nil, http.StatusSeeOther},
			{"anonymous is sent to sign in for Saved", anon, "GET", "/saved", nil, http.StatusSeeOther},
			{"member cannot see admin", bobC, "GET", "/admin", nil, http.StatusForbidden},
			{"member cannot see moderation", bobC, "GET", "/admin/comments", nil, http.StatusForbidden},
			{"member cannot add sources", bobC, "POST", "/admin/sources", url.Values{"url": {"https://evil.example/feed"}}, http.StatusForbidden},
			{"member cannot delete sources", bobC, "POST", "/admin/sources/1/delete", nil, http.StatusForbidden},
			{"member cannot import OPML", bobC, "POST", "/admin/opml", nil, http.StatusForbidden},
			{"member cannot change settings", bobC, "POST", "/admin/settings", nil, http.StatusForbidden},
			{"member cannot list accounts", bobC, "GET", "/admin/users", nil, http.StatusForbidden},
			{"member cannot add accounts", bobC, "POST", "/admin/users", url.Values{"name": {"mallory"}, "password": {"long enough"}, "role": {"admin"}}, http.StatusForbidden},
			{"anonymous cannot add accounts", anon, "POST", "/admin/users", url.Values{"name": {"mallory"}, "password": {"long enough"}, "role": {"admin"}}, http.StatusForbidden},
			{"member cannot hide", bobC, "POST", "/comments/" + cid + "/hide", nil, http.StatusForbidden},
			{"member cannot unhide", bobC, "POST", "/comments/" + cid + "/show", nil, http.StatusForbidden},
			{"member cannot edit another's comment", bobC, "POST", "/comments/" + cid + "/edit", body, http.StatusForbidden},
			{"member cannot open another's edit form", bobC, "GET", "/comments/" + cid + "/edit", nil, http.StatusForbidden},
			{"member cannot delete another's comment", bobC, "POST", "/comments/" + cid + "/delete", nil, http.StatusForbidden},
			{"admin cannot edit another's words", rootC, "POST", "/comments/" + cid + "/edit", body, http.StatusForbidden},
			{"missing CSRF token", annC, "POST", "/comments/" + cid + "/edit", url.Values{"body": {"x"}, "csrf": {""}}, http.StatusForbidden},
			{"forged CSRF token", annC, "POST", "/comments/" + cid + "/edit", url.Values{"body": {"x"}, "csrf": {"forged" + annC.csrf}}, http.StatusForbidden},
			{"another session's CSRF token", annC, "POST", "/comments/" + cid + "/delete", url.Values{"csrf": {bobC.csrf}}, http.StatusForbidden},
			{"anonymous token on a session", annC, "POST", "/comments/" + cid + "/delete", url.Values{"csrf": {anon.csrf}}, http.StatusForbidden},
			{"missing CSRF on sign out", annC, "POST", "/signout", url.Values{"csrf": {""}}, http.StatusForbidden},
			{"missing CSRF on sign in", f.client(), "POST", "/signin", url.Values{"name": {"ann"}, "password": {password("ann")}}, http.StatusForbidden},
			{"expired session", expired, "POST", "/comments/" + cid + "/edit", body, http.StatusForbidden},
			{"expired session comments", expired, "POST", page + "/comments", body, http.StatusForbidden},
			{"signed-out session", gone, "POST", page + "/comments", body, http.StatusForbidden},
			{"signed-out session admin", gone, "GET", "/admin", nil, http.StatusForbidden},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var res *http.Response
				if tt.method == "GET" {
					res, _ = tt.c.do(t, "GET", tt.path, nil)
				} else {
					res = tt.c.post(t, tt.path, cloneForm(tt.form))
				}
				if res.StatusCode != tt.status {
					t.Errorf("%s %s: got %d, want %d", tt.method, tt.path, res.StatusCode, tt.status)
				}
				if tt.status == http.StatusSeeOther && !strings.HasPrefix(res.Header.Get("Location"), "/signin?next=") {
					t.Errorf("got Location %q, want the sign-in page", res.Header.Get("Location"))
				}
			})
		}
		// Nothing the refused requests asked for happened.
		got := f.comments(t, 0, a.ID)
		if len(got) != 1 || got[0].Body != mine.Body || got[0].Hidden || got[0].Deleted || !got[0].EditedAt.IsZero() {
			t.Errorf("after refusals: got comments %+v, want ann's comment untouched", got)
		}
		if _, err := f.st.SourceByURL(ctx, "https://evil.example/feed"); err == nil {
			t.Error("a refused request added a source")
		}
		if _, err := f.accounts().UserByName(ctx, "mallory"); err == nil {
			t.Error("a refused request added an account")
		}
		if v, _ := f.accounts().Setting(ctx, tidings.SettingAnonymousRead); v != "" {
			t.Errorf("a refused request changed a setting to %q", v)
		}
		if saved, _ := f.accounts().SavedArticles(ctx, ann.ID, 10); len(saved) != 0 {
			t.Errorf("a refused request saved %v", saved)
		}
		// The expired session's cookie is cleared by the server.
		if _, ok := expired.cookies["tidings_session"]; ok {
			t.Error("expired session cookie not cleared")
		}

		// What the roles do allow.
		if res, _ := rootC.do(t, "GET", "/admin", nil); res.StatusCode != http.StatusOK {
			t.Errorf("admin GET /admin: got %d, want 200", res.StatusCode)
		}
		if res := rootC.post(t, "/comments/"+cid+"/hide", nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("admin hides: got %d, want 303", res.StatusCode)
		}
		if res := rootC.post(t, "/comments/"+cid+"/delete", nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("admin deletes: got %d, want 303", res.StatusCode)
		}
		if c, _ := f.accounts().Comment(ctx, mine.ID); !c.Hidden || !c.Deleted {
			t.Errorf("after moderation: got %+v, want hidden and deleted", c)
		}
	})
}

// TestEditWindow: authors may edit and delete their comments for the edit
// window only; moderators may delete at any time.
func TestEditWindow(t *testing.T) {
	bothStores(t, web.Options{}, func(t *testing.T, f *fixture) {
		a := f.articleBy(t, dockTitle)
		page := fmt.Sprintf("/article/%d", a.ID)
		_, annC := f.member(t, "ann")
		f.user(t, "root", tidings.RoleAdmin)
		for _, body := range []string{"one", "two"} {
			if res := annC.post(t, page+"/comments", url.Values{"body": {body}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("comment: got %d", res.StatusCode)
			}
		}
		cs := f.comments(t, 0, a.ID)
		// Within the window: edit works.
		if res := annC.post(t, fmt.Sprintf("/comments/%d/edit", cs[0].ID), url.Values{"body": {"one, **edited**"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit in window: got %d, want 303", res.StatusCode)
		}
		// Twenty minutes later, on a server with a later clock.
		later := now.Add(20 * time.Minute)
		lf := &fixture{st: f.st, srv: web.New(f.st, web.Options{Now: func() time.Time { return later }, Hasher: cheapHasher, Admin: f.st})}
		lateAnn := lf.client()
		lateAnn.cookies, lateAnn.csrf = annC.cookies, annC.csrf
		for _, path := range []string{"/comments/%d/edit", "/comments/%d/delete"} {
			if res := lateAnn.post(t, fmt.Sprintf(path, cs[1].ID), url.Values{"body": {"too late"}}); res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s after the window: got %d, want 403", path, res.StatusCode)
			}
		}
		if st, _ := lateAnn.get(t, page); st != http.StatusOK {
			t.Fatalf("page: got %d", st)
		}
		rootC := lf.signIn(t, "root")
		if res := rootC.post(t, fmt.Sprintf("/comments/%d/delete", cs[1].ID), nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("admin delete after the window: got %d, want 303", res.StatusCode)
		}
		got := f.comments(t, 0, a.ID)
		if got[0].Body != "one, **edited**" || !strings.Contains(got[0].HTML, "<strong>edited</strong>") || got[0].EditedAt.IsZero() {
			t.Errorf("edited comment: got %+v", got[0])
		}
		if !got[1].Deleted {
			t.Errorf("second comment: got %+v, want deleted by the admin", got[1])
		}
		if res := annC.post(t, fmt.Sprintf("/comments/%d/edit", cs[1].ID), url.Values{"body": {"back"}}); res.StatusCode != http.StatusConflict {
			t.Errorf("edit a deleted comment: got %d, want 409", res.StatusCode)
		}
	})
}

func cloneForm(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// TestCrossSite refuses a form posted from another site even with a valid
// token (the browser's Origin and Sec-Fetch-Site headers say where it came
// from).
func TestCrossSite(t *testing.T) {
	f := newFixture(t, web.Options{})
	a := f.articleBy(t, dockTitle)
	_, c := f.member(t, "ann")
	for _, h := range []struct{ k, v string }{{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}, {"Origin", "null"}} {
		c.header = http.Header{h.k: {h.v}}
		if res := c.post(t, fmt.Sprintf("/article/%d/comments", a.ID), url.Values{"body": {"x"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %s: got %d, want 403", h.k, h.v, res.StatusCode)
		}
	}
	c.header = http.Header{"Origin": {"http://example.com"}, "Sec-Fetch-Site": {"same-origin"}}
	if res := c.post(t, fmt.Sprintf("/article/%d/comments", a.ID), url.Values{"body": {"x"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("same origin: got %d, want 303", res.StatusCode)
	}
	if n := len(f.comments(t, 0, a.ID)); n != 1 {
		t.Errorf("got %d comments, want 1", n)
	}
}
