package keyphrase

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

func TestScanMatchesTokenize(t *testing.T) {
	for _, s := range []string{"The U.S. e-mail don't", "Zürich café 東京 ÉTÉ", "well- known 3.5% rise", "it’s ‘quoted’ Bessent’s", "", "\xff\xfe ab", "ǅemal Σίσυφος"} {
		var got []tokenize.Token
		eachToken(s, func(text, lower string, start int) {
			got = append(got, tokenize.Token{Text: text, Lower: lower, Start: start})
		})
		if diff := cmp.Diff(tokenize.Tokens(s), got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("eachToken(%q) differs from tokenize.Tokens (-want +got):\n%s", s, diff)
		}
	}
}
