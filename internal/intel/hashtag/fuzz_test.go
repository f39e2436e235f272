package hashtag

import (
	"strings"
	"testing"
	"unicode"

	tidings "github.com/tidings/tidings"
)

// FuzzFromText checks that any text and keyphrases give tags without a
// panic, and that every tag is ASCII CamelCase of at most maxLen bytes.
func FuzzFromText(f *testing.F) {
	f.Add("Leeds votes for trams", "The council approved a £410m pound tram extension.", "pound tram,leeds votes,tram")
	f.Add("", "the dollar slide, 2 million pound tram", "dollar slide,pound tram")
	f.Add("A b", "\xff\xfe 1,2.3m x", " ,x y,,")
	f.Fuzz(func(t *testing.T, title, body, phrases string) {
		kps := strings.Split(phrases, ",")
		ents := []tidings.Entity{{Text: title, Type: tidings.EntityPerson}, {Text: phrases, Type: tidings.EntityOrg}}
		for _, tag := range FromText(title, body, kps, ents, 5) {
			if tag == "" || len(tag) > maxLen {
				t.Fatalf("tag %q: empty or longer than %d bytes", tag, maxLen)
			}
			for _, r := range tag {
				if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Fatalf("tag %q holds %q", tag, r)
				}
			}
		}
	})
}
