package feed

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/ingest/canon"
	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// expectFloor is the share of applicable feedparser assertions that must
// keep passing: set just under the rate achieved, so a regression fails.
const expectFloor = 0.89

// fieldKind says how a feedparser value compares with ours: we keep titles
// as plain text, bodies as sanitized HTML with their text, links canonical.
type fieldKind int

const (
	kindText fieldKind = iota // compare title(expected) with ours
	kindBody                  // compare sanitize.Text(expected) with our Text
	kindURL                   // compare canon.URL(expected) with ours
	kindExact
	kindTime
)

type field struct {
	kind fieldKind
	str  string
	t    time.Time
}

// lookup maps a feedparser result path onto our Feed; ok is false for
// what we do not keep (encodings, enclosures, tags, feed-level dates…).
func lookup(f *Feed, path []string) (field, bool) {
	if len(path) < 2 {
		return field{}, false
	}
	norm := func(p []string) string {
		s := strings.Join(p, ".")
		for _, d := range []string{"title", "summary", "author"} {
			s = strings.Replace(s, d+"_detail.value", d, 1)
		}
		return strings.Replace(strings.Replace(s, "author_detail.name", "author", 1), "content.0.value", "content", 1)
	}
	if path[0] == "feed" {
		switch norm(path[1:]) {
		case "title":
			return field{kind: kindText, str: f.Title}, true
		case "link":
			return field{kind: kindURL, str: f.SiteURL}, true
		case "language":
			return field{kind: kindExact, str: f.Language}, true
		}
		return field{}, false
	}
	n, err := strconv.Atoi(path[1])
	if err != nil || len(path) < 3 {
		return field{}, false
	}
	var it Item
	if n < len(f.Items) {
		it = f.Items[n]
	}
	switch norm(path[2:]) {
	case "title":
		return field{kind: kindText, str: it.Title}, true
	case "link":
		return field{kind: kindURL, str: it.URL}, true
	case "id":
		return field{kind: kindExact, str: it.GUID}, true
	case "author":
		return field{kind: kindText, str: it.Author}, true
	case "summary", "description", "content":
		return field{kind: kindBody, str: it.Text}, true
	case "published_parsed":
		return field{kind: kindTime, t: it.Published}, true
	case "updated_parsed":
		return field{kind: kindTime, t: it.Updated}, true
	}
	return field{}, false
}

func (fl field) equals(v pyValue, base *url.URL) bool {
	switch fl.kind {
	case kindTime:
		if len(v.ints) < 6 || fl.t.IsZero() {
			return false
		}
		u := fl.t.UTC()
		return u.Year() == v.ints[0] && int(u.Month()) == v.ints[1] && u.Day() == v.ints[2] &&
			u.Hour() == v.ints[3] && u.Minute() == v.ints[4] && u.Second() == v.ints[5]
	case kindText:
		return v.isStr && fl.str == title(v.str)
	case kindBody:
		return v.isStr && fl.str == sanitize.Text(v.str)
	case kindURL:
		return v.isStr && fl.str == canon.URL(v.str, base)
	default:
		return v.isStr && fl.str == v.str
	}
}

type tally struct{ applicable, passed int }

// TestFeedparserExpect evaluates every feedparser `Expect:` assertion that
// speaks about a field we keep, against our parse of the same file.
func TestFeedparserExpect(t *testing.T) {
	dir, entries := readIndex(t, "feedparser")
	p := New(nil)
	byCat := map[string]*tally{}
	var total tally
	var unsupported, notApplicable int
	for _, e := range entries {
		if len(e.Expect) == 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Path))
		if err != nil {
			t.Fatal(err)
		}
		docURL := "http://127.0.0.1:8097/" + strings.TrimPrefix(e.Path, "original/")
		base, _ := url.Parse(docURL)
		f, perr := p.Parse(data, docURL)
		cat := category(e.Path)
		for _, expr := range e.Expect {
			terms, bozo, err := parseExpect(expr)
			if err != nil {
				unsupported++
				continue
			}
			if bozo || len(terms) == 0 {
				notApplicable++
				continue
			}
			applies, ok := true, perr == nil
			for _, term := range terms {
				if _, known := lookup(&Feed{}, term.path); !known {
					applies = false
					break
				}
				if !ok {
					continue
				}
				got, _ := lookup(f, term.path)
				for _, v := range term.values {
					if v.path != nil {
						other, known := lookup(f, v.path)
						if !known {
							applies = false
							break
						}
						v = pyValue{str: other.str, isStr: true}
						if other.kind != got.kind {
							applies = false
						}
						if got.str != v.str {
							ok = false
						}
						continue
					}
					if !got.equals(v, base) {
						ok = false
						if testing.Verbose() {
							t.Logf("%s: %s\n\tgot %q (%v)", e.Path, expr, got.str, got.t)
						}
					}
				}
			}
			if !applies {
				notApplicable++
				continue
			}
			c := byCat[cat]
			if c == nil {
				c = &tally{}
				byCat[cat] = c
			}
			c.applicable++
			total.applicable++
			if ok {
				c.passed++
				total.passed++
			}
		}
	}
	var cats []string
	for c, n := range byCat {
		cats = append(cats, c+" "+strconv.Itoa(n.passed)+"/"+strconv.Itoa(n.applicable))
	}
	sort.Strings(cats)
	rate := float64(total.passed) / float64(max(total.applicable, 1))
	t.Logf("feedparser Expect: %d applicable, %d pass (%.1f%%); %d not applicable, %d unsupported syntax",
		total.applicable, total.passed, 100*rate, notApplicable, unsupported)
	t.Logf("by category: %s", strings.Join(cats, ", "))
	if rate < expectFloor {
		t.Errorf("pass rate %.3f, want at least %.2f", rate, expectFloor)
	}
}

func category(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) >= 4 && (parts[2] == "wellformed" || parts[2] == "illformed") {
		return parts[3]
	}
	if len(parts) >= 3 {
		return parts[2]
	}
	return path
}
