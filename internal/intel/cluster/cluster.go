package cluster

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"time"

	"github.com/tidings/tidings/internal/offheap"
)

// Options tunes a Clusterer; the zero value of a field takes its default.
type Options struct {
	// Window is how far back a new article looks for its story; articles
	// and stories older than that are forgotten. Default 7 days.
	Window time.Duration
	// Join is the similarity at which an article joins a story.
	Join float64
	// Merge is the similarity to a second story at which that story is
	// merged into the first: stricter than Join, as a merge cannot be undone.
	Merge float64
	// Related is how many related articles to report. Default 5.
	Related int
	// MinRelated is the similarity a related article needs.
	MinRelated float64
	// Young is added to Join for a story of one report (half of it for
	// two, and so on; copies count): one link is weak evidence that two
	// articles report one event, a story with many reports is established.
	Young float64
	// MergeCentroid is the similarity of two candidate stories' centroids
	// at which they merge; 0 turns it off.
	MergeCentroid float64
	// Cohesion is the share of a story's mean joining score that a new
	// article needs; negative means 0.
	Cohesion float64
	// NameShare weighs the similarity of names against that of all terms;
	// negative means 0.
	NameShare float64
	// Adopt is the similarity to a story's centroid at which a story of
	// one article, found among a joining article's candidates, is merged
	// into that story: a report that came too early to join (a young
	// story's bar is high) is taken in once the story has grown. Negative
	// turns it off.
	Adopt float64
	// CentroidShare weighs a story's centroid against its best single
	// link in the similarity of an article to the story; negative means 0.
	CentroidShare float64
	// Absorb is how many reports (copies aside) a story needs before an
	// article that joins it also brings in a story of one report whose bar
	// the article clears too: the report stood apart only because a young
	// story's bar is high, and the article links it to an established
	// event. Negative turns it off.
	Absorb int
}

// Defaults tuned on the syndication and ECB+ dev sets (see cmd/tidings eval).
const (
	defaultJoin          = 0.22
	defaultMerge         = 0.50
	defaultMinRelated    = 0.08
	defaultCentroidShare = 0.7
	defaultNameShare     = 0.3
	defaultYoung         = 0.16
	defaultCohesion      = 0 // off: it costs more recall than it gains precision on the dev sets
	// defaultAdopt sits mid-plateau: 0.39-0.50 all gain ECB+ recall with
	// no loss of precision on either dev set; 0.38 and below merge events.
	defaultAdopt = 0.42
	// defaultAbsorb: from 3 to 6 reports all gain on both dev sets; a story
	// of one or two reports absorbing another merges two events of one
	// kind (two Klitschko title fights, bridged by one report).
	defaultAbsorb = 3
	// queryTerms is how many of a new article's heaviest terms look up
	// candidates; postingCap bounds each term's posting list (newest kept).
	queryTerms = 24
	// indexTerms is how many of an article's heaviest terms (when it is
	// added) are indexed: a candidate shares heavy terms with the query,
	// and the exact cosine uses the whole vector.
	indexTerms = 40
	postingCap = 64
	// exactCandidates is how many candidates, by partial score, get an
	// exact cosine.
	exactCandidates = 48
	// minShared is how many weighted terms an article must share with
	// another to be its candidate: one shared word (a topic's name, a
	// byline) is no evidence of one event, and a story grown through such
	// links chains unrelated articles together.
	minShared = 3
)

// Assignment is where Add put an article.
type Assignment struct {
	// Story is the story's ID: the key of its first article.
	Story string
	// Merged lists IDs of stories that this article merged into Story.
	Merged []string
	// Related lists keys of articles of other stories, most similar first.
	Related []string
}

type article struct {
	key string
	seq uint64
	// sec and nsec are the article's time (Unix seconds and nanoseconds):
	// half a time.Time, which also holds a location.
	sec int64
	// vec, of an indexed article, is cut from the Clusterer's vecs at ref,
	// outside the heap; forget frees it and sets it to nil.
	vec     packed
	ref     offheap.Ref
	scale   float64 // 1 / weighted length when indexed
	story   *story
	nsec    int32
	indexed bool
}

// before reports whether the article's time is before t.
func (a *article) before(t time.Time) bool {
	s := t.Unix()
	return a.sec < s || a.sec == s && a.nsec < int32(t.Nanosecond())
}

// A story is kept for every story of the window, most of them of one
// article: what only a story that grew needs is in more, and a story
// takes 80 bytes.
type story struct {
	id      string
	seq     uint64
	live    int32
	indexed int32 // live articles that are not duplicates
	// solo is the story's only indexed article while it has one; the
	// centroid maps are made for a second (most stories of a window
	// never get one).
	solo *article
	into *story
	// norm and nameNorm cache the weighted lengths of the centroids,
	// computed at Add number stamp (-1: stale).
	norm, nameNorm float64
	stamp          int64
	more           *storyMore // nil until needed
}

// storyMore is the state of a story that articles chose or joined.
type storyMore struct {
	// centroid and names hold float32 sums: they are recomputed norms,
	// not counters.
	centroid map[uint32]float32
	names    map[uint32]float32 // the centroid of the name terms
	// joins and joinSum count the articles that chose the story and their
	// scores: how tight the story is.
	joins   int
	joinSum float64
	aliases []string
}

// ext returns the story's more, made when missing.
func (s *story) ext() *storyMore {
	if s.more == nil {
		s.more = &storyMore{}
	}
	return s.more
}

// maps returns the centroid maps, nil before materialize.
func (s *story) maps() (centroid, names map[uint32]float32) {
	if s.more == nil {
		return nil, nil
	}
	return s.more.centroid, s.more.names
}

// posting is an indexed article, by the low bits of its sequence number
// (the window never holds 2³² articles), and its term's weight.
type posting struct {
	seq uint32
	w   float32
}

// Weights gives each term's current weight (its inverse document
// frequency). Vectors hold term frequencies; weights are applied when
// comparing, so an article seen when the vocabulary was young is compared
// with today's weights, not the ones it was indexed with.
type Weights interface {
	Weight(term uint32) float64
}

// Clusterer assigns articles to stories. It is not safe for concurrent use.
type Clusterer struct {
	w        Weights
	opts     Options
	seq      uint64
	articles map[string]*article
	queue    []*article
	head     int
	base     uint64 // the sequence number of queue[0]
	stories  map[string]*story
	postings map[uint32][]posting
	// vecs holds the indexed articles' packed vectors, which leave in
	// arrival order as the articles do.
	vecs *offheap.Arena
	// acc and touched are candidates' scratch: a partial score by place in
	// the queue (zero between lookups), and the places scored.
	acc     []scratch
	touched []uint32
}

// vecChunk is the size of a chunk of vecs in words: 64 KiB, a few hundred
// vectors.
const vecChunk = 1 << 14

// New returns an empty Clusterer comparing vectors under weights w.
func New(w Weights, opts Options) *Clusterer {
	if opts.Window <= 0 {
		opts.Window = 7 * 24 * time.Hour
	}
	if opts.Join <= 0 {
		opts.Join = defaultJoin
	}
	if opts.Merge <= 0 {
		opts.Merge = defaultMerge
	}
	if opts.Related <= 0 {
		opts.Related = 5
	}
	switch {
	case opts.CentroidShare == 0:
		opts.CentroidShare = defaultCentroidShare
	case opts.CentroidShare < 0:
		opts.CentroidShare = 0
	}
	switch {
	case opts.Cohesion == 0:
		opts.Cohesion = defaultCohesion
	case opts.Cohesion < 0:
		opts.Cohesion = 0
	}
	switch {
	case opts.Young == 0:
		opts.Young = defaultYoung
	case opts.Young < 0:
		opts.Young = 0
	}
	switch {
	case opts.NameShare == 0:
		opts.NameShare = defaultNameShare
	case opts.NameShare < 0:
		opts.NameShare = 0
	}
	switch {
	case opts.Adopt == 0:
		opts.Adopt = defaultAdopt
	case opts.Adopt < 0:
		opts.Adopt = 0
	}
	if opts.MinRelated <= 0 {
		opts.MinRelated = defaultMinRelated
	}
	switch {
	case opts.Absorb == 0:
		opts.Absorb = defaultAbsorb
	case opts.Absorb < 0:
		opts.Absorb = 0
	}
	c := &Clusterer{
		w:        w,
		opts:     opts,
		articles: map[string]*article{},
		stories:  map[string]*story{},
		postings: map[uint32][]posting{},
		base:     1,
		vecs:     offheap.NewArena(vecChunk),
	}
	runtime.AddCleanup(c, (*offheap.Arena).Release, c.vecs)
	return c
}

// Mapped reports how many bytes the Clusterer holds outside the Go heap.
func (c *Clusterer) Mapped() int { return c.vecs.Mapped() }

// Len reports how many articles and stories the window holds.
func (c *Clusterer) Len() (articles, stories int) {
	n := 0
	for _, s := range c.stories {
		if s.into == nil {
			n++
		}
	}
	return len(c.articles), n
}

// Add places an article (its key, unit term vector and time) in a story.
// With story set, the article joins that story (a duplicate joins its
// canonical's story; a warm start replays stored decisions), which is
// created when the window no longer holds it. index is false for articles
// that should not be found by later lookups (duplicates: their canonical
// already is). Add first forgets what fell out of the window before t.
func (c *Clusterer) Add(key string, vec Vector, t time.Time, storyID string, index bool) Assignment {
	defer runtime.KeepAlive(c) // its cleanup unmaps the vectors this reads
	c.evict(t)
	q := c.query(vec)
	cands := c.candidates(q)

	var s *story
	var merged []string
	if storyID != "" {
		s = c.find(storyID)
		if s == nil {
			s = c.newStory(storyID)
		}
	} else {
		s, merged = c.choose(q, cands)
		if s == nil {
			s = c.newStory(key)
		}
	}
	c.seq++
	a := &article{key: key, seq: c.seq, sec: t.Unix(), nsec: int32(t.Nanosecond()), story: s, indexed: index && q.norm > 0}
	if a.indexed {
		// Only lookups and centroids read it.
		a.ref, a.vec = c.vecs.Alloc(packedWords(len(vec)))
		pack(a.vec, vec)
	}
	if old, ok := c.articles[key]; ok {
		old.key = "" // replaced: eviction of the old copy must not touch the new one
	}
	c.articles[key] = a
	c.queue = append(c.queue, a)
	s.live++
	if a.indexed {
		s.indexed++
	}
	if a.indexed {
		a.scale = 1 / q.norm
		s.join(a)
		for _, i := range q.heaviest(indexTerms) {
			tm := vec[i]
			l := append(c.postings[tm.ID], posting{uint32(a.seq), tm.W})
			if len(l) > 2*postingCap {
				l = slices.Clone(l[len(l)-postingCap:])
			}
			c.postings[tm.ID] = l
		}
	}
	return Assignment{Story: s.id, Merged: merged, Related: c.related(s, cands)}
}

// Story returns the current ID of the story an article's story became
// (after merges), or "" when the article is not in the window.
func (c *Clusterer) Story(id string) string {
	if s := c.find(id); s != nil {
		return s.id
	}
	return ""
}

func (c *Clusterer) newStory(id string) *story {
	s := &story{id: id, seq: c.seq + 1, stamp: -1}
	if old, ok := c.stories[id]; ok && old.into != nil {
		// An alias of a merged story: the new story takes the ID back.
		old.into = nil
	}
	c.stories[id] = s
	return s
}

// find resolves a story ID through merges.
func (c *Clusterer) find(id string) *story {
	s := c.stories[id]
	if s == nil {
		return nil
	}
	return root(s)
}

func root(s *story) *story {
	r := s
	for r.into != nil {
		r = r.into
	}
	for s.into != nil && s.into != r {
		s, s.into = s.into, r
	}
	return r
}

// add adds (sign 1) or removes (sign -1) a member's vector, scaled to
// unit weighted length so long articles do not dominate the centroid.
func (s *story) add(v packed, scale, sign float64) {
	n := v.len()
	for i := range n {
		t := v.term(i, n)
		addTo(s.more.centroid, t.ID, sign*scale*float64(t.W))
		if t.Name {
			addTo(s.more.names, t.ID, sign*scale*float64(t.W))
		}
	}
	s.stamp = -1
}

func addTo(m map[uint32]float32, id uint32, x float64) {
	old, ok := m[id]
	if !ok && x < 0 {
		return // pruned from the centroid earlier
	}
	nw := float64(old) + x
	if nw < 1e-9 {
		delete(m, id)
		return
	}
	m[id] = float32(nw)
}

// maxCentroid bounds a centroid's terms; the lightest are pruned beyond
// twice as many, so comparing with a big story costs no more than with a
// small one.
const maxCentroid = 256

// norms returns the centroids' weighted lengths, recomputing them when the
// story changed or the weights may have moved (every 256 articles).
func (c *Clusterer) norms(s *story) (float64, float64) {
	if s.stamp >= 0 && int64(c.seq)-s.stamp < 256 {
		return s.norm, s.nameNorm
	}
	centroid, names := s.maps()
	prune(centroid, c.w)
	prune(names, c.w)
	s.norm, s.nameNorm = weightedNorm(centroid, c.w), weightedNorm(names, c.w)
	if a := s.solo; a != nil {
		s.norm, s.nameNorm = a.scale*a.vec.weightedNorm(c.w, false), a.scale*a.vec.weightedNorm(c.w, true)
	}
	s.stamp = int64(c.seq)
	return s.norm, s.nameNorm
}

func weightedNorm(m map[uint32]float32, w Weights) float64 {
	var n2 float64
	for id, x := range m {
		y := float64(x) * w.Weight(id)
		n2 += y * y
	}
	return math.Sqrt(n2)
}

func prune(m map[uint32]float32, w Weights) {
	if len(m) <= 2*maxCentroid {
		return
	}
	type tw struct {
		id uint32
		w  float64
	}
	all := make([]tw, 0, len(m))
	for id, x := range m {
		all = append(all, tw{id, float64(x) * w.Weight(id)})
	}
	slices.SortFunc(all, func(a, b tw) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return cmp.Compare(a.id, b.id)
	})
	for _, x := range all[maxCentroid:] {
		delete(m, x.id)
	}
}

// centroidCosine is the weighted cosine of a query and the centroid.
func (c *Clusterer) centroidCosine(s *story, q query) float64 {
	n, _ := c.norms(s)
	if n <= 0 || q.norm <= 0 {
		return 0
	}
	var dot float64
	for i, t := range q.v {
		dot += q.w2[i] * float64(t.W) * s.at(t.ID, false)
	}
	return dot / (q.norm * n)
}

// nameCosine is the weighted cosine of the query's and the story's names,
// or -1 when either has none.
func (c *Clusterer) nameCosine(s *story, q query) float64 {
	_, n := c.norms(s)
	var dot, q2 float64
	for i, t := range q.v {
		if t.Name {
			q2 += float64(t.W) * float64(t.W) * q.w2[i]
			dot += q.w2[i] * float64(t.W) * s.at(t.ID, true)
		}
	}
	if n <= 0 || q2 <= 0 {
		return -1
	}
	return dot / (math.Sqrt(q2) * n)
}

// StoryOf returns the ID of the story an article of the window is in, or
// "" when the window does not hold it.
func (c *Clusterer) StoryOf(key string) string {
	if a, ok := c.articles[key]; ok {
		return root(a.story).id
	}
	return ""
}
