package intel

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

// BenchmarkWindowMemory reports the live heap the Analyzer keeps per
// article of its window: 20,000 synthetic articles, all inside the window
// (the ingestion benchmark's shape), measured after a GC. With
// INTEL_MEMPROFILE set, it writes a heap profile of the full window there.
func BenchmarkWindowMemory(b *testing.B) {
	const n = 20_000
	for range b.N {
		b.StopTimer()
		s := newSynth(1)
		docs := make([]Doc, n)
		for i := range docs {
			docs[i] = s.next()
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		a := New(Options{Window: 30 * 24 * time.Hour})
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
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(arts), "heapB/windowdoc")
		runtime.KeepAlive(a)
		runtime.KeepAlive(docs)
	}
}
