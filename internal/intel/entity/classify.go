package entity

import (
	"strings"

	tidings "github.com/tidings/tidings"
)

// sayVerbs after or before a name mark a person.
var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true, "asked": true, "explained": true, "argued": true, "stated": true}

// classify trims a span to its name and types it; no words means not an
// entity.
// lowerSeen holds the words the text also writes in lowercase: such a word
// capitalized at a sentence start is an ordinary word, not a name.
func classify(sp span, lowerSeen map[string]bool) ([]string, string) {
	words := sp.words
	if sp.first && len(words) > 0 && lowerSeen[strings.ToLower(words[0])] && !places[strings.Join(words, " ")] {
		words = words[1:]
	}
	// Titles and sentence-initial function words go; a title marks a person.
	person := false
	for len(words) > 0 {
		if full := strings.Join(words, " "); places[full] || orgs[full] {
			break
		}
		w := trimDot(words[0])
		if len(words) > 1 && titles[trimDot(words[0])+" "+trimDot(words[1])] {
			words, person = words[2:], true
			continue
		}
		if titles[w] && !(len(words) > 1 && isOrgSpan(words)) {
			words, person = words[1:], true
			continue
		}
		if notNames[w] {
			words = words[1:]
			continue
		}
		break
	}
	// "Treasury Secretary Scott Bessent": a title inside the span starts
	// the person's name.
	for i := len(words) - 2; i >= 1; i-- {
		if titles[trimDot(words[i])] && !isOrgSpan(words) {
			words, person = words[i+1:], true
			break
		}
	}
	for len(words) > 0 && connectors[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return nil, ""
	}
	name := strings.Join(words, " ")
	single := len(words) == 1
	switch {
	case places[name]:
		return words, tidings.EntityPlace
	case orgs[name] || isOrgSpan(words):
		return words, tidings.EntityOrg
	case person || firstNames[words[0]] && !single:
		return words, tidings.EntityPerson
	case single && isAcronym(name):
		if notAcronyms[name] || notNames[strings.ToUpper(name[:1])+strings.ToLower(name[1:])] {
			return nil, ""
		}
		return words, tidings.EntityOrg
	case !single && len(words) <= 3 && (sayVerbs[sp.next] || (sp.prev == "said" && !sp.first)) && !hasAcronym(words):
		return words, tidings.EntityPerson
	}
	if single && sp.first {
		// A capitalized word opening a sentence with no other cue.
		return nil, ""
	}
	if single && len(name) < 3 {
		return nil, ""
	}
	return words, tidings.EntityOther
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
