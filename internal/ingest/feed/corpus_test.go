package feed

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// TestCorpus runs every input of the gofeed and feedparser suites through
// Parse: each must end parsed or with a classified error, quickly, and every
// parsed item must satisfy the sanitizer's invariant and the field limits.
func TestCorpus(t *testing.T) {
	p := New(nil)
	for _, corpus := range []string{"gofeed", "feedparser"} {
		t.Run(corpus, func(t *testing.T) {
			dir, entries := readIndex(t, corpus)
			var parsed, failed, items int
			kinds := map[string]int{}
			slowest, slowName := time.Duration(0), ""
			for _, e := range entries {
				data, err := os.ReadFile(filepath.Join(dir, e.Path))
				if err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				f, err, ok := parseGuarded(t, p, data, "http://example.com/"+e.Path, 10*time.Second)
				if !ok {
					t.Errorf("%s: no result within 10s", e.Path)
					continue
				}
				if d := time.Since(start); d > slowest {
					slowest, slowName = d, e.Path
				}
				if err != nil {
					failed++
					kinds[errKind(err)]++
					continue
				}
				parsed++
				items += len(f.Items)
				checkFeed(t, e.Path, f)
			}
			var ks []string
			for k, n := range kinds {
				ks = append(ks, k+"="+itoa(n))
			}
			sort.Strings(ks)
			t.Logf("%s: %d files, %d parsed (%d items), %d errors [%s]; slowest %v (%s)",
				corpus, len(entries), parsed, items, failed, strings.Join(ks, " "), slowest, slowName)
		})
	}
}

func errKind(err error) string {
	for _, k := range []struct {
		name string
		err  error
	}{{"empty", ErrEmpty}, {"not_a_feed", ErrNotAFeed}, {"too_large", ErrTooLarge}, {"malformed", ErrMalformed}} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "unclassified"
}

// checkFeed asserts the invariants every parsed feed must keep.
func checkFeed(t testing.TB, name string, f *Feed) {
	t.Helper()
	if len(f.Items) > MaxItems {
		t.Errorf("%s: %d items, want at most %d", name, len(f.Items), MaxItems)
	}
	for i, it := range f.Items {
		if err := sanitize.Audit(it.HTML, false); err != nil {
			t.Errorf("%s: item %d HTML: %v\n%q", name, i, err, it.HTML)
		}
		if it.GUID == "" {
			t.Errorf("%s: item %d without GUID", name, i)
		}
		if strings.ContainsAny(it.Title, "\n\r\t") || len(it.Title) > maxTitle {
			t.Errorf("%s: item %d title %q not one bounded line", name, i, it.Title)
		}
		if it.URL != "" && !strings.HasPrefix(it.URL, "http") {
			t.Errorf("%s: item %d URL %q not http(s)", name, i, it.URL)
		}
		if len(it.HTML) > 8*maxHTML {
			t.Errorf("%s: item %d HTML %d bytes", name, i, len(it.HTML))
		}
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}
