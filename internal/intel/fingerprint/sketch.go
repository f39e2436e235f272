package fingerprint

import (
	"math"
	"slices"
)

// Sketch sizes. sketchSize hashes (512 bytes) estimate the resemblance of
// two long texts within a few hundredths and keep texts of up to about 130
// words exact; the lead keeps a teaser of a long text verifiable when too
// few of its shingles fall in the long text's sample.
const (
	sketchSize   = 128
	leadShingles = 32
	// minSample is how many of the shorter text's shingles must fall in
	// the common sample for the sampled containment to be trusted.
	minSample = 8
)

// complete reports whether the sketch holds all the text's shingles.
func (p *Print) complete() bool { return len(p.Sketch) == p.Shingles }

// estimate returns the resemblance and containment of two texts from
// their sketches: exactly when both are complete; otherwise from the
// common sample, the hashes up to the lower of the two sketches' largest
// (a bottom-k sketch holds every shingle of its text below that bound, so
// both restricted sketches are uniform samples of their texts).
func estimate(a, b *Print) (jaccard, containment float64) {
	if a.Shingles == 0 || b.Shingles == 0 {
		return 0, 0
	}
	if a.complete() && b.complete() {
		return Resemblance(a.Sketch, b.Sketch)
	}
	bound := uint32(math.MaxUint32)
	for _, p := range []*Print{a, b} {
		if !p.complete() {
			bound = min(bound, p.Sketch[len(p.Sketch)-1])
		}
	}
	sa, sb := upTo(a.Sketch, bound), upTo(b.Sketch, bound)
	inter := intersection(sa, sb)
	if u := len(sa) + len(sb) - inter; u > 0 {
		jaccard = float64(inter) / float64(u)
	}
	small, large, ss := a, b, sa
	if b.Shingles < a.Shingles {
		small, large, ss = b, a, sb
	}
	if len(ss) >= minSample || !small.complete() {
		if len(ss) > 0 {
			containment = float64(inter) / float64(len(ss))
		}
		return jaccard, containment
	}
	// Too few of the short text's shingles fall in the sample: count
	// those the long text is known to hold, in its sample or its lead.
	// This is a lower bound, exact for a teaser of the long text's start.
	known := 0
	for _, h := range small.Sketch {
		if has(large.Sketch, h) || has(large.Lead, h) {
			known++
		}
	}
	return jaccard, float64(known) / float64(len(small.Sketch))
}

func upTo(s []uint32, bound uint32) []uint32 {
	i, _ := slices.BinarySearch(s, bound)
	for i < len(s) && s[i] == bound {
		i++
	}
	return s[:i]
}

func has(s []uint32, h uint32) bool {
	_, ok := slices.BinarySearch(s, h)
	return ok
}

func intersection(a, b []uint32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
