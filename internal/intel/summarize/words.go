package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendWords appends the lowercase words of s to dst. Words are runs of
// letters and digits with inner apostrophes, hyphens and periods, as
// tokenize.Words has them; this copy avoids building Tokens, which would
// cost a third of the summary's time and nothing here needs offsets.
func appendWords(dst []string, s string) []string {
	start := -1
	upper := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := trimTail(s[start:end])
		if w != "" {
			if upper {
				w = strings.ToLower(w)
			}
			dst = append(dst, w)
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
			if unicode.IsUpper(r) {
				upper = true
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(s))
	return dst
}

// trimTail drops trailing apostrophes, hyphens and periods, like
// strings.TrimRight(w, "'’-.") without building a cutset per call.
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
