package tokenize

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "The cat sat.", []string{"the", "cat", "sat"}},
		{"inner marks", "U.S. e-mail don't", []string{"u.s", "e-mail", "don't"}},
		{"trailing hyphen", "well- known", []string{"well", "known"}},
		{"unicode", "Zürich café 東京", []string{"zürich", "café", "東京"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Words(tt.in)); diff != "" {
				t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "One here. Two there.", []string{"One here.", "Two there."}},
		{"abbreviation", "Mr. Smith went to Washington. He left.", []string{"Mr. Smith went to Washington.", "He left."}},
		{"initial", "John F. Kennedy spoke. Then left.", []string{"John F. Kennedy spoke.", "Then left."}},
		{"quote", `He said "go." Then he went.`, []string{`He said "go."`, "Then he went."}},
		{"lines", "First line\nSecond line.", []string{"First line", "Second line."}},
		{"decimal", "It rose 3.5 percent. Good.", []string{"It rose 3.5 percent.", "Good."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Sentences(tt.in)); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokensOffsetsAndCase(t *testing.T) {
	for _, s := range []string{"The U.S. e-mail don't", "Zürich café 東京 ÉTÉ", "well- known 3.5% rise", "it’s ‘quoted’ Bessent’s", "\xff\xfe ab", "ǅemal Σίσυφος"} {
		for _, tok := range Tokens(s) {
			if s[tok.Start:tok.Start+len(tok.Text)] != tok.Text {
				t.Errorf("Tokens(%q): token %q at %d does not stand there", s, tok.Text, tok.Start)
			}
			if tok.Lower != strings.ToLower(tok.Text) {
				t.Errorf("Tokens(%q): got lower %q for %q, want %q", s, tok.Lower, tok.Text, strings.ToLower(tok.Text))
			}
		}
	}
}
