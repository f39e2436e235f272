package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period but rarely end a sentence. Sentences
// must also work on all-lowercase text, where the next word's capital
// letter is no cue, so abbreviations and initials carry the decision.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "adm": true, "rev": true, "hon": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "fig": true, "approx": true, "dept": true,
	"u.n": true, "est": true, "govt": true,
}

// Sentences splits text into sentences: at line breaks (feeds' plain text
// keeps one paragraph a line), and within a line at '.', '!' or '?' (plus
// closing quotes or brackets) followed by a space and a letter, digit or
// opening quote, unless the word before the period is an abbreviation or a
// single letter.
func Sentences(text string) []string {
	var out []string
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line != "" {
			out = splitLine(line, out)
		}
	}
	return out
}

// enders are the bytes that may end a sentence.
const enders = ".!?"

func splitLine(line string, out []string) []string {
	start := 0
	// next[k] is where enders[k] next occurs at or after the scan, or
	// len(line): finding them with strings.IndexByte, which scans fast,
	// saves looking at each byte.
	next := [len(enders)]int{-1, -1, -1}
	for i := 0; i < len(line); i++ {
		i = nextEnder(line, i, &next)
		if i >= len(line) {
			break
		}
		c := line[i]
		end := i + 1
		for end < len(line) {
			if strings.IndexByte("\"')]", line[end]) >= 0 {
				end++
				continue
			}
			r, size := utf8.DecodeRuneInString(line[end:])
			if r == '”' || r == '’' {
				end += size
				continue
			}
			break
		}
		if end >= len(line) || line[end] != ' ' {
			continue
		}
		j := end
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j >= len(line) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(line[j:])
		if !(unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘(", next)) {
			continue
		}
		if c == '.' && abbreviated(line[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:end]))
		start = j
		i = j - 1
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// nextEnder returns the position of the first ender at or after i, or
// len(line), updating next.
func nextEnder(line string, i int, next *[len(enders)]int) int {
	first := len(line)
	for k := range next {
		if next[k] < i {
			next[k] = len(line)
			if j := strings.IndexByte(line[i:], enders[k]); j >= 0 {
				next[k] = i + j
			}
		}
		first = min(first, next[k])
	}
	return first
}

// abbreviated reports whether the word ending s is an abbreviation or an
// initial, so that the period after it does not end a sentence.
func abbreviated(s string) bool {
	k := strings.LastIndexAny(s, " (\"")
	w := s[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	return isAbbreviation(w)
}

// isAbbreviation reports whether abbreviations lists w lowercased, without
// allocating for an ASCII word.
func isAbbreviation(w string) bool {
	var buf [8]byte // longer than any abbreviation
	if len(w) > len(buf) {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return abbreviations[strings.ToLower(w)] // may shrink
			}
		}
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}
