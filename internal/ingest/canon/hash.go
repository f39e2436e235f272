package canon

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"
)

// minHashWords is the least amount of text worth hashing: below it, unrelated
// items (empty bodies, "Read more", a lone headline word) would collide and
// be wrongly merged as duplicates.
const minHashWords = 8

// ContentHash returns a hex digest (128 bits of SHA-256) of text normalized
// for exact cross-source deduplication: case, punctuation and whitespace
// differences between two copies of the same wire story do not change it.
// Text shorter than a few words returns "", which never equals another hash.
// The normalized text (lowercase words joined by single spaces) streams
// into the hash through a small buffer, ASCII without rune decoding.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [4096]byte
	n, words, inWord := 0, 0, false
	put := func(p []byte) {
		if n+len(p) > len(buf) {
			h.Write(buf[:n])
			n = 0
		}
		n += copy(buf[n:], p)
	}
	var rb [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		var word bool
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			word = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		if !word {
			inWord = false
			continue
		}
		if !inWord {
			if words > 0 {
				put(space)
			}
			words++
		}
		inWord = true
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			rb[0] = c
			put(rb[:1])
			continue
		}
		put(rb[:utf8.EncodeRune(rb[:], unicode.ToLower(r))])
	}
	if words < minHashWords {
		return ""
	}
	h.Write(buf[:n])
	return hex.EncodeToString(h.Sum(nil)[:16])
}

var space = []byte{' '}
