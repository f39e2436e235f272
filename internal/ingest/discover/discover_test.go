package discover

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLinks(t *testing.T) {
	base, _ := url.Parse("https://news.example/section/page.html")
	tests := []struct {
		name string
		page string
		want []string
	}{
		{"none", `<html><head><title>x</title></head><body><a href="/feed">feed</a></body></html>`, nil},
		{"rss relative", `<link rel="alternate" type="application/rss+xml" href="/feed.xml">`, []string{"https://news.example/feed.xml"}},
		{"document order, every type", `<head>
			<link rel="alternate" type="application/atom+xml" href="atom.xml">
			<link rel="stylesheet" href="/s.css">
			<link rel="alternate" type="application/feed+json" href="//cdn.example/feed.json">
			<link rel="alternate" type="application/json" href="https://news.example/j.json">
			<link rel="alternate" type="application/rss+xml; charset=utf-8" href="https://news.example/rss">
			</head>`, []string{
			"https://news.example/section/atom.xml",
			"https://cdn.example/feed.json",
			"https://news.example/j.json",
			"https://news.example/rss",
		}},
		{"deduplicated after resolving", `<link rel="alternate" type="application/rss+xml" href="/rss">
			<LINK REL="Alternate" TYPE="Application/RSS+XML" HREF="https://news.example/rss#top">`, []string{"https://news.example/rss"}},
		{"rel with several tokens", `<link rel="home alternate" type="application/atom+xml" href="/a">`, []string{"https://news.example/a"}},
		{"wrong rel or type ignored", `<link rel="alternate" type="text/html" href="/fr/">
			<link rel="alternate" hreflang="de" href="/de/">
			<link rel="feed" type="application/rss+xml" href="/x">
			<link rel="alternate" type="application/rss+xml">`, nil},
		{"base href honoured", `<base href="https://other.example/blog/"><link rel="alternate" type="application/rss+xml" href="feed">`, []string{"https://other.example/blog/feed"}},
		{"non-http schemes dropped", `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
			<link rel="alternate" type="application/rss+xml" href="feed://news.example/rss">`, nil},
		{"in body too", `<body><link rel="alternate" type="application/rss+xml" href="/late"></body>`, []string{"https://news.example/late"}},
		{"broken markup", `<link rel="alternate" type="application/rss+xml" href="/ok"><link rel=alternate type=application/atom+xml href=/atom <`, []string{"https://news.example/ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Links([]byte(tt.page), base)); diff != "" {
				t.Errorf("links (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLinksNilBase(t *testing.T) {
	got := Links([]byte(`<link rel="alternate" type="application/rss+xml" href="https://a.example/rss">`), nil)
	if diff := cmp.Diff([]string{"https://a.example/rss"}, got); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		site string
		want []string
	}{
		{"https://blog.example", []string{
			"https://blog.example/feed", "https://blog.example/rss", "https://blog.example/rss.xml",
			"https://blog.example/atom.xml", "https://blog.example/feed.xml", "https://blog.example/index.xml",
			"https://blog.example/feed.json", "https://blog.example/feeds/posts/default",
		}},
		{"https://example.com/blog/", []string{
			"https://example.com/blog/feed", "https://example.com/blog/rss", "https://example.com/blog/rss.xml",
			"https://example.com/blog/atom.xml", "https://example.com/blog/feed.xml", "https://example.com/blog/index.xml",
			"https://example.com/blog/feed.json", "https://example.com/blog/feeds/posts/default",
			"https://example.com/feed", "https://example.com/rss", "https://example.com/rss.xml",
			"https://example.com/atom.xml", "https://example.com/feed.xml", "https://example.com/index.xml",
			"https://example.com/feed.json", "https://example.com/feeds/posts/default",
		}},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.site)
		if diff := cmp.Diff(tt.want, Candidates(u)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.site, diff)
		}
	}
	if p := CommonPaths(); len(p) != 8 || p[0] != "feed" {
		t.Errorf("got CommonPaths %v, want 8 paths starting with feed", p)
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		want                    bool
	}{
		{"html page", "<!DOCTYPE html><html><head></head></html>", "text/html; charset=utf-8", true},
		{"html page served as xml", "<!doctype html>\n<html lang=en>", "text/xml", true},
		{"xhtml with xml declaration", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">`, "application/xhtml+xml", true},
		{"rss served as html", `<?xml version="1.0" encoding="utf-8"?><!-- generator --><rss version="2.0">`, "text/html", false},
		{"atom with BOM", "\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/html", false},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, "", false},
		{"json feed", ` {"version":"https://jsonfeed.org/version/1.1"}`, "text/html", false},
		{"fragment served as html", "<div>hello</div>", "text/html", true},
		{"fragment served as xml", "<div>hello</div>", "application/xml", false},
		{"no type, sniffed", "<head><title>x</title></head>", "", true},
		{"empty", "", "", false},
		{"plain text", "hello", "text/plain", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsHTML([]byte(tt.body), tt.contentType); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzLinks(f *testing.F) {
	f.Add([]byte(`<base href="//x"><link rel="alternate" type="application/rss+xml" href="/feed">`), "text/html")
	f.Add([]byte(`<?xml version="1.0"?><rss>`), "")
	base, _ := url.Parse("https://example.com/a/")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		for _, l := range Links(page, base) {
			u, err := url.Parse(l)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Errorf("got link %q, want an absolute http(s) URL", l)
			}
		}
		IsHTML(page, contentType)
	})
}
