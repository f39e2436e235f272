// Package fingerprint finds near-duplicate texts: syndicated wire copy,
// re-titled or copy-edited copies, truncated copies and teasers of a full
// text. A text becomes a set of hashed word shingles (after its boilerplate
// is stripped); an Index finds candidates in sublinear time through MinHash
// LSH bands (for resemblance) and sampled anchor shingles (for containment,
// which resemblance misses when one text is a short part of the other), then
// verifies each candidate on the exact shingle sets.
package fingerprint

import (
	"slices"
	"strings"
)

// Shingle length in words. Four words keep two outlets' independent
// sentences about one event apart while surviving light copy-editing.
const shingleWords = 4

// Number of MinHash values: bands × rows.
const (
	bands   = 8
	rows    = 4
	sigSize = bands * rows
)

// anchorMod samples shingles as anchors: about one in anchorMod (the
// lead anchors find most truncated copies), plus the
// first leadAnchors of the text, so a two-sentence teaser still has some.
const (
	anchorMod   = 32
	leadAnchors = 6
)

// Print is the fingerprint of one text. A Print is kept for every article
// of the window, so it holds a bounded sketch of the text, not the text's
// shingle set: about a kilobyte however long the text.
type Print struct {
	// Sketch is the sorted bottom-k sample of the text's distinct shingle
	// hashes (all of them when there are at most sketchSize): a uniform
	// sample, consistent across texts, from which resemblance and
	// containment are estimated (and computed exactly for short texts).
	Sketch []uint32
	// Lead holds the hashes of the text's first leadShingles shingles,
	// sorted: teasers and truncated copies are the start of a text, and
	// a short one may miss a long text's sample.
	Lead []uint32
	// Shingles is the number of distinct shingles of the text.
	Shingles int
	// Bands are the LSH keys of the MinHash signature, one per band, 32
	// bits each: a collision only costs one more candidate to verify.
	Bands [bands]uint32
	// Anchors are the shingles indexed for containment lookup.
	Anchors []uint32
	// Title is the sorted set of the title's word hashes.
	Title []uint32
}

// New fingerprints an article: its title and plain text body. The
// shingles are the body's only: syndication re-titles freely.
func New(title, body string) *Print { return FromLines(title, Clean(body)) }

// FromLines is New for a body already cleaned by Clean, for callers that
// need its lines too.
func FromLines(title string, lines []string) *Print {
	var words []string
	for _, l := range lines {
		words = append(words, Words(l)...)
	}
	tw := Words(title)
	p := &Print{Title: uniqueHashes(tw)}
	var anchors []uint32
	if len(words) > 0 {
		n := max(1, len(words)-shingleWords+1)
		sh := make([]uint32, 0, n)
		for i := 0; i < n; i++ {
			h := uint32(hashWords(words[i:min(len(words), i+shingleWords)]) >> 32)
			sh = append(sh, h)
			if i < leadAnchors {
				anchors = append(anchors, h)
			}
		}
		lead := slices.Clone(sh[:min(len(sh), leadShingles)])
		slices.Sort(lead)
		slices.Sort(sh)
		sh = slices.Compact(sh)
		p.Shingles = len(sh)
		p.Bands = bandKeys(minhash(sh))
		for _, h := range sh {
			if h%anchorMod == 0 {
				anchors = append(anchors, h)
			}
		}
		p.Sketch = slices.Clone(sh[:min(len(sh), sketchSize)])
		if len(sh) > sketchSize {
			p.Lead = slices.Compact(lead)
		}
	}
	// The title is an anchor too (whole, and without an outlet's suffix),
	// for teasers whose body is too short to find their full text.
	if len(tw) > 0 {
		anchors = append(anchors, uint32(mix(hashWords(tw)^titleSalt)))
		if core := Words(stripOutlet(title)); len(core) > 0 && len(core) < len(tw) {
			anchors = append(anchors, uint32(mix(hashWords(core)^titleSalt)))
		}
	}
	slices.Sort(anchors)
	p.Anchors = slices.Clip(slices.Compact(anchors))
	return p
}

// titleSalt keeps title anchors apart from shingle anchors.
const titleSalt = 0x7469746c65

// stripOutlet cuts an outlet's name appended to a title: "… | NDTV",
// "… - Reuters".
func stripOutlet(title string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if i := strings.LastIndex(title, sep); i > 0 && len(strings.Fields(title[i+len(sep):])) <= 4 {
			return title[:i]
		}
	}
	return title
}

// Resemblance returns |A∩B|/|A∪B| and the containment of the smaller set in
// the larger, |A∩B|/min(|A|,|B|).
func Resemblance[T uint32 | uint64](a, b []T) (jaccard, containment float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	return float64(inter) / float64(union), float64(inter) / float64(min(len(a), len(b)))
}

func uniqueHashes(words []string) []uint32 {
	out := make([]uint32, 0, len(words))
	for _, w := range words {
		out = append(out, uint32(mix(hashString(w, fnvOffset))>>32))
	}
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string, h uint64) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashWords(ws []string) uint64 {
	h := uint64(fnvOffset)
	for i, w := range ws {
		if i > 0 {
			h ^= ' '
			h *= fnvPrime
		}
		h = hashString(w, h)
	}
	return mix(h)
}

// mix is splitmix64's finalizer: it spreads FNV's weak low bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func minhash(sh []uint32) [sigSize]uint64 {
	var sig [sigSize]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, h := range sh {
		for i := range sig {
			v := mix(uint64(h) ^ seeds[i])
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// seeds are fixed so signatures are the same in every process.
var seeds = func() [sigSize]uint64 {
	var s [sigSize]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()
