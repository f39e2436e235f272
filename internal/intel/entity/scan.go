package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/tokenize"
)

// scan splits s into the same tokens as tokenize.Tokens, in about a third
// of the time: it preallocates, decodes ASCII without utf8, and lowercases
// only words that hold an uppercase letter. Tokenizing is most of the cost
// of entity extraction.
func scan(s string) []tokenize.Token {
	out := make([]tokenize.Token, 0, len(s)/6+1)
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
			out = append(out, tokenize.Token{Text: w, Lower: lower, Start: start})
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
	return out
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
