package opml

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func TestParse(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "nested.opml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "Loose feed", FeedURL: "https://loose.example/feed.xml", SiteURL: "https://loose.example/"},
		{Title: "Wire", FeedURL: "https://wire.example/rss", SiteURL: "https://wire.example", Folder: "News"},
		{Title: "Title only, no text, no type", FeedURL: "https://titleonly.example/atom.xml", Folder: "News"},
		{Title: "Coastal Ledger", FeedURL: "https://ledger.example/feeds/news.xml", SiteURL: "https://ledger.example/", Folder: "News/Regional"},
		{Title: "Spaces  trimmed", FeedURL: "https://spaces.example/feed", Folder: "News/Regional"},
		{Title: "", FeedURL: "https://untitled.example/index.xml", Folder: "Tech & Science"},
		{Title: "Old style", FeedURL: "https://oldstyle.example/rss", Folder: "Tech & Science"},
		{Title: "Café \u00a0blog", FeedURL: "https://cafe.example/feed?a=1&b=2"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outlines (-want +got):\n%s", diff)
	}
}

func TestParseCharset(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf\xe9\" xmlUrl=\"https://c.example/\"/></body></opml>"
	got, err := Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Title != "Café" {
		t.Errorf("got %+v, want one outline titled Café", got)
	}
}

func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "opml: no <opml> element found"},
		{"not xml", "this is not xml", "opml: no <opml> element found"},
		{"html page", "<!DOCTYPE html><html><body>hi</body></html>", "opml: root element is <html>, want <opml>"},
		{"rss feed", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, "opml: root element is <rss>, want <opml>"},
		{"truncated", `<opml><body><outline text="a"><outline xmlUrl="https://x.example/"/>`, "opml:"},
		{"too deep", "<opml><body>" + strings.Repeat("<outline text='f'>", 100), "opml: outlines nested deeper than 64 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatalf("got %v and no error, want %q", got, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %q, want %q", err, tt.want)
			}
			if !errors.Is(err, tidings.ErrInvalid) || tidings.ErrorMessage(err) != err.Error() {
				t.Errorf("got %v, want a user-safe ErrInvalid", err)
			}
		})
	}
}

func TestParseNoFeeds(t *testing.T) {
	got, err := Parse(strings.NewReader(`<opml version="2.0"><head/><body/></opml>`))
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v; want no outlines and no error", got, err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	in := []Outline{
		{Title: "Loose", FeedURL: "https://loose.example/feed"},
		{Title: "Wire <AP> & \"co\"", FeedURL: "https://wire.example/rss?x=1&y=2", SiteURL: "https://wire.example/", Folder: "News"},
		{Title: "Ledger", FeedURL: "https://ledger.example/rss", Folder: "News/Regional"},
		{Title: "Go blog", FeedURL: "https://go.dev/blog/feed.atom", Folder: "Tech"},
		{Title: "Second loose", FeedURL: "https://loose2.example/feed"},
		{Title: "", FeedURL: "https://untitled.example/feed", Folder: "News"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "Tidings <export>", in); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(&buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	// Grouped by folder: loose feeds first, then folders in first-seen order.
	want := []Outline{in[0], in[4], in[1], in[5], in[2], in[3]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestWriteGolden(t *testing.T) {
	in := []Outline{
		{Title: "Wire", FeedURL: "https://wire.example/rss", SiteURL: "https://wire.example/", Folder: "News"},
		{Title: "Loose", FeedURL: "https://loose.example/feed"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "Subscriptions", in); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Subscriptions</title>
  </head>
  <body>
    <outline type="rss" text="Loose" title="Loose" xmlUrl="https://loose.example/feed"/>
    <outline text="News" title="News">
      <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
    </outline>
  </body>
</opml>
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, "x", []Outline{{FeedURL: "https://a.example/"}})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v, want the writer's error", err)
	}
}

func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "nested.opml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`<opml><body><outline text="a/ /b"><outline xmlUrl="u"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline text="x&y" xmlUrl="&foo;"/></body></opml>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		got, err := Parse(bytes.NewReader(doc))
		if err != nil {
			return
		}
		// Whatever parses must survive export and import unchanged.
		var buf bytes.Buffer
		if err := Write(&buf, "fuzz", got); err != nil {
			t.Fatal(err)
		}
		again, err := Parse(&buf)
		if err != nil {
			t.Fatalf("re-parse of our own output: %v\n%s", err, buf.String())
		}
		byURL := map[string]Outline{}
		for _, o := range again {
			byURL[o.FeedURL] = o
		}
		for _, o := range got {
			if diff := cmp.Diff(o, byURL[o.FeedURL]); diff != "" {
				t.Errorf("round trip (-parsed +re-parsed):\n%s", diff)
			}
		}
		if len(again) != len(got) {
			t.Errorf("got %d outlines after round trip, want %d", len(again), len(got))
		}
	})
}
