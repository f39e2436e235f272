package fingerprint

import (
	"slices"

	"github.com/tidings/tidings/internal/offheap"
)

// postings maps keys to the entries holding them, compactly: the window
// holds tens of thousands of texts with some thirty keys each, and almost
// every key belongs to one text only. So a key's single entry is stored
// beside it and only shared keys get a list, and the table is open
// addressing over 8-byte slots kept 72–90 % full: it grows by a quarter at
// a time, in parts that grow one by one, so that no growth copies much at
// once. A Go map took half as much space again per key. A part's slots
// are mapped outside the Go heap once they take a page (package offheap).
type postings struct {
	parts [postingParts]part
	lists [][]int32
	free  []int32 // unused indexes in lists
	// cap bounds a list; the newest entries are kept. 0: unbounded.
	cap int
	// mapped counts the bytes of the parts' slots outside the heap.
	mapped int
}

// A part is a table of linear probing. A slot holds a key in its high
// half and in its low half an entry ID plus one or, with the top bit
// set, an index in lists; an empty slot is 0.
type part struct {
	slots []uint64
	n     int
}

const (
	postingParts = 64
	partBits     = 6
	listBit      = 1 << 31
	// A part grows to a quarter more slots when it would be fuller
	// than maxFill tenths.
	maxFill  = 9
	minSlots = 8
)

func newPostings(limit int) *postings { return &postings{cap: limit} }

// locate returns k's part and its slot there, or the empty slot where it
// would go.
func (p *postings) locate(k uint32) (*part, int, bool) {
	h := hashKey(k)
	t := &p.parts[h>>(64-partBits)]
	if len(t.slots) == 0 {
		return t, -1, false
	}
	i := home(h, len(t.slots))
	for {
		s := t.slots[i]
		if s == 0 {
			return t, i, false
		}
		if uint32(s>>32) == k {
			return t, i, true
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// hashKey spreads a key over 64 bits: anchors are multiples of anchorMod.
func hashKey(k uint32) uint64 { return uint64(k) * 0x9e3779b97f4a7c15 }

// home maps a key's hash to its first slot among n: the 32 bits below
// those that choose the part, scaled to n.
func home(h uint64, n int) int { return int(uint64(uint32(h>>(32-partBits))) * uint64(n) >> 32) }

// each calls f with the entries of k, oldest first.
func (p *postings) each(k uint32, f func(id int32)) {
	t, i, ok := p.locate(k)
	if !ok {
		return
	}
	v := uint32(t.slots[i])
	if v&listBit == 0 {
		f(int32(v - 1))
		return
	}
	for _, id := range p.lists[v&^listBit] {
		f(id)
	}
}

func (p *postings) add(k uint32, id int32) {
	t, i, ok := p.locate(k)
	if !ok {
		if (t.n+1)*10 > len(t.slots)*maxFill {
			p.mapped += t.grow()
			_, i, _ = p.locate(k)
		}
		t.slots[i] = uint64(k)<<32 | uint64(uint32(id)+1)
		t.n++
		return
	}
	v := uint32(t.slots[i])
	if v&listBit == 0 {
		var li int32
		if n := len(p.free); n > 0 {
			li = p.free[n-1]
			p.free = p.free[:n-1]
		} else {
			li = int32(len(p.lists))
			p.lists = append(p.lists, nil)
		}
		p.lists[li] = append(p.lists[li][:0], int32(v-1), id)
		t.slots[i] = uint64(k)<<32 | uint64(li) | listBit
		return
	}
	li := v &^ listBit
	l := append(p.lists[li], id)
	if p.cap > 0 && len(l) > p.cap {
		l = slices.Delete(l, 0, 1)
	}
	p.lists[li] = l
}

func (p *postings) remove(k uint32, id int32) {
	t, i, ok := p.locate(k)
	if !ok {
		return
	}
	v := uint32(t.slots[i])
	if v&listBit == 0 {
		if int32(v-1) == id {
			t.delete(i)
		}
		return
	}
	li := int32(v &^ listBit)
	l := p.lists[li]
	if j := slices.Index(l, id); j >= 0 {
		l = slices.Delete(l, j, j+1)
	}
	switch len(l) {
	case 0:
		t.delete(i)
	case 1:
		t.slots[i] = uint64(k)<<32 | uint64(uint32(l[0])+1)
	default:
		p.lists[li] = l
		return
	}
	p.lists[li] = nil
	p.free = append(p.free, li)
}

// delete empties slot i, moving back the slots after it that would
// otherwise no longer be found.
func (t *part) delete(i int) {
	n := len(t.slots)
	for j := i; ; {
		if j++; j == n {
			j = 0
		}
		s := t.slots[j]
		if s == 0 {
			break
		}
		h := home(hashKey(uint32(s>>32)), n)
		// The slot at j may move to i unless its home lies after i.
		if (j-h+n)%n >= (j-i+n)%n {
			t.slots[i] = s
			i = j
		}
	}
	t.slots[i] = 0
	t.n--
}

// grow moves the part's slots to a quarter more (to the end of the last
// page when mapped) and returns the change in mapped bytes.
func (t *part) grow() int {
	old := t.slots
	t.slots = offheap.Make[uint64](max(minSlots, len(old)+len(old)/4))
	t.slots = t.slots[:cap(t.slots)]
	n := len(t.slots)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := home(hashKey(uint32(s>>32)), n)
		for t.slots[i] != 0 {
			if i++; i == n {
				i = 0
			}
		}
		t.slots[i] = s
	}
	d := offheap.Mapped(t.slots) - offheap.Mapped(old)
	offheap.Free(old)
	return d
}

// release frees the parts' slots: the postings are empty afterwards.
func (p *postings) release() {
	for i := range p.parts {
		offheap.Free(p.parts[i].slots)
		p.parts[i] = part{}
	}
	p.mapped = 0
}
