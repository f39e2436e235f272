package intel

import (
	"slices"
	"time"
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
	last time.Time
	n    int // entries in the queue
}

func newTagger(window time.Duration) *tagger {
	return &tagger{window: window, tags: map[string]*storyTags{}}
}

// tag returns the hashtags of story, after merging the merged stories into
// it, adopting own when the story has none yet.
func (g *tagger) tag(story string, merged, own []string, t time.Time) []string {
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
	g.queue = append(g.queue, story)
	return slices.Clone(st.tags)
}

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
