package sanitize

import (
	"net/url"
	"strings"
	"testing"
)

// BenchmarkClean3KB measures sanitizing plus text rendering of a typical
// 3 KB article body.
func BenchmarkClean3KB(b *testing.B) {
	para := `<p>The central bank&#8217;s board voted 7&ndash;2 to raise the <a href="/topics/rates?utm_source=rss">policy rate</a> by half a point, citing &ldquo;persistent&rdquo; inflation. Analysts at <strong>Example Capital</strong> said the move was expected.</p>`
	body := `<figure><img src="/img/1.jpg" alt="photo" width="800"><figcaption>Photo</figcaption></figure>` +
		strings.Repeat(para, 3000/len(para)+1) + `<img src="https://t.example/p.gif" width="1" height="1">`
	s := New(Options{})
	base, _ := url.Parse("https://news.example.com/2024/06/rates.html")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		s.Clean(body, base)
	}
}
