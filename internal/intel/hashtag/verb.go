package hashtag

import "strings"

// Verbs returns those of the lowercase words that the texts use as verbs and
// never as nouns, judging each use by the words around it: after a modal, "who"
// or a subject pronoun a word is a verb ("who pays"), and after "to" when an
// article follows ("to land a craft", not "to tax evasion"); after an article,
// a possessive or "of" it is a noun ("the land"); a third-person form whose
// past the text also writes is a verb ("votes" beside "voted", see pastForms);
// after "to" that follows a verb taking one ("set to restart"), second in a
// headline after a capitalized subject (a third-person form before "for",
// "to" or an article: "Leeds votes for trams"; a bare form before "the":
// "Chelsea enter the race"; either before a number: "Riverside end 41-year
// wait"), and in a headline after a lowercase plural at the end of its
// clause ("as energy bills triple"), a word is a verb too. Only the words
// just before and after a use count, within its clause; the headline cues
// read only the first text. A keyphrase is lowercase and cut from its
// sentence, so "pays" or "restart magnet" can read as a topic; the text
// tells it is not. Words used neither way, or only capitalized (a name, or a
// headline's capitals), are left alone.
func Verbs(words []string, texts ...string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	doc := make(map[string]docWord, 2*len(words))
	for _, w := range words {
		d := doc[w]
		d.want = true
		doc[w] = d
		for _, p := range pastForms(w) {
			d := doc[p]
			d.pastOf = w
			doc[p] = d
		}
	}
	verb, noun := map[string]bool{}, map[string]bool{}
	for i, text := range texts {
		verbsIn(text, i == 0, doc, verb, noun)
	}
	var out map[string]bool
	for w := range verb {
		if !noun[w] {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
	}
	return out
}

// docWord is what Verbs asks of a lowercase word: whether it is one of
// the words asked about, and the word it is the past form of, if any.
type docWord struct {
	want   bool
	pastOf string
}

// verbsIn reads one text (a title, a body) for Verbs: a clause never runs
// from one text into the next. Each token costs one lookup of its cues
// and, when it is lowercase, one of doc.
func verbsIn(text string, headline bool, doc map[string]docWord, verb, noun map[string]bool) {
	var buf [16]byte
	var prev cue // the cues of the word before; 0 at a clause's start
	afterTo := ""
	// A headline's subject and verb: "Leeds votes for trams". nth counts
	// the text's words; subject is set when its first is capitalized, and
	// pending holds a wanted -s word second, a verb if a word of afterVerb
	// follows.
	nth, subject, pending := 0, false, ""
	// lastTakes tells whether the word before this one takes "to" and a
	// verb (see takesTo); toVerb, whether the word before the last "to" did.
	lastTakes, toVerb := false, false
	// In a headline, bare holds a wanted word in its bare form after a
	// lowercase plural ("bills triple", "profits tumble"): a verb when the
	// clause ends or a word of clauseNext follows. plural tells whether
	// the word before this one is such a plural.
	bare, plural := "", false
	for i := 0; i < len(text); {
		start := i
		for i < len(text) {
			n, word := wordRuneAt(text, i)
			if word {
				break
			}
			i += n
		}
		if i > start && strings.TrimLeft(text[start:i], " \t\n") != "" {
			if bare != "" {
				verb[bare] = true // "as energy bills triple."
			}
			prev, afterTo = 0, "" // punctuation ends the clause
			subject, pending, bare, plural = false, "", "", false
		}
		start = i
		for i < len(text) {
			n, word := wordRuneAt(text, i)
			if !word {
				break
			}
			i += n
		}
		if start == i {
			break
		}
		tok := text[start:i]
		lower := lowerSmall(buf[:0], tok)
		c := cues[string(lower)] // no allocation
		var d docWord
		if !('A' <= tok[0] && tok[0] <= 'Z') {
			// A lowercase use: names and headline capitals do not match.
			d = doc[tok]
		}
		if bare != "" && c&cClauseNext != 0 {
			verb[bare] = true // "bank profits tumble as rates fall"
		}
		bare = ""
		if headline && plural && d.want && !strings.HasSuffix(tok, "s") {
			bare = tok
		}
		plural = headline && tok == string(lower) && pluralLike(tok)
		switch nth++; nth {
		case 1:
			subject = 'A' <= tok[0] && tok[0] <= 'Z'
		case 2:
			if subject && d.want && len(tok) > 2 {
				pending = tok
			}
		case 3:
			sForm := len(pending) > 3 && strings.HasSuffix(pending, "s") && !strings.HasSuffix(pending, "ss")
			// "Leeds votes for trams"; "Riverside end 41-year wait",
			// "Leeds win 3-0": a team takes a plural verb, and a number
			// seldom follows a name and a noun.
			// "Chelsea enter the race": a bare form before "the" too;
			// not before "a", where headlines drop an "is" ("Brexit deal
			// a disaster"), nor "to" or "for" ("visit to", "bid for").
			if pending != "" && (sForm && c&cAfterVerb != 0 || !sForm && tok == "the" || '0' <= tok[0] && tok[0] <= '9') {
				verb[pending] = true
			}
		}
		if afterTo != "" && c&cNoun != 0 {
			verb[afterTo] = true // "to land a craft", not "to tax evasion"
		}
		afterTo = ""
		if d.want {
			switch {
			case prev&cVerb != 0, prev&cTo != 0 && toVerb:
				// "set to restart magnet shipments": after a verb that
				// takes one, "to" leads a verb.
				verb[tok] = true
			case prev&cTo != 0:
				afterTo = tok
			case prev&cNoun != 0:
				noun[tok] = true
			}
		}
		if d.pastOf != "" {
			verb[d.pastOf] = true
		}
		if c&cTo != 0 {
			toVerb = lastTakes
		}
		lastTakes = c&cTakesTo != 0
		prev = c
	}
	if bare != "" {
		verb[bare] = true // "Ilkley bakery cuts hours as energy bills triple"
	}
}

// clauseNext are the words that follow a headline's verb at the end of
// its clause ("profits tumble as rates fall", "ports idle amid strike").
var clauseNext = set("as after amid while despite but and when before until since again")

// takesTo are the words after which "to" leads a verb ("set to
// restart", "plans to build"), not a noun ("close to home", "due to
// weather", "moves to Paris").
var takesTo = set("set plans plan planned wants want wanted expected aims aim vows vowed seeks seek seeking agrees agreed able likely has have had needs need tries try tried hopes hope poised ready ordered asked voted decided refuses refused fails failed threatens threatened promises promised pledges pledged bid continues continue began begins starts started")

// lowerSmall appends the ASCII lowercase of a short token to dst; a long
// one is no cue word and comes back as is.
func lowerSmall(dst []byte, tok string) []byte {
	if len(tok) > cap(dst) {
		return append(dst, tok...)
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
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

// wordRuneAt returns the length of the character at s[i] and whether it
// belongs to a word: a letter, a digit, an apostrophe, a hyphen, or any
// other non-ASCII character but typographic punctuation (curly quotes,
// dashes, the ellipsis: U+2010 to U+203F) and the no-break space.
func wordRuneAt(s string, i int) (n int, word bool) {
	c := s[i]
	switch {
	case c < 0x80:
		return 1, 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '-'
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && 0x90 <= s[i+2] && s[i+2] <= 0xBF:
		return 3, false
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
		return 2, false
	}
	return 1, true
}

// afterVerb are the words that follow a headline's verb ("Leeds votes
// for trams", "Council approves the plan") and seldom its noun: not "on"
// or "in" ("Oil prices on track", "Tesla sales in Europe slump").
var afterVerb = set("for to against into the a an")

// verbCue and nounCue are the words before a verb and before a noun.
var (
	verbCue = set("will would can could may might must shall should who it he she they we")
	nounCue = set("the a an its their his her our my your this these those of every each")
)

// A cue is what a word tells of the word after or before it, as bits.
type cue uint8

const (
	cVerb       cue = 1 << iota // of verbCue
	cNoun                       // of nounCue
	cTo                         // "to"
	cTakesTo                    // of takesTo
	cAfterVerb                  // of afterVerb
	cClauseNext                 // of clauseNext
)

// cues maps each cue word to its cues: one lookup a token.
var cues = func() map[string]cue {
	m := map[string]cue{"to": cTo}
	for _, x := range []struct {
		words map[string]bool
		c     cue
	}{{verbCue, cVerb}, {nounCue, cNoun}, {takesTo, cTakesTo}, {afterVerb, cAfterVerb}, {clauseNext, cClauseNext}} {
		for w := range x.words {
			m[w] |= x.c
		}
	}
	return m
}()

// phraseWords returns the words of the keyphrases, the ones Verbs is
// asked about.
func phraseWords(keyphrases []string) []string {
	var out []string
	for _, p := range keyphrases {
		out = append(out, strings.Fields(p)...)
	}
	return out
}
