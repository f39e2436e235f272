package summarize

import (
	"strings"
	"testing"
)

func FuzzSummarize(f *testing.F) {
	f.Add("Title", article, 3)
	f.Add("", "a. b. c.", 1)
	f.Add("", "Mr. X. \n\n\xff.", 0)
	f.Fuzz(func(t *testing.T, title, text string, n int) {
		n %= 10
		got := Summarize(title, text, n)
		if n > 0 && len(got) > n {
			t.Fatalf("got %d sentences, want at most %d", len(got), n)
		}
		for _, s := range got {
			if !strings.Contains(text, s) {
				t.Fatalf("sentence %q is not in the text", s)
			}
		}
	})
}
