// Package cluster groups articles into stories online: each new article
// joins the most similar recent story, or starts one, and two stories merge
// when a later article ties them together. Similarity is cosine over
// weighted term vectors (built by the caller), mixing the best single link
// with the story's centroid. Candidates come from an inverted index over
// the articles of the time window, with capped posting lists, so a lookup
// never scans all history.
package cluster

import "math"

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
