package keyphrase

// stem folds the common English inflections (plural, -ing, -ed) so that
// "tariff" and "tariffs" count as one phrase. It is deliberately light: a
// display form is always a word from the text, the stem is only a key.
// It takes the first of the suffixes "ings", "ing", "ed", "ies", "es" and
// "s" (but not "ss") that leaves at least three bytes, and turns "ies"
// into "y"; the last byte tells which suffixes can apply.
func stem(w string) string {
	n := len(w)
	if n < 4 {
		return w
	}
	switch w[n-1] {
	case 's':
		switch {
		case n >= 7 && w[n-4:] == "ings":
			return w[:n-4]
		case n >= 6 && w[n-3:] == "ies":
			return w[:n-3] + "y"
		case n >= 5 && w[n-2] == 'e':
			return w[:n-2]
		case w[n-2] == 's':
			return w
		}
		return w[:n-1]
	case 'g':
		if n >= 6 && w[n-3:] == "ing" {
			return w[:n-3]
		}
	case 'd':
		if n >= 5 && w[n-2] == 'e' {
			return w[:n-2]
		}
	}
	return w
}
