package web_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/web"
)

func TestFrontPage(t *testing.T) {
	f := newFixture(t, web.Options{})
	res, _ := f.get(t, "/")
	for h, want := range map[string]string{
		"Content-Security-Policy": "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("header %s: got %q, want %q", h, got, want)
		}
	}
	doc := f.page(t, "/")
	titles := texts(doc, ".card h2")
	if len(titles) != 12 {
		t.Fatalf("got %d cards, want 12 (one per demo event): %q", len(titles), titles)
	}
	if want := "Private lander touches down near the Moon's south pole"; titles[0] != want {
		t.Errorf("first card: got %q, want %q (newest activity first)", titles[0], want)
	}
	seen := map[string]bool{}
	for _, ti := range titles {
		if seen[ti] {
			t.Errorf("story %q shown twice", ti)
		}
		seen[ti] = true
	}
	first := doc.Find(".card").First()
	if got := strings.Join(strings.Fields(first.Find(".meta").Text()), " "); !strings.Contains(got, "5 sources: Meridian Wire, The Harbour Gazette, Northfield Post, Valley Observer and 1 more") {
		t.Errorf("first card meta: got %q, want the source count and names", got)
	}
	tm := first.Find("time")
	if dt, _ := tm.Attr("datetime"); dt != "2026-03-10T11:48:00Z" {
		t.Errorf("time datetime: got %q, want 2026-03-10T11:48:00Z", dt)
	}
	if title, _ := tm.Attr("title"); title == "" {
		t.Errorf("time has no title with the exact time")
	}
	if got := tm.Text(); got != "12 minutes ago" {
		t.Errorf("relative time: got %q, want %q", got, "12 minutes ago")
	}
	if got := texts(doc, ".card:first-child .tags a"); !contains(got, "#Space") {
		t.Errorf("hashtags: got %q, want #Space", got)
	}
	for _, sel := range []string{"header.site", "nav", "main#main", "footer.site", "form[role=search] label[for=q]", `link[rel=alternate][type="application/rss+xml"]`} {
		if doc.Find(sel).Length() == 0 {
			t.Errorf("no %s on the front page", sel)
		}
	}
}

func TestFrontPagination(t *testing.T) {
	f := newFixture(t, web.Options{PageSize: 5})
	seen := map[string]bool{}
	path, pages := "/", 0
	for path != "" {
		doc := f.page(t, path)
		pages++
		for _, ti := range texts(doc, ".card h2") {
			if seen[ti] {
				t.Errorf("page %d repeats %q", pages, ti)
			}
			seen[ti] = true
		}
		path, _ = doc.Find(`a[rel=next]`).Attr("href")
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
	}
	if pages != 3 || len(seen) != 12 {
		t.Errorf("got %d pages with %d stories, want 3 pages with 12", pages, len(seen))
	}
}

func TestFrontFilters(t *testing.T) {
	f := newFixture(t, web.Options{})
	rb := f.articleBy(t, "Hitzerekord in Spanien – Waldbrand bei Ronda")
	tests := []struct {
		name, query string
		want        []string
	}{
		{"hashtag", "tag=Heatwave", []string{"Spain records 46.2C as wildfire forces evacuations near Ronda"}},
		{"hashtag any case with #", "tag=%23heatwave", []string{"Spain records 46.2C as wildfire forces evacuations near Ronda"}},
		{"language", "lang=de", []string{"Spain records 46.2C as wildfire forces evacuations near Ronda", "Geneva talks ease export licences for rare earth magnets"}},
		{"source", "source=" + strconv.FormatInt(rb.SourceID, 10), []string{"Spain records 46.2C as wildfire forces evacuations near Ronda", "Geneva talks ease export licences for rare earth magnets"}},
		{"nothing", "tag=NoSuchTag", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(f.page(t, "/?"+tt.query), ".card h2")
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTagPage(t *testing.T) {
	f := newFixture(t, web.Options{})
	doc := f.page(t, "/tag/"+url.PathEscape("Transport"))
	if got := doc.Find("h1").Text(); got != "#Transport" {
		t.Errorf("h1: got %q, want #Transport", got)
	}
	got := texts(doc, ".card h2")
	if len(got) != 2 {
		t.Errorf("got %q, want the tram and rail stories", got)
	}
	if href, _ := doc.Find(`link[type="application/atom+xml"]`).Attr("href"); href != "/tag/Transport/feed.atom" {
		t.Errorf("feed link: got %q, want /tag/Transport/feed.atom", href)
	}
}

func TestSourcePage(t *testing.T) {
	f := newFixture(t, web.Options{PageSize: 4})
	a := f.articleBy(t, "Private lander touches down near the Moon's south pole")
	doc := f.page(t, "/source/"+strconv.FormatInt(a.SourceID, 10))
	if got := doc.Find("h1").Text(); got != "Meridian Wire" {
		t.Errorf("h1: got %q, want Meridian Wire", got)
	}
	items := texts(doc, ".rel h3")
	if len(items) != 4 || items[0] != a.Title {
		t.Errorf("got %q, want 4 articles, newest first", items)
	}
	next, ok := doc.Find("a[rel=next]").Attr("href")
	if !ok {
		t.Fatal("no Older link")
	}
	more := texts(f.page(t, next), ".rel h3")
	if len(more) == 0 || contains(items, more[0]) {
		t.Errorf("second page: got %q after %q", more, items)
	}
}
