package cluster

import (
	"math"
	"slices"
	"time"
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
	// CentroidShare weighs a story's centroid against its best single
	// link in the similarity of an article to the story; negative means 0.
	CentroidShare float64
}

// Defaults tuned on the syndication and ECB+ dev sets (see cmd/tidings eval).
const (
	defaultJoin          = 0.25
	defaultMerge         = 0.60
	defaultMinRelated    = 0.08
	defaultCentroidShare = 0.7
	// queryTerms is how many of a new article's heaviest terms look up
	// candidates; postingCap bounds each term's posting list (newest kept).
	queryTerms = 24
	postingCap = 64
	// exactCandidates is how many candidates, by partial score, get an
	// exact cosine.
	exactCandidates = 48
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
	key     string
	seq     uint64
	t       time.Time
	vec     Vector
	story   *story
	indexed bool
}

type story struct {
	id       string
	seq      uint64
	last     time.Time
	live     int
	centroid map[uint32]float64
	norm2    float64
	into     *story
	aliases  []string
}

type posting struct {
	a *article
	w float32
}

// Clusterer assigns articles to stories. It is not safe for concurrent use.
type Clusterer struct {
	opts     Options
	seq      uint64
	articles map[string]*article
	queue    []*article
	head     int
	stories  map[string]*story
	postings map[uint32][]posting
}

// New returns an empty Clusterer.
func New(opts Options) *Clusterer {
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
	if opts.MinRelated <= 0 {
		opts.MinRelated = defaultMinRelated
	}
	return &Clusterer{
		opts:     opts,
		articles: map[string]*article{},
		stories:  map[string]*story{},
		postings: map[uint32][]posting{},
	}
}

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
	c.evict(t)
	cands := c.candidates(vec)

	var s *story
	var merged []string
	if storyID != "" {
		s = c.find(storyID)
		if s == nil {
			s = c.newStory(storyID)
		}
	} else {
		s, merged = c.choose(vec, t, cands)
		if s == nil {
			s = c.newStory(key)
		}
	}
	c.seq++
	a := &article{key: key, seq: c.seq, t: t, vec: vec, story: s, indexed: index && len(vec) > 0}
	if old, ok := c.articles[key]; ok {
		old.key = "" // replaced: eviction of the old copy must not touch the new one
	}
	c.articles[key] = a
	c.queue = append(c.queue, a)
	s.live++
	if t.After(s.last) {
		s.last = t
	}
	if a.indexed {
		s.add(vec, 1)
		for _, tm := range vec {
			l := append(c.postings[tm.ID], posting{a, tm.W})
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
	s := &story{id: id, seq: c.seq + 1, centroid: map[uint32]float64{}}
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

func (s *story) add(v Vector, sign float64) {
	for _, t := range v {
		old := s.centroid[t.ID]
		nw := old + sign*float64(t.W)
		s.norm2 += nw*nw - old*old
		if math.Abs(nw) < 1e-9 {
			delete(s.centroid, t.ID)
			continue
		}
		s.centroid[t.ID] = nw
	}
	if s.norm2 < 0 || len(s.centroid) == 0 {
		s.norm2 = 0
	}
}

func (s *story) cosine(v Vector) float64 {
	if s.norm2 <= 0 {
		return 0
	}
	var dot float64
	for _, t := range v {
		dot += float64(t.W) * s.centroid[t.ID]
	}
	return dot / math.Sqrt(s.norm2)
}

// StoryOf returns the ID of the story an article of the window is in, or
// "" when the window does not hold it.
func (c *Clusterer) StoryOf(key string) string {
	if a, ok := c.articles[key]; ok {
		return root(a.story).id
	}
	return ""
}
