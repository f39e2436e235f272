package web

import (
	"html/template"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

func TestAgo(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"future", -time.Hour, "just now"},
		{"seconds", 30 * time.Second, "just now"},
		{"one minute", time.Minute, "1 minute ago"},
		{"minutes", 59 * time.Minute, "59 minutes ago"},
		{"one hour", time.Hour, "1 hour ago"},
		{"hours", 3*time.Hour + 59*time.Minute, "3 hours ago"},
		{"days", 50 * time.Hour, "2 days ago"},
		{"months", 70 * 24 * time.Hour, "2 months ago"},
		{"years", 800 * 24 * time.Hour, "2 years ago"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ago(now, now.Add(-tt.d)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := ago(now, time.Time{}); got != "never" {
		t.Errorf("zero time: got %q, want never", got)
	}
	if got := until(now, now.Add(40*time.Minute)); got != "in 40 minutes" {
		t.Errorf("until: got %q, want in 40 minutes", got)
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		want     string
	}{
		{"short", "Hello  world", 50, "Hello world"},
		{"word boundary", "The quick brown fox jumps", 16, "The quick brown…"},
		{"no spaces", "Donaudampfschifffahrtsgesellschaft", 10, "Donaudampf…"},
		{"multibyte", "ééééééééééé", 5, "éé…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerpt(tt.in, tt.max); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	text := "Dockworkers in Rotterdam began a strike on Wednesday. The <union> said strikes would go on."
	got := snippet(text, queryTerms(`"strike" OR (union`), 200)
	want := template.HTML(`Dockworkers in Rotterdam began a <mark>strike</mark> on Wednesday. The &lt;<mark>union</mark>&gt; said <mark>strikes</mark> would go on.`)
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	long := strings.Repeat("filler words here ", 40) + "the strike began " + strings.Repeat("more text ", 40)
	got = snippet(long, []string{"strike"}, 120)
	if !strings.HasPrefix(string(got), "…") || !strings.Contains(string(got), "<mark>strike</mark>") || !strings.HasSuffix(string(got), "…") {
		t.Errorf("window: got %s", got)
	}
}

func TestCleanQuery(t *testing.T) {
	q, cut := cleanQuery(strings.Repeat("é", 400))
	if !cut || len(q) > maxQuery || !utf8.ValidString(q) {
		t.Errorf("long query: got %d bytes, cut %v", len(q), cut)
	}
	if q, _ := cleanQuery("a\xffb\x00c"); q != "a b c" {
		t.Errorf("got %q, want %q", q, "a b c")
	}
}

func TestBodyLazyImages(t *testing.T) {
	got := body(&tidings.Article{HTML: `<p><img src="https://x.example/a.jpg" alt="A"></p>`})
	if !strings.Contains(string(got), `<img loading="lazy" decoding="async" src=`) {
		t.Errorf("got %s, want lazy images", got)
	}
	got = body(&tidings.Article{Text: "one <b>\n\ntwo"})
	if got != "<p>one &lt;b&gt;</p><p>two</p>" {
		t.Errorf("plain text body: got %s", got)
	}
}

// FuzzSnippet checks that a snippet is valid UTF-8 HTML whose only tags are
// <mark> and </mark>, whatever the text and query.
func FuzzSnippet(f *testing.F) {
	f.Add("Dockworkers began a strike <script>alert(1)</script>", `strike "script`)
	f.Add("\xff\xfe broken", "\xff")
	f.Add("ÉCOLE école", "école")
	f.Fuzz(func(t *testing.T, text, q string) {
		s := string(snippet(text, queryTerms(q), 120))
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
		rest := strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
		if strings.ContainsAny(rest, "<>") {
			t.Fatalf("markup besides <mark>: %q", s)
		}
	})
}
