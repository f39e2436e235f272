package storetest

import (
	"context"
	"fmt"
	mrand "math/rand"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
)

// BenchItems is how many items one benchmarked refresh stores, as in a
// typical feed.
const BenchItems = 50

// BenchSaveRefresh measures SaveRefresh, the ingestion hot path, on
// refreshes of BenchItems new items of about 3 KB of text each, and on
// refreshes that bring the same items again (nothing to write). It reports
// ns/item (wall time) and cpu-ns/item (the process's CPU time, which a busy
// machine inflates less; for PostgreSQL it leaves out the server's share).
// open must return a fresh store.
func BenchSaveRefresh(b *testing.B, open func(b *testing.B) tidings.Store) {
	b.Run("New", func(b *testing.B) {
		st := open(b)
		ctx := context.Background()
		rnd := rand.New(rand.NewPCG(1, 2))
		words := vocabulary(rnd, 20000)
		var sources []*tidings.Source
		for i := range 100 {
			sources = append(sources, newSource(b, st, feedURL(i)))
		}
		batches := make([][]*tidings.Article, 64)
		for i := range batches {
			batches[i] = benchItems(rnd, words, i)
		}
		var cpu time.Duration
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			items := batches[i%len(batches)]
			for k, a := range items { // new GUIDs, URLs and texts every time
				a.GUID = fmt.Sprintf("%d-%d", i, k)
				a.URL = "https://example.com/" + a.GUID
				a.ContentHash = fmt.Sprintf("%x-%d", i, k)
				a.ID = 0
			}
			b.StartTimer()
			c := cpuTime()
			if _, err := st.SaveRefresh(ctx, sources[i%len(sources)].ID, fetched(), items); err != nil {
				b.Fatal(err)
			}
			cpu += cpuTime() - c
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*BenchItems), "ns/item")
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*BenchItems), "cpu-ns/item")
	})
	b.Run("Unchanged", func(b *testing.B) {
		st := open(b)
		ctx := context.Background()
		rnd := rand.New(rand.NewPCG(3, 4))
		src := newSource(b, st, feedURL(1))
		items := benchItems(rnd, vocabulary(rnd, 20000), 0)
		if _, err := st.SaveRefresh(ctx, src.ID, fetched(), items); err != nil {
			b.Fatal(err)
		}
		c := cpuTime()
		b.ResetTimer()
		for b.Loop() {
			res, err := st.SaveRefresh(ctx, src.ID, fetched(), items)
			if err != nil || res.Unchanged != BenchItems {
				b.Fatalf("got %+v, %v, want all unchanged", res, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*BenchItems), "ns/item")
		b.ReportMetric(float64((cpuTime()-c).Nanoseconds())/float64(b.N*BenchItems), "cpu-ns/item")
	})
}

func vocabulary(rnd *rand.Rand, n int) []string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	words := make([]string, n)
	for i := range words {
		var sb strings.Builder
		for range 3 + rnd.IntN(8) {
			sb.WriteByte(letters[rnd.IntN(len(letters))])
		}
		words[i] = sb.String()
	}
	return words
}

// benchItems returns BenchItems items of about 3 KB of text each, their
// words drawn with Zipf's law like those of natural language.
func benchItems(rnd *rand.Rand, words []string, batch int) []*tidings.Article {
	zipf := mrand.NewZipf(mrand.New(mrand.NewSource(int64(batch))), 1.1, 2, uint64(len(words)-1))
	items := make([]*tidings.Article, BenchItems)
	for k := range items {
		var sb strings.Builder
		for sb.Len() < 3000 {
			sb.WriteString(words[zipf.Uint64()])
			sb.WriteByte(' ')
		}
		text := sb.String()
		a := item(fmt.Sprintf("%d-%d", batch, k), fmt.Sprintf("https://example.com/%d/%d", batch, k), text, batch*BenchItems+k)
		a.Title = strings.Join([]string{words[rnd.IntN(len(words))], words[rnd.IntN(len(words))], words[rnd.IntN(len(words))]}, " ")
		items[k] = a
	}
	return items
}

// BenchSaveAnalysis measures SaveAnalysis on batches of BenchItems stored
// articles, each with typical intelligence and joining one of a few
// stories; every call changes every article's summary. It reports
// ns/article and cpu-ns/article.
func BenchSaveAnalysis(b *testing.B, open func(b *testing.B) tidings.Store) {
	st := open(b)
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(5, 6))
	words := vocabulary(rnd, 20000)
	src := newSource(b, st, feedURL(1))
	var batches [][]*tidings.Article
	for i := range 20 {
		items := benchItems(rnd, words, i)
		if _, err := st.SaveRefresh(ctx, src.ID, fetched(), items); err != nil {
			b.Fatal(err)
		}
		batches = append(batches, items)
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		items := batches[i%len(batches)]
		stories := []*tidings.Story{}
		for k, a := range items {
			story := items[k-k%5].ID // stories of five articles
			a.StoryID = story
			a.Language = "en"
			a.Intel = tidings.Intel{
				Summary:    []string{fmt.Sprintf("%s first sentence of summary %d.", words[k], i), "A second sentence " + words[k+1] + "."},
				Keyphrases: []string{words[k], words[k+1], words[k+2], words[k+3], words[k+4], words[k+5]},
				Hashtags:   []string{"Tag" + words[k%7], "Tag" + words[k%11], "Tag" + words[k%13]},
				Entities:   []tidings.Entity{{Text: "Ann " + words[k], Type: tidings.EntityPerson}, {Text: "Geneva", Type: tidings.EntityPlace}},
				Related:    []int64{items[(k+7)%len(items)].ID, items[(k+13)%len(items)].ID},
			}
			if story == a.ID {
				stories = append(stories, &tidings.Story{ID: story, HeadlineArticleID: a.ID, Hashtags: a.Hashtags, Entities: a.Entities})
			}
		}
		c := cpuTime()
		if err := st.SaveAnalysis(ctx, items, stories); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*BenchItems), "ns/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*BenchItems), "cpu-ns/article")
}
