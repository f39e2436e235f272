package markdown

import (
	"github.com/tidings/tidings/internal/shareddata"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/ingest/sanitize"
	xhtml "golang.org/x/net/html"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraphs", "one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>\n"},
		{"emphasis", "*a* _b_ **c** __d__", "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>\n"},
		{"nested", "**bold *and em***", "<p><strong>bold <em>and em</em></strong></p>\n"},
		{"snake_case", "a_b_c and 2*3*4", "<p>a_b_c and 2<em>3</em>4</p>\n"},
		{"lone stars", "* not a list\n\n5 * 3", "<ul>\n<li>not a list</li>\n</ul>\n<p>5 * 3</p>\n"},
		{"code span", "use `<b>` here", "<p>use <code>&lt;b&gt;</code> here</p>\n"},
		{"code block", "```go\nif a < b {\n}\n```\nafter", "<pre><code>if a &lt; b {\n}</code></pre>\n<p>after</p>\n"},
		{"unclosed fence", "```\n<script>", "<pre><code>&lt;script&gt;</code></pre>\n"},
		{"link", "[docs](https://example.com/a?b=1&c=2)", `<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noreferrer">docs</a></p>` + "\n"},
		{"mailto", "[me](mailto:me@example.com)", `<p><a href="mailto:me@example.com" rel="nofollow noreferrer">me</a></p>` + "\n"},
		{"javascript link", "[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"},
		{"relative link", "[x](/admin)", "<p>[x](/admin)</p>\n"},
		{"bare url", "see https://example.com/x.", `<p>see <a href="https://example.com/x" rel="nofollow noreferrer">https://example.com/x</a>.</p>` + "\n"},
		{"raw html", `<img src=x onerror=alert(1)>`, "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"},
		{"list", "- a\n- *b*\n  more\n\n1. x\n2. y", "<ul>\n<li>a</li>\n<li><em>b</em>\nmore</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n"},
		{"quote", "> said\n> > inner\n\nreply", "<blockquote><p>said</p>\n<blockquote><p>inner</p>\n</blockquote>\n</blockquote>\n<p>reply</p>\n"},
		{"escapes", `\*not em\* \[x\]`, "<p>*not em* [x]</p>\n"},
		{"invalid utf8", "a\xffb", "<p>a\uFFFDb</p>\n"},
		{"crlf", "a\r\n\r\nb", "<p>a</p>\n<p>b</p>\n"},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Render(tt.in); got != tt.want {
				t.Errorf("Render(%q)\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// inert fails the test when out carries anything that could run: it
// parses out as a browser would and allows only the renderer's elements,
// href (http, https, mailto) and rel, on top of the shared audit.
func inert(t *testing.T, in, out string) {
	t.Helper()
	if err := sanitize.Audit(out, false); err != nil {
		t.Fatalf("Render(%q) = %q: %v", in, out, err)
	}
	doc, err := xhtml.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("parse %q: %v", out, err)
	}
	allowed := map[string]bool{"html": true, "head": true, "body": true, "p": true, "br": true, "em": true,
		"strong": true, "code": true, "pre": true, "ul": true, "ol": true, "li": true, "blockquote": true, "a": true}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			if !allowed[n.Data] || n.Namespace != "" {
				t.Fatalf("Render(%q) = %q: element <%s>", in, out, n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case n.Data == "a" && a.Key == "rel":
				case n.Data == "a" && a.Key == "href":
					low := strings.ToLower(a.Val)
					if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") && !strings.HasPrefix(low, "mailto:") {
						t.Fatalf("Render(%q) = %q: href %q", in, out, a.Val)
					}
				default:
					t.Fatalf("Render(%q) = %q: attribute %s on <%s>", in, out, a.Key, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestBluemondayVectors(t *testing.T) {
	r := New()
	n := 0
	for _, in := range bluemondayInputs(t) {
		// Each vector as posted, and inside the Markdown a link or a code
		// span could smuggle it through.
		for _, v := range []string{in, "[x](" + in + ")", "`" + in + "`", "> " + in, "- " + in, "**" + in + "**"} {
			inert(t, v, r.Render(v))
			n++
		}
	}
	t.Logf("%d renders inert", n)
}

func TestHostile(t *testing.T) {
	r := New()
	tests := []struct {
		name, in string
	}{
		{"stars", strings.Repeat("*", 100_000)},
		{"quotes", strings.Repeat(">", 100_000)},
		{"brackets", strings.Repeat("[a](", 20_000)},
		{"backticks", strings.Repeat("` ", 50_000)},
		{"nested em", strings.Repeat("*a ", 20_000) + strings.Repeat(" a*", 20_000)},
		{"underscores", strings.Repeat("_a", 50_000)},
		{"list", strings.Repeat("- a\n  b\n", 10_000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			out := r.Render(tt.in)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			inert(t, tt.in[:20], out)
		})
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"*a* **b** `c`", "[x](https://a.b)", "> q\n- l\n1. o\n```\nc\n```",
		"<script>alert(1)</script>", "[x](javascript:alert(1))", "https://a.b/<x>", "[a](http://x\"onmouseover=\"alert(1))"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, in string) {
		inert(t, in, r.Render(in))
	})
}

// bluemondayInputs reads the inputs of the bluemonday corpus in
// ../shared/data, skipping when it is absent (it is never copied here).
func bluemondayInputs(t *testing.T) []string { return shareddata.BluemondayInputs(t) }
