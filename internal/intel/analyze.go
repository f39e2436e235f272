package intel

import (
	"slices"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/cluster"
	"github.com/tidings/tidings/internal/intel/entity"
	"github.com/tidings/tidings/internal/intel/fingerprint"
	"github.com/tidings/tidings/internal/intel/language"
)

// Analyzer decides, for a stream of articles in time order, duplicates,
// stories and related articles, and derives each article's text analysis.
// Its memory is bounded by the window: fingerprints, vectors and stories
// older than the window are forgotten (only the vocabulary's document
// frequencies are kept). Keys must be unique within the window. Only
// Prepare and Decided.Finish are safe for concurrent use; the rest runs
// in stream order on one goroutine (the live pipeline feeds one Analyzer
// from one goroutine; `tidings analyze` pipelines the stages).
type Analyzer struct {
	opts    Options
	fp      *fingerprint.Index
	stories *cluster.Clusterer
	vocab   *vocab
	last    time.Time
	// canon maps the key of every duplicate in the window to its
	// canonical; an article not in it is its own canonical.
	canon map[string]string
	// fullest holds, for a canonical whose place a fuller copy took, the
	// shingle count of the fullest copy so far.
	fullest map[string]int
	// queue holds the window's articles in arrival order, for eviction.
	queue  []queued
	head   int
	tagger *tagger
}

type queued struct {
	key string
	t   instant
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
		fullest: map[string]int{},
		tagger:  newTagger(opts.Window),
	}
}

// Prepared is a Doc with the analysis that needs nothing of the stream:
// plain text, boilerplate removed, fingerprint, words, entities, summary
// and language. Prepare is safe for concurrent use, so a caller with a
// batch can prepare docs in parallel and Add them in order.
type Prepared struct {
	doc      Doc
	lines    []string // the text without boilerplate, a paragraph a line
	words    []wordStat
	entities []tidings.Entity
	print    *fingerprint.Print
	text     text
}

// Prepare does the per-document half of the analysis of d.
func (a *Analyzer) Prepare(d Doc) *Prepared { return a.prepare(d, a.opts.SkipText) }

func (a *Analyzer) prepare(d Doc, skipText bool) *Prepared {
	text := PlainText(d.Body)
	lines := fingerprint.Clean(text)
	clean := strings.Join(lines, "\n")
	lang := language.Detect(d.Title + "\n" + clean)
	p := &Prepared{
		doc:      d,
		lines:    lines,
		entities: entity.Extract(d.Title, clean, lang),
		print:    fingerprint.FromLines(d.Title, lines),
	}
	p.words = wordStats(d.Title, lines, p.entities)
	if !skipText {
		p.text = prepareText(d.Title, clean, p.entities, lang)
	}
	// lines hold what the rest reads of the body; a prepared doc may wait
	// in a queue, and the body (often HTML) need not wait with it.
	p.doc.Body = ""
	return p
}

// Add analyzes the next article of the stream and remembers it for the
// articles after it.
func (a *Analyzer) Add(d Doc) Result { return a.AddPrepared(a.Prepare(d)) }

// AddPrepared is Add for a prepared doc; docs must come in stream order.
func (a *Analyzer) AddPrepared(p *Prepared) Result {
	d := a.Decide(p)
	d.Finish()
	return a.Tag(d)
}

// Decided is a doc after the stream's decisions (duplicate, story,
// related), with what the rest of its text analysis needs.
type Decided struct {
	r     Result
	t     time.Time
	title string
	body  string
	text  text
	df    dfSnapshot
}

// Decide makes the stream's decisions for the next doc. A batch that
// prepares and finishes docs in parallel calls Decide, then Tag, for each
// doc in stream order, and may call Finish concurrently in between.
func (a *Analyzer) Decide(p *Prepared) *Decided {
	t := a.advance(p.doc.Published)
	d := &Decided{r: Result{Key: p.doc.Key}, t: t, title: p.doc.Title, text: p.text}
	via := ""
	if m, ok := a.fp.Find(p.print); ok {
		via = m.Key
		d.r.DuplicateOf = m.Key
		if c, ok := a.canon[m.Key]; ok {
			d.r.DuplicateOf = c
		}
		d.r.Replaces = a.fuller(d.r.DuplicateOf, p.print.Shingles)
	}
	if !a.opts.SkipText {
		d.body = strings.Join(p.lines, "\n")
		d.df = a.vocab.snapshot(p.words)
	}
	asg := a.place(p, t, d.r.DuplicateOf, via, "")
	d.r.Story, d.r.Merged, d.r.Related = asg.Story, asg.Merged, asg.Related
	return d
}

// Fuller copies: a copy takes its canonical's place when it has half as
// many shingles again as the text holding that place, and at least
// minFuller more (a teaser's full text has many times its shingles; two
// edits of one full text differ by a few).
const minFuller = 16

// fuller returns canon when a copy of it with n shingles is fuller than the
// text holding its place, and records n as the fullest; else "".
func (a *Analyzer) fuller(canon string, n int) string {
	have, ok := a.fullest[canon]
	if !ok {
		if have, ok = a.fp.Shingles(canon); !ok {
			return "" // out of the window
		}
	}
	if n < have+have/2 || n-have < minFuller {
		return ""
	}
	a.fullest[canon] = n
	return canon
}

// Finish runs the text stages that need the stream's document
// frequencies (as they were at Decide). It is safe for concurrent use.
func (d *Decided) Finish() {
	if d.df.words != nil {
		d.text = finishText(d.title, d.body, d.text, d.df)
		d.body = ""
	}
}

// Tag gives a finished doc its story's hashtags and returns its Result.
// Call it in stream order.
func (a *Analyzer) Tag(d *Decided) Result {
	r := d.r
	r.Hashtags, r.StoryEntities = a.tagger.tag(r.Story, r.Merged, d.text.hashtags, d.text.entities, d.t)
	r.Keyphrases, r.Entities, r.Summary, r.Language = d.text.keyphrases, d.text.entities, d.text.summary, d.text.language
	return r
}

// advance moves the stream's clock to a doc's time (zero: the time of the
// doc before) and forgets what fell out of the window.
func (a *Analyzer) advance(t time.Time) time.Time {
	if t.IsZero() {
		t = a.last
	} else if t.After(a.last) {
		a.last = t
	}
	a.evict(t)
	return t
}

// Warm replays an article whose analysis was decided earlier (read back
// from the store when the live pipeline starts): it enters the window with
// r's duplicate link, story and hashtags, without deciding anything again
// and without the text analysis. Warm the window's articles in time order,
// then Add new ones; their decisions then match those of an Analyzer that
// had run all along (up to the vocabulary of articles before the window).
func (a *Analyzer) Warm(d Doc, r Result) {
	p := a.prepare(d, true)
	t := a.advance(d.Published)
	story := r.Story
	if story == "" {
		story = d.Key
	}
	asg := a.place(p, t, r.DuplicateOf, "", story)
	a.tagger.tag(asg.Story, nil, r.Hashtags, r.Entities, t)
}

// place records the article in the fingerprint index and the vocabulary,
// and puts it in a story: story when given; for a duplicate, its
// canonical dupOf's, else (the canonical has left the window) that of via,
// the copy of the window it was found through, else one named after the
// canonical; else the clusterer's choice.
func (a *Analyzer) place(p *Prepared, t time.Time, dupOf, via, story string) cluster.Assignment {
	key := p.doc.Key
	a.fp.Add(key, p.print)
	if dupOf != "" {
		a.canon[key] = dupOf
	} else {
		delete(a.canon, key)
	}
	a.queue = append(a.queue, queued{key, at(t)})

	st := a.termStats(p.words)
	if dupOf == "" {
		ids := make([]uint32, len(st))
		for i, s := range st {
			ids[i] = s.id
		}
		a.vocab.observe(ids)
	}
	vec := a.vector(st)
	if story == "" && dupOf != "" {
		story = a.stories.StoryOf(dupOf)
		if story == "" && via != "" {
			// Days after the original, a copy of a copy: the original's
			// story, which that copy joined.
			story = a.stories.StoryOf(via)
		}
		if story == "" {
			story = dupOf
		}
	}
	return a.stories.Add(key, vec, t, story, dupOf == "")
}

// evict forgets fingerprints older than the window; the clusterer and
// the tagger evict their own state.
func (a *Analyzer) evict(now time.Time) {
	cut := at(now.Add(-a.opts.Window))
	for a.head < len(a.queue) && a.queue[a.head].t.before(cut) {
		q := a.queue[a.head]
		a.queue[a.head] = queued{}
		a.head++
		delete(a.canon, q.key)
		delete(a.fullest, q.key)
		a.fp.Remove(q.key)
	}
	if a.head > 1024 && a.head > len(a.queue)/2 {
		a.queue = slices.Clone(a.queue[a.head:])
		a.head = 0
	}
}

// Size reports how many articles and stories the window holds, for
// measuring memory.
func (a *Analyzer) Size() (articles, stories int) { return a.stories.Len() }

// Mapped reports how many bytes the window holds outside the Go heap (see
// package offheap), for measuring memory.
func (a *Analyzer) Mapped() int { return a.fp.Mapped() + a.stories.Mapped() }

// Story returns the current ID of a story after merges, or "" when the
// story has left the window (its decisions are final).
func (a *Analyzer) Story(id string) string { return a.stories.Story(id) }

// Final reports whether a story (by its current ID) has had no article
// within the window as of the last Tag: nothing can join or merge it any
// more. Unlike Story, it may be called between Tag calls while another
// goroutine runs Decide.
func (a *Analyzer) Final(story string) bool { return a.tagger.tags[story] == nil }
