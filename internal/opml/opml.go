// Package opml imports and exports subscription lists in OPML, the format
// every feed reader exchanges. Folders are flattened to "/"-joined paths on
// import and rebuilt as nested outlines on export.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/tidings/tidings"
)

// Limits against hostile files: real subscription lists have a few thousand
// feeds nested two or three levels deep.
const (
	maxDepth    = 64
	maxOutlines = 100000
)

// Outline is one subscription.
type Outline struct {
	Title   string // may be empty: the feed's own title fills it in later
	FeedURL string
	SiteURL string
	Folder  string // "" for none; nested folders joined with "/"
}

// Parse reads an OPML document and returns its feeds in document order, each
// FeedURL once (the first occurrence wins). It is lenient where exporters
// differ — xmlUrl spelled in any case, type="rss" missing, titles missing,
// HTML entities, non-UTF-8 charsets, bare ampersands — and returns an error
// wrapping tidings.ErrInvalid with a user-safe message when the input is not
// OPML at all.
func Parse(r io.Reader) ([]Outline, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel

	var (
		out     []Outline
		seen    = map[string]bool{}
		folders []string // one entry per open <outline>; "" for feeds and unnamed folders
		rooted  bool
		n       int
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if !rooted {
				return nil, invalid("no <opml> element found")
			}
			if len(folders) > 0 {
				return nil, invalid("unexpected end of file inside an outline")
			}
			return out, nil
		}
		if err != nil {
			return nil, invalid("%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if !rooted {
				if name != "opml" {
					return nil, invalid("root element is <%s>, want <opml>", t.Name.Local)
				}
				rooted = true
				continue
			}
			if name != "outline" {
				continue
			}
			if len(folders) >= maxDepth {
				return nil, invalid("outlines nested deeper than %d levels", maxDepth)
			}
			if n++; n > maxOutlines {
				return nil, invalid("more than %d outlines", maxOutlines)
			}
			a := attrs(t.Attr)
			title := a["text"]
			if title == "" {
				title = a["title"]
			}
			feed := a["xmlurl"]
			if feed == "" && isFeedType(a["type"]) {
				feed = a["url"]
			}
			if feed == "" {
				folders = append(folders, title)
				continue
			}
			folders = append(folders, "")
			if seen[feed] {
				continue
			}
			seen[feed] = true
			out = append(out, Outline{
				Title:   title,
				FeedURL: feed,
				SiteURL: a["htmlurl"],
				Folder:  cleanFolder(strings.Join(folders[:len(folders)-1], "/")),
			})
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
}

// attrs maps lowercased attribute names to trimmed values, the first of
// duplicates winning.
func attrs(list []xml.Attr) map[string]string {
	m := make(map[string]string, len(list))
	for _, a := range list {
		k := strings.ToLower(a.Name.Local)
		if _, dup := m[k]; !dup {
			m[k] = strings.TrimSpace(a.Value)
		}
	}
	return m
}

func isFeedType(t string) bool {
	switch strings.ToLower(t) {
	case "rss", "atom", "feed", "json":
		return true
	}
	return false
}

// cleanFolder trims each path segment and drops empty ones, so "a / /b" and
// "a/b" name the same folder and export/import round-trips.
func cleanFolder(path string) string {
	var parts []string
	for _, p := range strings.Split(path, "/") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

func invalid(format string, args ...any) error {
	return tidings.Errorf(tidings.ErrInvalid, "opml: "+format, args...)
}

// errWrite wraps write failures, which are I/O errors, not bad input.
func errWrite(err error) error { return fmt.Errorf("opml: write: %w", err) }
