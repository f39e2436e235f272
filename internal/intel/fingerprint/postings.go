package fingerprint

import "slices"

// postings maps keys to the entries holding them, compactly: the window
// holds tens of thousands of texts with some forty keys each, and almost
// every key belongs to one text only, so a key's single entry is stored in
// the map itself and only shared keys get a list.
type postings[K comparable] struct {
	// m holds an entry ID (≥ 0) or, negated minus one, an index in lists.
	m     map[K]int32
	lists [][]int32
	free  []int32 // unused indexes in lists
	// cap bounds a list; the newest entries are kept. 0: unbounded.
	cap int
}

func newPostings[K comparable](limit int) *postings[K] {
	return &postings[K]{m: map[K]int32{}, cap: limit}
}

// each calls f with the entries of k, oldest first.
func (p *postings[K]) each(k K, f func(id int32)) {
	v, ok := p.m[k]
	switch {
	case !ok:
	case v >= 0:
		f(v)
	default:
		for _, id := range p.lists[-v-1] {
			f(id)
		}
	}
}

func (p *postings[K]) add(k K, id int32) {
	v, ok := p.m[k]
	switch {
	case !ok:
		p.m[k] = id
	case v >= 0:
		var li int32
		if n := len(p.free); n > 0 {
			li = p.free[n-1]
			p.free = p.free[:n-1]
		} else {
			li = int32(len(p.lists))
			p.lists = append(p.lists, nil)
		}
		p.lists[li] = append(p.lists[li][:0], v, id)
		p.m[k] = -li - 1
	default:
		l := append(p.lists[-v-1], id)
		if p.cap > 0 && len(l) > p.cap {
			l = slices.Delete(l, 0, 1)
		}
		p.lists[-v-1] = l
	}
}

func (p *postings[K]) remove(k K, id int32) {
	v, ok := p.m[k]
	switch {
	case !ok:
	case v >= 0:
		if v == id {
			delete(p.m, k)
		}
	default:
		li := -v - 1
		l := p.lists[li]
		if i := slices.Index(l, id); i >= 0 {
			l = slices.Delete(l, i, i+1)
		}
		switch len(l) {
		case 0:
			delete(p.m, k)
			p.lists[li] = nil
			p.free = append(p.free, li)
		case 1:
			p.m[k] = l[0]
			p.lists[li] = nil
			p.free = append(p.free, li)
		default:
			p.lists[li] = l
		}
	}
}
