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
// pages, for items the source does not have yet. Each article keeps the
// ContentHash of what the feed carries, so an unchanged teaser on the next
// refresh still counts as unchanged. A page that cannot be fetched or
// extracted leaves its teaser in place; only a store error is returned.
func (p *Pipeline) fullText(ctx context.Context, src *tidings.Source, articles []*tidings.Article) error {
	if src.FullText == tidings.FullTextOff {
		return nil
	}
	var want []*tidings.Article
	for _, a := range articles {
		if a.URL != "" && (src.FullText == tidings.FullTextOn || extract.LooksTruncated(a.Text, a.Title)) {
			want = append(want, a)
		}
	}
	if len(want) == 0 {
		return nil
	}
	guids := make([]string, len(want))
	for i, a := range want {
		guids[i] = a.GUID
	}
	known, err := p.store.KnownItems(ctx, src.ID, guids)
	if err != nil {
		return err
	}
	sem := make(chan struct{}, p.opts.FullTextWorkers)
	var wg sync.WaitGroup
	for _, a := range want {
		if _, ok := known[a.GUID]; ok {
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
	return nil
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
