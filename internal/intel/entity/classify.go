package entity

import (
	"strings"

	tidings "github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/language"
)

// sayVerbs after or before a name mark a person.
var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true, "asked": true, "explained": true, "argued": true, "stated": true}

// classify trims a span to its name and types it: the name is
// sp.words[lo:lo+len(words)]; no words means not an entity.
// e.lowerSeen holds the words the text also writes in lowercase: such a
// word capitalized at a sentence start is an ordinary word, not a name.
// Every word of a span is a capitalized token or a connector, whose lower
// field is its strings.ToLower.
func (e *extractor) classify(sp span) (lo int, words []string, typ string) {
	words = sp.words
	if sp.first && len(words) > 0 && e.lowerSeen[e.toks[sp.pos].lower] && !places[string(e.join(words))] {
		words, lo = words[1:], 1
	} else if sp.first && len(words) > 1 && e.lang != "" && !known(words[0]) && !places[string(e.join(words))] && !orgs[string(e.join(words))] {
		// "Secondo Palazzo Chigi": in a language whose cue words are not
		// listed, a word opening a sentence is a name only when known.
		words, lo = words[1:], 1
	}
	// Titles and sentence-initial function words go; a title marks a person.
	person := false
	for len(words) > 0 {
		if full := e.join(words); places[string(full)] || orgs[string(full)] {
			break
		}
		w := trimDot(words[0])
		if len(words) > 1 {
			e.buf = append(append(append(e.buf[:0], w...), ' '), trimDot(words[1])...)
			if titles[string(e.buf)] {
				words, lo, person = words[2:], lo+2, true
				continue
			}
		}
		if titles[w] && !(len(words) > 1 && isOrgSpan(words)) {
			words, lo, person = words[1:], lo+1, true
			continue
		}
		// "La Commission": another language's article or preposition.
		if e.lang != "" && len(words) > 1 && language.FunctionWord(e.lang, e.toks[sp.pos+lo].lower) {
			words, lo = words[1:], lo+1
			continue
		}
		// "European Central Bank" keeps its demonym; "European leaders" do not.
		if notNames[w] && !(orgStarts[w] && len(words) > 1 && isOrgSpan(words)) {
			words, lo = words[1:], lo+1
			continue
		}
		break
	}
	// "Treasury Secretary Scott Bessent": a title inside the span starts
	// the person's name.
	for i := len(words) - 2; i >= 1; i-- {
		if titles[trimDot(words[i])] && !isOrgSpan(words) {
			words, lo, person = words[i+1:], lo+i+1, true
			break
		}
	}
	// "le ministre de l'Économie Bruno Le Maire", "Wirtschaftsminister
	// Robert Habeck": where the title lists know no word of the language,
	// a given name inside a span starts the person's name.
	if e.lang != "" && !person && len(words) > 0 && !firstNames[words[0]] {
		for i := 1; i < len(words)-1; i++ {
			if firstNames[words[i]] {
				words, lo, person = words[i:], lo+i, true
				break
			}
		}
	}
	for len(words) > 0 && connector(e.toks[sp.pos+lo+len(words)-1].lower) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return 0, nil, ""
	}
	name := e.join(words)
	single := len(words) == 1
	switch {
	case places[string(name)]:
		return lo, words, tidings.EntityPlace
	case orgs[string(name)] || isOrgSpan(words):
		return lo, words, tidings.EntityOrg
	case person || firstNames[words[0]] && !single:
		return lo, words, tidings.EntityPerson
	case single && isAcronym(words[0]):
		if w := words[0]; notAcronyms[w] || notNames[strings.ToUpper(w[:1])+strings.ToLower(w[1:])] {
			return 0, nil, ""
		}
		return lo, words, tidings.EntityOrg
	case !single && len(words) <= 3 && e.lang == "" && (sayVerbs[sp.next] || (sp.prev == "said" && !sp.first) || e.apposition(sp.pos+lo+len(words)-1)) && !hasAcronym(words):
		return lo, words, tidings.EntityPerson
	}
	if single && sp.first {
		// A capitalized word opening a sentence with no other cue.
		return 0, nil, ""
	}
	if single && len(words[0]) < 3 {
		return 0, nil, ""
	}
	return lo, words, tidings.EntityOther
}

// known reports whether a word is listed as a given name, a place or a
// title.
func known(w string) bool { return firstNames[w] || places[w] || titles[trimDot(w)] }

// join joins words with spaces into e.buf, for map lookups that need no
// string.
func (e *extractor) join(words []string) []byte {
	b := e.buf[:0]
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	e.buf = b
	return b
}

func hasAcronym(words []string) bool {
	for _, w := range words {
		if isAcronym(w) {
			return true
		}
	}
	return false
}

// notAcronyms are capitalized abbreviations that name no organisation.
var notAcronyms = set(`TV, DVD, CD, GDP, CEO, CFO, COO, CTO, PM, AM, OK, AI, IT, PC, UFO, FM, HD, SUV, GPS, USB,
DNA, HIV, AIDS, COVID, LOL, VIP, FAQ, PR, HR, ID, IQ, MP, MPS, RSS, URL, PDF, LGBT, LGBTQ, NFT, EV, EVS,
CCTV, ATM, VAT, ET, PT, CT, MT, EST, EDT, PST, PDT, CST, CDT, GMT, UTC, BST, CET, CEST, IPO, ETF, OMG, BBQ, DIY, RIP, TBA, TBD, FYI, ASAP, NB, PS, VS, SS`)

func isOrgSpan(words []string) bool {
	if len(words) < 2 {
		return false
	}
	if orgSuffixes[trimDot(words[len(words)-1])] {
		return true
	}
	return orgHeads[words[0]] && len(words) >= 3 && strings.EqualFold(words[1], "of")
}

func trimDot(s string) string { return strings.TrimSuffix(s, ".") }

// apposition reports whether the name ending at token i is followed by a
// comma and a role within a few words: "Tomás Herrera, the company's
// chief executive, said" names a person.
func (e *extractor) apposition(i int) bool {
	toks := e.toks
	if i+1 >= len(toks) || !strings.HasPrefix(strings.TrimLeft(e.s[toks[i].end:], " "), ",") {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if roles[toks[k].lower] && !toks[k].capital {
			return true
		}
		if toks[k].brk && !toks[k].poss && k > i+1 {
			return false // the apposition ended without a role
		}
	}
	return false
}

// roles are the lowercase nouns of an apposition that describe a person.
var roles = set(`executive, minister, president, spokesman, spokeswoman, spokesperson, director,
chairman, chairwoman, founder, leader, secretary, governor, mayor, manager, coach, captain, professor,
researcher, economist, analyst, lawyer, officer, ambassador, commissioner, scientist, chancellor,
senator, striker, goalkeeper, midfielder, defender, actor, actress, singer, author, head, chief, owner,
editor, correspondent, councillor`)

// orgStarts are words cut from the start of a name (notNames) that may
// begin an organisation's: "New York Mercantile Exchange", "American
// Cancer Society", "Irish Central Bank".
var orgStarts = set(`New, First, American, British, Chinese, Russian, Ukrainian, European, French, German,
Japanese, Indian, Israeli, Palestinian, Iranian, Korean, Canadian, Mexican, Brazilian, Australian,
Italian, Spanish, African, Asian, Arab, Muslim, Christian, Jewish, Western, Eastern, Northern, Southern,
English, Scottish, Irish, Welsh, Dutch, Swiss, Swedish, Turkish, Syrian, Iraqi, Afghan, Pakistani,
Saudi, Egyptian, Greek, Polish, Argentine, Chilean, Cuban, Venezuelan, Nigerian, Kenyan, Democratic,
Republican`)
