package entity

import (
	"testing"

	"github.com/tidings/tidings/internal/intel/language"
)

func FuzzExtract(f *testing.F) {
	f.Add(article)
	f.Add("Mr. Smith met Dr. Jones of the Bank of England in New York.")
	f.Add("The A's. ’s 'S Mr.\xff ")
	f.Add("Le ministre Bruno Le Maire a déclaré à Paris que la Commission européenne étudie des mesures.")
	f.Add("Die Bundesregierung hat mit China in Genf verhandelt, sagte Wirtschaftsminister Robert Habeck.")
	f.Fuzz(func(t *testing.T, text string) {
		got := Extract("", text, language.Detect(text))
		if len(got) > maxEntities {
			t.Fatalf("got %d entities, want at most %d", len(got), maxEntities)
		}
		for _, e := range got {
			if e.Text == "" || e.Type == "" {
				t.Fatalf("got empty entity %+v", e)
			}
		}
	})
}
