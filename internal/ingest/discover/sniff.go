package discover

import (
	"bytes"
	"mime"
	"net/http"
	"strings"
)

// sniffLimit bounds how far IsHTML looks for the root element past a BOM,
// XML declaration, doctype and comments.
const sniffLimit = 64 << 10

// IsHTML reports whether a response is an HTML page (to look for feed links
// in) rather than a feed. The body decides first, because servers label
// feeds text/html and pages text/xml; the Content-Type only breaks ties.
func IsHTML(body []byte, contentType string) bool {
	switch root := rootElement(body); root {
	case "html":
		return true
	case "rss", "feed", "rdf:rdf", "rdf", "channel":
		return false
	case "":
		if b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))); len(b) > 0 && (b[0] == '{' || b[0] == '[') {
			return false // JSON Feed
		}
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
			"application/json", "application/xml", "text/xml":
			return false
		}
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

// rootElement returns the lowercased name of the first element of body,
// skipping a BOM, whitespace, <?…?>, <!…> and comments; "" when there is none
// within sniffLimit or body does not start like markup.
func rootElement(body []byte) string {
	b := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if len(b) > sniffLimit {
		b = b[:sniffLimit]
	}
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if len(b) < 2 || b[0] != '<' {
			return ""
		}
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return ""
			}
			b = b[end+3:]
		case b[1] == '?' || b[1] == '!':
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				return ""
			}
			b = b[end+1:]
		default:
			end := bytes.IndexAny(b[1:], " \t\r\n\f/>")
			if end < 0 {
				return ""
			}
			return strings.ToLower(string(b[1 : end+1]))
		}
	}
}
