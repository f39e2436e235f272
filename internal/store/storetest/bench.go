package storetest

import (
	"context"
	"fmt"
	mrand "math/rand"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tidings/tidings"
)

// BenchItems is how many items one benchmarked refresh stores, as in a
// typical feed.
const BenchItems = 50

// BenchSaveRefresh measures SaveRefresh, the ingestion hot path, on
// refreshes of BenchItems new items of about 3 KB of text each, and on
// refreshes that bring the same items again (nothing to write). It reports
// ns/item. open must return a fresh store.
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
			if _, err := st.SaveRefresh(ctx, sources[i%len(sources)].ID, fetched(), items); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*BenchItems), "ns/item")
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
		b.ResetTimer()
		for b.Loop() {
			res, err := st.SaveRefresh(ctx, src.ID, fetched(), items)
			if err != nil || res.Unchanged != BenchItems {
				b.Fatalf("got %+v, %v, want all unchanged", res, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*BenchItems), "ns/item")
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
