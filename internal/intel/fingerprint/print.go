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
	"sync"
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

// Print is the fingerprint of one text. The Index keeps a copy of every
// indexed Print (see record), so a Print holds a bounded sketch of the
// text, not the text's shingle set: under a kilobyte however long the text.
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
	sc := scratchPool.Get().(*scratch)
	defer sc.put()
	body, tw := &sc.body, &sc.title
	body.reset()
	for _, l := range lines {
		body.add(l)
	}
	tw.reset()
	tw.add(title)

	p := &Print{}
	anchors := sc.anchors[:0]
	var sh, lead []uint32
	if body.len() > 0 {
		sh = appendShingles(sc.sh[:0], body)
		sc.sh = sh
		anchors = append(anchors, sh[:min(len(sh), leadAnchors)]...)
		if len(sh) > sketchSize {
			lead = append(sc.lead[:0], sh[:leadShingles]...)
			sc.lead = lead
			slices.Sort(lead)
			lead = slices.Compact(lead)
		}
		sc.tmp = slices.Grow(sc.tmp[:0], len(sh))
		sortHashes(sh, sc.tmp[:len(sh)])
		sh = slices.Compact(sh)
		p.Shingles = len(sh)
		sc.xs = slices.Grow(sc.xs[:0], len(sh))
		p.Bands = bandKeys(minhash(sh, sc.xs[:len(sh)]))
		for _, h := range sh {
			if h%anchorMod == 0 {
				anchors = append(anchors, h)
			}
		}
		sh = sh[:min(len(sh), sketchSize)]
		if p.Shingles <= sketchSize {
			lead = nil
		}
	}
	// The title is an anchor too (whole, and without an outlet's suffix),
	// for teasers whose body is too short to find their full text.
	if n := tw.len(); n > 0 {
		anchors = append(anchors, uint32(mix(tw.hash(0, n)^titleSalt)))
		if core := stripOutlet(title); len(core) < len(title) {
			cw := &sc.core
			cw.reset()
			cw.add(core)
			if k := cw.len(); k > 0 && k < n {
				anchors = append(anchors, uint32(mix(cw.hash(0, k)^titleSalt)))
			}
		}
	}
	slices.Sort(anchors)
	anchors = slices.Compact(anchors)
	sc.anchors = anchors
	titles := sc.titles[:0]
	for i := range tw.len() {
		titles = append(titles, uint32(tw.hash(i, i+1)>>32))
	}
	sc.titles = titles
	slices.Sort(titles)
	titles = slices.Compact(titles)

	// One array holds the print's slices: one allocation, not four.
	buf := make([]uint32, 0, len(sh)+len(lead)+len(anchors)+len(titles))
	part := func(s []uint32) []uint32 {
		if len(s) == 0 {
			return nil
		}
		i := len(buf)
		buf = append(buf, s...)
		return buf[i:len(buf):len(buf)]
	}
	p.Sketch = part(sh)
	p.Lead = part(lead)
	p.Anchors = part(anchors)
	p.Title = part(titles)
	return p
}

// scratch holds FromLines' working buffers between calls.
type scratch struct {
	body, title, core              words
	xs                             []uint64
	sh, tmp, lead, anchors, titles []uint32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// put returns sc to the pool unless a huge text made its buffers large.
func (sc *scratch) put() {
	if cap(sc.body.b) > 1<<20 {
		return
	}
	scratchPool.Put(sc)
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
