package sanitize

import (
	"bytes"
	"html"
	"net/url"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
)

// rewrite finishes what a static policy cannot do: URLs resolved against a
// per-call base, link and image attributes added, tracking pixels dropped.
// Its input is bluemonday's output, so every token is already allowed; the
// attributes it adds are constants and resolved http(s) URLs.
// With tw set, it also renders the plain text of the same tokens.
func rewrite(clean string, base *url.URL, tw *textWriter) string {
	var b strings.Builder
	b.Grow(len(clean) + len(clean)/4)
	z := xhtml.NewTokenizer(strings.NewReader(clean))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return strings.TrimSpace(b.String())
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, more := z.TagName()
			if !rewritten[string(name)] {
				// Most tags carry nothing to fix: copy them as they are.
				b.Write(z.Raw())
				if tw != nil {
					tw.tag(name, tt)
				}
				continue
			}
			tok := xhtml.Token{Data: string(name)}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				tok.Attr = append(tok.Attr, xhtml.Attribute{Key: string(k), Val: string(v)})
			}
			if !fixTag(&tok, base) {
				continue
			}
			writeTag(&b, &tok, tt == xhtml.SelfClosingTagToken)
			if tw != nil {
				tw.tag([]byte(tok.Data), tt)
			}
		case xhtml.TextToken:
			raw := z.Raw()
			b.Write(raw)
			if tw != nil && tw.skip == 0 {
				if bytes.IndexByte(raw, '&') < 0 {
					tw.text(raw)
				} else {
					tw.text([]byte(xhtml.UnescapeString(string(raw))))
				}
			}
		default:
			b.Write(z.Raw())
			if tw != nil && tt == xhtml.EndTagToken {
				name, _ := z.TagName()
				tw.tag(name, tt)
			}
		}
	}
}

// rewritten are the elements whose attributes rewrite changes: those with
// URL attributes and those that get attributes added.
var rewritten = map[string]bool{
	"a": true, "img": true, "video": true, "audio": true, "source": true, "iframe": true,
	"blockquote": true, "q": true, "del": true, "ins": true,
}

// fixTag adjusts tok in place and reports whether to keep it.
func fixTag(tok *xhtml.Token, base *url.URL) bool {
	attrs := tok.Attr[:0]
	for _, a := range tok.Attr {
		switch a.Key {
		case "rel", "target":
			continue
		case "href", "src", "poster", "cite":
			v, ok := fixURL(a.Val, base, tok.Data == "img" && a.Key == "src")
			if !ok {
				continue
			}
			a.Val = v
		}
		attrs = append(attrs, a)
	}
	tok.Attr = attrs
	switch tok.Data {
	case "a":
		if attr(tok, "href") != "" {
			tok.Attr = append(tok.Attr,
				xhtml.Attribute{Key: "rel", Val: "noopener noreferrer"},
				xhtml.Attribute{Key: "target", Val: "_blank"})
		}
	case "img":
		if attr(tok, "src") == "" || tiny(attr(tok, "width")) || tiny(attr(tok, "height")) {
			return false
		}
		tok.Attr = append(tok.Attr, xhtml.Attribute{Key: "loading", Val: "lazy"})
	case "iframe":
		tok.Attr = append(tok.Attr,
			xhtml.Attribute{Key: "sandbox", Val: "allow-scripts allow-same-origin allow-presentation"},
			xhtml.Attribute{Key: "allowfullscreen", Val: ""},
			xhtml.Attribute{Key: "loading", Val: "lazy"})
	}
	return true
}

// fixURL resolves v against base. data: URLs (already restricted to raster
// images by the policy) are kept only where an image is expected.
func fixURL(v string, base *url.URL, image bool) (string, bool) {
	if strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") {
		return v, true // absolute already; bluemonday checked that it parses
	}
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "data":
		return v, image
	case "mailto":
		return v, true
	case "", "http", "https":
	default:
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u.String(), true
}

func attr(tok *xhtml.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// tiny reports a width or height of 0 or 1 pixel: a tracking beacon.
func tiny(v string) bool {
	if v == "" {
		return false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "px"))
	return err == nil && n <= 1
}

func writeTag(b *strings.Builder, tok *xhtml.Token, selfClosing bool) {
	b.WriteByte('<')
	b.WriteString(tok.Data)
	for _, a := range tok.Attr {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if selfClosing {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
}
