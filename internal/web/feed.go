package web

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// feedItem is one entry of an outbound feed, whatever its format.
type feedItem struct {
	ID        string // absolute URL, also the link
	Title     string
	Summary   string
	Author    string
	Published time.Time
	Updated   time.Time
	Tags      []string
}

// outFeed is an outbound feed before encoding.
type outFeed struct {
	Title   string
	Home    string // absolute URL of the HTML page
	Self    string // absolute URL of the feed itself
	Updated time.Time
	Items   []feedItem
}

// absolute returns the site's absolute URL for path: feeds are read by
// other programs and need absolute links. Options.BaseURL says where the
// site is when a proxy stands in front; otherwise the request's host does.
func (s *Server) absolute(r *http.Request, path string) string {
	if s.opts.BaseURL != "" {
		return strings.TrimSuffix(s.opts.BaseURL, "/") + path
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func (s *Server) handleFrontFeed(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.storyFeed(w, r, f, s.opts.SiteTitle+": top stories", "/", "/feed")
}

func (s *Server) handleTagFeed(w http.ResponseWriter, r *http.Request) {
	tag, err := cleanTag(r.PathValue("tag"))
	if err == nil && tag == "" {
		err = invalidf("A hashtag feed needs a hashtag.")
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := "/tag/" + url.PathEscape(tag)
	s.storyFeed(w, r, filter{Tag: tag}, s.opts.SiteTitle+": #"+tag, p, p+"/feed")
}

// storyFeed writes the first page of stories matching f as a feed.
func (s *Server) storyFeed(w http.ResponseWriter, r *http.Request, f filter, title, home, self string) {
	f.Before = cursor{}
	p, err := s.listStories(r.Context(), f, home)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := outFeed{Title: title, Home: s.absolute(r, home), Self: s.absolute(r, self+"."+r.PathValue("format"))}
	if q := f.query(); len(q) > 0 && home == "/" {
		out.Home += "?" + q.Encode()
		out.Self += "?" + q.Encode()
	}
	for _, c := range p.Cards {
		it := feedItem{
			ID:        s.absolute(r, fmt.Sprintf("/story/%d", c.Story.ID)),
			Title:     c.Title,
			Summary:   c.Summary,
			Published: c.Story.FirstSeen,
			Updated:   c.Story.LastSeen,
			Tags:      c.Hashtags,
		}
		if len(c.Sources) > 0 {
			it.Author = c.Sources[0].Title
		}
		out.Items = append(out.Items, it)
	}
	s.writeFeed(w, r, out)
}

func (s *Server) handleSearchFeed(w http.ResponseWriter, r *http.Request) {
	sq, err := parseSearch(r)
	if err == nil && sq.Q == "" {
		err = invalidf("A search feed needs a search: add ?q=words.")
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	_, srcByID, err := s.sources(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	hits, err := s.search(r.Context(), sq, srcByID)
	if errors.Is(err, tidings.ErrInvalid) {
		err = invalidf("Nothing to search for: the search needs one or more words.")
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q := "?" + sq.query().Encode()
	out := outFeed{
		Title: s.opts.SiteTitle + ": search for " + clip(sq.Q, 60),
		Home:  s.absolute(r, "/search"+q),
		Self:  s.absolute(r, "/search/feed."+r.PathValue("format")+q),
	}
	for _, h := range hits {
		it := feedItem{
			ID:        s.absolute(r, fmt.Sprintf("/article/%d", h.Article.ID)),
			Title:     h.Article.Title,
			Summary:   summary(h.Article, 400),
			Published: h.Article.PublishedAt,
			Updated:   h.Article.PublishedAt,
			Tags:      h.Article.Hashtags,
		}
		if h.Source != nil {
			it.Author = h.Source.Title
		}
		out.Items = append(out.Items, it)
	}
	s.writeFeed(w, r, out)
}

// writeFeed encodes f in the format named by the path's {format}.
func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, f outFeed) {
	for _, it := range f.Items {
		if it.Updated.After(f.Updated) {
			f.Updated = it.Updated
		}
	}
	if f.Updated.IsZero() {
		f.Updated = s.now()
	}
	var (
		body  []byte
		ctype string
		err   error
	)
	switch r.PathValue("format") {
	case "rss":
		body, err = encodeRSS(f)
		ctype = "application/rss+xml; charset=utf-8"
	case "atom":
		body, err = encodeAtom(f)
		ctype = "application/atom+xml; charset=utf-8"
	case "json":
		body, err = json.MarshalIndent(jsonFeedOf(f), "", "  ")
		ctype = "application/feed+json; charset=utf-8"
	default:
		s.Error(w, r, notFoundf("Feeds come as feed.rss, feed.atom and feed.json."))
		return
	}
	if err != nil {
		s.Error(w, r, fmt.Errorf("web: encode feed: %w", err))
		return
	}
	w.Header().Set("Content-Type", ctype)
	if r.PathValue("format") != "json" {
		w.Write([]byte(xml.Header))
	}
	w.Write(body)
}
