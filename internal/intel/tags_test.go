package intel

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

// TestTaggerStoryEntities: a story reports the entities most of its
// articles name, first named first among equals, through merges; an
// article naming one twice counts once.
func TestTaggerStoryEntities(t *testing.T) {
	peru := tidings.Entity{Text: "Peru", Type: tidings.EntityPlace}
	usgs := tidings.Entity{Text: "U.S. Geological Survey", Type: tidings.EntityOrg}
	lima := tidings.Entity{Text: "Lima", Type: tidings.EntityPlace}
	navy := tidings.Entity{Text: "Peru Navy", Type: tidings.EntityOrg}
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	g := newTagger(7 * 24 * time.Hour)
	g.tag("a", nil, []string{"Peru"}, []tidings.Entity{lima, usgs, usgs}, t0)
	g.tag("a", nil, nil, []tidings.Entity{peru, usgs}, t0)
	g.tag("b", nil, []string{"Tsunami"}, []tidings.Entity{navy, peru}, t0)
	tags, ents := g.tag("a", []string{"b"}, nil, []tidings.Entity{peru}, t0)
	if diff := cmp.Diff([]tidings.Entity{peru, usgs, lima, navy}, ents); diff != "" {
		t.Errorf("story entities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Peru", "Tsunami"}, tags); diff != "" {
		t.Errorf("story hashtags (-want +got):\n%s", diff)
	}
}

// TestTaggerStoryEntityTypes: a name the articles typed differently is
// listed once, as the type most gave it, with all its mentions; OTHER gives
// way to a type on a tie.
func TestTaggerStoryEntityTypes(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	ent := func(text, typ string) tidings.Entity { return tidings.Entity{Text: text, Type: typ} }
	g := newTagger(7 * 24 * time.Hour)
	g.tag("z", nil, nil, []tidings.Entity{ent("Priya Raman", tidings.EntityPerson), ent("Zlite Project", tidings.EntityOther)}, t0)
	g.tag("z", nil, nil, []tidings.Entity{ent("Zlite Project", tidings.EntityPerson), ent("Priya Raman", tidings.EntityPerson)}, t0)
	g.tag("z", nil, nil, []tidings.Entity{ent("Zlite Project", tidings.EntityOrg), ent("Aster", tidings.EntityOther)}, t0)
	_, ents := g.tag("z", nil, nil, []tidings.Entity{ent("Zlite Project", tidings.EntityOrg), ent("Aster", tidings.EntityOrg)}, t0)
	want := []tidings.Entity{ent("Zlite Project", tidings.EntityOrg), ent("Priya Raman", tidings.EntityPerson), ent("Aster", tidings.EntityOrg)}
	if diff := cmp.Diff(want, ents); diff != "" {
		t.Errorf("story entities (-want +got):\n%s", diff)
	}
}

// TestTaggerVotes: a story starts with its first article's tags; its
// articles' tags vote, and the story takes the winners at its 2nd, 4th, 8th
// … article, so a stray first tag falls away and the set changes rarely.
func TestTaggerVotes(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	g := newTagger(7 * 24 * time.Hour)
	want := map[int][]string{
		1: {"Stint", "LindsayLohan"},                       // the first article's
		2: {"LindsayLohan", "Stint", "Rehab", "BettyFord"}, // elected at 2
		3: {"LindsayLohan", "Stint", "Rehab", "BettyFord"}, // kept at 3
		8: {"LindsayLohan", "Rehab", "BettyFord", "Stint"}, // elected at 8
	}
	for i := 1; i <= 8; i++ {
		own := []string{"LindsayLohan", "Rehab", "BettyFord"}
		if i == 1 {
			own = []string{"Stint", "LindsayLohan"}
		}
		got, _ := g.tag("s", nil, own, nil, t0)
		if w, ok := want[i]; ok {
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("article %d: story hashtags (-want +got):\n%s", i, diff)
			}
		}
	}
}

func TestTagList(t *testing.T) {
	for _, tags := range [][]string{nil, {}, {""}, {"Peru"}, {"RareEarths", "", "G7", strings.Repeat("x", 300)}} {
		l := packTags(tags)
		if got := l.unpack(); !cmp.Equal(got, tags) || (got == nil) != (tags == nil) || l.len() != len(tags) {
			t.Errorf("packTags(%q) gives back %q, %d tags", tags, got, l.len())
		}
	}
}
