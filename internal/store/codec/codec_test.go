package codec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "plain text", "plain text"},
		{"utf8", "Ελληνικά 日本", "Ελληνικά 日本"},
		{"nul", "a\x00b", "ab"},
		{"invalid", "a\xffb\xc3\x28", "a\uFFFDb\uFFFD("},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		want     []string
	}{
		{"operators", `"rare" AND (earth* OR -magnets`, 10, []string{"rare", "and", "earth", "or", "magnets"}},
		{"invalid utf8", "café\xffbar", 10, []string{"café", "bar"}},
		{"repeats", "a A a", 10, []string{"a"}},
		{"none", `"()*-^:`, 10, nil},
		{"capped", "a b c d", 3, []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Words(tt.in, tt.max)); diff != "" {
				t.Errorf("Words(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	if got := DecodeStrings(Strings([]string{"a", "b\xff"})); !cmp.Equal(got, []string{"a", "b\uFFFD"}) {
		t.Errorf("Strings: got %q", got)
	}
	ents := []tidings.Entity{{Text: "Geneva", Type: tidings.EntityPlace}}
	if got := DecodeEntities(Entities(ents)); !cmp.Equal(got, ents) {
		t.Errorf("Entities: got %v", got)
	}
	if got := DecodeIDs(IDs([]int64{3, 1})); !cmp.Equal(got, []int64{3, 1}) {
		t.Errorf("IDs: got %v", got)
	}
	if Strings(nil) != "" || DecodeStrings("") != nil || DecodeStrings("not json") != nil {
		t.Error("empty and bad encodings: want \"\" and nil")
	}
	if got := HashtagKeys([]string{"RareEarths", "rareearths", " ", "Trade"}); !cmp.Equal(got, []string{"rareearths", "trade"}) {
		t.Errorf("HashtagKeys: got %q", got)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{`"a" AND (b`, "\xff\xfe", "日本語 text", `NEAR(a b, 3)`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, w := range Words(q, 16) {
			if w == "" || Text(w) != w {
				t.Errorf("Words(%q): bad word %q", q, w)
			}
		}
	})
}
