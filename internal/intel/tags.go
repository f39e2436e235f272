package intel

import (
	"slices"
	"time"

	"github.com/tidings/tidings"
)

// tagger keeps each story's hashtags so that every article of a story
// reports one set: the tags of the story's earliest article that had any,
// kept through merges. It runs as its own in-order stage (see Tag), apart
// from the decisions, so a batch can compute keyphrases in parallel in
// between and still be deterministic.
type tagger struct {
	window time.Duration
	last   time.Time
	tags   map[string]*storyTags
	queue  []string // story IDs in order of their last article, with repeats
}

type storyTags struct {
	tags []string
	ents []entityCount
	last time.Time
	n    int // entries in the queue
}

// entityCount is how many of a story's articles name an entity.
type entityCount struct {
	e tidings.Entity
	n int
}

// maxStoryEntities bounds the entities kept per story: the most named
// ones are reported, and the rest rarely catch up.
const maxStoryEntities = 24

// count adds an article's entities (each once) to the story's counts.
func (st *storyTags) count(ents []tidings.Entity) {
	for i, e := range ents {
		if slices.Contains(ents[:i], e) {
			continue
		}
		if j := slices.IndexFunc(st.ents, func(c entityCount) bool { return c.e == e }); j >= 0 {
			st.ents[j].n++
		} else if len(st.ents) < maxStoryEntities {
			st.ents = append(st.ents, entityCount{e, 1})
		}
	}
}

// entities returns up to n of the story's entities, the most named first
// (first named first among equals).
func (st *storyTags) entities(n int) []tidings.Entity {
	sorted := slices.Clone(st.ents)
	slices.SortStableFunc(sorted, func(a, b entityCount) int { return b.n - a.n })
	out := make([]tidings.Entity, 0, min(n, len(sorted)))
	for _, c := range sorted[:min(n, len(sorted))] {
		out = append(out, c.e)
	}
	return out
}

func newTagger(window time.Duration) *tagger {
	return &tagger{window: window, tags: map[string]*storyTags{}}
}

// tag returns the hashtags of story, after merging the merged stories into
// it, adopting own when the story has none yet, and the story's most named
// entities counting ents.
func (g *tagger) tag(story string, merged, own []string, ents []tidings.Entity, t time.Time) ([]string, []tidings.Entity) {
	g.evict(t)
	st := g.tags[story]
	if st == nil {
		st = &storyTags{}
		g.tags[story] = st
	}
	for _, m := range merged {
		if mt := g.tags[m]; mt != nil {
			if len(st.tags) == 0 {
				st.tags = mt.tags
			}
			for _, c := range mt.ents {
				for range c.n {
					st.count([]tidings.Entity{c.e})
				}
			}
			delete(g.tags, m)
		}
	}
	if len(st.tags) == 0 && len(own) > 0 {
		st.tags = slices.Clone(own)
	}
	if t.After(st.last) {
		st.last = t
	}
	st.n++
	st.count(ents)
	g.queue = append(g.queue, story)
	return slices.Clone(st.tags), st.entities(maxStoryEntityList)
}

// maxStoryEntityList is how many entities a story reports.
const maxStoryEntityList = 12

// evict forgets stories without an article in the window. The queue
// holds a story once per article; only its last entry can evict it.
func (g *tagger) evict(t time.Time) {
	if t.After(g.last) {
		g.last = t
	}
	cut := g.last.Add(-g.window)
	i := 0
	for ; i < len(g.queue); i++ {
		st := g.tags[g.queue[i]]
		switch {
		case st == nil: // merged away
		case st.n > 1:
			st.n--
		case st.last.Before(cut):
			delete(g.tags, g.queue[i])
		default:
			g.queue = g.queue[i:]
			return
		}
	}
	g.queue = g.queue[:0]
}
