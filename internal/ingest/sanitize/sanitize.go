// Package sanitize makes publisher HTML safe to store and show: an allow-list
// of elements and attributes (bluemonday), absolute links that open safely,
// no tracking pixels, and a plain-text rendering for analysis and search.
// Feed HTML is hostile input; nothing outside the allow-list survives.
package sanitize

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
)

// Options tunes the policy; the zero value is the safe default.
type Options struct {
	// VideoEmbeds keeps YouTube and Vimeo player iframes (sandboxed).
	// Off by default: every other iframe is always removed.
	VideoEmbeds bool
}

// Sanitizer holds a policy compiled once; it is safe for concurrent use.
type Sanitizer struct {
	policy *bluemonday.Policy
	opts   Options
}

// embedSrc is the only iframe source shape allowed with Options.VideoEmbeds.
var embedSrc = regexp.MustCompile(`^https://(www\.youtube(-nocookie)?\.com/embed/|player\.vimeo\.com/video/)[A-Za-z0-9_-]+(\?[A-Za-z0-9_=&.-]*)?$`)

// imageData matches data: URLs of raster images, the only data: URLs kept.
// SVG is left out: it is a document format that can carry script.
var imageData = regexp.MustCompile(`^image/(png|gif|jpeg|jpg|webp|avif|bmp);base64,[A-Za-z0-9+/]+=*$`)

var (
	integer  = regexp.MustCompile(`^[0-9]{1,6}$`)
	dir      = regexp.MustCompile(`^(ltr|rtl|auto)$`)
	langCode = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)
)

// New compiles the allow-list policy.
func New(opts Options) *Sanitizer {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs()
	p.RequireNoFollowOnLinks(false) // rel is set per link in rewrite
	p.AllowURLSchemeWithCustomPolicy("data", func(u *url.URL) bool {
		return u.RawQuery == "" && u.Fragment == "" && imageData.MatchString(u.Opaque)
	})
	p.AllowElements(
		"p", "br", "hr", "div", "span", "section", "article", "header", "footer", "aside", "main",
		"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
		"em", "strong", "b", "i", "u", "s", "strike", "sub", "sup", "small", "big", "mark",
		"del", "ins", "abbr", "acronym", "cite", "q", "dfn", "kbd", "samp", "var", "tt", "address",
		"ul", "ol", "li", "dl", "dt", "dd",
		"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
		"figure", "figcaption", "picture", "time", "details", "summary", "wbr", "center",
	)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("title").Globally()
	p.AllowAttrs("dir").Matching(dir).Globally()
	p.AllowAttrs("lang").Matching(langCode).Globally()
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("width", "height").Matching(integer).OnElements("img", "video", "col", "td", "th", "table")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("datetime").OnElements("time", "del", "ins")
	p.AllowAttrs("colspan", "rowspan", "span").Matching(integer).OnElements("td", "th", "col", "colgroup")
	p.AllowAttrs("start").Matching(integer).OnElements("ol")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("src", "poster").OnElements("video")
	p.AllowAttrs("src").OnElements("audio", "source")
	p.AllowAttrs("controls").Matching(regexp.MustCompile(`^(|controls)$`)).OnElements("video", "audio")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^(audio|video)/[a-z0-9.+-]+$`)).OnElements("source")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(|open)$`)).OnElements("details")
	if opts.VideoEmbeds {
		p.AllowAttrs("src").Matching(embedSrc).OnElements("iframe")
		p.AllowAttrs("width", "height").Matching(integer).OnElements("iframe")
	}
	// Fallback content of plugins and frames is ordinary (sanitized) markup;
	// skipping it would lose the rest of the body after an unclosed <object>.
	// <frame> is void: bluemonday would skip everything after it.
	p.AllowElementsContent("object", "frameset", "frame", "noembed", "noframes")
	p.AddSpaceWhenStrippingTag(true)
	return &Sanitizer{policy: p, opts: opts}
}

// Fingerprint names what the sanitizer makes of its input: it changes with
// the options and with outputVersion. Callers that store hashes of raw
// input to skip cleaning it again (feed.Item.RawHash) include it, so that a
// change of policy cleans everything once more.
func (s *Sanitizer) Fingerprint() string {
	return fmt.Sprintf("sanitize/%d videoembeds=%t", outputVersion, s.opts.VideoEmbeds)
}

// outputVersion is raised by every change to this package (policy, URL
// rewriting, text rendering, or a bluemonday upgrade) that changes the HTML
// or text of some input: stored raw hashes then stop matching, so the items
// that feeds still carry are cleaned again, and updated where their text
// changed, as they would be without raw hashes.
const outputVersion = 1

// HTML returns html reduced to the allow-list, with relative URLs made
// absolute against base (nil leaves them relative), links opening in a new
// tab without referrer, lazy images and no tracking pixels.
func (s *Sanitizer) HTML(html string, base *url.URL) string {
	if strings.TrimSpace(html) == "" {
		return ""
	}
	html = validUTF8(html)
	return rewrite(s.policy.Sanitize(html), base, nil)
}

// Clean returns what HTML returns together with its plain text (as Text
// would render it), in one pass over the sanitized markup.
func (s *Sanitizer) Clean(html string, base *url.URL) (clean, text string) {
	if strings.TrimSpace(html) == "" {
		return "", ""
	}
	html = validUTF8(html)
	var tw textWriter
	clean = rewrite(s.policy.Sanitize(html), base, &tw)
	if !strings.Contains(clean, "<") {
		return clean, Text(clean) // plain text: keep its line breaks, as Text does
	}
	return clean, tw.String()
}

// validUTF8 replaces invalid bytes, so that output and text are valid UTF-8
// whatever the caller passed.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
