package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest/canon"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/schedule"
)

// Outcome is what one refresh of one source did.
type Outcome struct {
	SourceID    int64
	NotModified bool
	Result      tidings.RefreshResult
	Err         error // the fetch, parse or store error, also recorded on the source
}

// Refresh fetches one source, stores its new and changed items, analyzes the
// new ones, and records the source's fetch state and next due time. A failing
// feed records its error and backs off; the error is returned in the Outcome
// for the caller to log once.
func (p *Pipeline) Refresh(ctx context.Context, src *tidings.Source) Outcome {
	var analyzeErr error
	var analyze func([]*tidings.Article)
	if an := p.lead(ctx); an != nil {
		analyze = func(arts []*tidings.Article) {
			analyzeErr = an.Analyze(ctx, p.store, func(int64) string { return src.Title }, arts)
		}
	}
	out := p.refresh(ctx, src, analyze)
	if analyzeErr != nil && out.Err == nil {
		out.Err = fmt.Errorf("analyze: %w", analyzeErr)
	}
	return out
}

// refresh is Refresh with the analysis of new articles handed to analyze,
// which may queue it; nil leaves them to the analysis queue.
func (p *Pipeline) refresh(ctx context.Context, src *tidings.Source, analyze func([]*tidings.Article)) Outcome {
	start := p.now()
	out := Outcome{SourceID: src.ID}
	defer func() { p.metrics.duration.Observe(time.Since(start).Seconds()) }()

	st := src.FetchState
	st.LastFetchedAt = start
	resp, err := p.fetcher.Get(ctx, src.FeedURL, fetch.Validators{ETag: src.ETag, LastModified: src.LastModified})
	if err != nil {
		return p.fail(ctx, src, st, resp, err)
	}
	st.LastStatus = resp.StatusCode
	in := schedule.Input{TTL: 0, MaxAge: resp.MaxAge, Expires: resp.Expires, PublishInterval: st.PublishInterval}
	if resp.NotModified {
		p.metrics.fetches.WithLabelValues("not_modified").Inc()
		p.succeed(&st, resp)
		st.NextFetchAt = p.opts.Policy.Next(start, in, p.rand)
		out.NotModified = true
		if err := p.store.SaveFetchState(ctx, src.ID, st); err != nil {
			out.Err = fmt.Errorf("save fetch state: %w", err)
		}
		return out
	}
	if !p.enterParsers(ctx) {
		return Outcome{SourceID: src.ID, Err: ctx.Err()}
	}
	parsing := true
	defer func() {
		if parsing {
			p.leaveParsers()
		}
	}()
	f, err := p.parser.ParseLazy(resp.Body, resp.FinalURL)
	if err != nil {
		return p.fail(ctx, src, st, resp, err)
	}
	p.metrics.fetches.WithLabelValues("ok").Inc()
	p.succeed(&st, resp)
	st.PublishInterval = observedInterval(f.Items)
	in.TTL, in.PublishInterval = f.TTL, st.PublishInterval
	st.NextFetchAt = p.opts.Policy.Next(start, in, p.rand)

	known, err := p.known(ctx, src, f.Items)
	if err != nil {
		return p.fail(ctx, src, st, resp, fmt.Errorf("raw hashes: %w", err))
	}
	articles, unchanged := p.articles(src, f, known, start)
	// The parsed feed holds every item's raw text, and workers queue for
	// the store lock below: f is dead from here on, so that the collector
	// may free it while they wait.
	feedTitle, feedSite := f.Title, f.SiteURL
	if src.FullText != tidings.FullTextOff {
		// Page fetches wait on the network, not on the parsers.
		p.leaveParsers()
		p.fullText(ctx, src, articles, known)
		if parsing = p.enterParsers(ctx); !parsing {
			return Outcome{SourceID: src.ID, Err: ctx.Err()}
		}
	}
	// Articles reach analysis in the order they were stored, so that a
	// near-duplicate always points at an article stored before it, as the
	// store's exact dedup does: the two never disagree into a cycle.
	p.storeMu.Lock()
	res, err := p.store.SaveRefresh(ctx, src.ID, st, articles)
	if err == nil && analyze != nil {
		if arts := fresh(res.Stored); len(arts) > 0 {
			analyze(arts)
		}
	}
	p.storeMu.Unlock()
	if err != nil {
		out.Err = fmt.Errorf("store: %w", err)
		return out
	}
	// The items skipped before cleaning are unchanged as surely as those
	// SaveRefresh found unchanged.
	res.Unchanged += unchanged
	out.Result = res
	p.metrics.items.WithLabelValues("new").Add(float64(res.New))
	p.metrics.items.WithLabelValues("duplicate").Add(float64(res.Duplicates))
	p.metrics.items.WithLabelValues("updated").Add(float64(res.Updated))
	p.metrics.items.WithLabelValues("unchanged").Add(float64(res.Unchanged))

	if src.Title == "" && feedTitle != "" || src.SiteURL == "" && feedSite != "" {
		upd := *src
		if upd.Title == "" {
			upd.Title = feedTitle
		}
		if upd.SiteURL == "" {
			upd.SiteURL = feedSite
		}
		if err := p.store.UpdateSource(ctx, &upd); err != nil {
			out.Err = fmt.Errorf("update source: %w", err)
		}
	}
	return out
}

// succeed clears the error state and keeps the new validators.
func (p *Pipeline) succeed(st *tidings.FetchState, resp *fetch.Response) {
	st.LastError, st.ErrorCount = "", 0
	if resp.ETag != "" || resp.LastModified != "" || !resp.NotModified {
		st.ETag, st.LastModified = resp.ETag, resp.LastModified
	}
}

// fail records a failed refresh: the error, one more consecutive failure,
// and a next attempt backed off exponentially (honouring Retry-After).
func (p *Pipeline) fail(ctx context.Context, src *tidings.Source, st tidings.FetchState, resp *fetch.Response, err error) Outcome {
	p.metrics.fetches.WithLabelValues("error").Inc()
	st.ErrorCount++
	st.LastError = err.Error()
	in := schedule.Input{Failed: true, ErrorCount: st.ErrorCount}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		st.LastStatus = se.StatusCode
		in.RetryAfter = se.RetryAfter
	} else if resp != nil {
		st.LastStatus = resp.StatusCode
	} else {
		st.LastStatus = 0
	}
	st.NextFetchAt = p.opts.Policy.Next(st.LastFetchedAt, in, p.rand)
	if serr := p.store.SaveFetchState(ctx, src.ID, st); serr != nil {
		err = errors.Join(err, fmt.Errorf("save fetch state: %w", serr))
	}
	return Outcome{SourceID: src.ID, Err: err}
}

// known returns the raw hashes the store holds of the source's items among
// these.
func (p *Pipeline) known(ctx context.Context, src *tidings.Source, items []feed.Item) (map[string]string, error) {
	if len(items) == 0 {
		return nil, nil
	}
	guids := make([]string, len(items))
	for i, it := range items {
		guids[i] = it.GUID
	}
	return p.store.RawHashes(ctx, src.ID, guids)
}

// articles maps a parsed feed's items to articles of src, cleaning them,
// except the items that known holds with the same RawHash: cleaning those
// would give the text the store has (the same ContentHash), which
// SaveRefresh would find unchanged, so they are only counted.
func (p *Pipeline) articles(src *tidings.Source, f *feed.Feed, known map[string]string, fetched time.Time) (out []*tidings.Article, unchanged int) {
	out = make([]*tidings.Article, 0, len(f.Items))
	seen := make(map[string]bool, len(f.Items))
	for i := range f.Items {
		it := &f.Items[i]
		if it.GUID == "" || seen[it.GUID] {
			continue // a feed repeating a GUID keeps its first item
		}
		seen[it.GUID] = true
		if raw, ok := known[it.GUID]; ok && raw != "" && raw == it.RawHash {
			unchanged++
			continue
		}
		p.parser.Clean(it)
		pub := it.Published
		if pub.IsZero() {
			pub = it.Updated
		}
		if pub.IsZero() || pub.After(fetched.Add(24*time.Hour)) {
			pub = fetched // undated, or dated implausibly far ahead
		}
		out = append(out, &tidings.Article{
			SourceID:    src.ID,
			GUID:        it.GUID,
			URL:         it.URL,
			Title:       it.Title,
			Author:      it.Author,
			PublishedAt: pub.UTC(),
			HTML:        it.HTML,
			Text:        it.Text,
			Language:    f.Language,
			ContentHash: contentHash(it.Title, it.URL, it.Text),
			RawHash:     it.RawHash,
		})
	}
	return out, unchanged
}

// contentHash is the exact-dedup hash: of the text when there is enough of
// it, else of title and URL, so that empty items never match each other.
func contentHash(title, link, text string) string {
	if h := canon.ContentHash(text); h != "" {
		return h
	}
	return canon.ContentHash(title + "\n" + link + "\n" + text)
}

func observedInterval(items []feed.Item) time.Duration {
	ts := make([]time.Time, 0, len(items))
	for _, it := range items {
		if !it.Published.IsZero() {
			ts = append(ts, it.Published)
		}
	}
	return schedule.ObservedInterval(ts)
}

// fresh returns the articles that analysis has not seen: the new ones, not
// those updated in place.
func fresh(stored []*tidings.Article) []*tidings.Article {
	var out []*tidings.Article
	for _, a := range stored {
		if a.StoryID == 0 {
			out = append(out, a)
		}
	}
	return out
}

// enterParsers waits for a parser token (see Options.Parsers); false when
// ctx ended first.
func (p *Pipeline) enterParsers(ctx context.Context) bool {
	select {
	case p.parsers <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (p *Pipeline) leaveParsers() { <-p.parsers }
