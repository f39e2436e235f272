package fingerprint

import (
	"math/bits"

	"github.com/tidings/tidings/internal/offheap"
)

// A record is the copy of a Print that the Index keeps for each text of
// the window, in uint32 words: a header, then the Print's slices back to
// back. The sorted sketch and lead are stored as the gaps between their
// hashes, bit-packed at the width of the largest gap: the sketch holds a
// text's smallest hashes, so its gaps are about 2³²/shingles and fit in
// some 24 bits, not 32. Hashes of the sketch are left out of the lead and
// the anchors (those anchors are the sketch's multiples of anchorMod), and
// a record has no pointer: it takes about 70 % of the space of a Print.
//
//	word 0                 shingles
//	word 1                 sketch length | sketch width<<8 | lead length<<16 | lead width<<24
//	word 2                 number of anchors
//	word 3                 number of title words
//	bands words            band keys, when the text has shingles
//	then                   sketch gaps, lead gaps, anchors, title words
type record []uint32

const recordHeader = 4

// Word 1 holds the sketch's and the lead's lengths in a byte each.
const _, _ = uint8(sketchSize), uint8(leadShingles)

// recordParts returns p's lead and anchors as a record holds them,
// without the hashes of its sketch, appended to lead and anchors.
func recordParts(p *Print, lead, anchors []uint32) ([]uint32, []uint32) {
	return appendExcept(lead, p.Lead, p.Sketch, 1), appendExcept(anchors, p.Anchors, p.Sketch, anchorMod)
}

// appendExcept appends to dst the hashes of the sorted s that are not
// multiples of mod in the sorted sketch.
func appendExcept(dst, s, sketch []uint32, mod uint32) []uint32 {
	j := 0
	for _, h := range s {
		for j < len(sketch) && sketch[j] < h {
			j++
		}
		if h%mod != 0 || j == len(sketch) || sketch[j] != h {
			dst = append(dst, h)
		}
	}
	return dst
}

// appendRecord appends the record of p, whose lead and anchors
// recordParts gave, to dst.
func appendRecord(dst []uint32, p *Print, lead, anchors []uint32) []uint32 {
	sw, lw := gapWidth(p.Sketch), gapWidth(lead)
	dst = append(dst,
		uint32(p.Shingles),
		uint32(len(p.Sketch))|uint32(sw)<<8|uint32(len(lead))<<16|uint32(lw)<<24,
		uint32(len(anchors)),
		uint32(len(p.Title)))
	if p.Shingles > 0 {
		dst = append(dst, p.Bands[:]...)
	}
	dst = appendGaps(dst, p.Sketch, sw)
	dst = appendGaps(dst, lead, lw)
	dst = append(dst, anchors...)
	return append(dst, p.Title...)
}

// recordSize returns how many words the record of p takes.
func recordSize(p *Print, lead, anchors []uint32) int {
	n := recordHeader + packedWords(len(p.Sketch), gapWidth(p.Sketch)) +
		packedWords(len(lead), gapWidth(lead)) + len(anchors) + len(p.Title)
	if p.Shingles > 0 {
		n += bands
	}
	return n
}

func (r record) shingles() int { return int(r[0]) }

// layout returns the lengths and widths of word 1.
func (r record) layout() (sketchLen, sketchW, leadLen, leadW int) {
	w := r[1]
	return int(w & 0xff), int(w >> 8 & 0xff), int(w >> 16 & 0xff), int(w >> 24)
}

// bands returns the band keys, or nil for a text without shingles.
func (r record) bands() []uint32 {
	if r.shingles() == 0 {
		return nil
	}
	return r[recordHeader : recordHeader+bands]
}

// gaps returns the offset of the sketch gaps.
func (r record) gaps() int {
	if r.shingles() == 0 {
		return recordHeader
	}
	return recordHeader + bands
}

// anchorsTitle returns the anchors not in the sketch and the title's
// word hashes.
func (r record) anchorsTitle() (anchors, title []uint32) {
	sl, sw, ll, lw := r.layout()
	i := r.gaps() + packedWords(sl, sw) + packedWords(ll, lw)
	na, nt := int(r[2]), int(r[3])
	return r[i : i+na : i+na], r[i+na : i+na+nt : i+na+nt]
}

// load sets p to the record's shingle count, sketch, lead and title: what
// estimate and isDuplicate read of an indexed text (the lead without the
// hashes of the sketch, which estimate looks up in both). The sketch and
// the lead, when withLead, are unpacked into the space of p's.
func (r record) load(p *Print, withLead bool) {
	sl, sw, ll, lw := r.layout()
	i := r.gaps()
	p.Shingles = r.shingles()
	p.Sketch = unpackGaps(p.Sketch[:0], r[i:], sl, sw)
	p.Lead = p.Lead[:0]
	if withLead {
		i += packedWords(sl, sw)
		p.Lead = unpackGaps(p.Lead, r[i:], ll, lw)
	}
	_, p.Title = r.anchorsTitle()
}

// gapWidth returns the bits needed by the largest gap of the sorted
// hashes s, the first counted from 0.
func gapWidth(s []uint32) int {
	var or, prev uint32
	for _, h := range s {
		or |= h - prev
		prev = h
	}
	return bits.Len32(or)
}

// packedWords returns how many words n values of w bits take.
func packedWords(n, w int) int { return (n*w + 31) / 32 }

// appendGaps appends the gaps of the sorted hashes s, w bits each, to dst.
func appendGaps(dst, s []uint32, w int) []uint32 {
	var acc uint64
	nb := 0
	var prev uint32
	for _, h := range s {
		acc |= uint64(h-prev) << nb
		prev = h
		if nb += w; nb >= 32 {
			dst = append(dst, uint32(acc))
			acc >>= 32
			nb -= 32
		}
	}
	if nb > 0 {
		dst = append(dst, uint32(acc))
	}
	return dst
}

// unpackGaps appends to dst the n hashes whose gaps, w bits each, src
// holds.
func unpackGaps(dst, src []uint32, n, w int) []uint32 {
	var acc uint64
	nb, j := 0, 0
	mask := uint64(1)<<w - 1
	var h uint32
	for range n {
		if nb < w {
			acc |= uint64(src[j]) << nb
			j++
			nb += 32
		}
		h += uint32(acc & mask)
		acc >>= w
		nb -= w
		dst = append(dst, h)
	}
	return dst
}

// records holds the Index's records back to back in large chunks rather
// than one allocation each: allocation size classes would waste some 5 %
// of a record, and each would need a 24-byte slice header. The window
// adds texts in time order and evicts the oldest, so a chunk's records
// leave together and the chunk is then dropped. The chunks are mapped
// outside the Go heap (see package offheap): no slice of a record may
// outlive its removal.
type records struct {
	arena *offheap.Arena
	// lead and anchors are add's scratch space.
	lead, anchors []uint32
}

// chunkWords is a chunk's size: 64 KiB, some 100 records of long texts.
const chunkWords = 1 << 14

// ref locates a record: its chunk and its offset there.
type ref = offheap.Ref

func newRecords() records { return records{arena: offheap.NewArena(chunkWords)} }

// add stores the record of p.
func (rs *records) add(p *Print) ref {
	lead, anchors := recordParts(p, rs.lead[:0], rs.anchors[:0])
	rs.lead, rs.anchors = lead, anchors
	n := recordSize(p, lead, anchors)
	r, dst := rs.arena.Alloc(n)
	if len(appendRecord(dst[:0], p, lead, anchors)) != n {
		panic("fingerprint: record size mismatch") // it would have left its chunk
	}
	return r
}

// get returns the record at r, followed by the rest of its chunk.
func (rs *records) get(r ref) record { return rs.arena.Get(r) }

// remove drops the record at r: its chunk when it was the chunk's last.
func (rs *records) remove(r ref) { rs.arena.Free(r) }
