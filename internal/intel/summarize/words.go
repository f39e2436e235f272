package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/tidings/tidings/internal/intel/tokenize"
)

// appendWords appends the lowercase words of s to dst, as tokenize.Words
// has them, without building the intermediate tokens.
func appendWords(dst []string, s string) []string {
	tokenize.EachToken(s, func(_, lower string, _ int) { dst = append(dst, lower) })
	return dst
}

// An interner numbers the content words of a text, so that counting and
// summing their frequencies indexes a slice instead of hashing a string.
type interner struct {
	words map[string]int32 // a lowercase content word: its number
	tf    []int            // by number: occurrences in the text
	// keys holds the words lowercased here, back to back: a strings.Builder
	// never writes its bytes again, so the keys cut from it stay valid.
	keys strings.Builder
}

func (in *interner) init(textLen int) {
	// As wordStats: room for a distinct word every 12 bytes.
	hint := min(textLen/12+8, 1024)
	in.words = make(map[string]int32, hint)
	in.tf = make([]int, 0, hint)
}

// id returns the number of the lowercase form of the token w, or -1 when
// it is no content word; upper reports an uppercase letter in w. An ASCII
// word is lowercased on the stack, so only a new word allocates.
func (in *interner) id(w string, upper bool) int32 {
	var buf [32]byte
	if !upper {
		return in.lookup(w)
	}
	if len(w) > len(buf) {
		return in.lookup(strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return in.lookup(strings.ToLower(w))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	b := buf[:len(w)]
	if !content(string(b)) { // no allocation
		return -1
	}
	if id, ok := in.words[string(b)]; ok { // no allocation
		return id
	}
	if in.keys.Cap()-in.keys.Len() < len(b) {
		in.keys = strings.Builder{}
		in.keys.Grow(512)
	}
	in.keys.Write(b)
	all := in.keys.String()
	return in.add(all[len(all)-len(b):])
}

// lookup is id for the lowercase word w.
func (in *interner) lookup(w string) int32 {
	if !content(w) {
		return -1
	}
	if id, ok := in.words[w]; ok {
		return id
	}
	return in.add(w)
}

func (in *interner) add(w string) int32 {
	id := int32(len(in.tf))
	in.words[w] = id
	in.tf = append(in.tf, 0)
	return id
}
