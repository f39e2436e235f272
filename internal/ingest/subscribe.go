package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest/discover"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/opml"
)

// Subscribe adds the feed at rawURL, or the feed a site at rawURL announces
// (<link rel="alternate">, then common feed paths), as a new source. It
// returns ErrInvalid when no feed is found there and ErrConflict when the
// feed is already subscribed.
func (p *Pipeline) Subscribe(ctx context.Context, rawURL, folder string, fullText tidings.FullTextMode) (*tidings.Source, error) {
	switch fullText {
	case "":
		fullText = tidings.FullTextAuto
	case tidings.FullTextAuto, tidings.FullTextOn, tidings.FullTextOff:
	default:
		return nil, tidings.Errorf(tidings.ErrInvalid, "full text: want auto, on or off, got %q", fullText)
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, tidings.Errorf(tidings.ErrInvalid, "%q is not an http(s) URL", rawURL)
	}
	feedURL, title, err := p.findFeed(ctx, u)
	if err != nil {
		return nil, err
	}
	src := &tidings.Source{FeedURL: feedURL, Title: title, Folder: folder, FullText: fullText}
	if err := p.store.CreateSource(ctx, src); err != nil {
		return nil, err
	}
	return src, nil
}

func (p *Pipeline) findFeed(ctx context.Context, u *url.URL) (feedURL, title string, err error) {
	resp, err := p.fetcher.Get(ctx, u.String(), fetch.Validators{})
	if err != nil {
		return "", "", tidings.Errorf(tidings.ErrInvalid, "cannot fetch %s: %v", u, err)
	}
	if f, perr := p.parser.ParseLazy(resp.Body, resp.FinalURL); perr == nil {
		return resp.FinalURL, f.Title, nil
	}
	base, _ := url.Parse(resp.FinalURL)
	if base == nil {
		base = u
	}
	var candidates []string
	if discover.IsHTML(resp.Body, resp.ContentType) {
		candidates = discover.Links(resp.Body, base)
	}
	for _, path := range discover.CommonPaths() {
		ref, _ := url.Parse(path)
		candidates = append(candidates, base.ResolveReference(ref).String())
	}
	for _, c := range candidates {
		resp, err := p.fetcher.Get(ctx, c, fetch.Validators{})
		if err != nil {
			continue
		}
		if f, err := p.parser.ParseLazy(resp.Body, resp.FinalURL); err == nil {
			return resp.FinalURL, f.Title, nil
		}
	}
	return "", "", tidings.Errorf(tidings.ErrInvalid, "no feed found at %s", u)
}

// ImportResult counts what an OPML import did.
type ImportResult struct {
	Added, Existing int
	Invalid         []string // outlines without a usable feed URL
}

// Import subscribes to every feed of an OPML document; feeds already
// subscribed are counted, not changed.
func (p *Pipeline) Import(ctx context.Context, outlines []opml.Outline) (ImportResult, error) {
	var res ImportResult
	for _, o := range outlines {
		u, err := url.Parse(o.FeedURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			res.Invalid = append(res.Invalid, o.FeedURL)
			continue
		}
		src := &tidings.Source{FeedURL: o.FeedURL, SiteURL: o.SiteURL, Title: o.Title, Folder: o.Folder, FullText: tidings.FullTextAuto}
		switch err := p.store.CreateSource(ctx, src); {
		case err == nil:
			res.Added++
		case errors.Is(err, tidings.ErrConflict):
			res.Existing++
		default:
			return res, fmt.Errorf("import %s: %w", o.FeedURL, err)
		}
	}
	return res, nil
}

// Export returns every source as an OPML outline.
func Export(ctx context.Context, store tidings.Store) ([]opml.Outline, error) {
	srcs, err := store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]opml.Outline, len(srcs))
	for i, s := range srcs {
		out[i] = opml.Outline{Title: s.Title, FeedURL: s.FeedURL, SiteURL: s.SiteURL, Folder: s.Folder}
	}
	return out, nil
}
