// Package storetest is the one conformance suite every tidings.Store must
// pass: the SQLite and PostgreSQL stores run it from their own tests, so both
// keep exactly the contract written in tidings.go.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tidings/tidings"
)

// Run runs the suite. open must return a freshly migrated, empty store and
// close it when the test ends; subtests run in parallel.
func Run(t *testing.T, open func(t *testing.T) tidings.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st tidings.Store)
	}{
		{"CreateSource", testCreateSource},
		{"Leases", testLeases},
		{"UnanalyzedArticles", testUnanalyzedArticles},
		{"SourceNotFound", testSourceNotFound},
		{"Sources", testSources},
		{"UpdateSource", testUpdateSource},
		{"DeleteSource", testDeleteSource},
		{"DeleteSourcePromotesCopies", testDeleteSourcePromotesCopies},
		{"ClaimDueSources", testClaimDueSources},
		{"ClaimDueSourcesConcurrent", testClaimConcurrent},
		{"NextDue", testNextDue},
		{"SaveFetchState", testSaveFetchState},
		{"SaveRefreshNew", testRefreshNew},
		{"SaveRefreshUnchanged", testRefreshUnchanged},
		{"SaveRefreshChanged", testRefreshChanged},
		{"SaveRefreshDuplicates", testRefreshDuplicates},
		{"SaveRefreshSameGUIDTwice", testRefreshSameGUIDTwice},
		{"SaveRefreshErrors", testRefreshErrors},
		{"SaveRefreshDirtyText", testRefreshDirtyText},
		{"SaveRefreshConcurrentCanonical", testRefreshConcurrent},
		{"SaveRefreshRawHash", testRefreshRawHash},
		{"RawHashes", testRawHashes},
		{"ArticleNotFound", testArticleNotFound},
		{"LatestArticles", testLatestArticles},
		{"ArticlesSince", testArticlesSince},
		{"SearchArticles", testSearch},
		{"SearchHostile", testSearchHostile},
		{"SaveAnalysis", testSaveAnalysis},
		{"SaveAnalysisMerge", testSaveAnalysisMerge},
		{"SaveAnalysisReplace", testSaveAnalysisReplace},
		{"SaveAnalysisRetag", testSaveAnalysisRetag},
		{"SaveAnalysisErrors", testSaveAnalysisErrors},
		{"Stats", testStats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open(t))
		})
	}
}

// base is a fixed publication time, so orderings in tests are exact.
var base = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// hash stands in for the pipeline's content hash.
func hash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:16])
}

// item returns a feed item published minutes after base.
func item(guid, url, text string, minutes int) *tidings.Article {
	return &tidings.Article{
		GUID:        guid,
		URL:         url,
		Title:       "Title of " + guid,
		Author:      "Ann Author",
		PublishedAt: base.Add(time.Duration(minutes) * time.Minute),
		HTML:        "<p>" + text + "</p>",
		Text:        text,
		ContentHash: hash(text),
	}
}

func newSource(t testing.TB, st tidings.Store, feedURL string) *tidings.Source {
	t.Helper()
	src := &tidings.Source{FeedURL: feedURL, Title: feedURL}
	if err := st.CreateSource(context.Background(), src); err != nil {
		t.Fatalf("CreateSource(%s): %v", feedURL, err)
	}
	return src
}

func refresh(t testing.TB, st tidings.Store, sourceID int64, items ...*tidings.Article) tidings.RefreshResult {
	t.Helper()
	res, err := st.SaveRefresh(context.Background(), sourceID, fetched(), items)
	if err != nil {
		t.Fatalf("SaveRefresh(source %d): %v", sourceID, err)
	}
	return res
}

// fetched is the fetch state of a successful refresh.
func fetched() tidings.FetchState {
	now := time.Now().UTC().Truncate(time.Microsecond)
	return tidings.FetchState{ETag: `"v1"`, LastFetchedAt: now, NextFetchAt: now.Add(time.Hour), LastStatus: 200}
}

func article(t testing.TB, st tidings.Store, id int64) *tidings.Article {
	t.Helper()
	a, err := st.Article(context.Background(), id)
	if err != nil {
		t.Fatalf("Article(%d): %v", id, err)
	}
	return a
}

// wantKind fails t unless err wraps kind.
func wantKind(t testing.TB, what string, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Errorf("%s: got error %v, want %v", what, err, kind)
	}
}

// cmpOpts compare domain values: times by instant, nil and empty alike.
var cmpOpts = []cmp.Option{cmpopts.EquateEmpty(), cmpopts.EquateApproxTime(0)}

// ids returns the IDs of articles.
func ids(as []*tidings.Article) []int64 {
	out := make([]int64, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func feedURL(i int) string { return fmt.Sprintf("https://feeds.example.com/%d.xml", i) }
