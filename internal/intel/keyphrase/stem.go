package keyphrase

import "strings"

// stem folds the common English inflections (plural, -ing, -ed) so that
// "tariff" and "tariffs" count as one phrase. It is deliberately light: a
// display form is always a word from the text, the stem is only a key.
func stem(w string) string {
	for _, suf := range [...]string{"ings", "ing", "ed", "ies", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if suf == "ies" {
				return w[:len(w)-3] + "y"
			}
			if suf == "s" && strings.HasSuffix(w, "ss") {
				return w
			}
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
