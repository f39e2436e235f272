package cluster

import (
	"cmp"
	"slices"
	"time"
)

// candidate is an indexed article near a new one, with its exact cosine.
type candidate struct {
	a   *article
	cos float64
}

// candidates scores the articles sharing the new vector's heaviest terms
// by their partial dot product, then returns the best few with an exact
// cosine, best first (earliest first on ties).
func (c *Clusterer) candidates(v Vector) []candidate {
	if len(v) == 0 {
		return nil
	}
	q := slices.Clone(v)
	slices.SortFunc(q, func(a, b Term) int {
		if a.W != b.W {
			return cmp.Compare(b.W, a.W)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if len(q) > queryTerms {
		q = q[:queryTerms]
	}
	acc := map[*article]float64{}
	for _, t := range q {
		l := c.postings[t.ID]
		for i := len(l) - 1; i >= 0 && i >= len(l)-postingCap; i-- {
			acc[l[i].a] += float64(t.W) * float64(l[i].w)
		}
	}
	out := make([]candidate, 0, len(acc))
	for a, s := range acc {
		out = append(out, candidate{a, s})
	}
	byScore(out)
	if len(out) > exactCandidates {
		out = out[:exactCandidates]
	}
	for i := range out {
		out[i].cos = v.Dot(out[i].a.vec)
	}
	byScore(out)
	return out
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
// merges into it every other story that the vector ties to it strongly.
func (c *Clusterer) choose(v Vector, t time.Time, cands []candidate) (*story, []string) {
	best := map[*story]float64{}
	for _, cd := range cands {
		s := root(cd.a.story)
		if cd.cos > best[s] {
			best[s] = cd.cos
		}
	}
	var ss []scored
	for s, link := range best {
		score := (1-c.opts.CentroidShare)*link + c.opts.CentroidShare*s.cosine(v)
		if score >= c.opts.Join {
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
		if x.score >= c.opts.Merge {
			group = append(group, x.s)
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

func (c *Clusterer) merge(into, s *story) {
	for id, w := range s.centroid {
		old := into.centroid[id]
		nw := old + w
		into.norm2 += nw*nw - old*old
		into.centroid[id] = nw
	}
	into.live += s.live
	if s.last.After(into.last) {
		into.last = s.last
	}
	into.aliases = append(into.aliases, s.id)
	into.aliases = append(into.aliases, s.aliases...)
	s.into, s.centroid, s.aliases, s.live = into, nil, nil, 0
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
	for c.head < len(c.queue) && c.queue[c.head].t.Before(cut) {
		a := c.queue[c.head]
		c.queue[c.head] = nil
		c.head++
		c.forget(a)
	}
	if c.head > 1024 && c.head > len(c.queue)/2 {
		c.queue = slices.Clone(c.queue[c.head:])
		c.head = 0
	}
}

func (c *Clusterer) forget(a *article) {
	if a.key != "" {
		delete(c.articles, a.key)
	}
	s := root(a.story)
	if a.indexed {
		s.add(a.vec, -1)
		for _, t := range a.vec {
			l := c.postings[t.ID]
			if i := slices.IndexFunc(l, func(p posting) bool { return p.a == a }); i >= 0 {
				l = slices.Delete(l, i, i+1)
			}
			if len(l) == 0 {
				delete(c.postings, t.ID)
			} else {
				c.postings[t.ID] = l
			}
		}
	}
	s.live--
	if s.live <= 0 {
		delete(c.stories, s.id)
		for _, id := range s.aliases {
			if c.stories[id] != nil && root(c.stories[id]) == s {
				delete(c.stories, id)
			}
		}
	}
}
