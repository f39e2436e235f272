package intel

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestWordSalad feeds texts of random words from one small list (the
// ingestion benchmark's feeds are made so): they share every word and no
// event, so they must not chain into one story, while a copy still joins
// its original's story.
func TestWordSalad(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	var list []string
	for i := range 200 {
		list = append(list, word(i))
	}
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = list[r.IntN(len(list))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := New(Options{SkipText: true})
	const n = 400
	sizes := map[string]int{}
	var first Doc
	for i := range n {
		var body []string
		for range 20 {
			body = append(body, sentence(8+r.IntN(12)))
		}
		d := Doc{Key: fmt.Sprint(i), Title: sentence(8), Body: strings.Join(body, " "), Published: t0.Add(time.Duration(i) * time.Minute)}
		if i == 100 {
			first = d
		}
		sizes[a.Add(d).Story]++
	}
	largest := 0
	for _, s := range sizes {
		largest = max(largest, s)
	}
	if largest > n/5 || len(sizes) < n*8/10 {
		t.Errorf("got %d stories, the largest of %d articles, want at least %d stories of at most %d", len(sizes), largest, n*8/10, n/5)
	}
	cp := first
	cp.Key, cp.Title, cp.Published = "copy", "Update: "+first.Title, t0.Add(n*time.Minute)
	want := a.Story(a.stories.StoryOf(first.Key))
	if got := a.Add(cp); got.DuplicateOf != first.Key || got.Story != want {
		t.Errorf("copy: got duplicate of %q in story %q, want %q in %q", got.DuplicateOf, got.Story, first.Key, want)
	}
}
