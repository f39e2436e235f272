package fingerprint

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// benchVocab is news-like vocabulary: mostly lowercase words, some proper
// nouns, numbers and a few non-ASCII words, as cleaned article text has.
var benchVocab = strings.Fields(`the a of to and in that for on is was said with he it as at by
	from his have an be has are but were not this which they after their who been had would
	will its more about one year two also up than other new first people over when into last
	government police minister president officials city council report state court health
	market prices workers company percent million billion week month Monday Tuesday Friday
	Saturday Sunday election vote party leader spokesman statement investigation fire building
	residents homes night morning hospital school students teachers budget plan water river
	bridge road traffic emergency services weather storm flood rain winds temperatures border
	security talks agreement deal trade exports imports bank interest rates inflation growth
	economy jobs unemployment Reuters AP London Washington Paris Berlin Tokyo Beijing Delhi
	Sydney Johnson Smith García Müller Zürich café São Paulo Kraków naïve résumé 2024 2023 10am
	8.49pm 15 30 250 1,200 3.5 it's don't “we” ‘never’ U.S. E.U. COVID-19 long-term so-called
	—`)

// benchArticle returns a deterministic synthetic article of about n words:
// a title with an outlet suffix and paragraph lines of sentences.
func benchArticle(r *rand.Rand, n int) (string, []string) {
	word := func() string { return benchVocab[r.IntN(len(benchVocab))] }
	sentence := func() string {
		k := 8 + r.IntN(18)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
			if i > 0 && r.IntN(9) == 0 {
				ws[i] += ","
			}
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	var title []string
	for range 6 + r.IntN(6) {
		title = append(title, word())
	}
	var lines []string
	for words := 0; words < n; {
		var para []string
		for range 2 + r.IntN(3) {
			s := sentence()
			words += strings.Count(s, " ") + 1
			para = append(para, s)
		}
		lines = append(lines, strings.Join(para, " "))
	}
	return strings.Join(title, " ") + " | The Daily News", lines
}

func BenchmarkFromLines(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 11))
	type article struct {
		title string
		lines []string
	}
	var arts []article
	size := 0
	for _, n := range []int{300, 450, 600, 800} {
		t, ls := benchArticle(r, n)
		arts = append(arts, article{t, ls})
		for _, l := range ls {
			size += len(l) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			FromLines(a.title, a.lines)
		}
	}
}

// BenchmarkIndex measures a window's work per text: find its duplicate,
// add it and evict the oldest, in a window of 20,000 texts of which a
// tenth are copies.
func BenchmarkIndex(b *testing.B) {
	const window = 20_000
	r := rand.New(rand.NewPCG(9, 10))
	prints := make([]*Print, 2*window)
	for i := range prints {
		if i > 10 && r.IntN(10) == 0 {
			prints[i] = prints[i-1-r.IntN(10)]
			continue
		}
		t, ls := benchArticle(r, 150+r.IntN(600))
		prints[i] = FromLines(t, ls)
	}
	keys := make([]string, len(prints))
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	ix := NewIndex()
	for i := range window {
		ix.Add(keys[i], prints[i])
	}
	b.ReportAllocs()
	i := window
	for b.Loop() {
		j := i % len(prints)
		ix.Find(prints[j])
		ix.Remove(keys[(i-window)%len(prints)])
		ix.Add(keys[j], prints[j])
		i++
	}
}
