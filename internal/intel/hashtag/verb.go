package hashtag

import (
	"strings"

	"github.com/tidings/tidings/internal/intel/tokenize"
)

// Verbs returns those of the lowercase words that the text uses as verbs
// and never as nouns, judging each use by the words around it: after a
// modal, "who" or a subject pronoun a word is a verb ("who pays"), and
// after "to" when an article follows ("to land a craft", not "to tax
// evasion"); after an article, a possessive or "of" it is a noun ("the
// land"). A keyphrase is lowercase and cut from its sentence, so "pays"
// or "restart magnet" can read as a topic; the text tells it is not.
// Words used neither way, or only capitalized, are left alone.
func Verbs(text string, words []string) map[string]bool {
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	if len(want) == 0 {
		return nil
	}
	asVerb, asNoun := map[string]int{}, map[string]int{}
	prev, afterTo := "", ""
	tokenize.EachToken(text, func(tok, lower string, _ int) {
		if afterTo != "" && nounCue[lower] {
			asVerb[afterTo]++ // "to land a", not "to tax evasion"
		}
		afterTo = ""
		// A capitalized use is a name ("to Headingley") or a headline's.
		if tok == lower && want[lower] {
			switch {
			case verbCue[prev]:
				asVerb[lower]++
			case prev == "to":
				afterTo = lower
			case nounCue[prev]:
				asNoun[lower]++
			}
		}
		prev = lower
	})
	var out map[string]bool
	for w, n := range asVerb {
		if n > 0 && asNoun[w] == 0 {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
	}
	return out
}

// verbCue and nounCue are the words before a verb and before a noun.
var (
	verbCue = set("will would can could may might must shall should who it he she they we")
	nounCue = set("the a an its their his her our my your this these those of every each")
)

// edgeWords returns the words that begin or end the keyphrases, the ones
// Verbs is asked about.
func edgeWords(keyphrases []string) []string {
	var out []string
	for _, p := range keyphrases {
		fs := strings.Fields(p)
		if len(fs) == 0 {
			continue
		}
		out = append(out, fs[0])
		if len(fs) > 1 {
			out = append(out, fs[len(fs)-1])
		}
	}
	return out
}
