package feed

import (
	"errors"
	"github.com/tidings/tidings/internal/shareddata"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input panics, that every error is classified,
// that parsed items keep the sanitizer's invariant and field limits, that
// output stays linear in the input size, and that cleaning lazily
// (ParseLazy, then Clean) gives what Parse gives.
func FuzzParse(f *testing.F) {
	f.Add([]byte(rssDoc))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="javascript:x">x</a></div></content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":"<img src=x onerror=alert(1)>"}]}`))
	f.Add([]byte(`<!DOCTYPE html><html><body>`))
	f.Add([]byte(billionLaughs(3)))
	seedFromCorpus(f)
	p := New(nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := p.Parse(data, "https://example.com/feed/")
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotAFeed) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		checkFeed(t, "fuzz", feed)
		out := len(feed.Title) + len(feed.SiteURL) + len(feed.Language)
		for _, it := range feed.Items {
			out += len(it.GUID) + len(it.URL) + len(it.Title) + len(it.Author) + len(it.HTML) + len(it.Text) + len(it.ImageURL)
		}
		if limit := 16*len(data) + 4096; out > limit {
			t.Fatalf("output %d bytes for %d bytes of input (limit %d)", out, len(data), limit)
		}
		lazyMatches(t, p, "fuzz", data, "https://example.com/feed/")
	})
}

// seedFromCorpus adds a sample of the shared parser corpora when present.
func seedFromCorpus(f *testing.F) {
	for _, corpus := range []string{"gofeed", "feedparser"} {
		dir := filepath.Join(shareddata.Dir(), "feeds", corpus)
		if _, err := os.Stat(filepath.Join(dir, "index.jsonl")); err != nil {
			continue
		}
		_, entries := readIndex(f, corpus)
		for i, e := range entries {
			if i%4 != 0 {
				continue
			}
			if data, err := os.ReadFile(filepath.Join(dir, e.Path)); err == nil {
				f.Add(data)
			}
		}
	}
}
