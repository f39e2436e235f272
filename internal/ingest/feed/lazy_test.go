package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// itemOpts compare items with their unexported state: an item of Parse has
// none left.
var itemOpts = cmp.AllowUnexported(Item{})

// lazyMatches fails t unless ParseLazy, then Clean of every item, gives what
// Parse gives, and ParseLazy left the body of every item it could
// uncleaned.
func lazyMatches(t testing.TB, p *Parser, name string, data []byte, feedURL string) {
	t.Helper()
	want, werr := p.Parse(data, feedURL)
	got, gerr := p.ParseLazy(data, feedURL)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%s: Parse error %v, ParseLazy error %v", name, werr, gerr)
	}
	if werr != nil {
		return
	}
	for i := range got.Items {
		it := &got.Items[i]
		if it.raw == nil {
			continue // cleaned at once: known by a hash of its text
		}
		if it.HTML != "" || it.Text != "" || it.Teaser {
			t.Errorf("%s: item %d before Clean: got HTML %q, text %q, teaser %v, want none", name, i, it.HTML, it.Text, it.Teaser)
		}
		p.Clean(it)
		p.Clean(it) // a second Clean changes nothing
	}
	if diff := cmp.Diff(want, got, itemOpts); diff != "" {
		t.Errorf("%s: ParseLazy and Clean differ from Parse (-Parse +lazy):\n%s", name, diff)
	}
}

func TestParseLazyIsParse(t *testing.T) {
	p := New(nil)
	lazyMatches(t, p, "rss", []byte(rssDoc), "https://example.com/feed.xml")
	lazyMatches(t, p, "bench", benchFeed(5, 2000), "https://news.example.com/feed.xml")
	for _, corpus := range []string{"gofeed", "feedparser"} {
		t.Run(corpus, func(t *testing.T) {
			dir, entries := readIndex(t, corpus)
			for _, e := range entries {
				data, err := os.ReadFile(filepath.Join(dir, e.Path))
				if err != nil {
					t.Fatal(err)
				}
				lazyMatches(t, p, e.Path, data, "http://example.com/"+e.Path)
			}
		})
	}
}

// TestRawHash: the raw hash changes with everything cleaning reads, and
// with nothing else.
func TestRawHash(t *testing.T) {
	const doc = `<rss version="2.0"><channel><title>T</title><item>
<guid>g1</guid><title>Title</title><link>https://example.com/a</link><author>Ann</author>
<pubDate>Tue, 10 Jun 2024 08:30:00 +0000</pubDate><description>&lt;p&gt;Body &lt;img src="i.png"&gt;&lt;/p&gt;</description>
</item></channel></rss>`
	const feedURL = "https://example.com/feed.xml"
	hash := func(t *testing.T, p *Parser, doc, feedURL string) string {
		t.Helper()
		f, err := p.ParseLazy([]byte(doc), feedURL)
		if err != nil || len(f.Items) != 1 {
			t.Fatalf("got %v, %v, want one item", f, err)
		}
		if f.Items[0].RawHash == "" {
			t.Fatal("got no RawHash")
		}
		return f.Items[0].RawHash
	}
	p := New(nil)
	orig := hash(t, p, doc, feedURL)
	tests := []struct {
		name       string
		edit       []string // old, new pairs for strings.NewReplacer
		parser     *Parser
		wantChange bool
	}{
		{"same item", nil, p, false},
		{"other parser, same policy", nil, New(sanitize.New(sanitize.Options{})), false},
		{"date", []string{"08:30:00", "09:45:00"}, p, false},
		{"author", []string{"<author>Ann</author>", "<author>Bob</author>"}, p, false},
		{"body", []string{"Body ", "Body, corrected, "}, p, true},
		{"markup only", []string{`img src="i.png"`, `img src="j.png"`}, p, true},
		{"title", []string{"<title>Title</title>", "<title>Title 2</title>"}, p, true},
		{"link", []string{"https://example.com/a", "https://example.com/b"}, p, true},
		{"description becomes content", []string{
			"<description>", `<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">`,
			"</description>", "</content:encoded>"}, p, true},
		{"policy", nil, New(sanitize.New(sanitize.Options{VideoEmbeds: true})), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := strings.NewReplacer(tt.edit...).Replace(doc)
			if got := hash(t, tt.parser, d, feedURL); (got != orig) != tt.wantChange {
				t.Errorf("got hash %s (was %s), want changed: %v", got, orig, tt.wantChange)
			}
		})
	}
	// Without a link, relative URLs resolve against the feed: it counts.
	noLink := strings.Replace(doc, "<link>https://example.com/a</link>", "", 1)
	if hash(t, p, noLink, feedURL) == hash(t, p, noLink, "https://mirror.example.org/feed.xml") {
		t.Error("item without link: got the same hash under another feed URL, want another")
	}
}
