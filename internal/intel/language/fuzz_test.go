package language

import "testing"

func FuzzDetect(f *testing.F) {
	f.Add("The Treasury Secretary said on Monday that the talks were productive.")
	f.Add("政府は月曜日")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		if got := Detect(text); len(got) != 0 && len(got) != 2 {
			t.Fatalf("Detect: got %q, want a two-letter code or empty", got)
		}
	})
}
