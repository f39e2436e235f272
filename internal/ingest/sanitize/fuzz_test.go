package sanitize

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzSanitizer checks the safety invariant and that output stays linear in
// the input: rewriting adds at most a fixed number of bytes per tag (rel,
// target, loading) plus the base URL per resolved reference, and escaping
// grows text at most fivefold (' to &#39;).
func FuzzSanitizer(f *testing.F) {
	for _, in := range bluemondayInputs(f) {
		f.Add(in)
	}
	_, frags := feedparserInputs(f)
	for _, in := range frags {
		f.Add(in)
	}
	s := New(Options{})
	base, _ := url.Parse("https://example.com/dir/page")
	f.Fuzz(func(t *testing.T, in string) {
		out, text := s.Clean(in, base)
		if len(text) > 2*len(out)+8 { // an entity may decode longer than itself (&nGt;)
			t.Fatalf("text %d bytes longer than its html %d bytes", len(text), len(out))
		}
		if err := Audit(out, false); err != nil {
			t.Fatalf("%v\ninput  %q\noutput %q", err, in, out)
		}
		tags := strings.Count(in, "<") + 1
		if limit := 6*len(in) + tags*(64+len(base.String())); len(out) > limit {
			t.Fatalf("output %d bytes for input %d bytes, limit %d", len(out), len(in), limit)
		}
		if txt := Text(in); len(txt) > 4*len(in)+4 {
			t.Fatalf("text %d bytes for input %d bytes", len(txt), len(in))
		}
	})
}
