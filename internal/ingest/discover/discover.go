// Package discover finds the feed of a site from its HTML page, so that a
// user can subscribe by giving the site's address rather than the feed's.
package discover

import (
	"bytes"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the <link type> values that announce a feed. application/json
// is accepted because some JSON Feed publishers use it; the rel="alternate"
// requirement keeps unrelated JSON links out.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
	"application/json":      true,
}

// Links returns the feed URLs a page announces with <link rel="alternate"
// type="…">, resolved against base (and the page's own <base href>),
// deduplicated and in document order. Malformed HTML yields what could be
// read; it never fails.
func Links(page []byte, base *url.URL) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.Base:
			if href := attrs(z)["href"]; href != "" {
				if b, err := resolve(base, href); err == nil {
					base = b
				}
			}
		case atom.Link:
			a := attrs(z)
			if !hasToken(a["rel"], "alternate") || a["href"] == "" {
				continue
			}
			mt, _, err := mime.ParseMediaType(a["type"])
			if err != nil || !feedTypes[mt] {
				continue
			}
			u, err := resolve(base, a["href"])
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				continue
			}
			u.Fragment = ""
			if s := u.String(); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
}

func attrs(z *html.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		key := strings.ToLower(string(k))
		if _, dup := m[key]; !dup {
			m[key] = strings.TrimSpace(string(v))
		}
		if !more {
			return m
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func resolve(base *url.URL, ref string) (*url.URL, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return nil, err
	}
	if base == nil {
		return r, nil
	}
	return base.ResolveReference(r), nil
}

// commonPaths are where feeds live on the usual platforms (WordPress, Hugo,
// Jekyll, Ghost, Blogger, generic), most likely first.
var commonPaths = []string{
	"feed", "rss", "rss.xml", "atom.xml", "feed.xml", "index.xml", "feed.json", "feeds/posts/default",
}

// CommonPaths returns the paths worth trying when a page announces no feed.
func CommonPaths() []string {
	return append([]string(nil), commonPaths...)
}

// Candidates returns absolute URLs to try for site, a page without feed
// links: the common paths under the page's directory first (a blog under
// /blog/), then under the site root; deduplicated.
func Candidates(site *url.URL) []string {
	dirs := []string{"/"}
	if dir := site.Path[:strings.LastIndex(site.Path, "/")+1]; dir != "" && dir != "/" {
		dirs = []string{dir, "/"}
	}
	var out []string
	seen := map[string]bool{}
	for _, d := range dirs {
		for _, p := range commonPaths {
			u := url.URL{Scheme: site.Scheme, User: site.User, Host: site.Host, Path: d + p}
			if s := u.String(); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
