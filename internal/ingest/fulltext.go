package ingest

import (
	"context"
	"net/url"
	"sync"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest/extract"
	"github.com/tidings/tidings/internal/ingest/fetch"
)

// fullText replaces the teasers among articles with the main text of their
// pages, for items the source does not have yet (not in known). Each article
// keeps the ContentHash and RawHash of what the feed carries, so an
// unchanged teaser on the next refresh still counts as unchanged. A page
// that cannot be fetched or extracted leaves its teaser in place.
func (p *Pipeline) fullText(ctx context.Context, src *tidings.Source, articles []*tidings.Article, known map[string]string) {
	if src.FullText == tidings.FullTextOff {
		return
	}
	sem := make(chan struct{}, p.opts.FullTextWorkers)
	var wg sync.WaitGroup
	for _, a := range articles {
		if _, ok := known[a.GUID]; ok || a.URL == "" {
			continue
		}
		if src.FullText != tidings.FullTextOn && !extract.LooksTruncated(a.Text, a.Title) {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(a *tidings.Article) {
			defer func() { <-sem; wg.Done() }()
			if err := p.fetchPage(ctx, a); err != nil {
				p.log.Debug("full text kept teaser", "source_id", src.ID, "url", a.URL, "err", err)
			}
		}(a)
	}
	wg.Wait()
}

// fetchPage fetches and extracts one article's page into a.
func (p *Pipeline) fetchPage(ctx context.Context, a *tidings.Article) error {
	resp, err := p.fetcher.Get(ctx, a.URL, fetch.Validators{})
	if err != nil {
		return err
	}
	u, err := url.Parse(resp.FinalURL)
	if err != nil {
		return err
	}
	res, err := extract.Article(resp.Body, u)
	if err != nil {
		return err
	}
	if len(res.Text) <= len(a.Text) {
		return nil // the page holds no more than the feed did
	}
	a.HTML = p.sanitizer.HTML(res.HTML, u)
	a.Text = res.Text
	return nil
}
