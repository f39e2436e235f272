package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/web"
)

func TestSearch(t *testing.T) {
	f := newFixture(t, web.Options{})
	tests := []struct {
		name, query string
		want        []string // titles, any order
	}{
		{"words", "q=rare+earth+magnets", []string{"Geneva talks ease export licences for rare earth magnets", "Rare-earth deal is a reprieve, not a cure, for magnet buyers"}},
		{"hashtag filter", "q=rates&tag=PortStrike", []string{"Freight rates jump as dock strike hits northern Europe"}},
		{"date filter excludes", "q=Okafor&from=2026-03-10", nil},
		{"date filter includes the last day", "q=Okafor&from=2026-03-08&to=2026-03-09", []string{"Okafor the hero as Riverside win cup final on penalties", "Dented plates and a new cup: Riverside's long road to glory"}},
		{"date filter to excludes later days", "q=Okafor&to=2026-03-08", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(f.page(t, "/search?"+tt.query), ".hits h3")
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("got %q, want %q among them", got, w)
				}
			}
		})
	}
	doc := f.page(t, "/search?q=Okafor")
	if got := texts(doc, ".hits .excerpt mark"); len(got) == 0 || !strings.EqualFold(got[0], "Okafor") {
		t.Errorf("highlight: got %q, want <mark>Okafor</mark>", got)
	}
	if got, _ := doc.Find("#q").Attr("value"); got != "Okafor" {
		t.Errorf("search box: got %q, want the query", got)
	}
}

// TestSearchHostile: any search string gives results or a clear message,
// never a server error.
func TestSearchHostile(t *testing.T) {
	f := newFixture(t, web.Options{})
	tests := []struct{ name, q string }{
		{"quote", `"`},
		{"quotes", `"rare earth`},
		{"operators", `AND OR NOT`},
		{"near", `NEAR(rare earth, 2)`},
		{"parentheses", `((( strike`},
		{"column filter", `title:strike`},
		{"prefix star", `str*`},
		{"caret", `^strike`},
		{"only punctuation", `!!! ??? ---`},
		{"10 KB", strings.Repeat("strike ", 1500)},
		{"invalid UTF-8", "stri\xffke \xfe\xfe"},
		{"nul and controls", "strike\x00\x01"},
		{"html", `<script>alert(1)</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := f.get(t, "/search?q="+url.QueryEscape(tt.q))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("got status %d, want 200; body:\n%s", res.StatusCode, body)
			}
			if strings.Contains(body, "<script>alert") {
				t.Errorf("query echoed unescaped")
			}
			if !strings.Contains(body, "results for") && !strings.Contains(body, "result for") && !strings.Contains(body, `class="notice"`) {
				t.Errorf("neither results nor a message")
			}
		})
	}
}
