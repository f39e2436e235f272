package intel

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

// BenchmarkWindowMemory reports the memory the Analyzer keeps per article
// of its window: 20,000 synthetic articles, all inside the window (the
// ingestion benchmark's shape), measured after a GC: the live heap, the
// bytes mapped outside it, and their sum. With INTEL_MEMPROFILE set, it
// writes a heap profile of the full window there.
func BenchmarkWindowMemory(b *testing.B) {
	const n = 20_000
	s := newSynth(1)
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = s.next()
	}
	windowMemory(b, docs)
}

// BenchmarkWindowMemoryCorpus is BenchmarkWindowMemory over the JSONL
// file INTEL_CORPUS (lines with id, title, body and published; e.g. the
// feedserver's items converted), skipped when it is not set.
func BenchmarkWindowMemoryCorpus(b *testing.B) {
	path := os.Getenv("INTEL_CORPUS")
	if path == "" {
		b.Skip("INTEL_CORPUS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r struct {
			ID, Title, Body string
			Published       time.Time
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Doc{Key: r.ID, Title: r.Title, Body: r.Body, Published: r.Published})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	windowMemory(b, docs)
}

func windowMemory(b *testing.B, docs []Doc) {
	for range b.N {
		b.StopTimer()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		a := New(Options{Window: 365 * 24 * time.Hour})
		for _, d := range docs {
			a.Add(d)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		if path := os.Getenv("INTEL_MEMPROFILE"); path != "" {
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		arts, _ := a.Size()
		heap := float64(int64(after.HeapAlloc) - int64(before.HeapAlloc))
		b.ReportMetric(heap/float64(arts), "heapB/windowdoc")
		b.ReportMetric(float64(a.Mapped())/float64(arts), "mappedB/windowdoc")
		b.ReportMetric((heap+float64(a.Mapped()))/float64(arts), "B/windowdoc")
		runtime.KeepAlive(a)
		runtime.KeepAlive(docs)
	}
}
