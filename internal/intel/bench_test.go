package intel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// synth generates a deterministic news-like stream: Zipf-distributed
// background words, events with their own words that several articles
// report, and copies of recent articles; one article a minute, so a
// 7-day window holds about 10,000.
type synth struct {
	r      *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	events [][]string
	recent []Doc
	n      int
	t0     time.Time
}

func newSynth(seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, 1))
	s := &synth{r: r, zipf: rand.NewZipf(r, 1.1, 2, 49999), t0: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := 0; i < 50000; i++ {
		s.vocab = append(s.vocab, word(i))
	}
	return s
}

func word(i int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	var b strings.Builder
	for n := i + 26; n > 0; n /= 26 {
		b.WriteByte(letters[n%26])
	}
	b.WriteString("e")
	return b.String()
}

func (s *synth) next() Doc {
	s.n++
	t := s.t0.Add(time.Duration(s.n) * time.Minute)
	key := fmt.Sprint(s.n)
	if len(s.recent) > 10 && s.r.IntN(10) == 0 {
		d := s.recent[s.r.IntN(len(s.recent))]
		d.Key, d.Published, d.Title = key, t, "Copy: "+d.Title
		return d
	}
	if len(s.events) == 0 || s.r.IntN(3) == 0 {
		ev := make([]string, 10)
		for i := range ev {
			ev[i] = strings.ToUpper(s.vocab[1000+s.r.IntN(49000)][:1]) + s.vocab[1000+s.r.IntN(49000)][1:]
		}
		s.events = append(s.events, ev)
		if len(s.events) > 300 {
			s.events = s.events[1:]
		}
	}
	ev := s.events[len(s.events)-1-int(math.Min(float64(len(s.events)-1), float64(s.r.IntN(40))))]
	pick := func() string {
		if s.r.IntN(10) < 3 {
			return ev[s.r.IntN(len(ev))]
		}
		return s.vocab[s.zipf.Uint64()]
	}
	var title, body []string
	for i := 0; i < 8; i++ {
		title = append(title, pick())
	}
	for p := 0; p < 8; p++ {
		var sent []string
		for i := 0; i < 18; i++ {
			sent = append(sent, pick())
		}
		body = append(body, strings.Join(sent, " ")+".")
	}
	d := Doc{Key: key, Title: strings.Join(title, " "), Body: strings.Join(body, "\n"), Published: t}
	s.recent = append(s.recent, d)
	if len(s.recent) > 200 {
		s.recent = s.recent[1:]
	}
	return d
}

// BenchmarkAdd measures the cost of one more article after the Analyzer
// has seen n, with the text analysis on; the window holds about 10,000
// articles, so the cost at 100,000 should be that at 10,000.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := newSynth(1)
			a := New(Options{})
			for i := 0; i < n; i++ {
				a.Add(s.next())
			}
			docs := make([]Doc, b.N)
			for i := range docs {
				docs[i] = s.next()
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ResetTimer()
			for i := range docs {
				a.Add(docs[i])
			}
			b.StopTimer()
			arts, stories := a.Size()
			b.ReportMetric(float64(ms.HeapAlloc)/float64(arts), "heapB/windowdoc")
			b.ReportMetric(float64(arts), "window_docs")
			b.ReportMetric(float64(stories), "window_stories")
		})
	}
}
