package sanitize

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// block elements end a line in the plain-text rendering.
var block = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "hr": true,
	"ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "table": true,
	"section": true, "article": true, "header": true, "footer": true, "aside": true,
	"figure": true, "figcaption": true, "address": true, "details": true, "summary": true,
	"main": true, "nav": true, "caption": true, "center": true, "title": true,
}

// hidden elements contribute no text. Void elements (embed) cannot be
// here: with no end tag, everything after them would vanish.
var hidden = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "iframe": true,
	"svg": true, "math": true, "head": true, "select": true,
}

// Text renders html as plain text: entities decoded, one paragraph (block
// element) per line, whitespace collapsed within lines, no empty lines.
// Input without any tag is treated as text whose line breaks are kept.
func Text(html string) string {
	if !strings.Contains(html, "<") {
		return collapse(xhtml.UnescapeString(html))
	}
	var tw textWriter
	tw.b.Grow(len(html))
	z := xhtml.NewTokenizer(strings.NewReader(html))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return tw.String()
		}
		tw.token(z, tt)
	}
}

// textWriter accumulates the plain text of a token stream; rewrite feeds it
// the same tokens it writes, so sanitizing yields the text in one pass.
type textWriter struct {
	b         strings.Builder
	skip, pre int
}

func (w *textWriter) token(z *xhtml.Tokenizer, tt xhtml.TokenType) {
	switch tt {
	case xhtml.TextToken:
		if w.skip == 0 {
			w.text(z.Text())
		}
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
		name, _ := z.TagName()
		w.tag(name, tt)
	}
}

func (w *textWriter) text(t []byte) {
	if w.pre > 0 {
		w.b.Write(t)
		return
	}
	for len(t) > 0 {
		i := bytes.IndexAny(t, "\r\n")
		if i < 0 {
			w.b.Write(t)
			return
		}
		w.b.Write(t[:i])
		w.b.WriteByte(' ')
		t = t[i+1:]
	}
}

// tag takes the name as bytes: map lookups with string(n) do not allocate.
func (w *textWriter) tag(n []byte, tt xhtml.TokenType) {
	switch tt {
	case xhtml.StartTagToken:
		switch {
		case hidden[string(n)]:
			w.skip++
		case string(n) == "pre":
			w.pre++
			w.b.WriteByte('\n')
		case block[string(n)]:
			w.b.WriteByte('\n')
		case string(n) == "td" || string(n) == "th" || string(n) == "img":
			w.b.WriteByte(' ')
		}
	case xhtml.SelfClosingTagToken:
		if block[string(n)] {
			w.b.WriteByte('\n')
		}
	case xhtml.EndTagToken:
		switch {
		case hidden[string(n)]:
			if w.skip > 0 {
				w.skip--
			}
		case string(n) == "pre":
			if w.pre > 0 {
				w.pre--
			}
			w.b.WriteByte('\n')
		case block[string(n)]:
			w.b.WriteByte('\n')
		case string(n) == "td" || string(n) == "th":
			w.b.WriteByte(' ')
		}
	}
}

func (w *textWriter) String() string { return collapse(w.b.String()) }

// collapse trims each line, squeezes runs of spaces and drops empty lines.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, line := false, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n' || c == '\r':
				if line {
					b.WriteByte('\n')
				}
				space, line = false, false
			case c == ' ' || c == '\t' || c == '\f' || c == '\v':
				space = line
			case c < ' ' || c == 0x7f:
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
				line = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u2028' || r == '\u2029':
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
