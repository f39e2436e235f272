package cluster

// join adds an indexed article to the story's centroids. The first one
// is only referenced: its vector is the centroid.
func (s *story) join(a *article) {
	s.stamp = -1
	if s.centroid == nil && s.solo == nil {
		s.solo = a
		return
	}
	s.materialize()
	s.add(a.vec, a.scale, 1)
}

// leave removes an indexed article from the story's centroids.
func (s *story) leave(a *article) {
	s.stamp = -1
	if s.solo == a {
		s.solo = nil
		return
	}
	if s.centroid != nil {
		s.add(a.vec, a.scale, -1)
	}
}

// materialize makes the centroid maps, from the solo article if any.
func (s *story) materialize() {
	if s.centroid != nil {
		return
	}
	s.centroid, s.names = map[uint32]float32{}, map[uint32]float32{}
	if a := s.solo; a != nil {
		s.solo = nil
		s.add(a.vec, a.scale, 1)
	}
}

// at returns the centroid's (or with names, the name centroid's) value
// of a term.
func (s *story) at(id uint32, names bool) float64 {
	if a := s.solo; a != nil {
		n := a.vec.len()
		i, ok := a.vec.find(id, n)
		if !ok {
			return 0
		}
		t := a.vec.term(i, n)
		if names && !t.Name {
			return 0
		}
		return a.scale * float64(t.W)
	}
	if names {
		return float64(s.names[id])
	}
	return float64(s.centroid[id])
}

// size is the number of terms of the centroid.
func (s *story) size() int {
	if s.solo != nil {
		return s.solo.vec.len()
	}
	return len(s.centroid)
}

// each calls f with each term of the centroid and its value.
func (s *story) each(f func(id uint32, x float64)) {
	if a := s.solo; a != nil {
		n := a.vec.len()
		for i := range n {
			t := a.vec.term(i, n)
			f(t.ID, a.scale*float64(t.W))
		}
		return
	}
	for id, x := range s.centroid {
		f(id, float64(x))
	}
}
