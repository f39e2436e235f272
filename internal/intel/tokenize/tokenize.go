// Package tokenize splits text into words and sentences for the analysis
// stages. It is pure and deterministic.
package tokenize

// Token is a word as it appears in the text, with its lowercase form.
type Token struct {
	Text  string // as written
	Lower string // lowercased
	Start int    // byte offset of Text in the input
}

// Tokens splits s into words: runs of letters and digits, keeping inner
// apostrophes, hyphens and periods ("don't", "e-mail", "U.S.") whole.
func Tokens(s string) []Token {
	out := make([]Token, 0, len(s)/6+1)
	EachToken(s, func(text, lower string, start int) {
		out = append(out, Token{Text: text, Lower: lower, Start: start})
	})
	return out
}

// Words returns the lowercase words of s.
func Words(s string) []string {
	var out []string
	EachToken(s, func(_, lower string, _ int) {
		if out == nil {
			out = make([]string, 0, len(s)/6+1)
		}
		out = append(out, lower)
	})
	return out
}

// Spaces reports whether s is only ASCII spaces (or empty): two tokens
// with only spaces between them are in one phrase.
func Spaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}
