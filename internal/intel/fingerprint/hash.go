package fingerprint

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is splitmix64's finalizer: it spreads FNV's weak low bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// asciiWord maps an ASCII byte that belongs to a word (a letter or digit)
// to its lowercase form and any other byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// words holds a text's words as Words returns them, lowercased, in one
// array, each after a space but the first: the bytes of words i..j-1 are
// then b[start[i]:end(j-1)], the words joined by spaces, so a shingle is
// hashed without building a string.
type words struct {
	b     []byte
	start []int32
}

func (w *words) reset() {
	w.b, w.start = w.b[:0], w.start[:0]
}

func (w *words) len() int { return len(w.start) }

// end returns the end of word i in w.b.
func (w *words) end(i int) int {
	if i+1 < len(w.start) {
		return int(w.start[i+1]) - 1
	}
	return len(w.b)
}

// add appends the words of s.
func (w *words) add(s string) {
	b := w.b
	in := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if l := asciiWord[c]; l != 0 {
				if !in {
					b = w.open(b)
					in = true
				}
				b = append(b, l)
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if !in {
					b = w.open(b)
					in = true
				}
				b = utf8.AppendRune(b, unicode.ToLower(r))
				continue
			}
		}
		in = false
	}
	w.b = b
}

// open starts a word at the end of b.
func (w *words) open(b []byte) []byte {
	if len(w.start) > 0 {
		b = append(b, ' ')
	}
	w.start = append(w.start, int32(len(b)))
	return b
}

// hash returns the hash of words i..j-1 joined by spaces.
func (w *words) hash(i, j int) uint64 {
	return mix(hashBytes(w.b[w.start[i]:w.end(j-1)]))
}

// hashBytes is FNV-1a.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// appendShingles appends the hash of each shingleWords-word window of w
// (one shingle of all the words when there are fewer).
func appendShingles(dst []uint32, w *words) []uint32 {
	n := max(1, w.len()-shingleWords+1)
	for i := range n {
		dst = append(dst, uint32(w.hash(i, min(w.len(), i+shingleWords))>>32))
	}
	return dst
}

// minhash returns the MinHash signature of a set of shingle hashes. Each
// shingle is mixed once to 64 bits, x; the sigSize hash functions are then
// the permutations x·a+b (mod 2⁶⁴) of x, with random odd a. xs is scratch
// space.
func minhash(sh []uint32, xs []uint64) [sigSize]uint64 {
	xs = xs[:len(sh)]
	for i, h := range sh {
		xs[i] = mix(uint64(h) ^ minhashSalt)
	}
	var sig [sigSize]uint64
	for i := range sig {
		a, b := permMul[i], permAdd[i]
		m0, m1 := ^uint64(0), ^uint64(0)
		j := 0
		for ; j+1 < len(xs); j += 2 {
			m0 = min(m0, xs[j]*a+b)
			m1 = min(m1, xs[j+1]*a+b)
		}
		if j < len(xs) {
			m0 = min(m0, xs[j]*a+b)
		}
		sig[i] = min(m0, m1)
	}
	return sig
}

const minhashSalt = 0x6d696e68617368

// permMul and permAdd are fixed so signatures are the same in every process.
var permMul, permAdd = func() (m, a [sigSize]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range m {
		x += 0x9e3779b97f4a7c15
		m[i] = mix(x) | 1
		x += 0x9e3779b97f4a7c15
		a[i] = mix(x)
	}
	return m, a
}()

// sortHashes sorts s, using tmp (at least as long) as scratch space: a
// radix sort, as the hashes are many and uniformly spread.
func sortHashes(s, tmp []uint32) {
	if len(s) < 128 {
		slices.Sort(s)
		return
	}
	var count [4][256]uint32
	for _, v := range s {
		count[0][uint8(v)]++
		count[1][uint8(v>>8)]++
		count[2][uint8(v>>16)]++
		count[3][uint8(v>>24)]++
	}
	src, dst := s, tmp[:len(s)]
	for pass := range count {
		c := &count[pass]
		shift := uint(pass * 8)
		if c[uint8(src[0]>>shift)] == uint32(len(s)) {
			continue // every hash has the same digit here
		}
		sum := uint32(0)
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		for _, v := range src {
			d := uint8(v >> shift)
			dst[c[d]] = v
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}
