package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

const article = `Rare earth magnet makers in China have resumed exports to the United States after the Geneva talks.
Treasury Secretary Scott Bessent said the rare earth agreement would hold. Shares rose.
JL MAG Rare-Earth said its export licences for rare earth magnets had been approved by the commerce ministry.
The weather in Geneva was mild.
Analysts at the Brookings Institution said export controls on rare earth magnets remain a risk for carmakers.`

func TestSummarize(t *testing.T) {
	tests := []struct {
		name  string
		title string
		text  string
		n     int
		want  []string
	}{
		{
			name: "picks topical sentences in article order",
			text: article,
			n:    2,
			want: []string{
				"JL MAG Rare-Earth said its export licences for rare earth magnets had been approved by the commerce ministry.",
				"Analysts at the Brookings Institution said export controls on rare earth magnets remain a risk for carmakers.",
			},
		},
		{
			name: "one sentence",
			text: "Only one sentence here, and it is long enough.",
			n:    3,
			want: []string{"Only one sentence here, and it is long enough."},
		},
		{
			name: "only fragments",
			text: "Photo: AP\nBy staff",
			n:    3,
			want: []string{"Photo: AP"},
		},
		{
			name: "skips time stamps",
			text: "UPDATED 05 / 03 / 2013 at 11 : 00 AM EDT\nOriginally published 05 / 03 / 2013 at 10 : 20 AM EDT\nLindsay Lohan checked into the Betty Ford Clinic on Thursday night, her rep confirms.",
			n:    3,
			want: []string{"Lindsay Lohan checked into the Betty Ford Clinic on Thursday night, her rep confirms."},
		},
		{
			name: "only time stamps",
			text: "UPDATED 05 / 03 / 2013 at 11 : 00 AM EDT\nOriginally published 05 / 03 / 2013 at 10 : 20 AM EDT ... Read more",
			n:    3,
			want: nil,
		},
		{name: "empty", text: "  \n ", n: 3, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.title, tt.text, tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Summarize mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSummarizeInvariants(t *testing.T) {
	texts := map[string]string{
		"cased":    article,
		"lower":    strings.ToLower(article),
		"german":   "Die Regierung hat am Montag die Gespräche fortgesetzt. Die Exporte von Magneten sollen wieder steigen. Das sagte der Minister in Genf.",
		"japanese": "政府は月曜日、中国との協議をジュネーブで継続すると発表した。輸出は再開される見通しだ。",
		"invalid":  "abc \xff\xfe def. ghi jkl mno pqr.",
	}
	for name, text := range texts {
		for _, n := range []int{0, 1, 3, 5} {
			got := Summarize("", text, n)
			if len(got) == 0 {
				t.Errorf("%s n=%d: got no sentence, want at least one", name, n)
			}
			if n > 0 && len(got) > n {
				t.Errorf("%s n=%d: got %d sentences, want at most %d", name, n, len(got), n)
			}
			last := -1
			for _, s := range got {
				i := strings.Index(text, s)
				if i < 0 {
					t.Errorf("%s n=%d: sentence %q is not in the text", name, n, s)
				}
				if i <= last {
					t.Errorf("%s n=%d: sentence %q out of article order", name, n, s)
				}
				last = i
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"cased", "One here. Two there.", []string{"One here.", "Two there."}},
		{"lowercase", "the uk grew. mr. smith said so. it rose 3.5% in the u.s. market.", []string{"the uk grew.", "mr. smith said so.", "it rose 3.5% in the u.s. market."}},
		{"quote", `he said "go." then he went.`, []string{`he said "go."`, "then he went."}},
		{"lines", "First line\n\nSecond line.", []string{"First line", "Second line."}},
		{"initial", "John F. Kennedy spoke. Then left.", []string{"John F. Kennedy spoke.", "Then left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tokenize.Sentences(tt.in)); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func BenchmarkSummarize(b *testing.B) {
	title, text := benchArticle(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Summarize(title, text, 3)
	}
}

// benchArticle is an invented 3 KB news article shared by the text stages'
// benchmarks.
func benchArticle(b *testing.B) (title, body string) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ = strings.Cut(string(data), "\n")
	return title, body
}

func TestAppendWords(t *testing.T) {
	for _, s := range []string{"The U.S. e-mail don't", "Zürich café 東京 ÉTÉ", "well- known 3.5% rise", "it’s ‘quoted’", "", "\xff\xfe ab"} {
		got := appendWords(nil, s)
		want := tokenize.Words(s)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("appendWords(%q) differs from tokenize.Words (-want +got):\n%s", s, diff)
		}
	}
}
