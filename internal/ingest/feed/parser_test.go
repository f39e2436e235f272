package feed

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/tidings/tidings"
)

const rssDoc = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example &amp; Co</title>
  <link>https://Example.com/?utm_source=rss</link>
  <language>en-us</language>
  <ttl>30</ttl>
  <item>
    <title>Rates &lt;b&gt;rise&lt;/b&gt;   again &amp;amp; again</title>
    <link>/2024/rates.html?utm_medium=feed&amp;id=7#top</link>
    <guid isPermaLink="false">tag:example.com,2024:1</guid>
    <dc:creator>Ann Writer</dc:creator>
    <pubDate>Tue, 10 Jun 2024 08:30:00 +0200</pubDate>
    <description>Short teaser…</description>
    <content:encoded><![CDATA[<p>The <a href="/bank">bank</a> raised rates.</p><script>alert(1)</script><p>Second <img src="img/chart.png" width="600"> paragraph.</p><img src="https://t.example/p.gif" width="1" height="1">]]></content:encoded>
    <enclosure url="https://cdn.example.com/photo.jpg" type="image/jpeg" length="1"/>
  </item>
  <item>
    <title>No guid</title>
    <link>https://example.com/b?fbclid=x</link>
    <description>Plain &lt;i&gt;summary&lt;/i&gt;.</description>
  </item>
  <item>
    <description>Only a body with no title and no link.</description>
  </item>
</channel>
</rss>`

func TestParseRSS(t *testing.T) {
	f, err := New(nil).Parse([]byte(rssDoc), "https://example.com/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Title, "Example & Co"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := f.SiteURL, "https://example.com/"; got != want {
		t.Errorf("site: got %q, want %q", got, want)
	}
	if f.Language != "en-us" || f.TTL != 30*time.Minute {
		t.Errorf("language, ttl: got %q %v, want en-us 30m", f.Language, f.TTL)
	}
	if len(f.Items) != 3 {
		t.Fatalf("got %d items, want 3", len(f.Items))
	}
	it := f.Items[0]
	want := Item{
		GUID:      "tag:example.com,2024:1",
		URL:       "https://example.com/2024/rates.html?id=7",
		Title:     "Rates rise again & again", // titles are HTML: escaped twice is common
		Author:    "Ann Writer",
		Published: time.Date(2024, 6, 10, 6, 30, 0, 0, time.UTC),
		HTML: `<p>The <a href="https://example.com/bank" rel="noopener noreferrer" target="_blank">bank</a> raised rates.</p>` +
			`<p>Second <img src="https://example.com/2024/img/chart.png" width="600" loading="lazy"> paragraph.</p>`,
		Text:     "The bank raised rates.\nSecond paragraph.",
		ImageURL: "https://cdn.example.com/photo.jpg",
	}
	if diff := cmp.Diff(want, it, itemOpts, cmpopts.IgnoreFields(Item{}, "RawHash")); diff != "" {
		t.Errorf("item 0 (-want +got):\n%s", diff)
	}
	if got := f.Items[1]; got.GUID != "https://example.com/b" || got.Text != "Plain summary." || !got.Teaser {
		t.Errorf("item 1: got GUID %q text %q teaser %v, want link GUID, plain text, teaser", got.GUID, got.Text, got.Teaser)
	}
	if got := f.Items[2]; !strings.HasPrefix(got.GUID, "hash:") || got.Title != "" {
		t.Errorf("item 2: got GUID %q title %q, want a hash GUID", got.GUID, got.Title)
	}
	again, _ := New(nil).Parse([]byte(rssDoc), "https://example.com/feed.xml")
	if again.Items[2].GUID != f.Items[2].GUID {
		t.Errorf("hash GUID not stable: %q vs %q", again.Items[2].GUID, f.Items[2].GUID)
	}
}

func TestParseAtomXMLBase(t *testing.T) {
	doc := `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/sub/">
<title type="html">A &lt;em&gt;blog&lt;/em&gt;</title><link href="/" rel="alternate"/>
<entry><id>urn:1</id><title>Post</title><link href="posts/1"/><updated>2024-01-02T03:04:05Z</updated>
<author><name>Bo</name></author>
<summary>sum</summary>
<content type="html">&lt;p&gt;See &lt;a href="more"&gt;more&lt;/a&gt;&lt;/p&gt;</content></entry></feed>`
	f, err := New(nil).Parse([]byte(doc), "https://other.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	if f.Title != "A blog" || f.SiteURL != "https://blog.example.org/" {
		t.Errorf("feed: got %q %q", f.Title, f.SiteURL)
	}
	if it.URL != "https://blog.example.org/sub/posts/1" || !strings.Contains(it.HTML, `href="https://blog.example.org/sub/more"`) {
		t.Errorf("got URL %q HTML %q, want xml:base resolution", it.URL, it.HTML)
	}
	if want := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC); !it.Published.Equal(want) || !it.Updated.Equal(want) {
		t.Errorf("got published %v updated %v, want both %v (updated fills published)", it.Published, it.Updated, want)
	}
	if it.Text != "See more" || it.Author != "Bo" {
		t.Errorf("got text %q author %q, want content over summary", it.Text, it.Author)
	}
}

func TestParseJSONFeed(t *testing.T) {
	doc := `{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
"items":[{"id":"1","url":"https://j.example/1?gclid=z","title":"One","content_html":"<p>Hi <b>there</b></p>","date_published":"2024-03-04T05:06:07Z","authors":[{"name":"Cy"}],"image":"https://j.example/i.png"},
{"id":"2","content_text":"Just text"}]}`
	f, err := New(nil).Parse([]byte(doc), "https://j.example/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 2 || f.Title != "J" {
		t.Fatalf("got %+v", f)
	}
	it := f.Items[0]
	if it.URL != "https://j.example/1" || it.Text != "Hi there" || it.Author != "Cy" || it.ImageURL != "https://j.example/i.png" ||
		!it.Published.Equal(time.Date(2024, 3, 4, 5, 6, 7, 0, time.UTC)) {
		t.Errorf("got %+v", it)
	}
	if f.Items[1].Text != "Just text" {
		t.Errorf("got text %q, want content_text", f.Items[1].Text)
	}
}

func TestParseCharsets(t *testing.T) {
	body := func(decl string) string {
		return decl + `<rss version="2.0"><channel><title>Café “quoted”</title><item><title>x</title></item></channel></rss>`
	}
	cp1252, _ := charmap.Windows1252.NewEncoder().String(body(`<?xml version="1.0" encoding="UTF-8"?>`))
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(strings.NewReplacer("“", `"`, "”", `"`).Replace(body(`<?xml version="1.0" encoding="ISO-8859-1"?>`)))
	sjisDoc := `<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>日本語のフィード</title><item><title>x</title></item></channel></rss>`
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(sjisDoc)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(body(`<?xml version="1.0" encoding="UTF-16"?>`))
	tests := []struct {
		name, doc, want string
	}{
		{"utf-8", body(`<?xml version="1.0" encoding="utf-8"?>`), "Café “quoted”"},
		{"windows-1252 labelled utf-8", cp1252, "Café “quoted”"},
		{"windows-1252 unlabelled", strings.Replace(cp1252, `<?xml version="1.0" encoding="UTF-8"?>`, "", 1), "Café “quoted”"},
		{"iso-8859-1 declared", latin1, `Café "quoted"`},
		{"utf-8 labelled iso-8859-1", body(`<?xml version="1.0" encoding="ISO-8859-1"?>`), "Café “quoted”"},
		{"shift_jis declared", sjis, "日本語のフィード"},
		{"utf-16 with BOM", utf16, "Café “quoted”"},
		{"utf-8 BOM", "\xef\xbb\xbf" + body(""), "Café “quoted”"},
		{"bogus label", body(`<?xml version="1.0" encoding="x-no-such"?>`), "Café “quoted”"},
		{"C1 controls", strings.NewReplacer("“", "\u0093", "”", "\u0094").Replace(body("")), "Café “quoted”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := New(nil).Parse([]byte(tt.doc), "")
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.want {
				t.Errorf("got %q, want %q", f.Title, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t ", ErrEmpty},
		{"bom only", "\xef\xbb\xbf", ErrEmpty},
		{"html page", "<!DOCTYPE html>\n<html><head><title>Site</title></head><body>hi</body></html>", ErrNotAFeed},
		{"html without doctype", "<html lang=en><body><p>x", ErrNotAFeed},
		{"plain text", "Service unavailable", ErrNotAFeed},
		{"other xml", `<?xml version="1.0"?><note><to>x</to></note>`, ErrNotAFeed},
		{"broken json", `{"error": `, ErrMalformed},
		{"json not a feed", `{"error": "rate limited"}`, ErrNotAFeed},
		{"deep", "<rss>" + strings.Repeat("<x>", 10000), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := New(nil).Parse([]byte(tt.doc), "https://example.com/x")
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v (%+v), want %v", err, f, tt.want)
			}
			if !errors.Is(err, tidings.ErrInvalid) {
				t.Errorf("got %v, want it to wrap tidings.ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), "https://example.com/x") {
				t.Errorf("error %q does not name the feed", err)
			}
		})
	}
}

func TestParseRecoversTruncated(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://e.com/1</link></item><item><title>Two</title><description>cut he`
	f, err := New(nil).Parse([]byte(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 2 || f.Items[1].Title != "Two" {
		t.Errorf("got %+v, want both items", f.Items)
	}
}

func TestParseSkipsLeadingJunk(t *testing.T) {
	doc := "Warning: include(): failed in /var/www/wp.php on line 3\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>"
	f, err := New(nil).Parse([]byte(doc), "")
	if err != nil || f.Title != "T" {
		t.Errorf("got %+v, %v; want the feed after the junk", f, err)
	}
}

func TestParseLimits(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<rss version="2.0"><channel><title>` + strings.Repeat("long ", 1000) + `</title>`)
	for i := 0; i < MaxItems+200; i++ {
		b.WriteString(`<item><title>t</title><guid>g` + itoa(i) + `</guid></item>`)
	}
	b.WriteString(`</channel></rss>`)
	f, err := New(nil).Parse(b.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems || len(f.Title) > maxTitle {
		t.Errorf("got %d items, title %d bytes; want %d, at most %d", len(f.Items), len(f.Title), MaxItems, maxTitle)
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		name, date string
		want       time.Time
	}{
		{"rfc822", "Mon, 02 Jan 2006 15:04:05 GMT", time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"rfc822 two-digit year", "Mon, 02 Jan 06 15:04:05 +0000", time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"iso8601 in pubDate", "2006-01-02T15:04:05Z", time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"named zone", "Mon, 02 Jan 2006 10:04:05 EST", time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"missing", "", time.Time{}},
		{"garbage", "someday soon", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<rss version="2.0"><channel><item><title>x</title><pubDate>` + tt.date + `</pubDate></item></channel></rss>`
			f, err := New(nil).Parse([]byte(doc), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Items[0].Published; !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseTTL(t *testing.T) {
	doc := `<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rss>`
	f, err := New(nil).Parse([]byte(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	if f.TTL != 15*time.Minute {
		t.Errorf("got %v, want 15m", f.TTL)
	}
}

func TestParseConcurrent(t *testing.T) {
	p := New(nil)
	data := benchFeed(5, 500)
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			f, err := p.Parse(data, "https://news.example.com/feed.xml")
			if err == nil && len(f.Items) != 5 {
				err = errors.New("wrong item count")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
