package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EachToken calls fn with each token of s in order, as Tokens returns them,
// without building a slice: it decodes ASCII without utf8 and lowercases
// only words that hold an uppercase letter, since tokenizing is most of the
// cost of the text stages.
func EachToken(s string, fn func(text, lower string, start int)) {
	start := -1
	upper := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := trimTail(s[start:end])
		if w != "" {
			lower := w
			if upper {
				lower = strings.ToLower(w)
			}
			fn(w, lower, start)
		}
		start, upper = -1, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if start < 0 {
				start = i
			}
		case c >= 'A' && c <= 'Z':
			if start < 0 {
				start = i
			}
			upper = true
		case c == '\'' || c == '-' || c == '.' || r == '’':
			if start >= 0 {
				n, _ := utf8.DecodeRuneInString(s[i+size:])
				if !(unicode.IsLetter(n) || unicode.IsDigit(n)) {
					flush(i)
				}
			}
		case c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				upper = true
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(s))
}

// trimTail drops trailing apostrophes, hyphens and periods.
func trimTail(w string) string {
	for len(w) > 0 {
		switch {
		case w[len(w)-1] == '\'' || w[len(w)-1] == '-' || w[len(w)-1] == '.':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}
