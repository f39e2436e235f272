package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

type format int

const (
	formatUnknown format = iota
	formatRSS
	formatAtom
	formatJSON
	formatHTML
)

// sniff names the document's format from its first significant byte and,
// for XML, its root element. It reads at most maxRootScan bytes, so a
// document that is all prolog (a DTD bomb, a giant comment) ends quickly.
func sniff(data []byte) (format, string) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\f")
	if len(trimmed) == 0 {
		return formatUnknown, "blank"
	}
	switch trimmed[0] {
	case '{':
		return formatJSON, ""
	case '<':
	default:
		return formatUnknown, "text"
	}
	return sniffXML(trimmed)
}

// skipJunk drops text that precedes an XML feed's start, such as the
// warnings a misconfigured PHP blog prints before its RSS. It looks only at
// the first KB and returns data unchanged when no feed start is there.
func skipJunk(data []byte) []byte {
	trimmed := bytes.TrimLeft(data, " \t\r\n\f")
	if len(trimmed) == 0 || trimmed[0] == '<' || trimmed[0] == '{' {
		return data
	}
	head := trimmed
	if len(head) > 1024 {
		head = head[:1024]
	}
	for _, start := range []string{"<?xml", "<rss", "<feed", "<rdf:RDF"} {
		if i := bytes.Index(head, []byte(start)); i > 0 {
			return trimmed[i:]
		}
	}
	return data
}

func sniffXML(trimmed []byte) (format, string) {
	if len(trimmed) > maxRootScan {
		trimmed = trimmed[:maxRootScan]
	}
	d := xml.NewDecoder(bytes.NewReader(trimmed))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			if isHTMLStart(trimmed) {
				return formatHTML, "html"
			}
			return formatUnknown, "no root element"
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch name := strings.ToLower(tok.Name.Local); name {
			case "rss", "rdf":
				return formatRSS, name
			case "feed":
				return formatAtom, name
			case "html", "head", "body":
				return formatHTML, name
			default:
				return formatUnknown, "<" + tok.Name.Local + ">"
			}
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) > 0 {
				return formatUnknown, "text"
			}
		}
	}
}

func isHTMLStart(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	l := bytes.ToLower(b)
	return bytes.Contains(l, []byte("<!doctype html")) || bytes.Contains(l, []byte("<html"))
}

// checkDepth fails documents nested deeper than maxXMLDepth: no feed needs
// it, and a deep stack is the cheapest way to make a parser burn memory. It
// is a byte scan, not a parse (comments, CDATA, declarations and
// self-closing tags are skipped), so it costs little next to the real one.
func checkDepth(data []byte) error {
	depth := 0
	for {
		i := bytes.IndexByte(data, '<')
		if i < 0 || i+1 >= len(data) {
			return nil
		}
		data = data[i+1:]
		var end []byte
		switch {
		case bytes.HasPrefix(data, []byte("!--")):
			end = []byte("-->")
		case bytes.HasPrefix(data, []byte("![CDATA[")):
			end = []byte("]]>")
		case data[0] == '!' || data[0] == '?':
			end = []byte(">")
		case data[0] == '/':
			depth--
			continue
		default:
			j := bytes.IndexByte(data, '>')
			if j < 0 {
				return nil
			}
			if j == 0 || data[j-1] != '/' {
				if depth++; depth > maxXMLDepth {
					return fmt.Errorf("more than %d levels of elements", maxXMLDepth)
				}
			}
			data = data[j+1:]
			continue
		}
		j := bytes.Index(data, end)
		if j < 0 {
			return nil
		}
		data = data[j+len(end):]
	}
}
