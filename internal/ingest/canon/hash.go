package canon

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// minHashWords is the least amount of text worth hashing: below it, unrelated
// items (empty bodies, "Read more", a lone headline word) would collide and
// be wrongly merged as duplicates.
const minHashWords = 8

// ContentHash returns a hex digest (128 bits of SHA-256) of text normalized
// for exact cross-source deduplication: case, punctuation and whitespace
// differences between two copies of the same wire story do not change it.
// Text shorter than a few words returns "", which never equals another hash.
func ContentHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	words, inWord := 0, false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if !inWord && words > 0 {
				b.WriteByte(' ')
			}
			if !inWord {
				words++
			}
			inWord = true
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		inWord = false
	}
	if words < minHashWords {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}
