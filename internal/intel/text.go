package intel

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// looksLikeHTML is true when s has something that parses as a tag: feeds
// mix plain text and markup in one field, and plain text may hold a lone "<".
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' {
			if strings.IndexByte(s[i:], '>') > 0 {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// PlainText returns body as plain text: when it looks like HTML, tags are
// dropped, entities decoded, script and style content skipped, and block
// elements end a line (so paragraphs stay lines, as in feeds' plain text).
func PlainText(body string) string {
	if !looksLikeHTML(body) {
		return body
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(body))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.ReplaceAll(b.String(), "\u00a0", " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Tr, atom.Blockquote, atom.Section, atom.Article, atom.Header, atom.Footer,
				atom.Figcaption, atom.Ul, atom.Ol, atom.Table, atom.Hr, atom.Pre, atom.Aside:
				b.WriteByte('\n')
			}
		}
	}
}
