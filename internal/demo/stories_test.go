package demo

import (
	"sort"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/intel"
)

// TestAnalyzerStories runs the real analyzer over the sample, as `serve
// --demo` does, and scores its stories against the sample's events
// (B-cubed): no two events may share a story, and outlets' own takes
// must mostly join the story of the wire copy they follow. The German
// articles, which share no words with the English ones, stay apart.
func TestAnalyzerStories(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	order := append([]item(nil), items...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].minutesAgo > order[j].minutesAgo })
	a := intel.New(intel.Options{SkipText: true})
	event := map[string]string{} // slug → event
	story := map[string]string{}
	for _, it := range order {
		art := article(it, sourceByKey(it.source), now)
		r := a.Add(intel.Doc{Key: it.slug, Title: art.Title, Body: art.Text, Published: art.PublishedAt})
		event[it.slug], story[it.slug] = it.event, r.Story
		for _, m := range r.Merged {
			for k, s := range story {
				if s == m {
					story[k] = r.Story
				}
			}
		}
	}
	var prec, rec float64
	for x := range event {
		var sameStory, sameEvent, both float64
		for y := range event {
			s, e := story[x] == story[y], event[x] == event[y]
			if s {
				sameStory++
			}
			if e {
				sameEvent++
			}
			if s && e {
				both++
			}
		}
		prec += both / sameStory
		rec += both / sameEvent
		if both == 1 && sameEvent > 1 {
			t.Logf("%s (%s) is apart from the %.0f other articles of its event", x, event[x], sameEvent-1)
		}
	}
	n := float64(len(event))
	prec, rec = prec/n, rec/n
	if prec < 1 || rec < 0.8 {
		t.Errorf("got B-cubed precision %.4f and recall %.4f, want 1 and at least 0.8", prec, rec)
	}
}
