package intel

import (
	"cmp"
	"encoding/binary"
	"slices"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/hashtag"
)

// tagger keeps each story's hashtags so that every article of a story
// reports one set. A story starts with its first article's tags; its
// articles' tags then vote (a tag's rank in an article's list weighs its
// vote), and the story takes the winners when its article count reaches a
// power of two and when it absorbs another story: tags that keep coming
// back rise, and an article's stray words fall away, while the set changes
// only a few times in a story's life. It runs as its own in-order stage
// (see Tag), apart from the decisions, so a batch can compute keyphrases in
// parallel in between and still be deterministic.
type tagger struct {
	window time.Duration
	last   time.Time
	tags   map[string]*storyTags
	queue  []string // story IDs in order of their last article, with repeats
	// types interns entity types for the stories' entity counts.
	types []string
}

// storyTags is kept for every story of the window, most of them of one
// article, so its fields are small: 96 bytes.
type storyTags struct {
	tags tagList
	// votes are made when a second article arrives: a story of one
	// article (most stories) has its article's tags.
	votes []tagVote
	ents  []entityCount
	last  instant
	// articles counts the story's articles; n its entries in the queue.
	articles, n int32
}

// tagList is a list of tags in one string: their count, then each tag
// after its length, as uvarints. A story keeps its tags for the window,
// and as a []string five tags took three times the space. "" is a nil
// list.
type tagList string

func packTags(tags []string) tagList {
	if tags == nil {
		return ""
	}
	n := binary.MaxVarintLen64 * (1 + len(tags))
	for _, t := range tags {
		n += len(t)
	}
	b := binary.AppendUvarint(make([]byte, 0, n), uint64(len(tags)))
	for _, t := range tags {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	return tagList(b)
}

// len returns the number of tags.
func (l tagList) len() int {
	if l == "" {
		return 0
	}
	n, _ := uvarint(string(l))
	return n
}

// unpack returns the tags, slices of l.
func (l tagList) unpack() []string {
	if l == "" {
		return nil
	}
	n, k := uvarint(string(l))
	tags := make([]string, n)
	for i := range tags {
		m, w := uvarint(string(l[k:]))
		k += w
		tags[i] = string(l[k : k+m])
		k += m
	}
	return tags
}

// uvarint decodes the uvarint that s starts with and returns it and its
// length.
func uvarint(s string) (v, n int) {
	for shift := 0; ; shift += 7 {
		c := s[n]
		n++
		v |= int(c&0x7f) << shift
		if c < 0x80 {
			return v, n
		}
	}
}

// tagVote is a tag's standing in a story, in the order tags were first
// seen. Votes for a tag are matched by its hashtag.Normalize key.
type tagVote struct {
	tag   string
	score float64
}

// maxTagVotes bounds the tags a story keeps count of.
const maxTagVotes = 32

// vote counts an article's tags, best first.
func (st *storyTags) vote(tags []string, weight float64) {
	for i, tag := range tags {
		key := hashtag.Normalize(tag)
		w := weight / float64(i+1)
		if j := slices.IndexFunc(st.votes, func(v tagVote) bool { return hashtag.IsKey(v.tag, key) }); j >= 0 {
			st.votes[j].score += w
		} else if n := len(st.votes); n < maxTagVotes {
			if n == cap(st.votes) {
				// Grow to maxTagVotes at most.
				st.votes = append(make([]tagVote, 0, min(2*n, maxTagVotes)), st.votes...)
			}
			st.votes = append(st.votes, tagVote{tag, w})
		}
	}
}

// elect makes the best voted tags the story's.
func (st *storyTags) elect() {
	ranked := slices.Clone(st.votes)
	slices.SortStableFunc(ranked, func(a, b tagVote) int { return cmp.Compare(b.score, a.score) })
	tags := make([]string, len(ranked))
	for i, v := range ranked {
		tags[i] = v.tag
	}
	st.tags = packTags(hashtag.Top(tags, maxHashtags))
}

// seed starts the votes from the story's tags, as its first article's.
func (st *storyTags) seed() {
	if st.votes == nil {
		st.votes = make([]tagVote, 0, 2*maxHashtags)
		st.vote(st.tags.unpack(), 1)
	}
}

// entityCount is how many of a story's articles name an entity: its text,
// its type (an index in the tagger's types) and the count.
type entityCount struct {
	text string
	typ  int32
	n    int32
}

// maxStoryEntities bounds the entities kept per story: the most named
// ones are reported, and the rest rarely catch up.
const maxStoryEntities = 24

// count adds an article's entities (each once) to a story's counts.
func (g *tagger) count(st *storyTags, ents []tidings.Entity) {
	if st.ents == nil && len(ents) > 0 {
		st.ents = make([]entityCount, 0, min(len(ents), maxStoryEntities))
	}
	for i, e := range ents {
		if !slices.Contains(ents[:i], e) {
			g.add(st, e.Text, g.typeIndex(e.Type), 1)
		}
	}
}

// add adds n to the count of an entity of the story.
func (g *tagger) add(st *storyTags, text string, typ, n int32) {
	if j := slices.IndexFunc(st.ents, func(c entityCount) bool { return c.text == text && c.typ == typ }); j >= 0 {
		st.ents[j].n += n
	} else if len(st.ents) < maxStoryEntities {
		st.ents = append(st.ents, entityCount{text, typ, n})
	}
}

func (g *tagger) typeIndex(t string) int32 {
	i := slices.Index(g.types, t)
	if i < 0 {
		i = len(g.types)
		g.types = append(g.types, t)
	}
	return int32(i)
}

// entities returns up to n of the story's entities, the most named first
// (first named first among equals). A name its articles typed differently
// ("Zlite Project" a person in one, an organisation in another) is listed
// once, as the type most of them gave it (a typed one over OTHER on a
// tie), with all its mentions.
func (g *tagger) entities(st *storyTags, n int) []tidings.Entity {
	sorted := make([]entityCount, 0, len(st.ents))
	typN := make([]int32, 0, len(st.ents)) // how many gave sorted[i] its type
	for _, c := range st.ents {
		j := slices.IndexFunc(sorted, func(d entityCount) bool { return d.text == c.text })
		if j < 0 {
			sorted, typN = append(sorted, c), append(typN, c.n)
			continue
		}
		if c.n > typN[j] || c.n == typN[j] && g.types[sorted[j].typ] == tidings.EntityOther {
			sorted[j].typ, typN[j] = c.typ, c.n
		}
		sorted[j].n += c.n
	}
	slices.SortStableFunc(sorted, func(a, b entityCount) int { return int(b.n - a.n) })
	out := make([]tidings.Entity, 0, min(n, len(sorted)))
	for _, c := range sorted[:min(n, len(sorted))] {
		out = append(out, tidings.Entity{Text: c.text, Type: g.types[c.typ]})
	}
	return out
}

func newTagger(window time.Duration) *tagger {
	return &tagger{window: window, tags: map[string]*storyTags{}}
}

// tag counts an article of story with its own tags and entities, after
// merging the merged stories into it, and returns the story's hashtags and
// its most named entities.
func (g *tagger) tag(story string, merged, own []string, ents []tidings.Entity, t time.Time) ([]string, []tidings.Entity) {
	g.evict(t)
	st := g.tags[story]
	if st == nil {
		st = &storyTags{}
		g.tags[story] = st
	}
	elect := false
	for _, m := range merged {
		if mt := g.tags[m]; mt != nil {
			st.seed()
			if mt.votes == nil {
				st.vote(mt.tags.unpack(), 1)
			} else {
				for _, v := range mt.votes {
					st.vote([]string{v.tag}, v.score)
				}
			}
			st.articles += mt.articles
			elect = true
			for _, c := range mt.ents {
				g.add(st, c.text, c.typ, c.n)
			}
			delete(g.tags, m)
		}
	}
	st.articles++
	if st.articles == 1 && !elect {
		st.tags = packTags(own)
	} else {
		st.seed()
		st.vote(own, 1)
		if elect || st.tags.len() == 0 || st.articles&(st.articles-1) == 0 {
			st.elect()
		}
	}
	if now := at(t); st.last.before(now) {
		st.last = now
	}
	st.n++
	g.count(st, ents)
	g.queue = append(g.queue, story)
	return st.tags.unpack(), g.entities(st, maxStoryEntityList)
}

// maxStoryEntityList is how many entities a story reports.
const maxStoryEntityList = 12

// evict forgets stories without an article in the window. The queue
// holds a story once per article; only its last entry can evict it.
func (g *tagger) evict(t time.Time) {
	if t.After(g.last) {
		g.last = t
	}
	cut := at(g.last.Add(-g.window))
	i := 0
	for ; i < len(g.queue); i++ {
		st := g.tags[g.queue[i]]
		switch {
		case st == nil: // merged away
		case st.n > 1:
			st.n--
		case st.last.before(cut):
			delete(g.tags, g.queue[i])
		default:
			g.queue = g.queue[i:]
			return
		}
	}
	g.queue = g.queue[:0]
}
