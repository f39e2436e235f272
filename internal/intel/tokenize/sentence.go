package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period but rarely end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "rev": true, "hon": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "fig": true, "approx": true, "dept": true,
}

// Sentences splits text into sentences. Line breaks always end a sentence
// (feeds' plain text keeps one paragraph a line); within a line a sentence
// ends at '.', '!' or '?' followed by space and an uppercase letter, a digit
// or a quote, unless the word before is a known abbreviation or an initial.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, splitLine(line)...)
	}
	return out
}

func splitLine(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Swallow closing quotes and brackets after the mark.
		end := i + 1
		for end < len(line) && strings.IndexByte("\"')]’”", line[end]) >= 0 {
			end++
		}
		for end < len(line) && (line[end] == 0xE2) { // ” ’ in UTF-8 start with E2
			r, size := utf8.DecodeRuneInString(line[end:])
			if r != '”' && r != '’' {
				break
			}
			end += size
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
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘(`", next)) {
			continue
		}
		if c == '.' && isAbbreviation(line[start:i]) {
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

// isAbbreviation reports whether the word ending s (before a period) is an
// abbreviation or a single-letter initial.
func isAbbreviation(s string) bool {
	k := strings.LastIndexAny(s, " (\"")
	w := s[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}
