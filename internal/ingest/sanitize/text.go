package sanitize

import (
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// block elements end a line in the plain-text rendering.
var block = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "hr": true,
	"pre": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "table": true,
	"section": true, "article": true, "header": true, "footer": true, "aside": true,
	"figure": true, "figcaption": true, "address": true, "details": true, "summary": true,
	"main": true, "nav": true, "caption": true, "center": true, "title": true,
}

// hidden elements contribute no text.
var hidden = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "iframe": true,
	"object": true, "embed": true, "svg": true, "math": true, "head": true, "select": true,
}

// Text renders html as plain text: entities decoded, one paragraph (block
// element) per line, whitespace collapsed within lines, no empty lines.
// Input without any tag is treated as text whose line breaks are kept.
func Text(html string) string {
	if !strings.Contains(html, "<") {
		return collapse(xhtml.UnescapeString(html))
	}
	var b strings.Builder
	b.Grow(len(html))
	z := xhtml.NewTokenizer(strings.NewReader(html))
	skip, pre := 0, 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return collapse(b.String())
		case xhtml.TextToken:
			if skip > 0 {
				continue
			}
			if pre > 0 {
				b.Write(z.Text())
				continue
			}
			for _, c := range z.Text() {
				if c == '\n' || c == '\r' {
					c = ' '
				}
				b.WriteByte(c)
			}
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case hidden[n]:
				skip++
			case n == "pre":
				pre++
				b.WriteByte('\n')
			case block[n]:
				b.WriteByte('\n')
			case n == "td" || n == "th" || n == "img":
				b.WriteByte(' ')
			}
		case xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			if block[string(name)] {
				b.WriteByte('\n')
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case hidden[n]:
				if skip > 0 {
					skip--
				}
			case n == "pre":
				if pre > 0 {
					pre--
				}
				b.WriteByte('\n')
			case block[n]:
				b.WriteByte('\n')
			case n == "td" || n == "th":
				b.WriteByte(' ')
			}
		}
	}
}

// collapse trims each line, squeezes runs of spaces and drops empty lines.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, line := false, false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if line {
				b.WriteByte('\n')
			}
			space, line = false, false
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = line
		case unicode.IsControl(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
			line = true
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
