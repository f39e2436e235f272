package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// candidate is an indexed article near a new one, with its cosine.
type candidate struct {
	a   *article
	cos float64
}

// query is a vector with its terms' current squared weights and its
// weighted length.
type query struct {
	v    Vector
	w2   []float64
	norm float64
}

func (c *Clusterer) query(v Vector) query {
	q := query{v: v, w2: make([]float64, len(v))}
	var n2 float64
	for i, t := range v {
		w := c.w.Weight(t.ID)
		q.w2[i] = w * w
		x := float64(t.W) * w
		n2 += x * x
	}
	q.norm = math.Sqrt(n2)
	return q
}

// cosine is the weighted cosine of q and an article's vector, and how
// many terms of some weight they share.
func (c *Clusterer) cosine(q query, a *article) (cos float64, shared int) {
	var dot, n2 float64
	n := a.vec.len()
	for i, j := 0, 0; j < n; j++ {
		t := a.vec.term(j, n)
		w := c.w.Weight(t.ID)
		x := float64(t.W) * w
		n2 += x * x
		for i < len(q.v) && q.v[i].ID < t.ID {
			i++
		}
		if i < len(q.v) && q.v[i].ID == t.ID && q.w2[i] > 0 {
			dot += float64(q.v[i].W) * float64(t.W) * q.w2[i]
			shared++
		}
	}
	if n2 == 0 || q.norm == 0 {
		return 0, 0
	}
	return dot / (q.norm * math.Sqrt(n2)), shared
}

// heaviest returns the indexes of the query's n heaviest terms under the
// current weights, heaviest first.
func (q query) heaviest(n int) []int {
	idx := make([]int, len(q.v))
	for i := range idx {
		idx[i] = i
	}
	heavy := func(i int) float64 { return float64(q.v[i].W) * float64(q.v[i].W) * q.w2[i] }
	slices.SortFunc(idx, func(a, b int) int {
		if x, y := heavy(a), heavy(b); x != y {
			return cmp.Compare(y, x)
		}
		return cmp.Compare(a, b)
	})
	return idx[:min(n, len(idx))]
}

// candidates scores the articles sharing the query's heaviest terms by
// their partial dot product, then returns the best few with an exact
// cosine, best first (earliest first on ties).
func (c *Clusterer) candidates(q query) []candidate {
	if q.norm == 0 {
		return nil
	}
	idx := q.heaviest(queryTerms)
	// Partial scores accumulate in c.acc by the articles' places in the
	// queue; touched lists the places scored, whose scores are then
	// cleared for the next lookup.
	if len(c.acc) < len(c.queue) {
		c.acc = make([]scratch, len(c.queue)+len(c.queue)/4)
	}
	touched := c.touched[:0]
	for _, i := range idx {
		t := q.v[i]
		l := c.postings[t.ID]
		for k := len(l) - 1; k >= 0 && k >= len(l)-postingCap; k-- {
			p := l[k].seq - uint32(c.base)
			a := c.queue[p]
			x := &c.acc[p]
			if !x.hit {
				x.hit = true
				touched = append(touched, p)
			}
			x.score += float64(t.W) * float64(l[k].w) * q.w2[i] * a.scale
		}
	}
	out := make([]candidate, 0, len(touched))
	for _, p := range touched {
		out = append(out, candidate{c.queue[p], c.acc[p].score})
		c.acc[p] = scratch{}
	}
	c.touched = touched
	byScore(out)
	if len(out) > exactCandidates {
		out = out[:exactCandidates]
	}
	n := 0
	for _, cd := range out {
		cos, shared := c.cosine(q, cd.a)
		if shared >= minShared {
			out[n] = candidate{cd.a, cos}
			n++
		}
	}
	out = out[:n]
	byScore(out)
	return out
}

// scratch is an article's partial score during a lookup.
type scratch struct {
	score float64
	hit   bool
}

func byScore(cs []candidate) {
	slices.SortFunc(cs, func(x, y candidate) int {
		if x.cos != y.cos {
			return cmp.Compare(y.cos, x.cos)
		}
		return cmp.Compare(x.a.seq, y.a.seq)
	})
}

type scored struct {
	s     *story
	score float64
}

// choose returns the story the vector joins, or nil for a new one, and
// merges into it every other story that the vector ties to it strongly,
// and each story of one report whose bar the vector clears too when the
// chosen story is established (see Options.Absorb).
func (c *Clusterer) choose(q query, cands []candidate) (*story, []string) {
	best := map[*story]float64{}
	for _, cd := range cands {
		s := root(cd.a.story)
		if cd.cos > best[s] {
			best[s] = cd.cos
		}
	}
	var ss []scored
	for s, link := range best {
		score := (1-c.opts.CentroidShare)*link + c.opts.CentroidShare*c.centroidCosine(s, q)
		if nc := c.nameCosine(s, q); nc >= 0 {
			score = (1-c.opts.NameShare)*score + c.opts.NameShare*nc
		}
		if score >= c.threshold(s) {
			ss = append(ss, scored{s, score})
		}
	}
	if len(ss) == 0 {
		return nil, nil
	}
	slices.SortFunc(ss, func(x, y scored) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		return cmp.Compare(x.s.seq, y.s.seq)
	})
	group := []*story{ss[0].s}
	for _, x := range ss[1:] {
		if x.score >= c.opts.Merge || c.opts.MergeCentroid > 0 && c.storyCosine(ss[0].s, x.s) >= c.opts.MergeCentroid || c.absorbs(ss[0].s, x.s) {
			group = append(group, x.s)
		}
	}
	m := ss[0].s.ext()
	m.joins++
	m.joinSum += ss[0].score
	if c.opts.Adopt > 0 {
		// Stories of one article among the candidates that resemble the
		// chosen story as a whole join it.
		seen := map[*story]bool{}
		for _, g := range group {
			seen[g] = true
		}
		for _, cd := range cands {
			t := root(cd.a.story)
			if seen[t] {
				continue
			}
			seen[t] = true
			if t.indexed == 1 && t.live == 1 && c.storyCosine(ss[0].s, t) >= c.opts.Adopt {
				group = append(group, t)
			}
		}
	}
	if len(group) == 1 {
		return group[0], nil
	}
	// The story that began first survives, keeping its ID.
	slices.SortFunc(group, func(x, y *story) int { return cmp.Compare(x.seq, y.seq) })
	into := group[0]
	var merged []string
	for _, s := range group[1:] {
		c.merge(into, s)
		merged = append(merged, s.id)
	}
	return into, merged
}

// absorbs reports whether story s, which an article joins, brings in
// story t, whose bar the article clears too (see Options.Absorb): s is
// established and t is one report, with or without copies.
func (c *Clusterer) absorbs(s, t *story) bool {
	return c.opts.Absorb > 0 && int(s.indexed) >= c.opts.Absorb && t.indexed == 1
}

// storyCosine is the weighted cosine of two stories' centroids.
func (c *Clusterer) storyCosine(a, b *story) float64 {
	na, _ := c.norms(a)
	nb, _ := c.norms(b)
	if na == 0 || nb == 0 {
		return 0
	}
	if a.size() > b.size() {
		a, b = b, a
	}
	var dot float64
	a.each(func(id uint32, x float64) {
		if y := b.at(id, false); y != 0 {
			w := c.w.Weight(id)
			dot += x * y * w * w
		}
	})
	return dot / (na * nb)
}

// threshold is the score an article needs to join s: Join, raised for a
// young story, and raised to a share of the scores its articles joined
// with, so a tight story (one event's reports agree closely) does not take
// in a report of another event of the same kind. A story's age counts all
// its reports, syndicated copies included: a story several outlets carry is
// an established event, whose other outlets' own takes are to be expected
// (the pull of a story grows with its size, as in the Chinese restaurant
// process prior of Bayesian news clustering).
func (c *Clusterer) threshold(s *story) float64 {
	t := c.opts.Join + c.opts.Young/float64(max(1, s.live))
	if m := s.more; m != nil && m.joins > 0 {
		t = max(t, c.opts.Cohesion*m.joinSum/float64(m.joins))
	}
	return t
}

func (c *Clusterer) merge(into, s *story) {
	into.materialize()
	s.materialize()
	im, sm := into.more, s.more // made by materialize
	for id, w := range sm.centroid {
		im.centroid[id] += w
	}
	for id, w := range sm.names {
		im.names[id] += w
	}
	into.stamp = -1
	into.live += s.live
	into.indexed += s.indexed
	im.joins += sm.joins
	im.joinSum += sm.joinSum
	im.aliases = append(im.aliases, s.id)
	im.aliases = append(im.aliases, sm.aliases...)
	s.into, s.more, s.live = into, nil, 0
}

// related picks the best article of each other story among the candidates.
func (c *Clusterer) related(own *story, cands []candidate) []string {
	var out []string
	seen := map[*story]bool{own: true}
	for _, cd := range cands {
		if cd.cos < c.opts.MinRelated || len(out) == c.opts.Related {
			break
		}
		s := root(cd.a.story)
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, cd.a.key)
	}
	return out
}

// evict forgets the articles published before now minus the window, and
// the stories left without articles. Articles leave in arrival order.
func (c *Clusterer) evict(now time.Time) {
	cut := now.Add(-c.opts.Window)
	for c.head < len(c.queue) && c.queue[c.head].before(cut) {
		a := c.queue[c.head]
		c.queue[c.head] = nil
		c.head++
		c.forget(a)
	}
	if c.head > 1024 && c.head > len(c.queue)/2 {
		c.queue = slices.Clone(c.queue[c.head:])
		c.base += uint64(c.head)
		c.head = 0
	}
}

// at returns the article of the window with sequence number seq (its
// low bits): articles enter the queue in sequence, one number each.
func (c *Clusterer) at(seq uint32) *article { return c.queue[seq-uint32(c.base)] }

func (c *Clusterer) forget(a *article) {
	if a.key != "" {
		delete(c.articles, a.key)
	}
	s := root(a.story)
	if a.indexed {
		s.leave(a)
		n := a.vec.len()
		for k := range n {
			t := a.vec.term(k, n)
			l := c.postings[t.ID]
			if i := slices.IndexFunc(l, func(p posting) bool { return p.seq == uint32(a.seq) }); i >= 0 {
				l = slices.Delete(l, i, i+1)
			}
			if len(l) == 0 {
				delete(c.postings, t.ID)
			} else {
				c.postings[t.ID] = l
			}
		}
		// No story's solo is a any more (leave), and no posting leads to
		// it: nothing reads the vector again.
		c.vecs.Free(a.ref)
		a.vec = nil
	}
	s.live--
	if a.indexed {
		s.indexed--
	}
	if s.live <= 0 {
		delete(c.stories, s.id)
		for _, id := range s.aliasList() {
			if c.stories[id] != nil && root(c.stories[id]) == s {
				delete(c.stories, id)
			}
		}
	}
}
