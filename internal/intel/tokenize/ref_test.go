package tokenize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The reference implementations below are the tokenizer and sentence
// splitter as they were before they were made faster; the tests and fuzz
// targets check that the faster ones give exactly the same results.

func refEachToken(s string, fn func(text, lower string, start int)) {
	start := -1
	upper := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := refTrimTail(s[start:end])
		if w != "" {
			lower := w
			if upper {
				lower = strings.ToLower(w)
			}
			fn(w, lower, start)
		}
		start, upper = -1, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if start < 0 {
				start = i
			}
		case c >= 'A' && c <= 'Z':
			if start < 0 {
				start = i
			}
			upper = true
		case c == '\'' || c == '-' || c == '.' || r == '’':
			if start >= 0 {
				n, _ := utf8.DecodeRuneInString(s[i+size:])
				if !(unicode.IsLetter(n) || unicode.IsDigit(n)) {
					flush(i)
				}
			}
		case c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				upper = true
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(s))
}

func refTrimTail(w string) string {
	for len(w) > 0 {
		switch {
		case w[len(w)-1] == '\'' || w[len(w)-1] == '-' || w[len(w)-1] == '.':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}

func refTokens(s string) []Token {
	var out []Token
	refEachToken(s, func(text, lower string, start int) {
		out = append(out, Token{Text: text, Lower: lower, Start: start})
	})
	return out
}

var refAbbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "adm": true, "rev": true, "hon": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "fig": true, "approx": true, "dept": true,
	"u.n": true, "est": true, "govt": true,
}

func refSentences(text string) []string {
	var out []string
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line != "" {
			out = refSplitLine(line, out)
		}
	}
	return out
}

func refSplitLine(line string, out []string) []string {
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(line) {
			if strings.IndexByte("\"')]", line[end]) >= 0 {
				end++
				continue
			}
			r, size := utf8.DecodeRuneInString(line[end:])
			if r == '”' || r == '’' {
				end += size
				continue
			}
			break
		}
		if end >= len(line) || line[end] != ' ' {
			continue
		}
		j := end
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j >= len(line) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(line[j:])
		if !(unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘(", next)) {
			continue
		}
		if c == '.' && refAbbreviated(line[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:end]))
		start = j
		i = j - 1
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func refAbbreviated(s string) bool {
	k := strings.LastIndexAny(s, " (\"")
	w := s[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	return refAbbreviations[strings.ToLower(w)]
}

// refCorpus is text that exercises the tokenizer's corners.
var refCorpus = []string{
	"", " ", ".", "'", "’", "a", "A", "The cat sat.", "U.S. e-mail don't", "well- known 3.5% rise",
	"Zürich café 東京 ÉTÉ", "it’s ‘quoted’ Bessent’s", "\xff\xfe ab", "ǅemal Σίσυφος", "İstanbul KİM ǈ",
	"ÀÉÎÕÜ àéîõü ẞ ß ﬁ Ωmega", "x\u0301y \u0301a a\u0301", "MR. SMITH WENT. no. 5. e.g. this i.e. that",
	"a.b.c. a--b a-'b a'.b 'lead trail' -x- ...x... x’’ x’y x’\xff", "Mr. Smith. Dr. Who! Who? \"Go.\" Then.",
	"It rose 3.5 percent. Good. (Yes.) [No.] He said “go.” Then ‘x.’ Fine.", "a.  B. c.\tD.   e.\n\nf",
	"x. \u00a0y. z.\u2003w. 1. 2. ST. Mt. govt. U.N. approx. Sept. 9",
	"line one\r\nline two.\r\n\r\n  line three ! four ?five ? Six",
	"\xe2\x80 x\xe2\x80\x99 \xe2\x80\x99\xe2\x80\x99y 日本語のテキスト。次の文。 Кириллица Тест. Ещё.",
	"‘single’ “double” x.’ y.” Z", "1st 2nd 3.14 -1 +2 1,000 $400 9% 2020s '90s", "A. B. C. D", "É. Ü. ǅ. x",
}

func articleText(tb testing.TB) string {
	data, err := os.ReadFile(filepath.Join("..", "summarize", "testdata", "article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

func checkSame(t *testing.T, s string) {
	t.Helper()
	want := refTokens(s)
	var got []Token
	EachToken(s, func(text, lower string, start int) {
		got = append(got, Token{Text: text, Lower: lower, Start: start})
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("EachToken(%q) differs from the reference (-want +got):\n%s", s, diff)
	}
	if diff := cmp.Diff(want, Tokens(s)); diff != "" && len(want) > 0 {
		t.Fatalf("Tokens(%q) differs from the reference (-want +got):\n%s", s, diff)
	}
	var wantWords []string
	for _, tok := range want {
		wantWords = append(wantWords, tok.Lower)
	}
	if diff := cmp.Diff(wantWords, Words(s)); diff != "" {
		t.Fatalf("Words(%q) differs from the reference (-want +got):\n%s", s, diff)
	}
	got = got[:0]
	sc := NewScanner(s)
	for {
		text, start, upper, ok := sc.Next()
		if !ok {
			break
		}
		lower := text
		if upper {
			lower = strings.ToLower(text)
		}
		got = append(got, Token{Text: text, Lower: lower, Start: start})
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Scanner(%q) differs from the reference (-want +got):\n%s", s, diff)
	}
	if diff := cmp.Diff(refSentences(s), Sentences(s)); diff != "" {
		t.Fatalf("Sentences(%q) differs from the reference (-want +got):\n%s", s, diff)
	}
}

func TestMatchesReference(t *testing.T) {
	all := append([]string{articleText(t), strings.ToLower(articleText(t)), strings.ToUpper(articleText(t))}, refCorpus...)
	for _, s := range all {
		checkSame(t, s)
	}
	// Every pair of corpus strings, glued: catches state carried across
	// token boundaries.
	for _, a := range refCorpus {
		for _, b := range refCorpus {
			checkSame(t, a+b)
			checkSame(t, a+" "+b)
		}
	}
}

func FuzzMatchesReference(f *testing.F) {
	for _, s := range refCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSame(t, s)
	})
}

func BenchmarkEachToken(b *testing.B) {
	s := articleText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		n := 0
		EachToken(s, func(text, lower string, start int) { n += len(lower) })
	}
}

func BenchmarkSentences(b *testing.B) {
	s := articleText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sentences(s)
	}
}

func TestAbbreviationsFitBuffer(t *testing.T) {
	for w := range abbreviations {
		if len(w) >= 8 || w != strings.ToLower(w) {
			t.Errorf("abbreviation %q: isAbbreviation wants it lowercase and under 8 bytes", w)
		}
	}
}
