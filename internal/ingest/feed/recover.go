package feed

import (
	"bytes"
	"encoding/xml"
	"io"
)

// recoverXML rewrites a document that the XML parser rejected into a
// well-formed one: every token up to the first unrecoverable error is kept,
// the DTD is dropped, and open elements are closed. It rescues the common
// real-world damage (a truncated body, a cut CDATA section) at the price of
// losing whatever followed the damage.
func recoverXML(data []byte) []byte {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var out bytes.Buffer
	out.Grow(len(data) + 64)
	var open []xml.Name
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(open) >= maxXMLDepth {
				return nil
			}
			open = append(open, tok.Name)
			out.WriteByte('<')
			writeName(&out, tok.Name)
			for _, a := range tok.Attr {
				out.WriteByte(' ')
				writeName(&out, a.Name)
				out.WriteString(`="`)
				xml.EscapeText(&out, []byte(a.Value))
				out.WriteByte('"')
			}
			out.WriteByte('>')
		case xml.EndElement:
			// Close up to the matching element; ignore strays.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == tok.Name {
					for j := len(open) - 1; j >= i; j-- {
						writeEnd(&out, open[j])
					}
					open = open[:i]
					break
				}
			}
		case xml.CharData:
			if len(open) > 0 {
				xml.EscapeText(&out, tok)
			}
		case xml.ProcInst:
			if tok.Target == "xml" && out.Len() == 0 {
				out.WriteString(`<?xml version="1.0"?>`)
			}
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		writeEnd(&out, open[i])
	}
	return out.Bytes()
}

func writeName(b *bytes.Buffer, n xml.Name) {
	if n.Space != "" {
		b.WriteString(n.Space)
		b.WriteByte(':')
	}
	b.WriteString(n.Local)
}

func writeEnd(b *bytes.Buffer, n xml.Name) {
	b.WriteString("</")
	writeName(b, n)
	b.WriteByte('>')
}
