package canon

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

func TestContentHash(t *testing.T) {
	a := "The central bank raised rates by half a point on Tuesday, citing inflation."
	tests := []struct {
		name  string
		x, y  string
		equal bool
	}{
		{"case and punctuation", a, "the Central Bank raised rates -- by half a point on Tuesday citing inflation!!", true},
		{"whitespace", a, "  The central bank\n\nraised rates by half a point on Tuesday,\tciting inflation. ", true},
		{"different text", a, "The central bank cut rates by half a point on Tuesday, citing inflation.", false},
		{"non latin", "Центральный банк повысил ставку на полпроцента во вторник из-за инфляции.", "центральный банк повысил ставку на полпроцента во вторник из за инфляции", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hx, hy := ContentHash(tt.x), ContentHash(tt.y)
			if hx == "" || hy == "" {
				t.Fatalf("got empty hash for %q or %q", tt.x, tt.y)
			}
			if (hx == hy) != tt.equal {
				t.Errorf("got equal=%v, want %v (%s, %s)", hx == hy, tt.equal, hx, hy)
			}
		})
	}
}

func TestContentHashShort(t *testing.T) {
	for _, s := range []string{"", "   ", "Read more…", "Breaking news: markets fall", "... ,,, !!!"} {
		if got := ContentHash(s); got != "" {
			t.Errorf("ContentHash(%q) = %q, want empty", s, got)
		}
	}
}

// referenceHash is ContentHash as first written, building the normalized
// text whole: the streaming version must agree with it.
func referenceHash(text string) string {
	var b strings.Builder
	words, inWord := 0, false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if !inWord && words > 0 {
				b.WriteByte(' ')
			}
			if !inWord {
				words++
			}
			inWord = true
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		inWord = false
	}
	if words < minHashWords {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

func FuzzContentHash(f *testing.F) {
	for _, s := range []string{
		"The quick brown fox jumps over the lazy dog, again and again.",
		"ÉCOLE Straße İstanbul ǅungla — naïve café 東京 ٣٤٥ words words words",
		"bad \xff\xfe utf8 \xc3 in the middle of eight or more words here",
		strings.Repeat("long text with many words ", 400),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ContentHash(s), referenceHash(s); got != want {
			t.Errorf("ContentHash(%q) = %q, reference %q", s, got, want)
		}
	})
}

func BenchmarkContentHash(b *testing.B) {
	text := strings.Repeat("The central bank raised rates by half a point on Tuesday, citing inflation. ", 60)
	b.Run("streaming", func(b *testing.B) {
		for b.Loop() {
			ContentHash(text)
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			referenceHash(text)
		}
	})
}
