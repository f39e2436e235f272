package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tidings/tidings/internal/web"
)

// adminSession signs an administrator in and fetches /admin; it returns
// the session cookie and the form token.
func adminSession(t *testing.T, f *fixture) (*http.Cookie, string, *goquery.Document) {
	t.Helper()
	_, c := f.admin(t, "root")
	status, doc := c.get(t, "/admin")
	if status != 200 {
		t.Fatalf("GET /admin: got %d, want 200", status)
	}
	token, _ := doc.Find(`input[name=csrf]`).First().Attr("value")
	if c.cookies["tidings_session"] == nil || token == "" {
		t.Fatal("no session cookie or token")
	}
	return c.cookies["tidings_session"], token, doc
}

func post(f *fixture, path string, form url.Values, c *http.Cookie) *http.Response {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c != nil {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Result()
}

func TestAdmin(t *testing.T) {
	f := newFixture(t, web.Options{})
	c, token, doc := adminSession(t, f)
	if n := doc.Find("table.health tbody tr").Length(); n != 8 {
		t.Errorf("health table: got %d rows, want 8", n)
	}
	if got := texts(doc, "table.health tr.failing .err"); len(got) != 1 || !strings.Contains(got[0], "503") {
		t.Errorf("failing sources: got %q, want the Coastline Courier 503", got)
	}

	tests := []struct {
		name   string
		form   url.Values
		cookie *http.Cookie
		status int
	}{
		{"no token", url.Values{"url": {"https://new.example/feed"}}, c, http.StatusForbidden},
		{"no cookie", url.Values{"url": {"https://new.example/feed"}, "csrf": {token}}, nil, http.StatusForbidden},
		{"forged token", url.Values{"url": {"https://new.example/feed"}, "csrf": {"x" + token}}, c, http.StatusForbidden},
		{"not a URL", url.Values{"url": {"javascript:alert(1)"}, "csrf": {token}}, c, http.StatusBadRequest},
		{"added", url.Values{"url": {"https://new.example/feed"}, "title": {"New"}, "csrf": {token}}, c, http.StatusSeeOther},
		{"already there", url.Values{"url": {"https://new.example/feed"}, "csrf": {token}}, c, http.StatusConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(f, "/admin/sources", tt.form, tt.cookie).StatusCode; got != tt.status {
				t.Errorf("got status %d, want %d", got, tt.status)
			}
		})
	}
	src, err := f.st.SourceByURL(context.Background(), "https://new.example/feed")
	if err != nil {
		t.Fatalf("added source: %v", err)
	}
	del := fmt.Sprintf("/admin/sources/%d/delete", src.ID)
	if got := post(f, del, url.Values{}, c).StatusCode; got != http.StatusForbidden {
		t.Errorf("delete without token: got %d, want 403", got)
	}
	if got := post(f, del, url.Values{"csrf": {token}}, c).StatusCode; got != http.StatusSeeOther {
		t.Errorf("delete: got %d, want 303", got)
	}
	if got := post(f, del, url.Values{"csrf": {token}}, c).StatusCode; got != http.StatusNotFound {
		t.Errorf("delete again: got %d, want 404", got)
	}
}

func TestAdminDisabled(t *testing.T) {
	f := newFixture(t, web.Options{})
	srv := web.New(f.st, web.Options{})
	for _, path := range []string{"/admin", "/admin/opml"} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s without Admin: got %d, want 404", path, rec.Code)
		}
	}
	if _, body := f.get(t, "/"); bytes.Contains([]byte(body), []byte(`href="/admin"`)) {
		t.Errorf("admin link shown to a visitor")
	}
	_, c := f.admin(t, "root")
	if _, body := c.do(t, "GET", "/", nil); !bytes.Contains([]byte(body), []byte(`href="/admin"`)) {
		t.Errorf("admin link missing for an administrator")
	}
}

func TestAdminOPML(t *testing.T) {
	f := newFixture(t, web.Options{})
	c, token, _ := adminSession(t, f)

	req := httptest.NewRequest("GET", "/admin/opml", nil)
	req.AddCookie(c)
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	res, body := rec.Result(), rec.Body.String()
	if res.StatusCode != 200 || !strings.Contains(body, `xmlUrl="https://meridianwire.example/feed.xml"`) {
		t.Fatalf("export: got %d:\n%s", res.StatusCode, body)
	}

	upload := func(name, content, csrf string) *http.Response {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("csrf", csrf)
		fw, _ := mw.CreateFormFile("opml", name)
		fw.Write([]byte(content))
		mw.Close()
		req := httptest.NewRequest("POST", "/admin/opml", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.AddCookie(c)
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		return rec.Result()
	}
	doc := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Tech"><outline type="rss" text="One" xmlUrl="https://one.example/feed"/>
<outline type="rss" text="Wire again" xmlUrl="https://meridianwire.example/feed.xml"/></outline></body></opml>`
	tests := []struct {
		name, content, csrf string
		status              int
	}{
		{"forged", doc, "nope", http.StatusForbidden},
		{"not OPML", "this is not xml <", token, http.StatusBadRequest},
		{"imported", doc, token, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := upload("subs.opml", tt.content, tt.csrf)
			if res.StatusCode != tt.status {
				t.Errorf("got status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status == http.StatusSeeOther && res.Header.Get("Location") != "/admin?imported=1" {
				t.Errorf("got Location %q, want /admin?imported=1 (the known source skipped)", res.Header.Get("Location"))
			}
		})
	}
	src, err := f.st.SourceByURL(context.Background(), "https://one.example/feed")
	if err != nil || src.Folder != "Tech" || src.Title != "One" {
		t.Errorf("imported source: got %+v, %v", src, err)
	}
}
