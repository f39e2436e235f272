package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// TestFullerCopyReplacesTeaser: an outlet's teaser of a wire story is
// stored first; when another outlet carries the full text, the full text
// becomes the canonical article and heads the story, and the teaser points
// at it.
func TestFullerCopyReplacesTeaser(t *testing.T) {
	full := []string{
		"Trade negotiators meeting in Geneva agreed on Tuesday to ease licensing rules for rare earth magnets, ending a four-month standoff that had left carmakers and wind-turbine builders short of parts.",
		"The commerce secretary said the deal would restore predictable access to the magnets, which are used in electric motors, phones and medical scanners.",
		"Exporters will be able to apply for general licences valid for a year instead of approval for each shipment, officials said.",
		"Industry groups welcomed the agreement but warned that prices would stay high until stockpiles were rebuilt, which could take most of next year.",
		"The talks will resume in March to settle the remaining disputes over processing equipment and the technology used to refine the metals.",
	}
	bodies := []string{full[0] + " … Read more", ""}
	for _, p := range full {
		bodies[1] += "<p>" + p + "</p>"
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/%d.xml", &i)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %[1]d</title>
<item><guid>wire-%[1]d</guid><title>Geneva deal eases rare earth magnet exports</title><link>https://outlet%[1]d.example/wire</link><description><![CDATA[%[2]s]]></description><pubDate>Tue, 03 Nov 2026 10:0%[1]d:00 GMT</pubDate></item>
</channel></rss>`, i, bodies[i])
	}))
	t.Cleanup(srv.Close)
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t, 1)[0]
			san := sanitize.New(sanitize.Options{})
			p := ingest.New(st, fetch.New(fetch.Options{AllowPrivateNetworks: true}), feed.New(san), san, ingest.Options{Analyze: true, Workers: 1})
			t.Cleanup(func() { p.Close(ctx) })
			for i := range 2 {
				if err := st.CreateSource(ctx, &tidings.Source{FeedURL: fmt.Sprintf("%s/%d.xml", srv.URL, i), FullText: tidings.FullTextOff}); err != nil {
					t.Fatal(err)
				}
				if err := p.RefreshAll(ctx, nil); err != nil {
					t.Fatal(err)
				}
			}
			arts, err := st.LatestArticles(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 2 {
				t.Fatalf("got %d articles, want 2", len(arts))
			}
			byGUID := map[string]*tidings.Article{}
			for _, a := range arts {
				byGUID[a.GUID] = a
			}
			teaser, fuller := byGUID["wire-0"], byGUID["wire-1"]
			if fuller.DuplicateOf != 0 || teaser.DuplicateOf != fuller.ID {
				t.Errorf("teaser duplicate_of %d, full text duplicate_of %d; want the teaser to point at the full text %d", teaser.DuplicateOf, fuller.DuplicateOf, fuller.ID)
			}
			story, err := st.Story(ctx, teaser.StoryID)
			if err != nil {
				t.Fatal(err)
			}
			if story.HeadlineArticleID != fuller.ID || fuller.StoryID != teaser.StoryID {
				t.Errorf("story %d headline %d, full text in story %d; want the full text %d heading the teaser's story", story.ID, story.HeadlineArticleID, fuller.StoryID, fuller.ID)
			}
		})
	}
}
