package feed

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/ingest/canon"
)

// gofeedFloor is the share of compared fields that must keep matching
// gofeed's expected parses (set just under the rate achieved).
const gofeedFloor = 0.98

// TestGofeedExpected compares the fields we keep (feed title and language;
// item count, title, link, id, dates) with gofeed's expected outputs, which
// come in three models: rss.Feed/atom.Feed, json.Feed and the universal one.
func TestGofeedExpected(t *testing.T) {
	dir, entries := readIndex(t, "gofeed")
	p := New(nil)
	match, total := map[string]int{}, map[string]int{}
	for _, e := range entries {
		if e.Expected == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Path))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, *e.Expected))
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]any
		if err := json.Unmarshal(raw, &want); err != nil {
			continue // expected output is an error or not an object
		}
		base, _ := url.Parse("http://example.com/feed.xml")
		f, err := p.Parse(data, base.String())
		if err != nil {
			if testing.Verbose() {
				t.Logf("%s: %v", e.Path, err)
			}
			total["parse"]++
			continue
		}
		total["parse"]++
		match["parse"]++
		check := func(field string, ok bool, got, exp any) {
			total[field]++
			if ok {
				match[field]++
			} else if testing.Verbose() {
				t.Logf("%s: %s: got %v, want %v", e.Path, field, got, exp)
			}
		}
		if s, ok := want["title"].(string); ok {
			check("feed.title", f.Title == title(s), f.Title, s)
		}
		if s, ok := want["language"].(string); ok {
			check("feed.language", f.Language == strings.TrimSpace(s), f.Language, s)
		}
		items, _ := want["items"].([]any)
		if items == nil {
			items, _ = want["entries"].([]any)
		}
		if want["items"] == nil && want["entries"] == nil {
			continue
		}
		// Items with nothing to show or identify (only an author, a
		// category…) are dropped by design; compare the rest.
		kept := items[:0:0]
		for _, wi := range items {
			if w, _ := wi.(map[string]any); substantive(w) {
				kept = append(kept, wi)
			}
		}
		items = kept
		check("items.count", len(items) == len(f.Items), len(f.Items), len(items))
		if len(items) != len(f.Items) {
			continue
		}
		for i, wi := range items {
			w, _ := wi.(map[string]any)
			it := f.Items[i]
			if s, ok := w["title"].(string); ok {
				check("item.title", it.Title == title(s), it.Title, s)
			}
			if l := expectedLink(w); l != "" {
				want := canon.URL(l, base)
				check("item.url", it.URL == want, it.URL, want)
			}
			if id := expectedID(w); id != "" {
				check("item.guid", it.GUID == strings.TrimSpace(id), it.GUID, id)
			}
			if s, ok := w["publishedParsed"].(string); ok {
				tm, _ := time.Parse(time.RFC3339, s)
				check("item.published", it.Published.Equal(tm), it.Published, s)
			}
			if s, ok := w["date_published"].(string); ok {
				tm, _ := time.Parse(time.RFC3339, s)
				check("item.published", it.Published.Equal(tm), it.Published, s)
			}
		}
	}
	var keys []string
	var m, n int
	for k := range total {
		keys = append(keys, k+" "+itoa(match[k])+"/"+itoa(total[k]))
		m, n = m+match[k], n+total[k]
	}
	sort.Strings(keys)
	rate := float64(m) / float64(max(n, 1))
	t.Logf("gofeed expected outputs: %d of %d fields match (%.1f%%): %s", m, n, 100*rate, strings.Join(keys, ", "))
	if rate < gofeedFloor {
		t.Errorf("match rate %.3f, want at least %.2f", rate, gofeedFloor)
	}
}

func expectedLink(w map[string]any) string {
	for _, k := range []string{"link", "url"} {
		if s, ok := w[k].(string); ok {
			return s
		}
	}
	links, _ := w["links"].([]any)
	var first string
	for _, l := range links {
		switch l := l.(type) {
		case string:
			if first == "" {
				first = l
			}
		case map[string]any:
			href, _ := l["href"].(string)
			rel, _ := l["rel"].(string)
			if rel == "" || rel == "alternate" {
				return href
			}
		}
	}
	return first
}

func expectedID(w map[string]any) string {
	switch g := w["guid"].(type) {
	case string:
		return g
	case map[string]any:
		s, _ := g["value"].(string)
		return s
	}
	s, _ := w["id"].(string)
	return s
}

func substantive(w map[string]any) bool {
	for _, k := range []string{"title", "link", "url", "id", "guid", "content", "content_html", "content_text",
		"description", "summary", "published", "updated", "pubDate", "date_published", "date_modified"} {
		switch v := w[k].(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return true
			}
		case map[string]any:
			if len(v) > 0 {
				return true
			}
		}
	}
	return expectedLink(w) != ""
}
