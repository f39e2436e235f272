package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The Treasury Secretary said on Monday that the talks with China were productive and would continue in Geneva.", "en"},
		{"german", "Die Bundesregierung hat am Montag angekündigt, dass die Gespräche mit China in Genf fortgesetzt werden sollen.", "de"},
		{"french", "Le gouvernement a annoncé lundi que les négociations avec la Chine se poursuivront à Genève dans les prochains jours.", "fr"},
		{"spanish", "El gobierno anunció el lunes que las negociaciones con China continuarán en Ginebra durante los próximos días.", "es"},
		{"italian", "Il governo ha annunciato lunedì che i negoziati con la Cina continueranno a Ginevra nei prossimi giorni, per il momento.", "it"},
		{"portuguese", "O governo anunciou na segunda-feira que as negociações com a China vão continuar em Genebra nos próximos dias, mas não disse quando.", "pt"},
		{"dutch", "De regering heeft maandag aangekondigd dat de gesprekken met China in Genève worden voortgezet, maar het is nog niet duidelijk wanneer.", "nl"},
		{"swedish", "Regeringen meddelade på måndagen att samtalen med Kina kommer att fortsätta i Genève och att det inte finns något datum än.", "sv"},
		{"russian", "Правительство объявило в понедельник, что переговоры с Китаем будут продолжены в Женеве в ближайшие дни.", "ru"},
		{"ukrainian", "Уряд оголосив у понеділок, що переговори з Китаєм будуть продовжені в Женеві найближчими днями.", "uk"},
		{"greek", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι συνομιλίες με την Κίνα θα συνεχιστούν στη Γενεύη.", "el"},
		{"arabic", "أعلنت الحكومة يوم الاثنين أن المحادثات مع الصين ستستمر في جنيف خلال الأيام المقبلة.", "ar"},
		{"hebrew", "הממשלה הודיעה ביום שני כי השיחות עם סין יימשכו בז'נבה בימים הקרובים.", "he"},
		{"chinese", "政府周一宣布，与中国的谈判将在日内瓦继续进行。", "zh"},
		{"japanese", "政府は月曜日、中国との協議をジュネーブで継続すると発表した。", "ja"},
		{"korean", "정부는 월요일 중국과의 협상이 제네바에서 계속될 것이라고 발표했다.", "ko"},
		{"too short", "Hello", ""},
		{"empty", "", ""},
		{"numbers only", "12 34 56 78 90 12 34 56 78 90", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q): got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectInvalidUTF8(t *testing.T) {
	s := strings.Repeat("the cat and the dog ", 300) + "\xff\xfe"
	if got := Detect(s); got != "en" {
		t.Errorf("Detect(long invalid): got %q, want en", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	title, text := benchArticle(b)
	text = title + "\n" + text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}

// benchArticle is an invented 3 KB news article shared by the text stages'
// benchmarks.
func benchArticle(b *testing.B) (title, body string) {
	data, err := os.ReadFile(filepath.Join("..", "summarize", "testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ = strings.Cut(string(data), "\n")
	return title, body
}

func TestFunctionWord(t *testing.T) {
	tests := []struct {
		code, w string
		want    bool
	}{
		{"de", "für", true},
		{"de", "und", true},
		{"de", "waldbrand", false},
		{"fr", "dans", true},
		{"de", "dans", false},
		{"ru", "и", true},
		{"xx", "the", false},
		{"en", "the", true},
	}
	for _, tt := range tests {
		if got := FunctionWord(tt.code, tt.w); got != tt.want {
			t.Errorf("FunctionWord(%q, %q): got %v, want %v", tt.code, tt.w, got, tt.want)
		}
	}
}
