package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/tidings/tidings"
)

// lease is how long a claimed source stays hidden from other workers; a
// process that dies holding a claim delays that source by at most this much.
const lease = 5 * time.Minute

// Run works the fetch queue until ctx is done: it claims due sources, refreshes
// them on Workers goroutines, and sleeps until the next source is due. Each
// outcome goes to report (which may be nil); failures are also recorded on
// the source by Refresh.
func (p *Pipeline) Run(ctx context.Context, report func(Outcome)) error {
	for {
		n, err := p.drain(ctx, report)
		if err != nil && ctx.Err() == nil {
			p.log.Error("claim due sources", "err", err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if n > 0 {
			continue
		}
		wait := 30 * time.Second
		if next, err := p.store.NextDue(ctx); err == nil && !next.IsZero() {
			if d := next.Sub(p.now()); d < wait {
				wait = max(d, 100*time.Millisecond)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// drain refreshes due sources until none is due, and returns how many it
// refreshed. Analysis runs on its own goroutine behind the fetch workers, so
// fetching, parsing and storing go on while it works; it has finished when
// drain returns.
func (p *Pipeline) drain(ctx context.Context, report func(Outcome)) (int, error) {
	jobs := make(chan *tidings.Source)
	// Analysis is a pipeline of its own: the fetch workers prepare their new
	// articles, one goroutine decides them in stored order, another saves.
	an := p.lead(ctx)
	queue := make(chan *analysisJob, 4*p.opts.Workers)
	saves := make(chan *analysisJob, 4)
	analyzed := make(chan struct{})
	held := an != nil
	go func() {
		defer close(saves)
		renewed := time.Now()
		for j := range queue {
			<-j.ready
			if held && time.Since(renewed) > leaseTTL/4 {
				// Still ours? If not, the new holder analyzes the rest.
				held, renewed = p.lead(ctx) == an, time.Now()
			}
			if !held {
				continue
			}
			j.arts, j.stories = an.Decide(j.batch)
			j.batch = nil
			saves <- j
		}
	}()
	go func() {
		defer close(analyzed)
		for j := range saves {
			arts, stories, ids := j.arts, j.stories, []int64{j.sourceID}
			// Jobs that are already waiting share one transaction: a
			// commit costs about as much as saving a feed's articles. A
			// job that merges stories ends the batch, so no later job's
			// article can be moved by a merge it did not follow.
			for !merges(j.stories) && len(arts) < maxSaveBatch && len(saves) > 0 {
				j = <-saves
				arts, stories, ids = append(arts, j.arts...), append(stories, j.stories...), append(ids, j.sourceID)
			}
			if err := p.store.SaveAnalysis(ctx, arts, stories); err != nil && ctx.Err() == nil {
				p.log.Error("save analysis", "source_ids", ids, "err", err)
			}
		}
	}()
	// Preparing is CPU work like parsing (Options.Parsers), with tokens of
	// its own: a worker waiting to prepare has already left the parsers,
	// and the analysis queue waits for its batch, so sharing one set of
	// tokens could deadlock.
	preparing := make(chan struct{}, p.opts.Parsers)
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range jobs {
				var job *analysisJob
				var analyze func([]*tidings.Article)
				if an != nil {
					analyze = func(arts []*tidings.Article) {
						// Queued in stored order (under the store lock),
						// prepared after the lock is released.
						job = &analysisJob{sourceID: src.ID, stored: arts, ready: make(chan struct{})}
						queue <- job
					}
				}
				out := p.refresh(ctx, src, analyze)
				if job != nil {
					title := src.Title
					preparing <- struct{}{}
					job.batch = an.Prepare(func(int64) string { return title }, job.stored)
					<-preparing
					job.stored = nil // the batch has its own copies
					close(job.ready)
				}
				if report != nil {
					report(out)
				}
			}
		}()
	}
	n := 0
	var err error
	for ctx.Err() == nil {
		var batch []*tidings.Source
		batch, err = p.store.ClaimDueSources(ctx, p.now(), lease, p.opts.Workers)
		if err != nil || len(batch) == 0 {
			break
		}
		for _, src := range batch {
			select {
			case jobs <- src:
				n++
			case <-ctx.Done():
			}
		}
	}
	close(jobs)
	wg.Wait()
	close(queue)
	<-analyzed
	if held {
		if cerr := p.catchUp(ctx, an); cerr != nil && ctx.Err() == nil {
			p.log.Error("analyze queued articles", "err", cerr)
		}
	}
	return n, err
}

// maxSaveBatch bounds the articles of one analysis transaction.
const maxSaveBatch = 500

// merges reports whether any of the stories merged others.
func merges(stories []*tidings.Story) bool {
	for _, st := range stories {
		if len(st.MergedFrom) > 0 {
			return true
		}
	}
	return false
}

// analysisJob is a refresh's new articles on their way through analysis.
type analysisJob struct {
	sourceID int64
	stored   []*tidings.Article
	ready    chan struct{} // closed when batch is prepared
	batch    *Batch
	arts     []*tidings.Article
	stories  []*tidings.Story
}

// RefreshAll makes every source due now and works the queue in this process
// until each has been refreshed (by this process or another worker sharing
// the database). It is `tidings refresh --wait`.
func (p *Pipeline) RefreshAll(ctx context.Context, report func(Outcome)) error {
	// Stores keep at least millisecond precision.
	start := p.now().Truncate(time.Millisecond)
	srcs, err := p.store.Sources(ctx)
	if err != nil {
		return err
	}
	if err := p.MarkDue(ctx, srcs, start); err != nil {
		return err
	}
	if _, err := p.drain(ctx, report); err != nil {
		return err
	}
	// Sources claimed by other workers finish there; wait for them.
	for ctx.Err() == nil {
		srcs, err = p.store.Sources(ctx)
		if err != nil {
			return err
		}
		pending := 0
		for _, s := range srcs {
			if s.LastFetchedAt.Before(start) {
				pending++
			}
		}
		if pending == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
		case <-time.After(500 * time.Millisecond):
		}
		if _, err := p.drain(ctx, report); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// MarkDue makes the given sources due at t, keeping the rest of their
// fetch state.
func (p *Pipeline) MarkDue(ctx context.Context, srcs []*tidings.Source, t time.Time) error {
	for _, s := range srcs {
		st := s.FetchState
		st.NextFetchAt = t
		if err := p.store.SaveFetchState(ctx, s.ID, st); err != nil {
			return err
		}
	}
	return nil
}
