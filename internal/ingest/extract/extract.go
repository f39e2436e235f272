// Package extract recovers an article's full text from its web page when a
// feed carries only a teaser. It wraps a port of Mozilla's Readability and
// leaves sanitizing to the caller: what comes out is still untrusted HTML.
package extract

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/tidings/tidings"
)

// ErrNoContent: the page holds nothing that reads as an article (an index
// page, a paywall stub, an error page). It wraps tidings.ErrInvalid.
var ErrNoContent = fmt.Errorf("no article content found: %w", tidings.ErrInvalid)

// maxElements bounds the work on hostile or absurd pages: Readability scores
// every node, and real article pages have a few thousand.
const maxElements = 50000

// Result is the readable part of a page.
type Result struct {
	Title  string
	HTML   string // not sanitized: the caller must sanitize before storing
	Text   string
	Byline string
}

// Article extracts the main content of page, an HTML document served at
// pageURL (used to resolve relative links and images; may be nil). The
// charset is taken from a BOM or <meta charset>, else UTF-8 is assumed.
func Article(page []byte, pageURL *url.URL) (res Result, err error) {
	// The parser is a large third-party port; a panic on some odd page must
	// cost one article, not the worker.
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("extract %s: parser panic: %v", where(pageURL), r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	a, err := p.Parse(utf8Reader(page), pageURL)
	if err != nil {
		return Result{}, fmt.Errorf("extract %s: %w", where(pageURL), err)
	}
	if a.Node == nil {
		return Result{}, fmt.Errorf("extract %s: %w", where(pageURL), ErrNoContent)
	}
	var h, t strings.Builder
	if err := a.RenderHTML(&h); err != nil {
		return Result{}, fmt.Errorf("extract %s: render html: %w", where(pageURL), err)
	}
	if err := a.RenderText(&t); err != nil {
		return Result{}, fmt.Errorf("extract %s: render text: %w", where(pageURL), err)
	}
	res = Result{
		Title:  strings.TrimSpace(a.Title()),
		HTML:   h.String(),
		Text:   strings.TrimSpace(t.String()),
		Byline: strings.TrimSpace(a.Byline()),
	}
	if res.Text == "" {
		return Result{}, fmt.Errorf("extract %s: %w", where(pageURL), ErrNoContent)
	}
	return res, nil
}

// utf8Reader decodes page from the charset its BOM or <meta> declares.
func utf8Reader(page []byte) io.Reader {
	enc, name, _ := charset.DetermineEncoding(page, "text/html")
	if enc == nil || name == "utf-8" {
		return bytes.NewReader(page)
	}
	return transform.NewReader(bytes.NewReader(page), enc.NewDecoder())
}

func where(u *url.URL) string {
	if u == nil {
		return "page"
	}
	return u.String()
}
