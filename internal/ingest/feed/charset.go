package feed

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// prologEncoding finds the encoding pseudo-attribute of an XML declaration.
var prologEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["']([A-Za-z0-9._:-]*)["']`)

// toUTF8 returns data as valid UTF-8 and with any XML declaration's
// encoding removed, so the XML decoder does not convert a second time.
// Precedence: byte-order mark, then the declared encoding, then UTF-8 with
// invalid bytes read as windows-1252 (the usual mislabelling).
func toUTF8(data []byte) []byte {
	if out, ok := fromBOM(data); ok {
		return demoronize(dropDeclaredEncoding(repair(out)))
	}
	if label := declaredEncoding(data); label != "" {
		if out, ok := fromLabel(data, label); ok {
			return demoronize(dropDeclaredEncoding(out))
		}
	}
	return demoronize(dropDeclaredEncoding(repair(data)))
}

// demoronize replaces C1 control characters (U+0080–U+009F), which no text
// means, with the windows-1252 characters whose byte values they carry:
// the trace of cp1252 text converted to UTF-8 as if it were Latin-1
// ("don\u0092t" for "don’t").
func demoronize(data []byte) []byte {
	if !bytes.Contains(data, []byte{0xC2}) {
		return data
	}
	var out []byte
	for i := 0; i < len(data); i++ {
		if data[i] == 0xC2 && i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] <= 0x9F {
			if out == nil {
				out = append(make([]byte, 0, len(data)), data[:i]...)
			}
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(data[i+1]))
			i++
			continue
		}
		if out != nil {
			out = append(out, data[i])
		}
	}
	if out == nil {
		return data
	}
	return out
}

func fromBOM(data []byte) ([]byte, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], true
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0, 0, 0, '<'}):
		return decode(utf32.UTF32(utf32.BigEndian, utf32.UseBOM).NewDecoder().Bytes(data))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}), bytes.HasPrefix(data, []byte{'<', 0, 0, 0}):
		return decode(utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewDecoder().Bytes(data))
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0x00, '<'}):
		return decode(unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{'<', 0x00}):
		return decode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data))
	}
	return nil, false
}

func decode(out []byte, err error) ([]byte, bool) {
	return out, err == nil
}

func declaredEncoding(data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	m := prologEncoding.FindSubmatch(head)
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[2]))
}

// fromLabel decodes data from the named encoding. A document labelled with
// a Latin-1 family charset that is nonetheless valid, non-ASCII UTF-8 is
// taken as UTF-8: its publisher changed the bytes but not the label.
func fromLabel(data []byte, label string) ([]byte, bool) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, false // unknown label: fall back to UTF-8 with repair
	}
	switch name {
	case "utf-8":
		return repair(data), true
	case "utf-16be", "utf-16le":
		// Declared UTF-16 but no BOM reached here: the bytes are 8-bit.
		return repair(data), true
	case "windows-1252", "iso-8859-1", "iso-8859-15":
		if utf8.Valid(data) {
			return data, true
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	return repair(out), true
}

// repair keeps valid UTF-8 sequences and reads every other byte as
// windows-1252, which turns a cp1252 document labelled UTF-8 (or a UTF-8
// one with a few pasted cp1252 quotes) into the intended text.
func repair(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	dec := charmap.Windows1252
	out := make([]byte, 0, len(data)+len(data)/8)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			out = utf8.AppendRune(out, dec.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		out = append(out, data[:size]...)
		data = data[size:]
	}
	return out
}

// dropDeclaredEncoding removes the encoding from the XML declaration of a
// document already converted to UTF-8.
func dropDeclaredEncoding(data []byte) []byte {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	loc := prologEncoding.FindSubmatchIndex(head)
	if loc == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:loc[3]]...)
	return append(out, data[loc[1]:]...)
}
