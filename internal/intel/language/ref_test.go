package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The reference implementation below is Detect as it was before it was
// made faster; the tests check that Detect still answers exactly as it.

type refProfileIndex struct {
	codes []string
	words map[string]uint32
}

func refBuildIndex(codes []string, lists []string) refProfileIndex {
	idx := refProfileIndex{codes: codes, words: make(map[string]uint32, 600)}
	for i, l := range lists {
		for _, w := range strings.Fields(l) {
			idx.words[w] |= 1 << uint(i)
		}
	}
	return idx
}

var refLatinIndex, refCyrillicIndex = func() (refProfileIndex, refProfileIndex) {
	var lc, lw, cc, cw []string
	for _, p := range latinProfiles {
		lc, lw = append(lc, p.code), append(lw, p.words)
	}
	for _, p := range cyrillicProfiles {
		cc, cw = append(cc, p.code), append(cw, p.words)
	}
	return refBuildIndex(lc, lw), refBuildIndex(cc, cw)
}()

func refVote(text string, idx refProfileIndex) string {
	var score [32]float64
	hits := 0
	var buf [64]byte
	w := buf[:0]
	long := false // the word outgrew buf: no profile word is that long
	flush := func() {
		if len(w) > 0 && !long {
			if bits, ok := idx.words[string(w)]; ok { // no allocation
				hits++
				k := refPopcount(bits)
				for i := range idx.codes {
					if bits&(1<<uint(i)) != 0 {
						score[i] += 1 / float64(k)
					}
				}
			}
		}
		w, long = buf[:0], false
	}
	for _, r := range text {
		if unicode.IsLetter(r) {
			if len(w)+utf8.UTFMax > len(buf) {
				long = true
				continue
			}
			w = utf8.AppendRune(w, unicode.ToLower(r))
			continue
		}
		flush()
	}
	flush()
	best, second := -1, -1
	for i := range idx.codes {
		switch {
		case best < 0 || score[i] > score[best]:
			best, second = i, best
		case second < 0 || score[i] > score[second]:
			second = i
		}
	}
	if best < 0 || hits < 2 || score[best] < 1.5 {
		return ""
	}
	if second >= 0 && score[best] < 1.2*score[second] {
		return ""
	}
	return idx.codes[best]
}

func refPopcount(x uint32) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func refDetect(text string) string {
	if len(text) > maxBytes {
		// A rune cut in half decodes as RuneError, which is not a letter.
		text = text[:maxBytes]
	}
	var n [nScripts]int
	total := 0
	var persian, ukrainian, russian int
	for _, r := range text {
		if r < 0x80 {
			if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
				n[sLatin]++
				total++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		switch {
		case r <= 0x024F || (r >= 0x1E00 && r <= 0x1EFF):
			n[sLatin]++
		case r >= 0x0370 && r <= 0x03FF || r >= 0x1F00 && r <= 0x1FFF:
			n[sGreek]++
		case r >= 0x0400 && r <= 0x04FF:
			n[sCyrillic]++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				ukrainian++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё':
				russian++
			}
		case r >= 0x0590 && r <= 0x05FF:
			n[sHebrew]++
		case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFF:
			n[sArabic]++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی':
				persian++
			}
		case r >= 0x0900 && r <= 0x097F:
			n[sDevanagari]++
		case r >= 0x0E00 && r <= 0x0E7F:
			n[sThai]++
		case r >= 0x3040 && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9F:
			n[sKana]++
		case r >= 0xAC00 && r <= 0xD7AF || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
			n[sHangul]++
		case unicode.Is(unicode.Han, r):
			n[sHan]++
		}
	}
	if total < minLetters {
		// CJK writes much in few characters.
		if n[sHan]+n[sKana]+n[sHangul] < 4 {
			return ""
		}
	}
	best := 0
	for s := 1; s < nScripts; s++ {
		if n[s] > n[best] {
			best = s
		}
	}
	switch {
	case n[sHangul] > 0 && n[sHangul]*4 >= n[sHan]+n[sKana]+n[sHangul] && best >= sHan:
		return "ko"
	case n[sKana] > 0 && n[sKana]*10 >= n[sHan]+n[sKana] && best >= sHan:
		return "ja"
	}
	switch best {
	case sLatin:
		return refVote(text, refLatinIndex)
	case sCyrillic:
		if ukrainian > russian {
			return "uk"
		}
		if c := refVote(text, refCyrillicIndex); c != "" {
			return c
		}
		return "ru"
	case sGreek:
		return "el"
	case sArabic:
		if persian*50 > n[sArabic] {
			return "fa"
		}
		return "ar"
	case sHebrew:
		return "he"
	case sHan:
		if n[sKana] > 0 {
			return "ja"
		}
		return "zh"
	case sKana:
		return "ja"
	case sHangul:
		return "ko"
	case sThai:
		return "th"
	case sDevanagari:
		return "hi"
	}
	return ""
}

var refCorpus = []string{
	"", "Hello", "The Treasury Secretary said on Monday that the talks were productive.", "政府は月曜日", "\xff\xfe",
	"Die Bundesregierung hat am Montag angekündigt, dass die Gespräche mit China in Genf fortgesetzt werden sollen.",
	"Le gouvernement a annoncé lundi que les négociations avec la Chine se poursuivront à Genève.",
	"Правительство объявило в понедельник, что переговоры с Китаем будут продолжены в Женеве.",
	"Уряд оголосив у понеділок, що переговори з Китаєм будуть продовжені в Женеві.",
	"И в не на че с по как това той към от за да се са е са ще беше който",
	"ЗА И В НЕ НА ЧЕ С ПО КАК ТОВА ТОЙ КЪМ ОТ ЗА",
	"THE OF AND TO IN IS THAT FOR IT WAS ON WITH AS BE BY AT THIS",
	"DER DIE UND İN DEN VON ZU DAS MİT SİCH DES AUF FÜR İST",
	"de en de en de en het een van", "og i at det en den til er som", "ẞ ß ǅ ǈ Σ σ ς İ ı K Å",
	"și în de la cu pe care că din nu este un", "ve bir bu da de için ile çok daha olarak",
	"أعلنت الحكومة يوم الاثنين أن المحادثات مع الصين ستستمر في جنيف. پ چ ژ گ ی",
	"정부는 월요일 중국과의 협상이 제네바에서 계속될 것이라고 발표했다.", "政府周一宣布，与中国的谈判将在日内瓦继续进行。",
	"Η κυβέρνηση ανακοίνωσε τη Δευτέρα", "הממשלה הודיעה ביום שני", "ภาษาไทย ภาษาไทย", "हिंदी भाषा हिंदी",
	"x\u0301 the\u0301 th\u0301e the the of of and", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz the of and",
	"ééééééééééééééééééééééééééééééééééééééééééééééééééé la de le",
}

func TestDetectMatchesReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "summarize", "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	all := append([]string{string(data), strings.ToUpper(string(data)), strings.Repeat("the cat and the dog ", 300) + "\xff\xfe"}, refCorpus...)
	for _, a := range all {
		for _, s := range []string{a, a + " " + a, strings.ToUpper(a), strings.ToLower(a), strings.Repeat(a+" ", 2048/(len(a)+1)+1)} {
			if got, want := Detect(s), refDetect(s); got != want {
				t.Errorf("Detect(%q): got %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzDetectMatchesReference(f *testing.F) {
	for _, s := range refCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Detect(s), refDetect(s); got != want {
			t.Fatalf("Detect(%q): got %q, want %q", s, got, want)
		}
	})
}
