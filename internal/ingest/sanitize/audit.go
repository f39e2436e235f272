package sanitize

import (
	"fmt"
	"strings"

	xhtml "golang.org/x/net/html"
)

// activeElements run code or load foreign documents; none may survive.
var activeElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "link": true, "meta": true, "base": true,
	"form": true, "input": true, "button": true, "textarea": true, "svg": true, "math": true,
}

// Audit reports the first piece of active content in html: a script-capable
// element, an event-handler or style attribute, a javascript:/vbscript: URL
// or a data: URL that is not a raster image. It parses html the way a browser
// would, so tests of this package and of its callers (feed, extract, web)
// can assert the invariant on their outputs. An iframe is tolerated only
// when allowIframes is set and it is sandboxed.
func Audit(html string, allowIframes bool) error {
	doc, err := xhtml.Parse(strings.NewReader(html))
	if err != nil {
		return fmt.Errorf("sanitize: audit: %w", err)
	}
	var walk func(n *xhtml.Node) error
	walk = func(n *xhtml.Node) error {
		if n.Type == xhtml.ElementNode {
			if err := auditElement(n, allowIframes); err != nil {
				return err
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(doc)
}

func auditElement(n *xhtml.Node, allowIframes bool) error {
	if n.Data == "iframe" && allowIframes {
		if !hasAttr(n, "sandbox") {
			return fmt.Errorf("unsandboxed iframe")
		}
	} else if activeElements[n.Data] || n.Namespace != "" {
		return fmt.Errorf("element <%s> (namespace %q)", n.Data, n.Namespace)
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
			return fmt.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
		}
		v := urlish(a.Val)
		if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "livescript:") {
			return fmt.Errorf("script URL %s=%q on <%s>", a.Key, a.Val, n.Data)
		}
		if strings.HasPrefix(v, "data:") && (n.Data != "img" || !imageData.MatchString(strings.TrimPrefix(v, "data:"))) {
			return fmt.Errorf("data URL %s=%q on <%s>", a.Key, a.Val, n.Data)
		}
	}
	return nil
}

func hasAttr(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// urlish lowercases v and drops the whitespace and control characters that
// browsers ignore inside a scheme ("java\tscript:").
func urlish(v string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, v)
}
