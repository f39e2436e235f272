package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/demo"
)

// Reader is a store with the read methods of the web pages (web.Store).
// It is restated here so that the suite does not depend on the web package.
type Reader interface {
	tidings.Store
	Stories(ctx context.Context, hashtag string, sourceID int64, lang string, before time.Time, beforeID int64, limit int) ([]*tidings.Story, error)
	StoriesByID(ctx context.Context, ids []int64) ([]*tidings.Story, error)
	StorySources(ctx context.Context, storyIDs []int64) (map[int64][]int64, error)
	StoryArticles(ctx context.Context, storyID int64) ([]*tidings.Article, error)
	Articles(ctx context.Context, ids []int64) ([]*tidings.Article, error)
	Duplicates(ctx context.Context, id int64) ([]*tidings.Article, error)
	SourceArticles(ctx context.Context, sourceID int64, before time.Time, beforeID int64, limit int) ([]*tidings.Article, error)
	Search(ctx context.Context, query string, sourceID int64, hashtag string, from, to time.Time, limit int) ([]*tidings.Article, error)
}

// readerNow is the clock the demo sample is seeded at.
var readerNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// RunReader runs the reader suite on stores seeded with the demo sample.
// open must return a freshly migrated, empty store.
func RunReader(t *testing.T, open func(t *testing.T) Reader) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st Reader, d *demoIndex)
	}{
		{"Stories", testStories},
		{"StoriesFilters", testStoriesFilters},
		{"StoriesByID", testStoriesByID},
		{"StorySources", testStorySources},
		{"StoryArticles", testStoryArticles},
		{"Articles", testArticlesByID},
		{"Duplicates", testDuplicates},
		{"SourceArticles", testSourceArticles},
		{"Search", testReaderSearch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := open(t)
			if err := demo.SeedAt(context.Background(), st, readerNow); err != nil {
				t.Fatalf("seed: %v", err)
			}
			tt.fn(t, st, index(t, st))
		})
	}
}

// demoIndex finds the seeded sample's rows by title.
type demoIndex struct {
	articles map[string]*tidings.Article
	sources  map[string]*tidings.Source
}

func index(t *testing.T, st Reader) *demoIndex {
	d := &demoIndex{articles: map[string]*tidings.Article{}, sources: map[string]*tidings.Source{}}
	arts, err := st.LatestArticles(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		d.articles[a.Title] = a
	}
	srcs, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		d.sources[s.Title] = s
	}
	return d
}

func (d *demoIndex) article(t *testing.T, title string) *tidings.Article {
	t.Helper()
	a := d.articles[title]
	if a == nil {
		t.Fatalf("demo article %q missing", title)
	}
	return a
}

const (
	rareWire  = "Geneva talks ease export licences for rare earth magnets"
	moonWire  = "Private lander touches down near the Moon's south pole"
	heatWire  = "Spain records 46.2C as wildfire forces evacuations near Ronda"
	portWire  = "Dockworkers strike shuts container terminals in Rotterdam and Antwerp"
	demoTotal = 12 // stories in the sample
)

func storyIDs(ss []*tidings.Story) []int64 {
	out := make([]int64, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

func testStories(t *testing.T, st Reader, d *demoIndex) {
	ctx := context.Background()
	all, err := st.Stories(ctx, "", 0, "", time.Time{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != demoTotal {
		t.Fatalf("got %d stories, want %d", len(all), demoTotal)
	}
	if got, want := all[0].ID, d.article(t, moonWire).StoryID; got != want {
		t.Errorf("newest story: got %d, want %d (the moon landing)", got, want)
	}
	for i := 1; i < len(all); i++ {
		if all[i].LastSeen.After(all[i-1].LastSeen) {
			t.Errorf("story %d is newer than the one before it", all[i].ID)
		}
	}
	// Keyset pages of 5 give the same order without overlap.
	var paged []*tidings.Story
	var before time.Time
	var beforeID int64
	for range 10 {
		page, err := st.Stories(ctx, "", 0, "", before, beforeID, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		last := page[len(page)-1]
		before, beforeID = last.LastSeen, last.ID
	}
	if d := cmp.Diff(storyIDs(all), storyIDs(paged)); d != "" {
		t.Errorf("paged stories differ (-all +paged):\n%s", d)
	}
	if got, _ := st.Stories(ctx, "", 0, "", time.Time{}, 0, 0); len(got) != 0 {
		t.Errorf("limit 0: got %d stories, want none", len(got))
	}
}

func testStoriesFilters(t *testing.T, st Reader, d *demoIndex) {
	ctx := context.Background()
	rare, heat := d.article(t, rareWire).StoryID, d.article(t, heatWire).StoryID
	tests := []struct {
		name    string
		tag     string
		source  int64
		lang    string
		want    []int64
		sortIDs bool
	}{
		{name: "hashtag", tag: "Heatwave", want: []int64{heat}},
		{name: "hashtag in other case", tag: "heatWAVE", want: []int64{heat}},
		{name: "unknown hashtag", tag: "NoSuchTag"},
		{name: "language", lang: "de", want: []int64{heat, rare}},
		{name: "source", source: d.sources["Rheinblick"].ID, want: []int64{heat, rare}},
		{name: "source and hashtag", source: d.sources["Rheinblick"].ID, tag: "RareEarths", want: []int64{rare}},
		{name: "unknown source", source: 999999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Stories(ctx, tt.tag, tt.source, tt.lang, time.Time{}, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, storyIDs(got), cmpEmpty); d != "" {
				t.Errorf("stories (-want +got):\n%s", d)
			}
		})
	}
}

// cmpEmpty makes nil and empty slices equal.
var cmpEmpty = cmp.Comparer(func(a, b []int64) bool { return slices.Equal(a, b) })

func testStoriesByID(t *testing.T, st Reader, d *demoIndex) {
	rare, heat := d.article(t, rareWire).StoryID, d.article(t, heatWire).StoryID
	got, err := st.StoriesByID(context.Background(), []int64{heat, 999999, rare})
	if err != nil {
		t.Fatal(err)
	}
	ids := storyIDs(got)
	slices.Sort(ids)
	want := []int64{min(rare, heat), max(rare, heat)}
	if d := cmp.Diff(want, ids); d != "" {
		t.Errorf("stories (-want +got):\n%s", d)
	}
	if got, err := st.StoriesByID(context.Background(), nil); err != nil || len(got) != 0 {
		t.Errorf("no IDs: got %v, %v; want nothing", got, err)
	}
}

func testStorySources(t *testing.T, st Reader, d *demoIndex) {
	rare, heat := d.article(t, rareWire).StoryID, d.article(t, heatWire).StoryID
	got, err := st.StorySources(context.Background(), []int64{rare, heat, 999999})
	if err != nil {
		t.Fatal(err)
	}
	names := func(ids []int64) []string {
		var out []string
		for _, id := range ids {
			for n, s := range d.sources {
				if s.ID == id {
					out = append(out, n)
				}
			}
		}
		return out
	}
	want := []string{"Meridian Wire", "The Harbour Gazette", "Northfield Post", "Valley Observer", "Capital Ledger", "Rheinblick"}
	if d := cmp.Diff(want, names(got[rare])); d != "" {
		t.Errorf("sources of the rare-earth story, earliest first (-want +got):\n%s", d)
	}
	if len(got[heat]) != 5 || len(got[999999]) != 0 {
		t.Errorf("got %d sources for the heat story and %d for none, want 5 and 0", len(got[heat]), len(got[999999]))
	}
}

func testStoryArticles(t *testing.T, st Reader, d *demoIndex) {
	wire := d.article(t, rareWire)
	got, err := st.StoryArticles(context.Background(), wire.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 || got[0].ID != wire.ID {
		t.Fatalf("got %d articles starting with %d, want 6 starting with the wire %d", len(got), got[0].ID, wire.ID)
	}
	for i := 1; i < len(got); i++ {
		if got[i].PublishedAt.Before(got[i-1].PublishedAt) {
			t.Errorf("article %d is out of publication order", got[i].ID)
		}
	}
	if len(got[0].Hashtags) == 0 || len(got[0].Summary) == 0 {
		t.Errorf("articles come without intelligence")
	}
	if got, _ := st.StoryArticles(context.Background(), 999999); len(got) != 0 {
		t.Errorf("unknown story: got %d articles, want none", len(got))
	}
}

func testArticlesByID(t *testing.T, st Reader, d *demoIndex) {
	a, b := d.article(t, rareWire), d.article(t, moonWire)
	got, err := st.Articles(context.Background(), []int64{b.ID, 999999, a.ID})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, x := range got {
		titles = append(titles, x.Title)
		if len(x.Entities) == 0 {
			t.Errorf("article %d without entities", x.ID)
		}
	}
	slices.Sort(titles)
	if d := cmp.Diff([]string{rareWire, moonWire}, titles); d != "" {
		t.Errorf("articles (-want +got):\n%s", d)
	}
}

func testDuplicates(t *testing.T, st Reader, d *demoIndex) {
	wire := d.article(t, portWire)
	got, err := st.Duplicates(context.Background(), wire.ID)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, x := range got {
		titles = append(titles, x.Title)
	}
	want := []string{"Europe's biggest ports idle as 9,000 dockers walk out", "Port strike threatens week of shipping delays"}
	if d := cmp.Diff(want, titles); d != "" {
		t.Errorf("duplicates (-want +got):\n%s", d)
	}
}

func testSourceArticles(t *testing.T, st Reader, d *demoIndex) {
	ctx := context.Background()
	src := d.sources["Meridian Wire"]
	all, err := st.SourceArticles(ctx, src.ID, time.Time{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 8 || all[0].Title != moonWire {
		t.Fatalf("got %d articles, first %q; want 8, newest first", len(all), all[0].Title)
	}
	var paged []int64
	var before time.Time
	var beforeID int64
	for range 10 {
		page, err := st.SourceArticles(ctx, src.ID, before, beforeID, 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, a := range page {
			paged = append(paged, a.ID)
		}
		before, beforeID = page[len(page)-1].PublishedAt, page[len(page)-1].ID
	}
	if d := cmp.Diff(ids(all), paged); d != "" {
		t.Errorf("paged articles differ (-all +paged):\n%s", d)
	}
}

func testReaderSearch(t *testing.T, st Reader, d *demoIndex) {
	ctx := context.Background()
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		name     string
		q        string
		source   int64
		tag      string
		from, to time.Time
		want     []string // titles, any order
	}{
		{name: "words", q: "rare earth magnets", want: []string{rareWire, "Rare-earth deal is a reprieve, not a cure, for magnet buyers"}},
		{name: "no duplicates", q: "members walked out", want: []string{portWire}},
		{name: "source", q: "magnets", source: d.sources["Capital Ledger"].ID, want: []string{"Rare-earth deal is a reprieve, not a cure, for magnet buyers"}},
		{name: "hashtag", q: "rates", tag: "portstrike", want: []string{"Freight rates jump as dock strike hits northern Europe"}},
		{name: "from", q: "Okafor", from: day("2026-03-10")},
		{name: "to", q: "Okafor", to: day("2026-03-09"), want: []string{}},
		{name: "range", q: "Okafor", from: day("2026-03-09"), to: day("2026-03-10"),
			want: []string{"Okafor the hero as Riverside win cup final on penalties", "Dented plates and a new cup: Riverside's long road to glory"}},
		{name: "operators are words", q: `"Okafor" (penalties* -shootout`, want: []string{"Okafor the hero as Riverside win cup final on penalties"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Search(ctx, tt.q, tt.source, tt.tag, tt.from, tt.to, 50)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, a := range got {
				titles = append(titles, a.Title)
			}
			slices.Sort(titles)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if strings.Join(want, "|") != strings.Join(titles, "|") {
				t.Errorf("got %q, want %q", titles, want)
			}
		})
	}
	for _, q := range []string{"", "!!! ---", "\xff\xfe"} {
		if _, err := st.Search(ctx, q, 0, "", time.Time{}, time.Time{}, 10); !errors.Is(err, tidings.ErrInvalid) {
			t.Errorf("Search(%q): got %v, want ErrInvalid", q, err)
		}
	}
	for _, q := range []string{`"`, `NEAR(a b)`, `title:x`, `x*`, strings.Repeat("strike ", 2000), "a\x00b"} {
		if _, err := st.Search(ctx, q, 0, "", time.Time{}, time.Time{}, 10); err != nil && !errors.Is(err, tidings.ErrInvalid) {
			t.Errorf("Search(%.20q): got %v, want results or ErrInvalid", q, err)
		}
	}
}
