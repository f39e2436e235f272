package canon

import "testing"

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
