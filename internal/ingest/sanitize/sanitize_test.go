package sanitize

import (
	"net/url"
	"strings"
	"testing"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestHTML(t *testing.T) {
	s := New(Options{})
	base := mustURL(t, "https://example.com/blog/post.html")
	tests := []struct {
		name, in, want string
	}{
		{"plain paragraph", `<p>Hello <b>world</b></p>`, `<p>Hello <b>world</b></p>`},
		{"script removed", `<p>a</p><script>alert(1)</script>`, `<p>a</p>`},
		{"style removed", `<style>p{}</style><p>a</p>`, `<p>a</p>`},
		{"iframe removed", `<iframe src="https://evil.example/"></iframe><p>a</p>`, `<p>a</p>`},
		{"event handler", `<p onclick="x()">a</p>`, `<p>a</p>`},
		{"relative link", `<a href="../x?y=1">x</a>`, `<a href="https://example.com/x?y=1" rel="noopener noreferrer" target="_blank">x</a>`},
		{"javascript link", `<a href="javascript:alert(1)">x</a>`, `x`},
		{"entity-obfuscated javascript", `<a href="jav&#x09;ascript:alert(1)">x</a>`, `x`},
		{"mailto kept", `<a href="mailto:a@example.com">m</a>`, `<a href="mailto:a@example.com" rel="noopener noreferrer" target="_blank">m</a>`},
		{"relative image", `<img src="/i.png" alt="A">`, `<img src="https://example.com/i.png" alt="A" loading="lazy">`},
		{"tracking pixel", `<p>a<img src="https://t.example/p.gif" width="1" height="1"></p>`, `<p>a</p>`},
		{"zero pixel", `<img src="https://t.example/p.gif" height="0">`, ``},
		{"image data url", `<img src="data:image/png;base64,iVBORw0KGgo=">`, `<img src="data:image/png;base64,iVBORw0KGgo=" loading="lazy">`},
		{"html data url", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, `x`},
		{"svg data url", `<img src="data:image/svg+xml;base64,PHN2Zz4=">`, ``},
		{"image data link", `<a href="data:image/png;base64,iVBORw0KGgo=">x</a>`, `<a>x</a>`},
		{"style attribute", `<span style="color:red">r</span>`, `<span>r</span>`},
		{"table", `<table><tr><td colspan="2">c</td></tr></table>`, `<table><tr><td colspan="2">c</td></tr></table>`},
		{"void frame keeps the rest", `safe<frameset rows="*"><frame src="http://example.com/"></frameset> <b>description</b>`, `safe    <b>description</b>`},
		{"unclosed object keeps the rest", `safe<object classid="x"> description`, `safe  description`},
		{"empty", "  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.HTML(tt.in, base)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if err := Audit(got, false); err != nil {
				t.Errorf("Audit(%q): %v", got, err)
			}
		})
	}
}

func TestHTMLNilBase(t *testing.T) {
	got := New(Options{}).HTML(`<a href="/x">x</a><img src="i.png">`, nil)
	want := `<a href="/x" rel="noopener noreferrer" target="_blank">x</a><img src="i.png" loading="lazy">`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestVideoEmbeds(t *testing.T) {
	in := `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe><iframe src="https://evil.example/embed/x"></iframe>`
	if got := New(Options{}).HTML(in, nil); strings.Contains(got, "iframe") {
		t.Errorf("default policy kept an iframe: %q", got)
	}
	got := New(Options{VideoEmbeds: true}).HTML(in, nil)
	if strings.Count(got, "<iframe") != 1 || !strings.Contains(got, "youtube.com/embed/") || !strings.Contains(got, "sandbox=") {
		t.Errorf("got %q, want only the sandboxed YouTube iframe", got)
	}
	if err := Audit(got, true); err != nil {
		t.Error(err)
	}
}

func TestConcurrent(t *testing.T) {
	s := New(Options{})
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() { done <- s.HTML(`<p><a href="x">a</a></p>`, mustURL(t, "http://example.com/")) }()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !strings.Contains(got, `href="http://example.com/x"`) {
			t.Errorf("got %q", got)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>One   two</p><p>three\nfour</p>", "One two\nthree four"},
		{"br and div", "a<br>b<div>c</div>d", "a\nb\nc\nd"},
		{"list", "<ul><li>x</li><li>y</li></ul>", "x\ny"},
		{"headings and quote", "<h1>T</h1><blockquote>q</blockquote>", "T\nq"},
		{"table rows", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"entities", "<p>AT&amp;T &lt;3 &eacute;t&eacute; &#8230;&nbsp;x</p>", "AT&T <3 été … x"},
		{"script hidden", "<p>a<script>var x=1;</script>b</p><style>p{}</style>", "ab"},
		{"inline keeps words", "<p>in<b>line</b> <i>words</i></p>", "inline words"},
		{"plain text lines", "first line\n\nsecond   line &amp; more", "first line\nsecond line & more"},
		{"empty", "<p> </p><div></div>", ""},
		{"embed is void", "safe<embed src=x> description", "safe description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAuditCatches(t *testing.T) {
	for _, bad := range []string{
		`<script>x</script>`, `<p onclick="x">`, `<a href=" JaVa&#x09;ScRiPt:x">`, `<a href="vbscript:x">`,
		`<img src="data:text/html,x">`, `<a href="data:image/png;base64,AAAA">`, `<iframe src="x"></iframe>`,
		`<svg><g/></svg>`, `<span style="x">`,
	} {
		if Audit(bad, false) == nil {
			t.Errorf("Audit(%q) = nil, want an error", bad)
		}
	}
}

// TestCleanMatchesText checks that the one-pass text equals Text of the
// sanitized HTML, over the unit cases and the corpora.
func TestCleanMatchesText(t *testing.T) {
	s := New(Options{})
	ins := []string{"<p>a &amp; b</p><pre>x\n y</pre>", "<table><tr><td>a<td>b</table>", "x<br>y<script>z</script>"}
	ins = append(ins, bluemondayInputs(t)...)
	_, frags := feedparserInputs(t)
	ins = append(ins, frags...)
	for _, in := range ins {
		html, text := s.Clean(in, nil)
		if want := s.HTML(in, nil); html != want {
			t.Errorf("Clean(%q) html = %q, want %q", in, html, want)
		}
		if want := Text(html); text != want {
			t.Errorf("Clean(%q) text = %q, want %q", in, text, want)
		}
	}
}
