package fingerprint

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClean(t *testing.T) {
	in := "WASHINGTON (Reuters) - The first sentence stays.\nRelated Articles\nSecond line stays.\nSign up for our free daily newsletter to get the top stories delivered to your inbox.\n(c) 2024 Reuters. All rights reserved.\nReporting by Joe Cash; Editing by Joe Cash\nLast words here. ... Read more"
	want := []string{"The first sentence stays.", "Second line stays.", "Last words here."}
	if diff := cmp.Diff(want, Clean(in)); diff != "" {
		t.Errorf("Clean mismatch (-want +got):\n%s", diff)
	}
}

func TestWords(t *testing.T) {
	if diff := cmp.Diff(Words("it 's “X-Men” 24%"), Words("it's ``X-Men'' 24 %")); diff != "" {
		t.Errorf("punctuation changes the words (-a +b):\n%s", diff)
	}
}

const full = `The fire, which is being treated as suspicious, broke out in the roof of the store at 8.49pm on Friday night and quickly spread to the rest of the building.
Dozens of people were evacuated from their homes and spent the night in a nearby church and day care centre.
They began returning to their properties at 10am today, Saturday.
The fire was spotted by a CCTV operator who saw smoke coming from the roof of the building.
High winds meant the flames quickly spread throughout the building.`

func TestIndexFind(t *testing.T) {
	ix := NewIndex()
	ix.Add("full", New("A huge fire has destroyed the Waitrose store", full))
	ix.Add("other", New("Council approves budget", "The city council approved a new budget for public libraries on Monday after a long debate about opening hours and the cost of books."))
	tests := []struct {
		name, title, body, want string
	}{
		{"retitled copy", "Blaze guts supermarket | Local News", "LONDON (AP) - " + full + "\nAdvertisement", "full"},
		{"teaser", "A huge fire has destroyed the Waitrose store", "The fire, which is being treated as suspicious, broke out in the roof of the store at 8.49pm on Friday night and quickly spread to the rest of the building.... Read more", "full"},
		{"other write-up", "Supermarket fire in Banstead", "Police are investigating a suspicious blaze that destroyed the Waitrose supermarket in Banstead on Friday night, forcing dozens of residents to leave their homes.", ""},
		{"unrelated", "Match report", "The home side won two nil after a late goal in the second half of a tense game.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ix.Find(New(tt.title, tt.body))
			if got := map[bool]string{true: m.Key}[ok]; got != tt.want {
				t.Errorf("got match %q (%+v), want %q", got, m, tt.want)
			}
		})
	}
	ix.Remove("full")
	if _, ok := ix.Find(New("t", full)); ok || ix.Len() != 1 {
		t.Errorf("after Remove: got a match or %d entries, want none and 1", ix.Len())
	}
}

// TestLongTexts checks the estimates from sketches of texts longer than a
// sketch: a copy-edited copy and a truncated copy are found, another text
// made of the same words is not.
func TestLongTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the council said budget city river police school water vote plan new year report court health market")
	text := func(n int) []string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))] + fmt.Sprint(r.IntN(50))
		}
		return ws
	}
	orig := text(1500)
	edited := slices.Clone(orig)
	for i := 0; i < len(edited); i += 40 {
		edited[i] = "changed"
	}
	ix := NewIndex()
	ix.Add("orig", New("Original title here", strings.Join(orig, " ")))
	tests := []struct {
		name, body, want string
	}{
		{"copy-edited", strings.Join(edited, " "), "orig"},
		{"truncated", strings.Join(orig[:600], " "), "orig"},
		{"teaser", strings.Join(orig[:40], " "), "orig"},
		{"other", strings.Join(text(1500), " "), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ix.Find(New("Another title", tt.body))
			if got := map[bool]string{true: m.Key}[ok]; got != tt.want {
				t.Errorf("got match %q (%+v), want %q", got, m, tt.want)
			}
		})
	}
}

// TestIndexKeys checks keys whose hashes collide.
func TestIndexKeys(t *testing.T) {
	if keyHash("48442") != keyHash("94092") {
		t.Fatal("the keys' hashes no longer collide")
	}
	ix := NewIndex()
	ix.Add("48442", New("A huge fire has destroyed the Waitrose store", full))
	ix.Add("94092", New("Council approves budget", "The city council approved a new budget for public libraries on Monday after a long debate about opening hours and the cost of books."))
	ix.Add("94092", New("Council approves budget", "The city council approved a new budget."))
	if n, ok := ix.Shingles("48442"); !ok || n < 50 || ix.Len() != 2 {
		t.Errorf("got %d shingles (%v) and %d texts, want the fire's and 2", n, ok, ix.Len())
	}
	ix.Remove("48442")
	if _, ok := ix.Shingles("48442"); ok || ix.Len() != 1 {
		t.Errorf("after Remove: got the text or %d texts, want neither and 1", ix.Len())
	}
	if n, ok := ix.Shingles("94092"); !ok || n != 4 {
		t.Errorf("got %d shingles (%v), want the second budget text's 4", n, ok)
	}
}
