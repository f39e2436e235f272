package intel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/entity"
	"github.com/tidings/tidings/internal/intel/fingerprint"
	"github.com/tidings/tidings/internal/intel/language"
	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// refWordStat and refWordStats are wordStats as it was before it was made
// faster; the tests check that wordStats still counts exactly as it.
type refWordStat struct {
	Word  string
	TF    float64
	Title bool
	Caps  int
}

func refWordStats(title string, lines []string, ents []tidings.Entity) []refWordStat {
	names := map[string]bool{}
	for _, e := range ents {
		for _, w := range tokenize.Words(e.Text) {
			names[refContentWord(w)] = true
		}
	}
	index := map[string]int{}
	var out []refWordStat
	add := func(line string, inTitle bool) {
		for _, t := range tokenize.Tokens(line) {
			w := refContentWord(t.Lower)
			if w == "" {
				continue
			}
			i, ok := index[w]
			if !ok {
				i = len(out)
				index[w] = i
				out = append(out, refWordStat{Word: w})
			}
			s := &out[i]
			s.TF++
			if inTitle {
				s.Title = true
			}
			if names[w] || !inTitle && refIsName(line, t) {
				s.Caps++
			}
		}
	}
	add(title, true)
	for _, l := range lines {
		add(l, false)
	}
	return out
}

func refContentWord(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) < 2 || stopword.Is(w) {
		return ""
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return w
		}
	}
	if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") {
		return w
	}
	return ""
}

func refIsName(line string, t tokenize.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	p := strings.TrimRight(line[:t.Start], " \t")
	if p == "" {
		return false
	}
	switch p[len(p)-1] {
	case '.', '!', '?', '"', '\'', '`', ':':
		return false
	}
	return true
}

// project gives wordStats' result the reference's shape.
func project(ws []wordStat) []refWordStat {
	var out []refWordStat
	for _, w := range ws {
		out = append(out, refWordStat{w.word, w.tf, w.title, w.caps})
	}
	return out
}

// wordStatsInput prepares a doc as Prepare does.
func wordStatsInput(title, body string) (string, []string, []tidings.Entity) {
	lines := fingerprint.Clean(PlainText(body))
	clean := strings.Join(lines, "\n")
	return title, lines, entity.Extract(title, clean, language.Detect(title+"\n"+clean))
}

func benchArticle(tb testing.TB) (title, body string) {
	data, err := os.ReadFile(filepath.Join("summarize", "testdata", "article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	title, body, _ = strings.Cut(string(data), "\n")
	return title, body
}

func checkWordStats(t *testing.T, title, body string) {
	t.Helper()
	title, lines, ents := wordStatsInput(title, body)
	want := refWordStats(title, lines, ents)
	got := project(wordStats(title, lines, ents))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("wordStats(%q, %q) differs from the reference (-want +got):\n%s", title, lines, diff)
	}
	// Vocabulary snapshots of the words must not depend on how the words
	// were built.
	v := newVocab()
	ws := wordStats(title, lines, ents)
	for i, w := range ws {
		if i%2 == 0 {
			v.observe([]uint32{v.id(w.word)})
		}
	}
	snap := v.snapshot(ws)
	for _, w := range want {
		if got, want := snap.DocFreq(w.Word), v.DocFreq(w.Word); got != want {
			t.Fatalf("snapshot DocFreq(%q): got %d, want %d", w.Word, got, want)
		}
	}
}

var wordStatsCorpus = []string{
	quakeAP, quakeRewrite, budget, "", "a", "The U.S. e-mail don't. It’s Bessent’s. Bessent's 2020 1999 2100 '90s x1 1x",
	"Zürich café 東京 ÉTÉ. ZÜRICH Café. Σίσυφος ǅemal İstanbul KİM.\n\"Quoted\" Name: Other name! Yes? No.",
	"\xff\xfe ab AB Ab\taB \t Tab  Double  Space\nnew line Title",
	"Don’t DON’T don’t THE The the SAID Said Mr. Smith Mr Smith MR. SMITH. SAID’S said's Hadn’t",
}

func TestWordStatsMatchesReference(t *testing.T) {
	title, body := benchArticle(t)
	checkWordStats(t, title, body)
	checkWordStats(t, strings.ToLower(title), strings.ToLower(body))
	checkWordStats(t, strings.ToUpper(title), strings.ToUpper(body))
	for _, a := range wordStatsCorpus {
		for _, b := range wordStatsCorpus {
			checkWordStats(t, a, b)
		}
	}
	s := newSynth(7)
	for range 200 {
		d := s.next()
		checkWordStats(t, d.Title, d.Body)
	}
}

func FuzzWordStatsMatchesReference(f *testing.F) {
	for _, s := range wordStatsCorpus {
		f.Add("Title of It", s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		checkWordStats(t, title, body)
	})
}

func BenchmarkWordStats(b *testing.B) {
	b.Run("article", func(b *testing.B) {
		title, lines, ents := wordStatsInput(benchArticle(b))
		b.SetBytes(int64(len(title) + len(strings.Join(lines, "\n"))))
		for b.Loop() {
			wordStats(title, lines, ents)
		}
	})
	b.Run("synth", func(b *testing.B) {
		s := newSynth(3)
		type in struct {
			title string
			lines []string
			ents  []tidings.Entity
		}
		docs := make([]in, 64)
		n := 0
		for i := range docs {
			d := s.next()
			t, l, e := wordStatsInput(d.Title, d.Body)
			docs[i] = in{t, l, e}
			n += len(t) + len(strings.Join(l, "\n"))
		}
		b.SetBytes(int64(n / len(docs)))
		i := 0
		for b.Loop() {
			d := &docs[i%len(docs)]
			wordStats(d.title, d.lines, d.ents)
			i++
		}
	})
}
