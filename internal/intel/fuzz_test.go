package intel

import (
	"testing"
	"time"
)

// FuzzAdd checks that any text is analyzed without a panic and that the
// decisions keep their invariants.
func FuzzAdd(f *testing.F) {
	f.Add("Strong earthquake shakes northern Peru", quakeAP)
	f.Add("", "<p>One &amp; two<script>x</script></p><p>Read more")
	f.Add("LIMA (AP) -", "WASHINGTON (Reuters) - \n(c) 2024\n\x00\xff<")
	f.Fuzz(func(t *testing.T, title, body string) {
		a := New(Options{})
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		first := a.Add(Doc{Key: "1", Title: title, Body: body, Published: t0})
		second := a.Add(Doc{Key: "2", Title: title, Body: body})
		for _, r := range []Result{first, second} {
			if r.Story == "" || r.DuplicateOf == r.Key {
				t.Fatalf("bad result %+v", r)
			}
			for _, k := range r.Related {
				if k == r.Key || k == r.DuplicateOf {
					t.Fatalf("related %q of %q is itself or its canonical", k, r.Key)
				}
			}
		}
		if first.DuplicateOf != "" {
			t.Fatalf("the first article is a duplicate of %q", first.DuplicateOf)
		}
	})
}
