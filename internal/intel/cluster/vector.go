// Package cluster groups articles into stories online: each new article
// joins the most similar recent story, or starts one, and two stories merge
// when a later article ties them together. Similarity is cosine over
// weighted term vectors (built by the caller), mixing the best single link
// with the story's centroid. Candidates come from an inverted index over
// the articles of the time window, with capped posting lists, so a lookup
// never scans all history.
package cluster

import (
	"math"
	"slices"
)

// Term is one weighted dimension of a Vector.
type Term struct {
	ID uint32
	W  float32
	// Name marks a term used as a name (a capitalized word inside a
	// sentence): names are compared on their own as well, since two events
	// of one kind share their vocabulary but not their people and places.
	Name bool
}

// Vector is a sparse vector sorted by term ID, normally of unit length.
type Vector []Term

// Dot returns the inner product of v and u.
func (v Vector) Dot(u Vector) float64 {
	var s float64
	for i, j := 0, 0; i < len(v) && j < len(u); {
		switch {
		case v[i].ID == u[j].ID:
			s += float64(v[i].W) * float64(u[j].W)
			i++
			j++
		case v[i].ID < u[j].ID:
			i++
		default:
			j++
		}
	}
	return s
}

// Norm returns the Euclidean length of v.
func (v Vector) Norm() float64 {
	var s float64
	for _, t := range v {
		s += float64(t.W) * float64(t.W)
	}
	return math.Sqrt(s)
}

// packed is a Vector as the window keeps it, 8 bytes a term in one
// allocation instead of 12: term IDs, then the weights' bits, then the
// name flags, one bit a term.
type packed []uint32

// packedWords is the size of the packed vector of n terms.
func packedWords(n int) int { return 2*n + (n+31)/32 }

// pack packs v into p, zeroed words of packedWords(len(v)).
func pack(p packed, v Vector) {
	n := len(v)
	for i, t := range v {
		p[i] = t.ID
		p[n+i] = math.Float32bits(t.W)
		if t.Name {
			p[2*n+i/32] |= 1 << (i % 32)
		}
	}
}

// len returns the number of terms: len(p) = 2n + ⌈n/32⌉.
func (p packed) len() int {
	n := len(p) / 2
	for n > 0 && packedWords(n) > len(p) {
		n--
	}
	return n
}

// term returns the i-th of n terms.
func (p packed) term(i, n int) Term {
	return Term{ID: p[i], W: math.Float32frombits(p[n+i]), Name: p[2*n+i/32]&(1<<(i%32)) != 0}
}

// find returns the index of term id among the n terms.
func (p packed) find(id uint32, n int) (int, bool) { return slices.BinarySearch(p[:n], id) }

// weightedNorm is the length of the vector (or of its names) under w.
func (p packed) weightedNorm(w Weights, names bool) float64 {
	var n2 float64
	n := p.len()
	for i := range n {
		t := p.term(i, n)
		if names && !t.Name {
			continue
		}
		y := float64(t.W) * w.Weight(t.ID)
		n2 += y * y
	}
	return math.Sqrt(n2)
}
