package demo

import (
	"sort"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/eval"
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
	prec, rec, _, _ := eval.BCubed(event, story)
	for slug, e := range event {
		same, others := 0, 0
		for other, oe := range event {
			if other != slug && oe == e {
				others++
				if story[other] == story[slug] {
					same++
				}
			}
		}
		if others > 0 && same == 0 {
			t.Logf("%s (%s) is apart from the %d other articles of its event", slug, e, others)
		}
	}
	if prec < 1 || rec < 0.8 {
		t.Errorf("got B-cubed precision %.4f and recall %.4f, want 1 and at least 0.8", prec, rec)
	}
}
