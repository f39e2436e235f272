package feed

import (
	"fmt"
	"strings"
	"testing"
)

// benchFeed builds an RSS feed of n items whose bodies are about size bytes
// of typical news HTML: paragraphs, links, an image, entities, a pixel.
func benchFeed(n, size int) []byte {
	para := `<p>The central bank&#8217;s board voted 7&ndash;2 to raise the <a href="/topics/rates?utm_source=rss">policy rate</a> by half a point, citing &ldquo;persistent&rdquo; inflation in services and housing. Analysts at <strong>Example Capital</strong> said the move was expected.</p>`
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://news.example.com/</link>`)
	for i := 0; i < n; i++ {
		var body strings.Builder
		body.WriteString(`<figure><img src="/img/` + fmt.Sprint(i) + `.jpg" alt="photo" width="800"><figcaption>Photo</figcaption></figure>`)
		for body.Len() < size {
			body.WriteString(para)
		}
		body.WriteString(`<img src="https://track.example.com/p.gif?id=` + fmt.Sprint(i) + `" width="1" height="1">`)
		fmt.Fprintf(&b, `<item><title>Central bank raises rates &amp; signals more to come %d</title><link>https://news.example.com/2024/06/%d/rates.html?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">bench-%d</guid><dc:creator>Staff</dc:creator><pubDate>Tue, 11 Jun 2024 08:%02d:00 +0000</pubDate><description><![CDATA[A short teaser for item %d…]]></description><content:encoded><![CDATA[%s]]></content:encoded></item>`,
			i, i, i, i%60, i, body.String())
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// BenchmarkParse50x3KB measures parse+sanitize+text of a 50-item feed with
// 3 KB bodies; the ns/item metric is what the ingestion budget cares about.
func BenchmarkParse50x3KB(b *testing.B) {
	data := benchFeed(50, 3000)
	p := New(nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := p.Parse(data, "https://news.example.com/feed.xml")
		if err != nil || len(f.Items) != 50 {
			b.Fatalf("got %v items, err %v", f, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50), "ns/item")
}

// BenchmarkParseLazy50x3KB is BenchmarkParse50x3KB without cleaning: what a
// refresh pays for an item it finds unchanged by its RawHash.
func BenchmarkParseLazy50x3KB(b *testing.B) {
	data := benchFeed(50, 3000)
	p := New(nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := p.ParseLazy(data, "https://news.example.com/feed.xml")
		if err != nil || len(f.Items) != 50 {
			b.Fatalf("got %v items, err %v", f, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50), "ns/item")
}
