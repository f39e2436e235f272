package cluster

// join adds an indexed article to the story's centroids. The first one
// is only referenced: its vector is the centroid.
func (s *story) join(a *article) {
	s.stamp = -1
	if centroid, _ := s.maps(); centroid == nil && s.solo == nil {
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
	if centroid, _ := s.maps(); centroid != nil {
		s.add(a.vec, a.scale, -1)
	}
}

// materialize makes the centroid maps, from the solo article if any.
func (s *story) materialize() {
	if centroid, _ := s.maps(); centroid != nil {
		return
	}
	m := s.ext()
	m.centroid, m.names = map[uint32]float32{}, map[uint32]float32{}
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
	centroid, nameMap := s.maps()
	if names {
		return float64(nameMap[id])
	}
	return float64(centroid[id])
}

// size is the number of terms of the centroid.
func (s *story) size() int {
	if s.solo != nil {
		return s.solo.vec.len()
	}
	centroid, _ := s.maps()
	return len(centroid)
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
	centroid, _ := s.maps()
	for id, x := range centroid {
		f(id, float64(x))
	}
}

// aliasList returns the IDs of the stories merged into s.
func (s *story) aliasList() []string {
	if s.more == nil {
		return nil
	}
	return s.more.aliases
}
