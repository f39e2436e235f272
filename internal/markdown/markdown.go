// Package markdown renders the small Markdown subset of comments to safe
// HTML: paragraphs, *emphasis*, **strong**, `code`, fenced code blocks,
// [links](https://…) (http, https and mailto only), bare http(s) URLs,
// lists and blockquotes. Raw HTML is never passed through: every character
// of the source is escaped unless it is Markdown syntax, and the result is
// then run through a strict allow-list sanitizer as a second, independent
// guard.
package markdown

import (
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// maxDepth bounds nesting (blockquotes in blockquotes, emphasis in
// emphasis): a comment of ten thousand '>' must cost no stack and little
// time.
const maxDepth = 6

// Renderer renders comments. It is safe for concurrent use.
type Renderer struct {
	policy *bluemonday.Policy
}

// New returns a Renderer.
func New() *Renderer {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	return &Renderer{policy: p}
}

// Render returns the HTML of src. Invalid UTF-8 is replaced, carriage
// returns and NULs are dropped; any input gives some output, never an
// error (the caller bounds the length).
func (r *Renderer) Render(src string) string {
	src = strings.ToValidUTF8(src, "\uFFFD")
	src = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "").Replace(src)
	var b strings.Builder
	blocks(&b, strings.Split(src, "\n"), 0)
	return r.policy.Sanitize(b.String())
}
