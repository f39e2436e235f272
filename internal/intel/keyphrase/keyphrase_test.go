package keyphrase

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const title = "China resumes rare earth magnet exports after Geneva talks"

const text = `Chinese makers of rare earth magnets have resumed exports to the United States, weeks after trade talks in Geneva.
Treasury Secretary Scott Bessent said the agreement on rare earths would hold. JL MAG Rare-Earth said its export licences had been approved.
Carmakers had warned that export controls on rare earth magnets would halt production lines in 2025.
"We are relieved," said one executive on Monday. Analysts at the Brookings Institution said export controls remain a risk.`

type mapDF struct {
	m    map[string]int
	docs int
}

func (d mapDF) DocFreq(t string) int { return d.m[t] }
func (d mapDF) Docs() int            { return d.docs }

func TestExtract(t *testing.T) {
	got := Extract(title, text, nil, 20)
	if len(got) == 0 || len(got) > 20 {
		t.Fatalf("Extract: got %d phrases, want 1..20: %q", len(got), got)
	}
	want := []string{"rare earth magnets", "export controls", "geneva"}
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("Extract: got %q, want it to contain %q", got, w)
		}
	}
	for _, p := range got {
		if p != strings.ToLower(p) {
			t.Errorf("Extract: got %q, want lowercase", p)
		}
		ws := strings.Fields(p)
		for _, bad := range []string{"the", "said", "2025", "monday", "of"} {
			if ws[0] == bad || ws[len(ws)-1] == bad {
				t.Errorf("Extract: got %q, want no %q at an edge", p, bad)
			}
		}
	}
}

func TestExtractMergesPlurals(t *testing.T) {
	got := Extract("", "Tariffs rose. The tariff was raised again. New tariffs came.", nil, 5)
	n := 0
	for _, p := range got {
		if p == "tariff" || p == "tariffs" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Extract: got %q, want one of tariff/tariffs", got)
	}
}

func TestExtractDropsSubsumedWords(t *testing.T) {
	got := Extract("", "Buenos Aires was hot. Fans in Buenos Aires cheered. The fans sang.", nil, 10)
	if contains(got, "aires") || !contains(got, "buenos aires") {
		t.Errorf("Extract: got %q, want buenos aires and no aires", got)
	}
}

func TestExtractDocFreq(t *testing.T) {
	// With "geneva" in every document seen, it should fall below "magnets".
	df := mapDF{m: map[string]int{"geneva": 1000, "rare": 3, "earth": 5, "magnets": 2}, docs: 1000}
	got := Extract(title, text, df, 20)
	if index(got, "geneva") < index(got, "magnets") {
		t.Errorf("Extract with df: got %q, want magnets before geneva", got)
	}
}

func TestExtractEdgeCases(t *testing.T) {
	tests := []struct {
		name, title, text string
		n                 int
		want              []string
	}{
		{"empty", "", "", 10, nil},
		{"zero n", title, text, 0, nil},
		{"only stopwords and numbers", "", "The of and 2025 12 said.", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Extract(tt.title, tt.text, nil, tt.n)); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// Non-English and invalid text must not crash.
	Extract("Überschrift", "Die Regierung hat am Montag die Gespräche fortgesetzt. 政府は月曜日 \xff\xfe", nil, 10)
}

func TestStem(t *testing.T) {
	tests := map[string]string{"tariffs": "tariff", "policies": "policy", "talks": "talk", "boss": "boss", "is": "is", "raised": "rais", "raising": "rais",
		"kings": "king", "ties": "tie", "ings": "ing", "things": "thing", "buildings": "build", "bosses": "boss", "classes": "class",
		"ring": "ring", "bring": "bring", "bed": "bed", "reed": "reed", "dies": "die", "flies": "fli", "yes": "yes", "gas": "gas", "": ""}
	for in, want := range tests {
		if got := stem(in); got != want {
			t.Errorf("stem(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestCompareKeys(t *testing.T) {
	// Candidates sort as their keys, the stems joined with spaces, would.
	e := getExtractor()
	defer e.release()
	e.candidates(title, text+" Rare-earth rare earths, the rarest earth. Exports export exported exporter.", 60)
	key := func(c *candidate) string {
		var ws []string
		for _, x := range c.stems[:c.n] {
			ws = append(ws, e.stems[x])
		}
		return strings.Join(ws, " ")
	}
	sign := func(x int) int { return min(max(x, -1), 1) }
	for i := range e.list {
		for j := range e.list {
			a, b := &e.list[i], &e.list[j]
			if got, want := sign(e.compareKeys(a, b)), strings.Compare(key(a), key(b)); got != want {
				t.Errorf("compareKeys(%q, %q) = %d, want %d", key(a), key(b), got, want)
			}
		}
	}
}

func contains(l []string, s string) bool { return index(l, s) < len(l) }

func index(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return len(l)
}

func BenchmarkExtract(b *testing.B) {
	docs := benchArticles(b)
	df := mapDF{m: map[string]int{"the": 900, "rare": 30, "flood": 40, "china": 200, "river": 60}, docs: 1000}
	n := 0
	for _, d := range docs {
		n += len(d[0]) + len(d[1])
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			Extract(d[0], d[1], df, 20)
		}
	}
}

// benchArticles are invented news articles, as title and body: the 3 KB
// article the text stages' benchmarks share, another of 4 KB, the first
// lowercased (as some feeds are) and this package's short test text.
func benchArticles(b *testing.B) [][2]string {
	var docs [][2]string
	for _, p := range []string{filepath.Join("..", "summarize", "testdata", "article.txt"), filepath.Join("testdata", "article2.txt")} {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		docs = append(docs, [2]string{title, body})
	}
	docs = append(docs, [2]string{strings.ToLower(docs[0][0]), strings.ToLower(docs[0][1])}, [2]string{title, text})
	return docs
}
