package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
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

// errTooDeep stops the depth check.
var errTooDeep = errors.New("too deep")

// checkDepth fails documents nested deeper than maxXMLDepth: no feed needs
// it, and a deep stack is the cheapest way to make a parser burn memory.
func checkDepth(data []byte) error {
	depth := 0
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // syntax problems are the real parser's to report
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return fmt.Errorf("%w: more than %d levels", errTooDeep, maxXMLDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}
