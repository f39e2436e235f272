package web

import (
	"encoding/xml"
	"time"
)

// RSS 2.0 wire types (https://www.rssboard.org/rss-specification).
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	DCNS    string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Self          rssSelf   `xml:"atom:link"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	Description string   `xml:"description,omitempty"`
	Author      string   `xml:"dc:creator,omitempty"`
	PubDate     string   `xml:"pubDate"`
	Categories  []string `xml:"category"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

func encodeRSS(f outFeed) ([]byte, error) {
	d := rssDoc{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom", DCNS: "http://purl.org/dc/elements/1.1/", Channel: rssChannel{
		Title:         f.Title,
		Link:          f.Home,
		Description:   f.Title,
		Self:          rssSelf{Href: f.Self, Rel: "self", Type: "application/rss+xml"},
		LastBuildDate: f.Updated.UTC().Format(time.RFC1123Z),
		Generator:     "Tidings",
	}}
	for _, it := range f.Items {
		d.Channel.Items = append(d.Channel.Items, rssItem{
			Title:       it.Title,
			Link:        it.ID,
			GUID:        rssGUID{IsPermaLink: "true", Value: it.ID},
			Description: it.Summary,
			Author:      it.Author,
			PubDate:     it.Published.UTC().Format(time.RFC1123Z),
			Categories:  it.Tags,
		})
	}
	return xml.MarshalIndent(d, "", "  ")
}

// Atom 1.0 wire types (RFC 4287).
type atomDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary,omitempty"`
	Author     *atomAuthor    `xml:"author,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

func encodeAtom(f outFeed) ([]byte, error) {
	d := atomDoc{
		ID:      f.Self,
		Title:   f.Title,
		Updated: f.Updated.UTC().Format(time.RFC3339),
		Links: []atomLink{
			{Href: f.Self, Rel: "self", Type: "application/atom+xml"},
			{Href: f.Home, Rel: "alternate", Type: "text/html"},
		},
		Gen: "Tidings",
	}
	for _, it := range f.Items {
		e := atomEntry{
			ID:        it.ID,
			Title:     it.Title,
			Links:     []atomLink{{Href: it.ID, Rel: "alternate", Type: "text/html"}},
			Published: it.Published.UTC().Format(time.RFC3339),
			Updated:   it.Updated.UTC().Format(time.RFC3339),
			Summary:   it.Summary,
		}
		if it.Author != "" {
			e.Author = &atomAuthor{Name: it.Author}
		}
		for _, t := range it.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		d.Entries = append(d.Entries, e)
	}
	return xml.MarshalIndent(d, "", "  ")
}

// JSON Feed 1.1 wire types (https://jsonfeed.org/version/1.1).
type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentText   string       `json:"content_text"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

func jsonFeedOf(f outFeed) jsonFeed {
	d := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.Home, FeedURL: f.Self, Items: []jsonItem{}}
	for _, it := range f.Items {
		j := jsonItem{
			ID:            it.ID,
			URL:           it.ID,
			Title:         it.Title,
			ContentText:   it.Summary,
			DatePublished: it.Published.UTC().Format(time.RFC3339),
			DateModified:  it.Updated.UTC().Format(time.RFC3339),
			Tags:          it.Tags,
		}
		if it.Author != "" {
			j.Authors = []jsonAuthor{{Name: it.Author}}
		}
		d.Items = append(d.Items, j)
	}
	return d
}
