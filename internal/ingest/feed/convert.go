package feed

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"github.com/tidings/tidings/internal/ingest/canon"
	"github.com/tidings/tidings/internal/ingest/sanitize"
)

func (p *Parser) convert(gf *gofeed.Feed, base *url.URL, ttl time.Duration) *Feed {
	f := &Feed{
		Title:    clip(title(gf.Title), maxTitle),
		SiteURL:  canon.URL(gf.Link, base),
		Language: clip(strings.TrimSpace(gf.Language), 35),
		TTL:      ttl,
	}
	feedAuthor := person(gf.Authors)
	n := min(len(gf.Items), MaxItems)
	f.Items = make([]Item, 0, n)
	for _, gi := range gf.Items[:n] {
		if gi == nil {
			continue
		}
		it := p.item(gi, base)
		if it.Author == "" {
			it.Author = feedAuthor
		}
		if it.GUID == "" {
			continue // nothing at all to identify or show
		}
		f.Items = append(f.Items, it)
	}
	return f
}

func (p *Parser) item(gi *gofeed.Item, base *url.URL) Item {
	it := Item{
		Title:  clip(title(gi.Title), maxTitle),
		Author: clip(person(gi.Authors), maxAuthor),
	}
	it.URL = canon.URL(link(gi), base)
	if gi.PublishedParsed != nil {
		it.Published = gi.PublishedParsed.UTC()
	}
	if gi.UpdatedParsed != nil {
		it.Updated = gi.UpdatedParsed.UTC()
		if it.Published.IsZero() {
			it.Published = it.Updated
		}
	}
	// The item's own page is the right base for its relative URLs (a post's
	// "img/x.png"); the feed URL when the item has no link.
	contentBase := base
	if it.URL != "" {
		if u, err := url.Parse(it.URL); err == nil {
			contentBase = u
		}
	}
	body, full := strings.TrimSpace(gi.Content), true
	if body == "" {
		body, full = strings.TrimSpace(gi.Description), false
	}
	if len(body) > maxHTML {
		body = clip(body, maxHTML)
	}
	it.raw = &rawBody{html: body, base: contentBase, full: full}
	it.RawHash = p.rawHash(&it)
	it.ImageURL = image(gi, contentBase)
	if it.GUID = guid(gi, it); it.GUID == "" {
		// Without id or link, the item is known by a hash that may take
		// its text: cleaning cannot wait.
		p.Clean(&it)
		it.GUID = hashGUID(it)
	}
	return it
}

// Clean sanitizes the body of an item of ParseLazy into its HTML, Text,
// Teaser and ImageURL, as Parse would have; it leaves a cleaned item as it
// is.
func (p *Parser) Clean(it *Item) {
	raw := it.raw
	if raw == nil {
		return
	}
	it.raw = nil
	if raw.html != "" {
		it.HTML, it.Text = p.san.Clean(raw.html, raw.base)
	}
	if it.Text == "" && it.Title != "" {
		it.Text = it.Title
	}
	it.Teaser = teaser(it.Text, raw.full)
	if it.ImageURL == "" {
		it.ImageURL = firstImage(it.HTML)
	}
}

// rawHash hashes what Clean reads (see Item.RawHash), each part prefixed
// with its length so that no two different items run together alike. The
// parts stream through a small buffer: writing a string to the hash
// directly would copy the whole body first.
func (p *Parser) rawHash(it *Item) string {
	base := ""
	if it.raw.base != nil {
		base = it.raw.base.String()
	}
	full := "description"
	if it.raw.full {
		full = "content"
	}
	h := sha256.New()
	buf := make([]byte, 0, 512)
	for _, s := range []string{p.policy, it.Title, it.URL, base, full, it.raw.html} {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		for len(s) > 0 {
			n := min(len(s), cap(buf)-len(buf))
			buf = append(buf, s[:n]...)
			s = s[n:]
			if len(buf) == cap(buf) {
				h.Write(buf)
				buf = buf[:0]
			}
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// title renders a title as one line of plain text: gofeed has decoded the
// XML, but titles often carry HTML tags and entities on top.
func title(s string) string {
	if s == "" {
		return ""
	}
	return strings.Join(strings.Fields(sanitize.Text(s)), " ")
}

func person(ps []*gofeed.Person) string {
	for _, p := range ps {
		if p == nil {
			continue
		}
		if s := title(p.Name); s != "" {
			return s
		}
		if s := strings.TrimSpace(p.Email); s != "" {
			return s
		}
	}
	return ""
}

// link returns the item's page: its link, else a permalink GUID.
func link(gi *gofeed.Item) string {
	if s := strings.TrimSpace(gi.Link); s != "" {
		return s
	}
	for _, l := range gi.Links {
		if s := strings.TrimSpace(l); s != "" {
			return s
		}
	}
	if g := strings.TrimSpace(gi.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

// guid returns the feed's id of the item, else its link, else "".
func guid(gi *gofeed.Item, it Item) string {
	if g := strings.TrimSpace(gi.GUID); g != "" {
		return clip(g, maxGUID)
	}
	return it.URL
}

// hashGUID identifies a cleaned item without id and link by its title and
// date, or its text when either is missing; "" for an empty item.
func hashGUID(it Item) string {
	if it.Title == "" && it.Text == "" && it.HTML == "" && it.Published.IsZero() {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(it.Title))
	h.Write([]byte{0})
	if !it.Published.IsZero() {
		h.Write([]byte(it.Published.Format(time.RFC3339)))
	}
	if it.Title == "" || it.Published.IsZero() {
		h.Write([]byte{0})
		h.Write([]byte(clip(it.Text, 4096)))
		if it.Text == "" {
			h.Write([]byte(clip(it.HTML, 4096)))
		}
	}
	return "hash:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// teaserWords: a body without full content and shorter than this is a
// summary, not the article.
const teaserWords = 120

func teaser(text string, full bool) bool {
	t := strings.TrimSpace(text)
	for _, tail := range []string{"…", "...", "[…]", "[...]", "Read more", "Continue reading", "read more", "continue reading"} {
		if strings.HasSuffix(t, tail) {
			return true
		}
	}
	if full {
		return false
	}
	return len(strings.Fields(t)) < teaserWords
}

// image returns an image the feed names for the item outside its body.
func image(gi *gofeed.Item, base *url.URL) string {
	if gi.Image != nil {
		if u := canon.Resolve(gi.Image.URL, base); u != "" {
			return u
		}
	}
	for _, e := range gi.Enclosures {
		if e != nil && strings.HasPrefix(strings.ToLower(e.Type), "image/") {
			if u := canon.Resolve(e.URL, base); u != "" {
				return u
			}
		}
	}
	if media := gi.Extensions["media"]; media != nil {
		for _, name := range []string{"thumbnail", "content"} {
			for _, e := range media[name] {
				if name == "content" && !mediaImage(e) {
					continue
				}
				if u := canon.Resolve(e.Attrs["url"], base); u != "" {
					return u
				}
			}
		}
		for _, g := range media["group"] {
			for _, e := range g.Children["thumbnail"] {
				if u := canon.Resolve(e.Attrs["url"], base); u != "" {
					return u
				}
			}
		}
	}
	if gi.ITunesExt != nil {
		if u := canon.Resolve(gi.ITunesExt.Image, base); u != "" {
			return u
		}
	}
	return ""
}

// firstImage returns the first image of sanitized HTML, whose URLs are
// already absolute.
func firstImage(html string) string {
	if i := strings.Index(html, `<img src="`); i >= 0 {
		rest := html[i+len(`<img src="`):]
		if j := strings.IndexByte(rest, '"'); j > 0 {
			if u := canon.Resolve(unescapeAttr(rest[:j]), nil); u != "" {
				return u
			}
		}
	}
	return ""
}

func mediaImage(e ext.Extension) bool {
	return e.Attrs["medium"] == "image" || strings.HasPrefix(e.Attrs["type"], "image/")
}

func unescapeAttr(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

func extValue(m map[string][]ext.Extension, name string) string {
	if es := m[name]; len(es) > 0 {
		return es[0].Value
	}
	return ""
}

// clip cuts s to at most n bytes without splitting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
