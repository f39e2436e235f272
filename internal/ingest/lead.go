package ingest

import (
	"context"
	"time"
)

// analysisLease names the lease whose holder runs story analysis. Analysis
// is one stream (an article's story depends on every article before it), so
// among processes sharing a database exactly one runs it; the others store
// articles and leave them in the analysis queue (UnanalyzedArticles).
const analysisLease = "analysis"

// leaseTTL is how long the lease outlives its holder's last renewal: a
// process that dies holding it delays analysis by at most this much.
const leaseTTL = 2 * time.Minute

// lead takes or renews the analysis lease and returns the Analysis to use,
// or nil when analysis is off or another process holds the lease. Taking the
// lease starts a fresh Analysis warmed from the stored window, so decisions
// made meanwhile by another holder are known.
func (p *Pipeline) lead(ctx context.Context) *Analysis {
	if !p.opts.Analyze {
		return nil
	}
	p.leadMu.Lock()
	defer p.leadMu.Unlock()
	ok, err := p.store.AcquireLease(ctx, analysisLease, p.holder, leaseTTL)
	if err != nil {
		p.log.Error("acquire analysis lease", "err", err)
		ok = false
	}
	if !ok {
		p.analysis = nil
		return nil
	}
	if p.analysis == nil {
		a := NewAnalysis(p.opts.Window)
		if err := a.Warm(ctx, p.store); err != nil {
			p.log.Error("warm analysis", "err", err)
			return nil
		}
		p.analysis = a
	}
	return p.analysis
}

// catchUp analyzes what the analysis queue holds: articles other processes
// stored, or that a stopped process left unanalyzed.
func (p *Pipeline) catchUp(ctx context.Context, an *Analysis) error {
	names := map[int64]string{}
	last := int64(0)
	for ctx.Err() == nil {
		arts, err := p.store.UnanalyzedArticles(ctx, 500)
		if err != nil || len(arts) == 0 {
			return err
		}
		if arts[len(arts)-1].ID == last {
			return nil // nothing moved: leave the rest for the next round
		}
		last = arts[len(arts)-1].ID
		if len(names) == 0 {
			srcs, err := p.store.Sources(ctx)
			if err != nil {
				return err
			}
			for _, s := range srcs {
				names[s.ID] = s.Title
			}
		}
		if err := an.Analyze(ctx, p.store, func(id int64) string { return names[id] }, arts); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Close gives up the analysis lease, so that another process takes over
// analysis at once rather than when the lease runs out.
func (p *Pipeline) Close(ctx context.Context) error {
	p.leadMu.Lock()
	defer p.leadMu.Unlock()
	if !p.opts.Analyze {
		return nil
	}
	p.analysis = nil
	return p.store.ReleaseLease(ctx, analysisLease, p.holder)
}
