package intel

import (
	"slices"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/cluster"
	"github.com/tidings/tidings/internal/intel/entity"
	"github.com/tidings/tidings/internal/intel/fingerprint"
)

// Analyzer decides, for a stream of articles in time order, duplicates,
// stories and related articles, and derives each article's text analysis.
// Its memory is bounded by the window: fingerprints, vectors and stories
// older than the window are forgotten (only the vocabulary's document
// frequencies are kept). It is not safe for concurrent use: the live
// pipeline feeds one Analyzer from one goroutine.
type Analyzer struct {
	opts    Options
	fp      *fingerprint.Index
	stories *cluster.Clusterer
	vocab   *vocab
	last    time.Time
	// canon maps the key of every article in the window to its canonical.
	canon map[string]string
	// queue holds the window's articles in arrival order, for eviction.
	queue []queued
	head  int
	// tags holds each story's hashtags, by story ID.
	tags map[string][]string
}

type queued struct {
	key string
	t   time.Time
}

// New returns an Analyzer with an empty window.
func New(opts Options) *Analyzer {
	if opts.Window <= 0 {
		opts.Window = 7 * 24 * time.Hour
	}
	copts := opts.Cluster
	copts.Window = opts.Window
	v := newVocab()
	return &Analyzer{
		opts:    opts,
		fp:      fingerprint.NewIndex(),
		stories: cluster.New(v, copts),
		vocab:   v,
		canon:   map[string]string{},
		tags:    map[string][]string{},
	}
}

// prepared is a Doc's text, ready for the decisions.
type prepared struct {
	t        time.Time
	lines    []string // the text without boilerplate, a paragraph a line
	entities []tidings.Entity
	print    *fingerprint.Print
}

func (a *Analyzer) prepare(d Doc) prepared {
	t := d.Published
	if t.IsZero() {
		t = a.last
	} else if t.After(a.last) {
		a.last = t
	}
	text := PlainText(d.Body)
	a.evict(t)
	lines := fingerprint.Clean(text)
	return prepared{
		t:        t,
		lines:    lines,
		entities: entity.Extract(d.Title, strings.Join(lines, "\n")),
		print:    fingerprint.New(d.Title, text),
	}
}

// Add analyzes the next article of the stream and remembers it for the
// articles after it.
func (a *Analyzer) Add(d Doc) Result {
	p := a.prepare(d)
	r := Result{Key: d.Key}
	if m, ok := a.fp.Find(p.print); ok {
		r.DuplicateOf = a.canon[m.Key]
	}
	var t text
	if !a.opts.SkipText {
		t = analyzeText(d.Title, strings.Join(p.lines, "\n"), p.entities, a.vocab)
	}
	asg := a.place(d, p, r.DuplicateOf, "")
	r.Story, r.Merged, r.Related = asg.Story, asg.Merged, asg.Related
	r.Hashtags = a.storyTags(r.Story, r.Merged, t.hashtags)
	r.Keyphrases, r.Entities, r.Summary, r.Language = t.keyphrases, t.entities, t.summary, t.language
	return r
}

// Warm replays an article whose analysis was decided earlier (read back
// from the store when the live pipeline starts): it enters the window with
// r's duplicate link, story and hashtags, without deciding anything again
// and without the text analysis. Warm the window's articles in time order,
// then Add new ones; their decisions then match those of an Analyzer that
// had run all along (up to the vocabulary of articles before the window).
func (a *Analyzer) Warm(d Doc, r Result) {
	p := a.prepare(d)
	story := r.Story
	if story == "" {
		story = d.Key
	}
	asg := a.place(d, p, r.DuplicateOf, story)
	if len(a.tags[asg.Story]) == 0 && len(r.Hashtags) > 0 {
		a.tags[asg.Story] = slices.Clone(r.Hashtags)
	}
}

// place records the article in the fingerprint index and the vocabulary,
// and puts it in a story: its canonical's when it is a duplicate, story
// when given, else the clusterer's choice.
func (a *Analyzer) place(d Doc, p prepared, dupOf, story string) cluster.Assignment {
	canon := d.Key
	if dupOf != "" {
		canon = dupOf
	}
	a.fp.Add(d.Key, p.print)
	a.canon[d.Key] = canon
	a.queue = append(a.queue, queued{d.Key, p.t})

	st := a.termStats(d.Title, p.lines, p.entities)
	if dupOf == "" {
		ids := make([]uint32, 0, len(st))
		for id := range st {
			ids = append(ids, id)
		}
		a.vocab.observe(ids)
	}
	vec := a.vector(st)
	if story == "" && dupOf != "" {
		story = a.stories.StoryOf(dupOf)
		if story == "" {
			story = dupOf
		}
	}
	return a.stories.Add(d.Key, vec, p.t, story, dupOf == "")
}

// storyTags returns the story's hashtags, adopting the article's own when
// the story has none yet, so every article of a story reports one set:
// the one of its earliest article that had any.
func (a *Analyzer) storyTags(story string, merged, own []string) []string {
	tags := a.tags[story]
	for _, m := range merged {
		if len(tags) == 0 {
			tags = a.tags[m]
		}
		delete(a.tags, m)
	}
	if len(tags) == 0 && len(own) > 0 {
		tags = slices.Clone(own)
	}
	if len(tags) > 0 {
		a.tags[story] = tags
	}
	return slices.Clone(tags)
}

// evict forgets fingerprints and story tags older than the window; the
// clusterer evicts its own state.
func (a *Analyzer) evict(now time.Time) {
	cut := now.Add(-a.opts.Window)
	for a.head < len(a.queue) && a.queue[a.head].t.Before(cut) {
		q := a.queue[a.head]
		a.queue[a.head] = queued{}
		a.head++
		delete(a.canon, q.key)
		a.fp.Remove(q.key)
	}
	if a.head > 1024 && a.head > len(a.queue)/2 {
		a.queue = slices.Clone(a.queue[a.head:])
		a.head = 0
	}
	if len(a.tags) > 2*(a.fp.Len()+16) {
		for id := range a.tags {
			if a.stories.Story(id) != id {
				delete(a.tags, id)
			}
		}
	}
}

// Size reports how many articles and stories the window holds, for
// measuring memory.
func (a *Analyzer) Size() (articles, stories int) { return a.stories.Len() }

// Story returns the current ID of a story after merges, or "" when the
// story has left the window (its decisions are final).
func (a *Analyzer) Story(id string) string { return a.stories.Story(id) }
