package web_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"
	"github.com/tidings/tidings/internal/web"
)

var update = flag.Bool("update", false, "rewrite testdata goldens")

// TestFeeds checks the outbound feeds against goldens, and that a feed
// reader (gofeed) reads each with the expected items.
func TestFeeds(t *testing.T) {
	f := newFixture(t, web.Options{PageSize: 3})
	tests := []struct {
		path, golden, ctype string
		want                []string
	}{
		{"/feed.rss", "front.rss", "application/rss+xml", []string{"Private lander touches down near the Moon's south pole", "Critical flaw in Zlite compression library puts thousands of apps at risk", "Signal failure disrupts York to Manchester trains for second day"}},
		{"/feed.atom", "front.atom", "application/atom+xml", nil},
		{"/feed.json", "front.json", "application/feed+json", nil},
		{"/tag/Transport/feed.rss", "tag.rss", "application/rss+xml", []string{"Signal failure disrupts York to Manchester trains for second day", "Council approves 410m pound tram line to Headingley"}},
		{"/search/feed.atom?q=Okafor", "search.atom", "application/atom+xml", []string{"Okafor the hero as Riverside win cup final on penalties", "Dented plates and a new cup: Riverside's long road to glory"}},
		{"/search/feed.json?q=zlite&tag=OpenSource", "search.json", "application/feed+json", nil},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			res, body := f.get(t, tt.path)
			if res.StatusCode != 200 {
				t.Fatalf("got status %d, want 200: %s", res.StatusCode, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type: got %q, want %q", ct, tt.ctype)
			}
			golden := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(golden, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if d := cmp.Diff(string(want), body); d != "" {
				t.Errorf("feed differs from %s (-want +got):\n%s", golden, d)
			}
			feed, err := gofeed.NewParser().ParseString(body)
			if err != nil {
				t.Fatalf("gofeed cannot read it: %v", err)
			}
			if len(feed.Items) == 0 {
				t.Fatalf("no items")
			}
			if tt.want != nil {
				var got []string
				for _, it := range feed.Items {
					got = append(got, it.Title)
				}
				if d := cmp.Diff(tt.want, got); d != "" {
					t.Errorf("items (-want +got):\n%s", d)
				}
			}
			for _, it := range feed.Items {
				if !strings.HasPrefix(it.Link, "http://example.com/") || it.PublishedParsed == nil {
					t.Errorf("item %q: link %q, published %v: want an absolute link and a date", it.Title, it.Link, it.PublishedParsed)
				}
			}
		})
	}
}
