package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tidings/tidings/internal/web"
)

func TestStoryPage(t *testing.T) {
	f := newFixture(t, web.Options{})
	id := f.storyOf(t, "Geneva talks ease export licences for rare earth magnets")
	doc := f.page(t, fmt.Sprintf("/story/%d", id))
	if got := doc.Find("h1").Text(); got != "Geneva talks ease export licences for rare earth magnets" {
		t.Errorf("h1: got %q", got)
	}
	if got := strings.Join(strings.Fields(doc.Find(".kicker").Text()), " "); !strings.HasPrefix(got, "6 sources") {
		t.Errorf("kicker: got %q, want 6 sources", got)
	}
	also := texts(doc, "#lead ~ .versions .also a")
	if strings.Join(also, ",") != "The Harbour Gazette,Northfield Post,Valley Observer" {
		t.Errorf("also in: got %q, want the three outlets carrying the wire copy", also)
	}
	cov := texts(doc, "#cov ~ .versions .version > a")
	want := []string{"Einigung in Genf: Erleichterung für Autozulieferer", "Rare-earth deal is a reprieve, not a cure, for magnet buyers"}
	if strings.Join(cov, "|") != strings.Join(want, "|") && strings.Join(cov, "|") != want[1]+"|"+want[0] {
		t.Errorf("coverage: got %q, want %q", cov, want)
	}
	if n := doc.Find("svg.timeline circle").Length(); n != 6 {
		t.Errorf("timeline: got %d dots, want 6", n)
	}
	if n := doc.Find("svg.timeline circle.tl-copy").Length(); n != 3 {
		t.Errorf("timeline: got %d copy dots, want 3", n)
	}
	if n := doc.Find("svg.timeline text.tl-label").Length(); n != 6 {
		t.Errorf("timeline: got %d source rows, want 6", n)
	}
	if got := texts(doc, ".entities dd"); !contains(got, "Helena Marsh") || !contains(got, "Geneva") {
		t.Errorf("entities: got %q", got)
	}
	rel := texts(doc, ".related-stories .compact li > a")
	if len(rel) == 0 || contains(rel, "Geneva talks") {
		t.Errorf("related stories: got %q, want others, never itself", rel)
	}
	if got := texts(doc, ".keypoints li"); len(got) == 0 {
		t.Errorf("no summary")
	}
}

func TestArticlePage(t *testing.T) {
	f := newFixture(t, web.Options{})
	a := f.articleBy(t, "Dockworkers strike shuts container terminals in Rotterdam and Antwerp")
	doc := f.page(t, fmt.Sprintf("/article/%d", a.ID))
	if got := doc.Find("h1").Text(); got != a.Title {
		t.Errorf("h1: got %q, want %q", got, a.Title)
	}
	if got := doc.Find(".kicker a").First().Text(); got != "Meridian Wire" {
		t.Errorf("source: got %q, want Meridian Wire", got)
	}
	if n := doc.Find(".body p").Length(); n != 4 {
		t.Errorf("body: got %d paragraphs, want 4", n)
	}
	if got := texts(doc, ".article .tags a"); strings.Join(got, " ") != "#PortStrike #Shipping #SupplyChain" {
		t.Errorf("hashtags: got %q", got)
	}
	if got := texts(doc, ".intel .summary li"); len(got) != 2 {
		t.Errorf("intelligence summary: got %q, want 2 sentences", got)
	}
	if got := texts(doc, ".intel .entities dd"); !contains(got, "Maarten de Vries") || !contains(got, "Rotterdam") {
		t.Errorf("entities: got %q", got)
	}
	if got := doc.Find(".comments .empty").Text(); got != "No comments yet." {
		t.Errorf("comments: got %q, want the empty state", got)
	}
	if got := texts(doc, ".article .also a"); len(got) != 2 {
		t.Errorf("also in: got %q, want the two copies", got)
	}
	rel := texts(doc, ".related .rel h3")
	if len(rel) == 0 {
		t.Fatal("no related articles")
	}
	for _, r := range rel {
		if strings.Contains(r, "dock") || strings.Contains(r, "Europe's biggest ports") || strings.Contains(r, "Port strike threatens") {
			t.Errorf("related lists the article or a copy of it: %q", r)
		}
	}
	if doc.Find(".related .rel .meta a").Length() == 0 || doc.Find(".related .rel time").Length() == 0 {
		t.Errorf("related articles lack source or time")
	}
}

func TestArticleCopy(t *testing.T) {
	f := newFixture(t, web.Options{})
	a := f.articleBy(t, "Europe's biggest ports idle as 9,000 dockers walk out")
	doc := f.page(t, fmt.Sprintf("/article/%d", a.ID))
	if got := doc.Find(".notice a").Text(); got != "Dockworkers strike shuts container terminals in Rotterdam and Antwerp" {
		t.Errorf("copy notice: got %q", got)
	}
	for _, r := range texts(doc, ".related .rel h3") {
		if strings.Contains(r, "Dockworkers strike shuts") || strings.Contains(r, "Port strike threatens") {
			t.Errorf("related lists a copy of the article: %q", r)
		}
	}
}

func TestArticleBodyIsTheStoredHTMLOnly(t *testing.T) {
	f := newFixture(t, web.Options{})
	a := f.articleBy(t, "Wild bees return to Devon's wildflower verges")
	_, body := f.get(t, fmt.Sprintf("/article/%d", a.ID))
	if strings.Contains(body, "<script>") || strings.Count(body, "<script") != 1 {
		t.Errorf("page has inline or extra scripts")
	}
}

// TestArticleRelatedFromStory: an article that found no related articles
// when it came (a story's first report) lists those its story's other
// reports found, never an article of its own story (stories merge after
// related articles are chosen) and one article of another story at most.
func TestArticleRelatedFromStory(t *testing.T) {
	f := newFixture(t, web.Options{})
	ctx := context.Background()
	a := f.articleBy(t, "Dockworkers strike shuts container terminals in Rotterdam and Antwerp")
	own := f.articleBy(t, "Freight rates jump as dock strike hits northern Europe")
	later := f.articleBy(t, "'We are against being thrown away': the union leader behind the port strike")
	rates := f.articleBy(t, "European Central Bank holds rates at 2.25% as services inflation lingers")
	solberg := f.articleBy(t, "Solberg's shipping warning puts mortgage cuts on ice")
	if own.StoryID != a.StoryID || later.StoryID != a.StoryID || rates.StoryID == a.StoryID || solberg.StoryID != rates.StoryID {
		t.Fatal("the sample's port strike story changed")
	}
	mates, err := f.st.StoryArticles(ctx, a.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mates {
		m.Intel.Related = nil
		if m.ID == later.ID {
			m.Intel.Related = []int64{own.ID, rates.ID, solberg.ID}
		}
	}
	if err := f.st.SaveAnalysis(ctx, mates, nil); err != nil {
		t.Fatal(err)
	}
	doc := f.page(t, fmt.Sprintf("/article/%d", a.ID))
	rel := texts(doc, ".related .rel h3")
	if !contains(rel, rates.Title) {
		t.Errorf("related: got %q, want %q from the story's other report", rel, rates.Title)
	}
	if contains(rel, own.Title) {
		t.Errorf("related lists an article of the page's own story: %q", own.Title)
	}
	if contains(rel, solberg.Title) {
		t.Errorf("related lists two articles of one story: %q", rel)
	}
}
