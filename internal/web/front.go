package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidings/tidings"
)

// card is one story as the front page shows it.
type card struct {
	Story       *tidings.Story
	Headline    *tidings.Article // nil when the headline article is gone
	Title       string
	Summary     string
	Sources     []*tidings.Source // the first few, earliest publisher first
	MoreSources int               // how many more carried it
	Hashtags    []string
	Comments    int  // visible comments on the story and its articles
	Read        bool // the viewer read the headline article
}

// maxCardSources is how many source names a card spells out.
const maxCardSources = 4

// filter is the front page's query: what to show and from where.
type filter struct {
	Tag    string
	Source int64
	Lang   string
	Before cursor
}

func parseFilter(r *http.Request) (filter, error) {
	var f filter
	var err error
	if f.Tag, err = queryTag(r, "tag"); err != nil {
		return f, err
	}
	if f.Source, err = queryID(r, "source", "source"); err != nil {
		return f, err
	}
	if f.Lang, err = queryLang(r); err != nil {
		return f, err
	}
	f.Before, err = parseCursor(r)
	return f, err
}

// query returns the filter as URL parameters, without the cursor.
func (f filter) query() url.Values {
	q := url.Values{}
	if f.Tag != "" {
		q.Set("tag", f.Tag)
	}
	if f.Source != 0 {
		q.Set("source", strconv.FormatInt(f.Source, 10))
	}
	if f.Lang != "" {
		q.Set("lang", f.Lang)
	}
	return q
}

// listPage is the front page and the hashtag page: a list of story cards.
type listPage struct {
	base
	Heading   string
	Tag       string // the hashtag page's tag
	Filter    filter
	Cards     []card
	Older     string        // URL of the next page, "" on the last
	Sources   template.HTML // the source filter's options
	Languages []string
	Newest    string     // URL of the first page when not on it
	Follow    *following // the hashtag page's follow button; nil for visitors
}

// languages offered by the language filter; any code is accepted in the URL.
var languages = []string{"en", "de", "fr", "es", "it", "nl", "pt"}

func (s *Server) handleFront(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p, err := s.listStories(r.Context(), f, "/")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.base = s.base(r, "Top stories")
	p.Heading = "Top stories"
	if f.Tag != "" || f.Source != 0 || f.Lang != "" {
		p.Heading = "Filtered stories"
	}
	p.Feeds = feedLinks("/feed", s.opts.SiteTitle+": top stories", f.query())
	s.render(w, r, http.StatusOK, "front", p)
}

func (s *Server) handleTag(w http.ResponseWriter, r *http.Request) {
	tag, err := cleanTag(r.PathValue("tag"))
	if err == nil && tag == "" {
		err = invalidf("A hashtag page needs a hashtag.")
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f, err := parseFilter(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f.Tag = tag
	p, err := s.listStories(r.Context(), f, "/tag/"+url.PathEscape(tag))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p.base = s.base(r, "#"+tag)
	p.Heading = "#" + tag
	p.Tag = tag
	p.Follow = s.followState(r, tag, 0)
	p.Feeds = feedLinks("/tag/"+url.PathEscape(tag)+"/feed", s.opts.SiteTitle+": #"+tag, nil)
	s.render(w, r, http.StatusOK, "front", p)
}

// listStories loads one page of cards for f; path is the page's own address
// for the "Older" link.
func (s *Server) listStories(ctx context.Context, f filter, path string) (listPage, error) {
	p := listPage{Filter: f, Languages: languages}
	stories, err := s.store.Stories(ctx, f.Tag, f.Source, f.Lang, f.Before.T, f.Before.ID, s.opts.PageSize+1)
	if err != nil {
		return p, err
	}
	more := len(stories) > s.opts.PageSize
	if more {
		stories = stories[:s.opts.PageSize]
	}
	srcs, srcByID, err := s.sources(ctx)
	if err != nil {
		return p, err
	}
	p.Sources = sourceOptions(srcs, f.Source)
	if p.Cards, err = s.cards(ctx, stories, srcByID); err != nil {
		return p, err
	}
	q := f.query()
	if path != "/" {
		q.Del("tag")
	}
	if more {
		last := stories[len(stories)-1]
		q.Set("before", cursor{T: last.LastSeen, ID: last.ID}.String())
		p.Older = path + "?" + q.Encode()
		q.Del("before")
	}
	if !f.Before.T.IsZero() {
		p.Newest = path
		if len(q) > 0 {
			p.Newest += "?" + q.Encode()
		}
	}
	return p, nil
}

// cards turns stories into cards with two batch queries, whatever the
// number of stories: one for the headline articles, one for the sources.
func (s *Server) cards(ctx context.Context, stories []*tidings.Story, srcByID map[int64]*tidings.Source) ([]card, error) {
	if len(stories) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(stories))
	heads := make([]int64, len(stories))
	for i, st := range stories {
		ids[i], heads[i] = st.ID, st.HeadlineArticleID
	}
	arts, err := s.store.Articles(ctx, heads)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*tidings.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	storySrcs, err := s.store.StorySources(ctx, ids)
	if err != nil {
		return nil, err
	}
	var counts map[int64]int
	if s.accounts != nil {
		if counts, err = s.accounts.CommentCounts(ctx, ids); err != nil {
			return nil, err
		}
	}
	read := s.readState(ctx, heads)
	cards := make([]card, 0, len(stories))
	for _, st := range stories {
		c := card{Story: st, Headline: byID[st.HeadlineArticleID], Hashtags: st.Hashtags,
			Comments: counts[st.ID], Read: read[st.HeadlineArticleID].Read}
		if c.Headline != nil {
			c.Title = c.Headline.Title
			c.Summary = summary(c.Headline, 320)
			if len(c.Hashtags) == 0 {
				c.Hashtags = c.Headline.Hashtags
			}
		}
		if c.Title == "" {
			c.Title = "Untitled story"
		}
		for _, id := range storySrcs[st.ID] {
			if src := srcByID[id]; src != nil && len(c.Sources) < maxCardSources {
				c.Sources = append(c.Sources, src)
			} else {
				c.MoreSources++
			}
		}
		if len(c.Hashtags) > 5 {
			c.Hashtags = c.Hashtags[:5]
		}
		cards = append(cards, c)
	}
	return cards, nil
}

func sourceIndex(srcs []*tidings.Source) map[int64]*tidings.Source {
	m := make(map[int64]*tidings.Source, len(srcs))
	for _, s := range srcs {
		m[s.ID] = s
	}
	return m
}

// summary is an article's extractive summary, or the start of its text when
// it has not been analyzed, cut at a word boundary near max bytes.
func summary(a *tidings.Article, max int) string {
	s := strings.Join(a.Summary, " ")
	if s == "" {
		s = a.Text
	}
	return excerpt(s, max)
}

// excerpt cuts s at a word boundary near max bytes.
func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut < max/2 {
		cut = max
		for cut > 0 && !utf8RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
