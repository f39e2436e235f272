package summarize

import "github.com/tidings/tidings/internal/intel/tokenize"

// appendWords appends the lowercase words of s to dst, as tokenize.Words
// has them, without building the intermediate tokens.
func appendWords(dst []string, s string) []string {
	tokenize.EachToken(s, func(_, lower string, _ int) { dst = append(dst, lower) })
	return dst
}
