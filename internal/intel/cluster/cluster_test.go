package cluster

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type flat struct{}

func (flat) Weight(uint32) float64 { return 1 }

func vec(ids ...uint32) Vector {
	v := make(Vector, len(ids))
	for i, id := range ids {
		v[i] = Term{ID: id, W: 1}
	}
	return v
}

func TestAdd(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := New(flat{}, Options{Join: 0.3, Young: -1, Cohesion: -1, Merge: 0.5, Window: 24 * time.Hour})
	steps := []struct {
		key    string
		v      Vector
		at     time.Duration
		story  string
		want   string
		merged []string
	}{
		{"a", vec(1, 2, 3, 4), 0, "", "a", nil},
		{"b", vec(10, 11, 12, 13), time.Hour, "", "b", nil},
		{"c", vec(1, 2, 3, 5), 2 * time.Hour, "", "a", nil},
		{"dup", vec(1, 2, 3, 4), 3 * time.Hour, "a", "a", nil},
		// Ties a's and b's words together: b merges into the earlier a.
		{"d", vec(1, 2, 3, 10, 11, 12), 4 * time.Hour, "", "a", []string{"b"}},
		// A day after d, the window holds nothing of story a: a new story starts.
		{"e", vec(1, 2, 3, 4), 29 * time.Hour, "", "e", nil},
	}
	for _, s := range steps {
		got := c.Add(s.key, s.v, t0.Add(s.at), s.story, s.story == "")
		if got.Story != s.want || !cmp.Equal(got.Merged, s.merged) {
			t.Errorf("%s: got story %q merged %v, want %q and %v", s.key, got.Story, got.Merged, s.want, s.merged)
		}
		for _, r := range got.Related {
			if c.StoryOf(r) == got.Story {
				t.Errorf("%s: related %s is in its own story", s.key, r)
			}
		}
	}
	if got := c.Story("b"); got != "" {
		t.Errorf("merged story b after eviction: got %q, want gone", got)
	}
	if n, s := c.Len(); n != 1 || s != 1 {
		t.Errorf("got %d articles and %d stories in the window, want 1 and 1 (e)", n, s)
	}
}

// TestLongStream runs past many evictions and compactions of the window's
// queue: each pair of articles is one story, whatever came before.
func TestLongStream(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := New(flat{}, Options{Join: 0.3, Young: -1, Cohesion: -1, Window: 24 * time.Hour})
	for i := range 6000 {
		base := uint32(i/2) * 4
		got := c.Add(fmt.Sprint(i), vec(base, base+1, base+2, base+3), t0.Add(time.Duration(i)*time.Minute), "", true)
		if want := fmt.Sprint(i / 2 * 2); got.Story != want {
			t.Fatalf("article %d: got story %q, want %q", i, got.Story, want)
		}
	}
	if n, _ := c.Len(); n != 24*60+1 {
		t.Errorf("got %d articles in the window, want %d", n, 24*60+1)
	}
	// The window's 1,441 vectors of 4 terms fit in a chunk; those of all
	// 6,000 articles would take four.
	if n := c.Mapped(); n > 2*vecChunk*4 {
		t.Errorf("vectors of evicted articles kept: %d bytes mapped", n)
	}
}

func TestPack(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 33, 64, 65, 200} {
		v := make(Vector, n)
		for i := range v {
			v[i] = Term{ID: uint32(3 * i), W: float32(i) + 0.5, Name: i%3 == 0}
		}
		p := make(packed, packedWords(n))
		pack(p, v)
		if p.len() != n {
			t.Fatalf("%d terms: got len %d", n, p.len())
		}
		got := make(Vector, n)
		for i := range got {
			got[i] = p.term(i, n)
		}
		if diff := cmp.Diff(v, got); diff != "" {
			t.Errorf("%d terms: round trip (-want +got):\n%s", n, diff)
		}
	}
}

// TestAdopt: a report too early to join a young story stays alone until the
// story grows; an article joining the story then brings it in.
func TestAdopt(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		adopt  float64
		merged []string
	}{{0.6, []string{"b"}}, {-1, nil}} {
		c := New(flat{}, Options{Join: 0.3, Young: 0.5, Cohesion: -1, Merge: 0.99, Adopt: tt.adopt})
		c.Add("a", vec(1, 2, 3, 4, 5, 6), t0, "", true)
		if got := c.Add("b", vec(1, 2, 3, 4, 7, 8), t0.Add(time.Hour), "", true); got.Story != "b" {
			t.Fatalf("b joined %q, want its own story (a is young)", got.Story)
		}
		got := c.Add("c", vec(1, 2, 3, 4, 5, 6), t0.Add(2*time.Hour), "", true)
		if got.Story != "a" || !cmp.Equal(got.Merged, tt.merged) {
			t.Errorf("adopt %v: c got story %q merged %v, want a and %v", tt.adopt, got.Story, got.Merged, tt.merged)
		}
	}
}

// TestCopiesEstablish: an own take on a story's event, too far from its
// one article to join a story that one outlet carries, joins it once three
// more outlets carry the article as copies.
func TestCopiesEstablish(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// The take shares 4 of 6 words: cosine 0.67, under Join+Young (0.7)
	// for one report, over Join+Young/4 (0.4) for four.
	for _, copies := range []int{0, 3} {
		c := New(flat{}, Options{Join: 0.3, Young: 0.4, Cohesion: -1, Adopt: -1})
		c.Add("a", vec(1, 2, 3, 4, 5, 6), t0, "", true)
		for i := range copies {
			c.Add(fmt.Sprint("copy", i), vec(1, 2, 3, 4, 5, 6), t0.Add(time.Minute), "a", false)
		}
		got := c.Add("take", vec(1, 2, 3, 4, 7, 8), t0.Add(time.Hour), "", true)
		want := "take"
		if copies > 0 {
			want = "a"
		}
		if got.Story != want {
			t.Errorf("%d copies: the take got story %q, want %q", copies, got.Story, want)
		}
	}
}

// TestAbsorb: a report too far from a young story to join it stays alone;
// an article that joins the story once it is established (three reports)
// and would join the lone report too brings it in. A young story does not:
// one article is no evidence that two young stories are one event.
func TestAbsorb(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		absorb, reports int
		merged          []string
	}{{3, 3, []string{"b"}}, {3, 2, nil}, {-1, 3, nil}} {
		// One report's bar is 0.7, three reports' 0.43.
		c := New(flat{}, Options{Join: 0.3, Young: 0.4, Cohesion: -1, Merge: 0.99, Adopt: -1, Absorb: tt.absorb})
		c.Add("a1", vec(1, 2, 3, 4, 5, 6, 7, 8), t0, "", true)
		// b shares half its words with a1: cosine 0.5.
		if got := c.Add("b", vec(1, 2, 3, 4, 11, 12, 13, 14), t0.Add(time.Hour), "", true); got.Story != "b" {
			t.Fatalf("b joined %q, want its own story (a1's is young)", got.Story)
		}
		for i := 2; i <= tt.reports; i++ {
			c.Add(fmt.Sprint("a", i), vec(1, 2, 3, 4, 5, 6, 7, 8), t0.Add(time.Duration(i)*time.Hour), "", true)
		}
		// Cosine 0.85 with story a1, 0.75 with b.
		got := c.Add("c", vec(1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13), t0.Add(5*time.Hour), "", true)
		if got.Story != "a1" || !cmp.Equal(got.Merged, tt.merged) {
			t.Errorf("absorb %d, %d reports: c got story %q merged %v, want a1 and %v", tt.absorb, tt.reports, got.Story, got.Merged, tt.merged)
		}
	}
}
