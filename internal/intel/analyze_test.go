package intel

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

const quakeAP = `A strong earthquake struck off the coast of northern Peru on Tuesday, shaking buildings in the capital Lima and sending residents into the streets.
The magnitude 7.0 quake hit at 10:35 a.m. local time about 60 miles west of Trujillo at a depth of 30 miles, the U.S. Geological Survey said.
There were no immediate reports of damage or injuries, but officials in Trujillo said several old adobe houses had cracked.
The Pacific Tsunami Warning Center said no tsunami was expected.
Peru sits on the Pacific Ring of Fire and is hit by hundreds of small earthquakes every year.`

const quakeRewrite = `Residents of Trujillo ran from their homes on Tuesday morning when a powerful earthquake shook northern Peru.
Geologists in the United States measured the Peru earthquake at magnitude 7.0, centred at sea west of Trujillo and 30 miles deep.
Civil defence officials in Trujillo reported cracked walls in a few adobe homes but no casualties.
No tsunami warning was issued for the Pacific coast, the Peru navy said.`

const budget = `The city council approved a new budget for public libraries on Monday after a long debate about opening hours.
Library staff had asked for more money to keep branches open on Sundays and to replace ageing computers.
The budget adds two million dollars for books and extends evening hours at five branches across the city.
Council members who voted against it said the money should go to road repairs instead.`

func TestAnalyzerGolden(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	docs := []Doc{
		{Key: "ap", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0},
		{Key: "copy", Title: "Quake rattles Peru's north coast | Daily News", Body: "LIMA (AP) - " + quakeAP + "\nSign up for our free daily newsletter to get the top stories delivered to your inbox.", Published: t0.Add(time.Hour)},
		{Key: "teaser", Title: "Strong earthquake shakes northern Peru", Body: "<p>A strong earthquake struck off the coast of northern Peru on Tuesday, shaking buildings in the capital Lima and sending residents into the streets. ... Read more</p>", Published: t0.Add(2 * time.Hour)},
		{Key: "rewrite", Title: "Magnitude 7.0 earthquake hits Peru near Trujillo", Body: quakeRewrite, Published: t0.Add(3 * time.Hour)},
		{Key: "library", Title: "Council approves library budget", Body: budget, Published: t0.Add(4 * time.Hour)},
	}
	want := []struct{ dup, story string }{
		{"", "ap"},
		{"ap", "ap"},
		{"ap", "ap"},
		{"", "ap"},
		{"", "library"},
	}
	a := New(Options{})
	for i, d := range docs {
		r := a.Add(d)
		if r.DuplicateOf != want[i].dup || r.Story != want[i].story {
			t.Errorf("%s: got duplicate_of %q story %q, want %q and %q", d.Key, r.DuplicateOf, r.Story, want[i].dup, want[i].story)
		}
		for _, k := range r.Related {
			if k == d.Key || a.stories.StoryOf(k) == r.Story {
				t.Errorf("%s: related %q is the article or its own story", d.Key, k)
			}
		}
	}
}

// TestAnalyzerFullerCopy: the full text of an earlier teaser replaces it
// as the canonical; a copy of the same length or shorter does not, nor a
// copy that is not fuller than the replacement.
func TestAnalyzerFullerCopy(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	teaser := "A strong earthquake struck off the coast of northern Peru on Tuesday, shaking buildings in the capital Lima and sending residents into the streets. The magnitude 7.0 quake hit at 10:35 a.m. local time about 60 miles west of Trujillo. ... Read more"
	docs := []Doc{
		{Key: "teaser", Title: "Strong earthquake shakes northern Peru", Body: teaser, Published: t0},
		{Key: "teaser2", Title: "Strong earthquake shakes northern Peru", Body: teaser, Published: t0.Add(time.Minute)},
		{Key: "full", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0.Add(time.Hour)},
		{Key: "copy", Title: "Quake rattles Peru's north coast", Body: "LIMA (AP) - " + quakeAP, Published: t0.Add(2 * time.Hour)},
	}
	want := []struct{ dup, replaces string }{
		{"", ""},
		{"teaser", ""},
		{"teaser", "teaser"},
		{"teaser", ""},
	}
	a := New(Options{SkipText: true})
	for i, d := range docs {
		r := a.Add(d)
		if r.DuplicateOf != want[i].dup || r.Replaces != want[i].replaces || r.Story != "teaser" {
			t.Errorf("%s: got duplicate_of %q replaces %q story %q, want %q, %q and teaser", d.Key, r.DuplicateOf, r.Replaces, r.Story, want[i].dup, want[i].replaces)
		}
	}
}

func TestAnalyzerWindowEviction(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	a := New(Options{Window: 24 * time.Hour, SkipText: true})
	a.Add(Doc{Key: "old", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0})
	r := a.Add(Doc{Key: "late", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0.Add(48 * time.Hour)})
	if r.DuplicateOf != "" || r.Story != "late" {
		t.Errorf("got duplicate_of %q story %q, want none and late: the window should have forgotten old", r.DuplicateOf, r.Story)
	}
	if n, s := a.Size(); n != 1 || s != 1 {
		t.Errorf("got %d articles and %d stories in the window, want 1 and 1", n, s)
	}
}

// TestAnalyzerCopyOfEvictedOriginal checks that a copy found days later
// through an earlier copy joins the original's story after the original
// has left the window, not a new story named after the original.
func TestAnalyzerCopyOfEvictedOriginal(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	a := New(Options{Window: 24 * time.Hour, SkipText: true})
	a.Warm(Doc{Key: "first", Title: "Magnitude 7.0 earthquake hits Peru near Trujillo", Body: quakeRewrite, Published: t0}, Result{Key: "first", Story: "first"})
	a.Warm(Doc{Key: "orig", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0.Add(time.Hour)}, Result{Key: "orig", Story: "first"})
	r := a.Add(Doc{Key: "copy1", Title: "Quake rattles Peru's north coast", Body: "LIMA (AP) - " + quakeAP, Published: t0.Add(20 * time.Hour)})
	if r.DuplicateOf != "orig" || r.Story != "first" {
		t.Fatalf("first copy: got duplicate_of %q story %q, want orig and first", r.DuplicateOf, r.Story)
	}
	a.Add(Doc{Key: "other", Title: "Dockworkers strike at Rotterdam", Body: "Dockworkers at the port of Rotterdam walked out on Monday over pay, and ships waited at anchor for a second day.", Published: t0.Add(29 * time.Hour)})
	r = a.Add(Doc{Key: "copy2", Title: "Peru quake", Body: "LIMA (AP) - " + quakeAP, Published: t0.Add(30 * time.Hour)})
	if r.DuplicateOf != "orig" || r.Story != "first" {
		t.Errorf("second copy, its original gone from the window: got duplicate_of %q story %q, want orig and first", r.DuplicateOf, r.Story)
	}
}

func TestAnalyzerWarm(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	a := New(Options{SkipText: true})
	a.Warm(Doc{Key: "1", Title: "Strong earthquake shakes northern Peru", Body: quakeAP, Published: t0}, Result{Key: "1", Story: "1", Hashtags: []string{"Peru"}})
	r := a.Add(Doc{Key: "2", Title: "Magnitude 7.0 earthquake hits Peru near Trujillo", Body: quakeRewrite, Published: t0.Add(time.Hour)})
	if r.Story != "1" {
		t.Errorf("got story %q, want 1 (the warmed story)", r.Story)
	}
	if len(r.Hashtags) != 1 || r.Hashtags[0] != "Peru" {
		t.Errorf("got hashtags %v, want the story's [Peru]", r.Hashtags)
	}
}

func TestPlainText(t *testing.T) {
	got := PlainText(`<p>One &amp; two</p><script>x()</script><p>Three&nbsp;four</p>`)
	want := "\nOne & two\n\nThree four\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if s := "a < b and c > d"; PlainText(s) != s {
		t.Errorf("plain text with angle brackets changed: %q", PlainText(s))
	}
}

// TestAnalyzerOtherLanguages checks the text analysis of articles in
// German and French: names typed, tags from names and, in German, from
// nouns; no tag or leading keyphrase of a function word or a verb.
func TestAnalyzerOtherLanguages(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	a := New(Options{})
	de := a.Add(Doc{Key: "de", Published: t0,
		Title: "Bundesregierung verschärft Exportkontrollen für Seltene Erden",
		Body: "Die Bundesregierung in Berlin hat am Dienstag neue Exportkontrollen für Seltene Erden beschlossen. Wirtschaftsminister Robert Habeck sagte, die Regeln sollen die deutsche Autoindustrie schützen. " +
			"China liefert den größten Teil der Seltenen Erden, die für Elektromotoren gebraucht werden. In Genf sollen im Frühjahr Gespräche über Exportlizenzen beginnen."})
	fr := a.Add(Doc{Key: "fr", Published: t0.Add(time.Hour),
		Title: "Le gouvernement français renforce le contrôle des exportations de terres rares",
		Body: "Le gouvernement français a annoncé mardi à Paris de nouvelles règles pour les exportations de terres rares. Le ministre de l'Économie Bruno Le Maire a déclaré que ces mesures protégeront l'industrie automobile. " +
			"La Commission européenne à Bruxelles étudie des mesures similaires. Des discussions sur les licences d'exportation doivent commencer à Genève au printemps."})
	for _, tc := range []struct {
		r              Result
		lang           string
		tags, notTags  []string
		entity, notKey string
	}{
		{de, "de", []string{"SelteneErden", "Bundesregierung", "RobertHabeck"}, []string{"Sollen", "Fur"}, "Robert Habeck", "für"},
		{fr, "fr", []string{"BrunoLeMaire", "Paris"}, []string{"Les", "Mesures"}, "Bruno Le Maire", "les"},
	} {
		r := tc.r
		if r.Language != tc.lang {
			t.Errorf("%s: language %q, want %q", r.Key, r.Language, tc.lang)
		}
		for _, tag := range tc.tags {
			if !slices.Contains(r.Hashtags, tag) {
				t.Errorf("%s: hashtags %v lack %s", r.Key, r.Hashtags, tag)
			}
		}
		for _, tag := range tc.notTags {
			if slices.Contains(r.Hashtags, tag) {
				t.Errorf("%s: hashtags %v hold %s", r.Key, r.Hashtags, tag)
			}
		}
		if !slices.ContainsFunc(r.Entities, func(e tidings.Entity) bool { return e.Text == tc.entity && e.Type == tidings.EntityPerson }) {
			t.Errorf("%s: entities %v lack the person %s", r.Key, r.Entities, tc.entity)
		}
		if len(r.Keyphrases) == 0 || strings.Fields(r.Keyphrases[0])[0] == tc.notKey {
			t.Errorf("%s: keyphrases %v", r.Key, r.Keyphrases)
		}
	}
}
