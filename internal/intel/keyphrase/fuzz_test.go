package keyphrase

import (
	"strings"
	"testing"
)

func FuzzExtract(f *testing.F) {
	f.Add(title, text, 20)
	f.Add("", "Tariffs rose. The tariff was raised.", 5)
	f.Add("\xff", "a-b-c 's ’s U.S. 2025", 3)
	f.Fuzz(func(t *testing.T, title, text string, n int) {
		n %= 30
		got := Extract(title, text, nil, n)
		if len(got) > n && n >= 0 {
			t.Fatalf("got %d phrases, want at most %d", len(got), n)
		}
		for _, p := range got {
			if p == "" || p != strings.ToLower(p) {
				t.Fatalf("got phrase %q, want non-empty lowercase", p)
			}
		}
	})
}
