package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// countingParser is the real parser, counting the items it cleans. With
// noRawHash it drops their raw hashes, as a build from before raw hashes
// did: every item is then cleaned on every refresh.
type countingParser struct {
	*feed.Parser
	noRawHash bool
	cleaned   atomic.Int32
}

func (c *countingParser) ParseLazy(data []byte, feedURL string) (*feed.Feed, error) {
	f, err := c.Parser.ParseLazy(data, feedURL)
	if err == nil && c.noRawHash {
		for i := range f.Items {
			f.Items[i].RawHash = ""
		}
	}
	return f, err
}

func (c *countingParser) Clean(it *feed.Item) {
	c.cleaned.Add(1)
	c.Parser.Clean(it)
}

// feedVersions serves /feed.xml as the version set in the returned
// pointer: items are "guid|title|body|date" lines.
func feedVersions(t *testing.T) (*httptest.Server, *atomic.Pointer[[]string]) {
	var cur atomic.Pointer[[]string]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Versions</title>`)
		for _, line := range *cur.Load() {
			f := strings.Split(line, "|")
			fmt.Fprintf(&b, `<item><guid>%[1]s</guid><title>%[2]s</title><link>https://example.com/%[1]s</link>
<description><![CDATA[<p>%[3]s</p><img src="/img/%[1]s.png"><script>alert(1)</script>]]></description>
<pubDate>Tue, 03 Nov 2026 %[4]s:00 GMT</pubDate></item>`, f[0], f[1], f[2], f[3])
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	return srv, &cur
}

// TestUnchangedItemsAreNotCleaned refreshes one feed through its versions
// into two databases, one with raw hashes and one without (which cleans
// every item, as refreshes did before raw hashes): the first cleans only new
// and changed items, yet both count the same and store the same articles.
// The database without raw hashes then stands for one migrated from before
// them: its articles are cleaned once more, and then no longer.
func TestUnchangedItemsAreNotCleaned(t *testing.T) {
	a := "a|Harbour reopens|The harbour reopened on Friday after the storm closed it for two days.|10:00"
	b := "b|Council votes|The council voted to repair the sea wall before winter.|10:30"
	b2 := "b|Council votes|The council voted on Tuesday to repair the sea wall before winter.|10:30"
	c := "c|Orchestra names conductor|The national orchestra named a new principal conductor.|11:00"
	cDate := "c|Orchestra names conductor|The national orchestra named a new principal conductor.|11:15"
	d := "d|Airline cancels flights|A software fault grounded the fleet for most of Sunday.|12:00"
	versions := []struct {
		items                            []string
		wantCleaned                      int32
		wantNew, wantUpdated, wantUnchgd int
	}{
		{[]string{a, b, c}, 3, 3, 0, 0},
		{[]string{a, b, c}, 0, 0, 0, 3},
		{[]string{d, cDate, b2, a}, 2, 1, 1, 2}, // b changed, c only redated, d new
		{[]string{d, cDate, b2, a}, 0, 0, 0, 4},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			srv, cur := feedVersions(t)
			type run struct {
				st     tidings.Store
				src    *tidings.Source
				p      *ingest.Pipeline
				parser *countingParser
			}
			var runs [2]*run
			for i := range runs {
				st := open(t, 1)[0]
				src := &tidings.Source{FeedURL: srv.URL + "/feed.xml", FullText: tidings.FullTextOff}
				if err := st.CreateSource(ctx, src); err != nil {
					t.Fatal(err)
				}
				san := sanitize.New(sanitize.Options{})
				parser := &countingParser{Parser: feed.New(san), noRawHash: i == 1}
				p := ingest.New(st, fetch.New(fetch.Options{AllowPrivateNetworks: true}), parser, san, ingest.Options{})
				runs[i] = &run{st, src, p, parser}
			}
			refresh := func(r *run) tidings.RefreshResult {
				t.Helper()
				r.parser.cleaned.Store(0)
				out := r.p.Refresh(ctx, r.src)
				if out.Err != nil {
					t.Fatalf("Refresh: %v", out.Err)
				}
				return out.Result
			}
			articles := func(st tidings.Store) []*tidings.Article {
				t.Helper()
				arts, err := st.LatestArticles(ctx, 100)
				if err != nil {
					t.Fatal(err)
				}
				return arts
			}
			for i, v := range versions {
				cur.Store(&v.items)
				res := refresh(runs[0])
				if got := runs[0].parser.cleaned.Load(); got != v.wantCleaned {
					t.Errorf("version %d: cleaned %d items, want %d", i, got, v.wantCleaned)
				}
				if res.New != v.wantNew || res.Updated != v.wantUpdated || res.Unchanged != v.wantUnchgd || res.Duplicates != 0 {
					t.Errorf("version %d: got %+v, want %d new, %d updated, %d unchanged", i, res, v.wantNew, v.wantUpdated, v.wantUnchgd)
				}
				all := refresh(runs[1])
				if got, want := runs[1].parser.cleaned.Load(), int32(len(v.items)); got != want {
					t.Errorf("version %d without raw hashes: cleaned %d items, want all %d", i, got, want)
				}
				if diff := cmp.Diff(res, all, cmpopts.IgnoreFields(tidings.RefreshResult{}, "Stored")); diff != "" {
					t.Errorf("version %d: results with and without raw hashes differ (-with +without):\n%s", i, diff)
				}
				ignore := cmpopts.IgnoreFields(tidings.Article{}, "ID", "SourceID", "CreatedAt", "UpdatedAt")
				if diff := cmp.Diff(articles(runs[1].st), articles(runs[0].st), ignore, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("version %d: stored articles differ (-without raw hashes +with):\n%s", i, diff)
				}
			}
			for _, art := range articles(runs[0].st) {
				if art.GUID == "b" && !strings.Contains(art.Text, "on Tuesday") {
					t.Errorf("changed item: got text %q, want the new one", art.Text)
				}
			}

			// The database without raw hashes, as migrated: its articles are
			// cleaned once (unchanged, nothing but their hashes written),
			// then no more.
			migrated := runs[1]
			migrated.parser.noRawHash = false
			before := articles(migrated.st)
			for i, wantCleaned := range []int32{4, 0} {
				res := refresh(migrated)
				if got := migrated.parser.cleaned.Load(); got != wantCleaned {
					t.Errorf("migrated, refresh %d: cleaned %d items, want %d", i, got, wantCleaned)
				}
				if res.Unchanged != 4 || res.New+res.Updated+res.Duplicates != 0 {
					t.Errorf("migrated, refresh %d: got %+v, want 4 unchanged", i, res)
				}
			}
			if diff := cmp.Diff(before, articles(migrated.st), cmpopts.EquateEmpty(), cmpopts.EquateApproxTime(0)); diff != "" {
				t.Errorf("migrated: articles were written (-before +after):\n%s", diff)
			}
		})
	}
}
