package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EachToken calls fn with each token of s in order, as Tokens returns them,
// without building a slice. Tokenizing is most of the cost of the text
// stages, so it scans ASCII by a byte table, without utf8, and lowercases
// only words that hold an uppercase letter; an ASCII word is lowercased
// into a block of memory shared by the words of the call, so that lower,
// which the caller may keep, does not cost an allocation of its own.
func EachToken(s string, fn func(text, lower string, start int)) {
	sc := Scanner{s: s}
	var block strings.Builder // lowercased ASCII words, only ever appended to
	for {
		start, end, upper, ascii := sc.next()
		if start < 0 {
			return
		}
		w := s[start:end]
		lower := w
		if upper {
			if ascii && len(w) <= maxBlockWord {
				lower = lowerInto(&block, w, len(s)-start)
			} else {
				lower = strings.ToLower(w)
			}
		}
		fn(w, lower, start)
	}
}

// maxBlockWord is the longest word lowerInto takes; blockSize bounds the
// blocks it allocates, and so the memory a kept word holds on to.
const (
	maxBlockWord = 64
	blockSize    = 512
)

// lowerInto appends the lowercase form of the ASCII word w to b and returns
// it, starting a new block of up to rest bytes (what remains of the text,
// which bounds what the call can still lowercase) when b is full. Bytes
// written to a strings.Builder are never written again, so the strings cut
// from it stay valid however the caller keeps them.
func lowerInto(b *strings.Builder, w string, rest int) string {
	if b.Cap()-b.Len() < len(w) {
		*b = strings.Builder{}
		b.Grow(max(len(w), min(rest, blockSize)))
	}
	var buf [maxBlockWord]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	b.Write(buf[:len(w)])
	all := b.String()
	return all[len(all)-len(w):]
}

// A Scanner yields the tokens of a string one at a time, as EachToken calls
// its function with them, but leaves lowercasing to the caller, who may
// need it only once per distinct word: the lowercase form of a token is
// strings.ToLower(text) when Next reports an uppercase letter in it, and
// the text itself otherwise.
type Scanner struct {
	s string
	i int
}

// NewScanner returns a Scanner over the tokens of s.
func NewScanner(s string) Scanner { return Scanner{s: s} }

// Next returns the next token, its byte offset in the text and whether it
// holds an uppercase letter; ok is false when no token is left.
func (sc *Scanner) Next() (text string, start int, upper, ok bool) {
	start, end, upper, _ := sc.next()
	if start < 0 {
		return "", 0, false, false
	}
	return sc.s[start:end], start, upper, true
}

// Byte classes for the scanner.
const (
	cOther    = iota
	cWord     // a-z, 0-9
	cUpper    // A-Z
	cJoiner   // ' - . (inside a word when a letter or digit follows)
	cNonASCII // a byte of a multi-byte rune, or invalid
)

var class = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cWord
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cWord
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	t['\''], t['-'], t['.'] = cJoiner, cJoiner, cJoiner
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = cNonASCII
	}
	return t
}()

// next finds the next token s[start:end] (start < 0 when none is left),
// whether it holds an uppercase letter, and whether it is all ASCII.
//
// A token is a run of letters, digits and nonspacing marks, joined by an
// apostrophe (straight or curly), hyphen or period that a letter or digit
// follows. A token therefore never ends with a joining mark.
func (sc *Scanner) next() (start, end int, upper, ascii bool) {
	s, i := sc.s, sc.i
	// Skip to the start of a token.
	for i < len(s) {
		switch class[s[i]] {
		case cWord, cUpper:
		case cNonASCII:
			r, size := utf8.DecodeRuneInString(s[i:])
			if wordRune(r) {
				break
			}
			i += size
			continue
		default:
			i++
			continue
		}
		break
	}
	if i >= len(s) {
		sc.i = i
		return -1, -1, false, false
	}
	start, ascii = i, true
	for i < len(s) {
		k := class[s[i]]
		if k == cWord {
			i++
			continue
		}
		if k == cUpper {
			upper = true
			i++
			continue
		}
		if k == cJoiner {
			if alnumAt(s, i+1) {
				i++
				continue
			}
			break
		}
		if k != cNonASCII {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '’' {
			if alnumAt(s, i+size) {
				ascii = false
				i += size
				continue
			}
			break
		}
		if !wordRune(r) {
			break
		}
		ascii = false
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			upper = true
		}
		i += size
	}
	// The character at i, if any, ends the token; it cannot start one, so
	// the next call may look at it again.
	sc.i = i
	return start, i, upper, ascii
}

// wordRune reports whether the non-ASCII rune r belongs in a word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// alnumAt reports whether a letter or digit begins s[i:].
func alnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if k := class[s[i]]; k != cNonASCII {
		return k == cWord || k == cUpper
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
