package feed

import (
	"bufio"
	"encoding/json"
	"github.com/tidings/tidings/internal/shareddata"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// sharedData returns shared/data/elem..., skipping the test when absent.
func sharedData(t testing.TB, elem ...string) string { return shareddata.Path(t, elem...) }

// indexEntry is one line of a corpus index.jsonl.
type indexEntry struct {
	Path        string   `json:"path"`
	Expected    *string  `json:"expected"`
	Description string   `json:"description"`
	Expect      []string `json:"expect"`
	Headers     []string `json:"headers"`
}

func readIndex(t testing.TB, corpus string) (dir string, entries []indexEntry) {
	t.Helper()
	dir = sharedData(t, "feeds", corpus)
	f, err := os.Open(filepath.Join(dir, "index.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e indexEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s index: %v", corpus, err)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return dir, entries
}

type result struct {
	feed *Feed
	err  error
}

// parseGuarded parses with a deadline so that one pathological input fails
// its test instead of hanging the suite.
func parseGuarded(t testing.TB, p *Parser, data []byte, feedURL string, limit time.Duration) (*Feed, error, bool) {
	t.Helper()
	done := make(chan result, 1)
	go func() {
		f, err := p.Parse(data, feedURL)
		done <- result{f, err}
	}()
	select {
	case r := <-done:
		return r.feed, r.err, true
	case <-time.After(limit):
		return nil, nil, false
	}
}
