package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tidings/tidings"
)

// maxResults is how many articles a search lists.
const maxResults = 30

// searchQuery is a search and its filters as parsed from the URL.
type searchQuery struct {
	Q        string
	Cut      bool // the query was longer than maxQuery
	Source   int64
	Tag      string
	From, To time.Time
	FromText string
	ToText   string
}

func parseSearch(r *http.Request) (searchQuery, error) {
	var sq searchQuery
	var err error
	sq.Q, sq.Cut = cleanQuery(r.URL.Query().Get("q"))
	if sq.Source, err = queryID(r, "source", "source"); err != nil {
		return sq, err
	}
	if sq.Tag, err = queryTag(r, "tag"); err != nil {
		return sq, err
	}
	if sq.From, err = queryDate(r, "from"); err != nil {
		return sq, err
	}
	if sq.To, err = queryDate(r, "to"); err != nil {
		return sq, err
	}
	sq.FromText, sq.ToText = r.URL.Query().Get("from"), r.URL.Query().Get("to")
	if !sq.To.IsZero() {
		sq.To = sq.To.Add(24 * time.Hour) // "to" names the last day searched
	}
	if !sq.From.IsZero() && !sq.To.IsZero() && !sq.From.Before(sq.To) {
		return sq, invalidf("The search starts (%s) after it ends (%s).", sq.FromText, sq.ToText)
	}
	return sq, nil
}

func (sq searchQuery) query() url.Values {
	q := url.Values{"q": {sq.Q}}
	if sq.Source != 0 {
		q.Set("source", strconv.FormatInt(sq.Source, 10))
	}
	if sq.Tag != "" {
		q.Set("tag", sq.Tag)
	}
	if sq.FromText != "" {
		q.Set("from", sq.FromText)
	}
	if sq.ToText != "" {
		q.Set("to", sq.ToText)
	}
	return q
}

// hit is one search result.
type hit struct {
	Article *tidings.Article
	Source  *tidings.Source
	Snippet template.HTML
}

type searchPage struct {
	base
	Search  searchQuery
	Hits    []hit
	Message string        // why there are no results, or that the query was cut
	Sources template.HTML // the source filter's options
	Done    bool          // a search ran
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	sq, err := parseSearch(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	srcs, srcByID, err := s.sources(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := searchPage{Search: sq, Sources: sourceOptions(srcs, sq.Source)}
	p.base = s.base(r, "Search")
	p.Q = sq.Q
	if sq.Q != "" {
		p.Title = "Search: " + clip(sq.Q, 60)
		p.Done = true
		p.Hits, err = s.search(ctx, sq, srcByID)
		switch {
		case errors.Is(err, tidings.ErrInvalid):
			p.Message = "Nothing to search for: type one or more words."
			p.Done = false
		case err != nil:
			s.Error(w, r, err)
			return
		case sq.Cut:
			p.Message = "Only the first " + strconv.Itoa(maxQuery) + " characters of the search were used."
		}
		p.Feeds = feedLinks("/search/feed", s.opts.SiteTitle+": "+clip(sq.Q, 60), sq.query())
	}
	s.render(w, r, http.StatusOK, "search", p)
}

func (s *Server) search(ctx context.Context, sq searchQuery, byID map[int64]*tidings.Source) ([]hit, error) {
	arts, err := s.store.Search(ctx, sq.Q, sq.Source, sq.Tag, sq.From, sq.To, maxResults)
	if err != nil {
		return nil, err
	}
	terms := queryTerms(sq.Q)
	hits := make([]hit, 0, len(arts))
	for _, a := range arts {
		hits = append(hits, hit{Article: a, Source: byID[a.SourceID], Snippet: snippet(a.Text, terms, 260)})
	}
	return hits, nil
}
