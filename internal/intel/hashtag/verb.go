package hashtag

import (
	"slices"
	"strings"
)

// Verbs returns those of the lowercase words that the text uses as verbs
// and never as nouns, judging each use by the words around it: after a
// modal, "who" or a subject pronoun a word is a verb ("who pays"), and
// after "to" when an article follows ("to land a craft", not "to tax
// evasion"); after an article, a possessive or "of" it is a noun ("the
// land"); a third-person form whose past the text also writes is a verb
// ("votes" beside "voted", see pastForms). Only the words just before and
// after a use count, within its clause. A keyphrase is lowercase and cut from its sentence, so "pays"
// or "restart magnet" can read as a topic; the text tells it is not.
// Words used neither way, or only capitalized, are left alone.
func Verbs(text string, words []string) map[string]bool {
	var out map[string]bool
	for i, w := range words {
		if w == "" || slices.Contains(words[:i], w) {
			continue
		}
		verb, noun := uses(text, w)
		for _, p := range pastForms(w) {
			if !verb && found(text, p) {
				verb = true
			}
		}
		if verb && !noun {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
	}
	return out
}

// uses finds the lowercase uses of the word w in text (a capitalized use
// is a name or a headline's, and does not match) and reports whether one
// reads as a verb and one as a noun. A search per word costs less than
// tokenizing the text: an article has a few dozen keyphrase edge words.
func uses(text, w string) (verb, noun bool) {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return verb, noun
		}
		start, end := i+j, i+j+len(w)
		i = end
		if start > 0 && wordByte(text[start-1]) || end < len(text) && wordByte(text[end]) {
			continue // part of a longer word
		}
		switch prev := strings.ToLower(prevWord(text[:start])); {
		case verbCue[prev]:
			verb = true
		case prev == "to":
			// "to land a craft", not "to tax evasion"
			if nounCue[strings.ToLower(nextWord(text[end:]))] {
				verb = true
			}
		case nounCue[prev]:
			noun = true
		}
	}
}

// pastForms returns the regular past tense that w would have if it were
// a verb in the third person ("votes" gives "voted", "jumps" "jumped",
// "fixes" "fixed"): a text that writes it uses w as a verb ("Leeds votes
// for trams" beside "councillors voted"); a noun use of w itself ("the
// votes") still outweighs that. Bare forms are left alone: "abuse" of
// "child abuse" has "abused" beside it as often as not.
func pastForms(w string) []string {
	switch {
	case len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us"):
		return nil
	case strings.HasSuffix(w, "ies"):
		return []string{w[:len(w)-3] + "ied"}
	case strings.HasSuffix(w, "es"):
		return []string{w[:len(w)-1] + "d", w[:len(w)-2] + "ed"}
	}
	return []string{w[:len(w)-1] + "ed"}
}

// found reports whether text uses the lowercase word w.
func found(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if !(start > 0 && wordByte(text[start-1]) || end < len(text) && wordByte(text[end])) {
			return true
		}
		i = end
	}
}

// prevWord returns the word just before the end of s, across spaces only:
// punctuation between the two ends the clause.
func prevWord(s string) string {
	s = strings.TrimRight(s, " \t\n")
	i := len(s)
	for i > 0 && wordByte(s[i-1]) {
		i--
	}
	return s[i:]
}

// nextWord returns the word at the start of s, after spaces.
func nextWord(s string) string {
	s = strings.TrimLeft(s, " \t\n")
	i := 0
	for i < len(s) && wordByte(s[i]) {
		i++
	}
	return s[:i]
}

// wordByte reports a byte of a word: a letter, a digit, an apostrophe, a
// hyphen, or part of a multi-byte character.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '-' || c >= 0x80
}

// verbCue and nounCue are the words before a verb and before a noun.
var (
	verbCue = set("will would can could may might must shall should who it he she they we")
	nounCue = set("the a an its their his her our my your this these those of every each")
)

// phraseWords returns the words of the keyphrases, the ones Verbs is
// asked about.
func phraseWords(keyphrases []string) []string {
	var out []string
	for _, p := range keyphrases {
		out = append(out, strings.Fields(p)...)
	}
	return out
}
