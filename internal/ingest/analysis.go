package ingest

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel"
)

// Analysis runs the story-intelligence Analyzer over newly stored articles
// and saves what it decides. One Analysis serializes its Analyzer: articles
// enter the story window one at a time, as in `tidings analyze`.
type Analysis struct {
	mu     sync.Mutex
	an     *intel.Analyzer
	window time.Duration
	now    func() time.Time
}

// NewAnalysis returns an Analysis whose stories look back over window.
func NewAnalysis(window time.Duration) *Analysis {
	return &Analysis{an: intel.New(intel.Options{Window: window}), window: window, now: time.Now}
}

// Warm replays the analyzed articles of the stored story window into the
// Analyzer, so that new articles find the duplicates and stories decided
// before a restart or by the previous holder of the analysis lease.
func (a *Analysis) Warm(ctx context.Context, st tidings.Store) error {
	arts, err := st.ArticlesSince(ctx, a.now().Add(-a.window))
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, art := range arts {
		if art.StoryID == 0 {
			continue // in the analysis queue
		}
		r := intel.Result{Story: key(art.StoryID), DuplicateOf: key(art.DuplicateOf), Hashtags: art.Hashtags, Entities: art.Entities}
		a.an.Warm(doc(art, ""), r)
	}
	return nil
}

// Batch is newly stored articles on their way through analysis: prepared
// (in parallel, by whoever stored them), then decided in stored order.
type Batch struct {
	arts     []*tidings.Article
	prepared []*intel.Prepared
}

// Prepare sorts articles into stored order and does the per-document half of
// their analysis. It is safe for concurrent use. The batch holds copies of
// the articles without their HTML and text, which it has read and which
// SaveAnalysis does not write: a batch waits for the decisions and then for
// its save, and with some 7 KB an article that nothing else holds by then.
func (a *Analysis) Prepare(sourceName func(id int64) string, stored []*tidings.Article) *Batch {
	arts := slices.Clone(stored)
	// Stored order, which is the order the store's exact dedup saw them.
	slices.SortFunc(arts, func(x, y *tidings.Article) int { return cmp.Compare(x.ID, y.ID) })
	b := &Batch{arts: arts, prepared: make([]*intel.Prepared, len(arts))}
	for i, art := range arts {
		b.prepared[i] = a.an.Prepare(doc(art, sourceName(art.SourceID)))
		c := *art
		c.HTML, c.Text = "", ""
		arts[i] = &c
	}
	return b
}

// Decide makes the stream's decisions for a prepared batch (batches must
// come in stored order), finishes the text analysis on two goroutines, and
// returns the articles and stories to save.
func (a *Analysis) Decide(b *Batch) ([]*tidings.Article, []*tidings.Story) {
	a.mu.Lock()
	defer a.mu.Unlock()
	decided := make([]*intel.Decided, len(b.arts))
	for i, p := range b.prepared {
		decided[i] = a.an.Decide(p)
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(decided); i += 2 {
				decided[i].Finish()
			}
		}()
	}
	wg.Wait()
	stories := map[int64]*tidings.Story{}
	for i, art := range b.arts {
		r := a.an.Tag(decided[i])
		if art.DuplicateOf == 0 {
			// The store's exact dedup stands; analysis finds the rest.
			art.DuplicateOf, art.Replaces = id(r.DuplicateOf), id(r.Replaces)
		}
		art.StoryID = id(r.Story)
		art.Language = r.Language
		art.Intel = tidings.Intel{Summary: r.Summary, Keyphrases: r.Keyphrases, Hashtags: r.Hashtags, Entities: r.Entities}
		for _, k := range r.Related {
			art.Related = append(art.Related, id(k))
		}
		s := stories[art.StoryID]
		if s == nil {
			s = &tidings.Story{ID: art.StoryID, HeadlineArticleID: art.StoryID}
			stories[art.StoryID] = s
		}
		s.Hashtags = r.Hashtags
		s.Entities = r.StoryEntities // the latest counts the most articles
		for _, m := range r.Merged {
			s.MergedFrom = append(s.MergedFrom, id(m))
		}
	}
	list := make([]*tidings.Story, 0, len(stories))
	for _, s := range stories {
		list = append(list, s)
	}
	slices.SortFunc(list, func(x, y *tidings.Story) int { return cmp.Compare(x.ID, y.ID) })
	return b.arts, list
}

// Analyze decides duplicates, stories, related articles and the per-article
// intelligence of newly stored articles, and saves them. sourceName names an
// article's source for the analyzer.
func (a *Analysis) Analyze(ctx context.Context, st tidings.Store, sourceName func(id int64) string, stored []*tidings.Article) error {
	arts, stories := a.Decide(a.Prepare(sourceName, stored))
	return st.SaveAnalysis(ctx, arts, stories)
}

func doc(a *tidings.Article, source string) intel.Doc {
	return intel.Doc{Key: key(a.ID), Title: a.Title, Body: a.Text, URL: a.URL, Source: source, Published: a.PublishedAt}
}

func key(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func id(key string) int64 {
	n, _ := strconv.ParseInt(key, 10, 64)
	return n
}

// Reanalyze re-derives duplicates, stories and intelligence of every stored
// article, oldest first, with a fresh Analyzer: after an algorithm change,
// or for data stored without analysis. It returns how many it analyzed.
func Reanalyze(ctx context.Context, st tidings.Store, window time.Duration) (n int, err error) {
	holder := newHolder()
	ok, err := st.AcquireLease(ctx, analysisLease, holder, 24*time.Hour)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, tidings.Errorf(tidings.ErrConflict, "another process is analyzing (a running serve or worker): stop it first")
	}
	defer func() {
		if rerr := st.ReleaseLease(context.WithoutCancel(ctx), analysisLease, holder); err == nil {
			err = rerr
		}
	}()
	arts, err := st.ArticlesSince(ctx, time.Time{})
	if err != nil {
		return 0, err
	}
	srcs, err := st.Sources(ctx)
	if err != nil {
		return 0, err
	}
	names := make(map[int64]string, len(srcs))
	for _, s := range srcs {
		names[s.ID] = s.Title
	}
	slices.SortStableFunc(arts, func(x, y *tidings.Article) int { return cmp.Compare(x.ID, y.ID) })
	a := NewAnalysis(window)
	for i := 0; i < len(arts); i += 500 {
		part := arts[i:min(i+500, len(arts))]
		for _, art := range part {
			art.DuplicateOf, art.StoryID, art.Intel = 0, 0, tidings.Intel{}
		}
		if err := a.Analyze(ctx, st, func(id int64) string { return names[id] }, part); err != nil {
			return i, err
		}
	}
	return len(arts), nil
}
