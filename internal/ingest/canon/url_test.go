package canon

import (
	"net/url"
	"testing"
)

func TestURL(t *testing.T) {
	base, _ := url.Parse("https://Example.com/news/feed.xml")
	tests := []struct {
		name, raw string
		base      *url.URL
		want      string
	}{
		{"absolute", "https://example.com/a", nil, "https://example.com/a"},
		{"case", "HTTPS://WWW.Example.COM/Path", nil, "https://www.example.com/Path"},
		{"default http port", "http://example.com:80/a", nil, "http://example.com/a"},
		{"default https port", "https://example.com:443/a", nil, "https://example.com/a"},
		{"other port kept", "http://example.com:8080/a", nil, "http://example.com:8080/a"},
		{"fragment", "https://example.com/a#comments", nil, "https://example.com/a"},
		{"utm", "https://example.com/a?utm_source=rss&utm_medium=feed&id=3", nil, "https://example.com/a?id=3"},
		{"UTM upper", "https://example.com/a?UTM_Source=x", nil, "https://example.com/a"},
		{"click ids", "https://example.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&_ga=7&igshid=8&yclid=9&ref_src=a&ocid=b&cmpid=c&__twitter_impression=true", nil, "https://example.com/a"},
		{"sorted", "https://example.com/a?z=1&a=2&m=3", nil, "https://example.com/a?a=2&m=3&z=1"},
		{"stable duplicates", "https://example.com/a?b=2&a=1&b=1", nil, "https://example.com/a?a=1&b=2&b=1"},
		{"encoding kept", "https://example.com/s?q=a+b&p=%20", nil, "https://example.com/s?p=%20&q=a+b"},
		{"empty query", "https://example.com/a?", nil, "https://example.com/a"},
		{"empty path", "https://example.com", nil, "https://example.com/"},
		{"relative", "../2024/story.html", base, "https://example.com/2024/story.html"},
		{"root relative", "/x?utm_campaign=y", base, "https://example.com/x"},
		{"protocol relative", "//cdn.example.org/a", base, "https://cdn.example.org/a"},
		{"dot segments", "https://example.com/a/./b/../c", nil, "https://example.com/a/c"},
		{"whitespace", "  https://example.com/a \n", nil, "https://example.com/a"},
		{"trailing dot host", "https://example.com./a", nil, "https://example.com/a"},
		{"ipv6", "http://[::1]:80/a", nil, "http://[::1]/a"},
		{"relative without base", "/a", nil, ""},
		{"javascript", "javascript:alert(1)", base, ""},
		{"mailto", "mailto:a@example.com", base, ""},
		{"data", "data:text/html,hi", base, ""},
		{"ftp", "ftp://example.com/a", nil, ""},
		{"unparseable", "http://[::1", nil, ""},
		{"no host", "http:///a", nil, ""},
		{"empty", "", base, ""},
		{"control char", "http://example.com/a\x00b", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := URL(tt.raw, tt.base); got != tt.want {
				t.Errorf("URL(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestURLIdempotent(t *testing.T) {
	for _, raw := range []string{
		"https://Example.com:443/a/../b?utm_x=1&b=2&a=1#f",
		"http://example.com/s?q=a+b&p=%20",
		"https://example.com",
	} {
		once := URL(raw, nil)
		if twice := URL(once, nil); twice != once {
			t.Errorf("URL(URL(%q)) = %q, want %q", raw, twice, once)
		}
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("http://example.com/feed/")
	if got, want := Resolve("img/a.png?utm_source=x#f", base), "http://example.com/feed/img/a.png?utm_source=x#f"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Resolve("javascript:x", base); got != "" {
		t.Errorf("got %q, want empty", got)
	}
}

func FuzzURL(f *testing.F) {
	for _, s := range []string{"https://example.com/a?utm_source=1&b=2#x", "/rel", "//x", "http://[::1]:80", "javascript:1", "http://a.com/%zz"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://example.com/feed")
	f.Fuzz(func(t *testing.T, raw string) {
		got := URL(raw, base)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("URL(%q) = %q, unparseable: %v", raw, got, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			t.Fatalf("URL(%q) = %q, scheme %q", raw, got, u.Scheme)
		}
		if u.Fragment != "" {
			t.Fatalf("URL(%q) = %q keeps a fragment", raw, got)
		}
	})
}
