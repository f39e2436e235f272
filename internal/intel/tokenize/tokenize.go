// Package tokenize splits text into words and sentences for the analysis
// stages. It is pure and deterministic.
package tokenize

import (
	"strings"
	"unicode"
)

// Token is a word as it appears in the text, with its lowercase form.
type Token struct {
	Text  string // as written
	Lower string // lowercased
	Start int    // byte offset of Text in the input
}

// Tokens splits s into words: runs of letters and digits, keeping inner
// apostrophes, hyphens and periods ("don't", "e-mail", "U.S.") whole.
func Tokens(s string) []Token {
	var out []Token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		t := s[start:end]
		t = strings.TrimRight(t, "'’-.")
		if t != "" {
			out = append(out, Token{Text: t, Lower: strings.ToLower(t), Start: start})
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0:
			// Kept only when followed by a letter or digit.
			next := nextRune(s, i)
			if !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				flush(i)
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// Words returns the lowercase words of s.
func Words(s string) []string {
	toks := Tokens(s)
	if len(toks) == 0 {
		return nil
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Lower
	}
	return out
}

func nextRune(s string, i int) rune {
	for j, r := range s[i:] {
		if j > 0 {
			return r
		}
	}
	return 0
}
