package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tidings "github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel/language"
)

// placePreps are the prepositions before a place's name ("in Ilkley",
// "near Ronda"). Not "at": it leads a venue ("at Wembley") no more often
// than an employer, a shop or a club ("analysts at Nomura", "sales at
// Primark", "his career at Arsenal").
var placePreps = set(`in, near, outside, across, throughout`)

// holdings are the words before "in" whose object is a company, a product
// or a publication rather than a place: "a stake in Anthropic", "a flaw in
// Chrome", "published in Nature".
var holdings = set(`invest, invests, invested, investing, investment, investments, investor, investors,
stake, stakes, share, shares, holding, holdings, interest, interests, role, career, job, jobs, work,
worked, works, flaw, flaws, bug, bugs, vulnerability, vulnerabilities, feature, features, update,
updates, published, appeared, wrote, writing, starred, starring, roles, cast, featured`)

// notPlaces are capitalized words that follow "in" and name no place:
// holidays, languages, journals, institutions.
var notPlaces = set(`Christmas, Easter, Ramadan, Eid, Hanukkah, Diwali, Thanksgiving, Halloween, Passover,
Lent, Advent, Arabic, Mandarin, Cantonese, Hindi, Urdu, Farsi, Persian, Hebrew, Latin, Swahili,
Portuguese, Bengali, Punjabi, Tamil, Kurdish, Pashto, Dari, Turkmen, Somali, Russian, Ukrainian,
Nature, Science, Parliament, Congress, Court, Government, Office, Power, Charge, Control, Custody,
Opposition, Committee, Cabinet, Senate, Order, Time, Danger, Trouble, Crisis, Focus, Depth, Brief,
Full, Total, Fact, Short, Particular, General, Addition, Response, Return, Support, Memory`)

// placeWord reports whether a word can be a place's name here: three
// letters or more, and no digits ("in Q3", "in F1" are no places).
func placeWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			n++
		}
	}
	return n >= 3
}

// afterHolding reports whether the preposition before token i follows a
// word of holdings.
func (e *extractor) afterHolding(i int) bool {
	return i >= 2 && holdings[e.toks[i-2].lower]
}

// sayVerbs after or before a name mark a person.
var sayVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true, "asked": true, "explained": true, "argued": true, "stated": true}

// classify trims a span to its name and types it: the name is the words
// sp.words[lo:lo+len(words)], or for a place written in capitals their
// title-cased forms ("OTTAWA" is Ottawa); no words means not an entity.
// e.lowerSeen holds the words the text also writes in lowercase: such a
// word capitalized at a sentence start is an ordinary word, not a name.
// Every word of a span is a capitalized token or a connector, whose lower
// field is its strings.ToLower (an initial's without its period).
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
		// "Minister of Water" is an office, whatever its last word.
		if titles[w] && !(len(words) > 1 && (isOrgSpan(words) && !(len(words) > 2 && words[1] == "of") || places[w+" "+words[1]])) {
			words, lo, person = words[1:], lo+1, true
			if len(words) > 2 && words[0] == "of" && isOrgSpan(words[1:]) {
				words, lo = words[1:], lo+1 // "CEO of TallGrass Distribution Ltd"
				continue
			}
			if len(words) > 0 && words[0] == "of" {
				// "Secretary of State Hillary Clinton", "Secretary of
				// Homeland Security Kristi Noem": the name starts at a given
				// name, or is the last two words; "Director of Public
				// Relations" is an office, no name.
				k := slices.IndexFunc(words, func(w string) bool { return firstNames[w] })
				switch {
				case k > 0:
				case len(words) >= 4:
					k = len(words) - 2
				default:
					return 0, nil, ""
				}
				words, lo = words[k:], lo+k
			}
			continue
		}
		// "La Commission": another language's article or preposition.
		if e.lang != "" && len(words) > 1 && language.FunctionWord(e.lang, e.toks[sp.pos+lo].lower) {
			words, lo = words[1:], lo+1
			continue
		}
		// "European Central Bank" keeps its demonym; "European leaders" do not.
		if notNames[w] && !(orgStarts[w] && len(words) > 1 && isOrgSpan(words)) && !e.placeFirst(words) {
			words, lo = words[1:], lo+1
			continue
		}
		if openers[w] && sp.first && lo == 0 && len(words) > 1 && !isOrgSpan(words) {
			words, lo = words[1:], lo+1
			continue
		}
		break
	}
	// "Treasury Secretary Scott Bessent": a title inside the span starts
	// the person's name.
	for i := len(words) - 2; i >= 1; i-- {
		// "Ohio Department of Health Director Bruce Vanderhoff": what
		// follows the title is the name, unless it is an organisation's.
		if titles[trimDot(words[i])] && !connector(strings.ToLower(words[i+1])) && !isOrgSpan(words[i+1:]) {
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
	// "Boston Red Sox President": a role after a name is the next
	// name's.
	next, role := sp.next, false
	for len(words) > 1 && trailingRole(words[len(words)-1]) && !isOrgSpan(words) && !(len(words) == 2 && firstNames[words[0]]) {
		words, next, role = words[:len(words)-1], "", true
	}
	if role && len(words) == 1 && !known(words[0]) && !orgs[words[0]] && !isAcronym(words[0]) {
		return 0, nil, "" // "the Industry Minister"
	}
	// "the Kraft plant Thursday": a day or month after a name dates the
	// news, and a verb after it is not the name's.
	// "Black Friday" and "Super Tuesday" are names of days: a day goes
	// when what is left is a name of two words or a known one.
	for len(words) > 1 && dateWords[words[len(words)-1]] && (len(words) > 2 || known(words[0]) || orgs[words[0]]) && !orgs[string(e.join(words))] {
		words, next = words[:len(words)-1], ""
	}
	for len(words) > 0 && connector(e.toks[sp.pos+lo+len(words)-1].lower) {
		words, next = words[:len(words)-1], ""
	}
	if len(words) == 0 {
		return 0, nil, ""
	}
	name := e.join(words)
	single := len(words) == 1
	switch {
	case places[string(name)]:
		return lo, words, tidings.EntityPlace
	case len(words) == 2 && firstNames[words[0]] && weakOrgSuffixes[words[1]]:
		return lo, words, tidings.EntityPerson // "Deborah Water said"
	case orgs[string(name)] || isOrgSpan(words) || isTeam(words):
		return lo, words, tidings.EntityOrg
	case isPlaceSpan(words, false):
		return lo, words, tidings.EntityPlace
	}
	if allCaps(words) && !orgs[string(name)] {
		// "OTTAWA, Ont. -": a dateline, or a known place, in capitals.
		titled := titleCase(words)
		if places[string(e.join(titled))] || e.dateline(sp.pos+lo, len(words)) && !notNames[titled[0]] && !notDatelines[titled[0]] && !firstNames[titled[0]] {
			return lo, titled, tidings.EntityPlace
		}
	}
	switch {
	case person || firstNames[words[0]] && !single:
		return lo, words, tidings.EntityPerson
	case isPlaceSpan(words, true):
		return lo, words, tidings.EntityPlace
	case single && isAcronym(words[0]):
		if w := words[0]; notAcronyms[w] || numerals[w] || notNames[strings.ToUpper(w[:1])+strings.ToLower(w[1:])] {
			return 0, nil, ""
		}
		return lo, words, tidings.EntityOrg
	case !single && !role && len(words) <= 3 && e.lang == "" && (sayVerbs[next] || lo == 0 && roles[sp.prev] && sp.prev != "head" && sp.prev != "chief" || (sp.prev == "said" && !sp.first) || e.apposition(sp.pos+lo+len(words)-1)) && !hasAcronym(words):
		return lo, words, tidings.EntityPerson
	}
	if lo == 0 && !sp.first && placePreps[sp.prev] && !role && single && e.lang == "" && placeWord(words[0]) &&
		!firstNames[words[0]] && !notPlaces[words[0]] && !e.toks[sp.pos].poss && !e.afterHolding(sp.pos) && !e.writtenLower(sp.pos) {
		// "in Ilkley", "near Otley": a word after a preposition of place,
		// known neither as a given name nor an organisation's, not owning
		// something ("in Riverside's old ground" is the club's), not what
		// money or work is put in ("a stake in Anthropic", "a flaw in
		// Chrome"), and not a word the text also writes in lowercase ("in
		// Church" beside "the church"), is likely a place; the other
		// mentions of the name have their say.
		return lo, words, weakPlace
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

// hasAcronym reports a word in capitals; initials with their period
// ("P.J.") are a person's.
func hasAcronym(words []string) bool {
	for _, w := range words {
		if isAcronym(w) && !strings.HasSuffix(w, ".") {
			return true
		}
	}
	return false
}

// notAcronyms are capitalized abbreviations that name no organisation.
var notAcronyms = set(`TV, DVD, CD, GDP, CEO, CFO, COO, CTO, PM, AM, OK, AI, IT, PC, UFO, FM, HD, SUV, GPS, USB,
DNA, HIV, AIDS, COVID, LOL, VIP, FAQ, PR, HR, ID, IQ, MP, MPS, RSS, URL, PDF, LGBT, LGBTQ, NFT, EV, EVS,
CCTV, ATM, VAT, ET, PT, CT, MT, EST, EDT, PST, PDT, CST, CDT, GMT, UTC, BST, CET, CEST, IPO, ETF, OMG, BBQ, DIY, RIP, TBA, TBD, FYI, ASAP, NB, PS, VS, SS,
USD, EUR, GBP, JPY, CNY, CHF`)

func isOrgSpan(words []string) bool {
	if len(words) < 2 {
		return false
	}
	if orgSuffixes[trimDot(words[len(words)-1])] {
		return true
	}
	// "Ministry of Commerce", "Texas Department of Criminal Justice".
	for i, w := range words[:len(words)-2] {
		if orgHeads[w] && strings.EqualFold(words[i+1], "of") {
			return true
		}
	}
	return false
}

// trailingRole reports an office ending a span, where it belongs to the
// name that follows: "Boston Red Sox President". Titles that are also
// surnames or parts of names (King, Judge, Major, Star, General,
// Justice) are left out.
func trailingRole(w string) bool { return trailingRoles[trimDot(w)] }

var trailingRoles = set(`President, Vice, Senior, Assistant, Acting, Interim, Associate, Secretary, Minister,
Senator, Sen, Rep, Representative, Congressman, Congresswoman, Gov, Governor, Mayor, Chancellor, Premier,
Prime Minister, Commissioner, Ambassador, Spokesman, Spokeswoman, Spokesperson, Coach, Manager, CEO,
Chairman, Chairwoman, Director, Executive, Chief, Founder, Analyst, Economist, Editor, Sheriff,
Undersheriff, Prosecutor, Attorney, Deputy, Superintendent, Officer, Detective, Inspector, Capt, Captain,
Lt, Sgt, Sergeant, Lieutenant, Commander, Constable, Trooper, Councilman, Councilwoman, Treasurer,
Spokesmen, Head`)

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

// dateWords are the days and months a name is cut before; May is a
// surname too (Theresa May).
var dateWords = set(`Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, January, February,
March, April, June, July, August, September, October, November, December`)

// numerals are Roman numerals, which end a name ("Benedict XVI") but are
// none alone.
var numerals = set(`II, III, IV, VI, VII, VIII, IX, XI, XII, XIII, XIV, XV, XVI, XVII, XVIII, XIX, XX`)

// notDatelines are words a line may open with in capitals that are no
// place.
var notDatelines = set(`Breaking, Update, Exclusive, Watch, Live, Report, Analysis, Opinion, Editorial, Note,
Correction, Photos, Listen, Review, Sponsored, Warning, Alert, Urgent, Flash, Bulletin, Preview, Recap, Poll`)

// allCaps reports whether every word is written in capitals and one has
// four letters or more: "OTTAWA", "LOS ANGELES", not "ECB".
func allCaps(words []string) bool {
	long := false
	for _, w := range words {
		n := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				n++
			}
		}
		long = long || n >= 4
	}
	return long
}

// titleCase returns the words with only their first letters capital.
func titleCase(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		out[i] = string(r) + strings.ToLower(w[n:])
	}
	return out
}

// dateline reports whether the n tokens at i open a line and are
// followed by a dash, a parenthesis, or a comma and a capital: "GUELPH -",
// "MANILA, Philippines", "LOS ANGELES (AP)"; not "NASA, which". A single
// word needs five letters: four-letter capitals are mostly acronyms.
func (e *extractor) dateline(i, n int) bool {
	toks := e.toks
	if n == 1 && utf8.RuneCountInString(toks[i].text) < 5 {
		return false
	}
	if i > 0 {
		start := toks[i].end - len(toks[i].text)
		if toks[i].poss || start < toks[i-1].end || strings.IndexByte(e.s[toks[i-1].end:start], '\n') < 0 {
			return false
		}
	}
	after := strings.TrimLeft(e.s[toks[i+n-1].end:], " \t")
	if rest, ok := strings.CutPrefix(after, ","); ok {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \t"))
		return unicode.IsUpper(r)
	}
	for _, p := range [...]string{"-", "(", "—", "–"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	return false
}

// isPlaceSpan reports a place by the shape of its name: "Gulf of Aden",
// "Qeshm Island", "Lake Geneva". A person may bear a name of the weak
// shapes ("Michael Bay", "Ricki Lake"), so weak ones are asked for only
// when no given name opens it.
func isPlaceSpan(words []string, weak bool) bool {
	if len(words) < 2 {
		return false
	}
	first, last := words[0], words[len(words)-1]
	if placeHeads[first] && len(words) >= 3 && words[1] == "of" {
		return true
	}
	if placeSuffixes[last] {
		return true
	}
	return weak && (weakPlaceSuffixes[last] || placeStarts[trimDot(first)])
}

// placeQualifiers open a longer name of a place ("Greater Manchester",
// "Central London"), which a city's name ends without being a surname.
var placeQualifiers = set(`Greater, Central, East, West, North, South, Northeast, Northwest, Southeast,
Southwest, Inner, Outer, Old, New, Downtown, Metro, Metropolitan, Upper, Lower, Little, Mid, Midtown,
Uptown, Lake, Port, Fort, Mount, Cape, St, Saint`)

// placeHeads open place names with "of" ("Strait of Hormuz").
var placeHeads = set(`Gulf, Bay, Strait, Straits, Sea, Isle, Isles, Cape, Republic, Kingdom, Province, Lake,
Sultanate, Emirate, Principality, Duchy`)

// placeSuffixes end place names.
var placeSuffixes = set(`Island, Islands, Isles, Peninsula, River, Valley, Mountains, Strait, Ocean, Desert,
Canyon, Airport, Province, County, Prefecture, Oblast, Governorate, Glacier, Harbor, Harbour, Heights,
Highlands, Plateau, Basin, Delta, Canal, Square, Region, District, Township, Borough, Parish, Reef, Archipelago,
Sound, Complex`)

// weakPlaceSuffixes and placeStarts mark places too, and people's names
// now and then.
var weakPlaceSuffixes = set(`Bay, Lake, Sea, Coast, Falls, Creek, Hills, Gulf`)
var placeStarts = set(`Lake, Mount, Mt, Cape, Fort, Port, Lake`)

// isTeam reports a sports team: a nickname with its city ("Boston Red
// Sox", "Washington Nationals"), or a plural nickname that names nothing
// else ("Yankees").
func isTeam(words []string) bool {
	last := words[len(words)-1]
	if len(words) >= 2 && teams[words[len(words)-2]+" "+last] {
		return true
	}
	if len(words) == 1 {
		return teams[last] && !sharedNicknames[last] && strings.HasSuffix(last, "s")
	}
	return teams[last]
}

// teams are the nicknames of the North American major league teams;
// "76ers" and "49ers", which begin with a digit, are no name words here.
var teams = set(`Hawks, Celtics, Nets, Hornets, Bulls, Cavaliers, Mavericks, Nuggets, Pistons, Warriors,
Rockets, Pacers, Clippers, Lakers, Grizzlies, Heat, Bucks, Timberwolves, Pelicans, Knicks, Thunder,
Magic, Sixers, Suns, Trail Blazers, Blazers, Kings, Spurs, Raptors, Jazz, Wizards, Cardinals,
Falcons, Ravens, Bills, Panthers, Bears, Bengals, Browns, Cowboys, Broncos, Lions, Packers, Texans,
Colts, Jaguars, Chiefs, Raiders, Chargers, Rams, Dolphins, Vikings, Patriots, Saints, Giants, Jets,
Eagles, Steelers, Seahawks, Buccaneers, Titans, Commanders, Diamondbacks, Braves, Orioles,
Red Sox, Cubs, White Sox, Reds, Guardians, Indians, Rockies, Tigers, Astros, Royals, Angels, Dodgers,
Marlins, Brewers, Twins, Mets, Yankees, Athletics, Phillies, Pirates, Padres, Mariners, Rays, Rangers,
Blue Jays, Nationals, Expos, Ducks, Coyotes, Bruins, Sabres, Flames, Hurricanes, Blackhawks,
Avalanche, Blue Jackets, Stars, Red Wings, Oilers, Wild, Canadiens, Predators, Devils, Islanders,
Senators, Flyers, Penguins, Sharks, Kraken, Blues, Lightning, Maple Leafs, Canucks, Golden Knights,
Capitals`)

// sharedNicknames are team nicknames that name other things as often
// ("Indians", "Royals", "Senators"): a team only as the end of a longer
// name ("Cleveland Indians").
var sharedNicknames = set(`Indians, Athletics, Royals, Tigers, Cardinals, Senators, Stars, Blues, Capitals,
Kings, Saints, Eagles, Pirates, Reds, Nationals, Giants, Lions, Bears, Rockets, Jets, Hawks, Sharks,
Bills, Chiefs, Titans, Rangers, Twins, Angels, Dolphins, Devils, Ducks, Flames, Hurricanes, Panthers,
Islanders, Wizards, Warriors, Patriots, Vikings, Raiders, Commanders, Guardians, Predators, Braves`)

// placeFirst reports whether the words open with a place of two or three
// words: "New York Yankees" keeps its New.
func (e *extractor) placeFirst(words []string) bool {
	for n := 2; n <= 3 && n < len(words); n++ {
		if places[string(e.join(words[:n]))] {
			return true
		}
	}
	return false
}

// writtenLower reports whether the text also writes the token at i in
// lowercase.
func (e *extractor) writtenLower(i int) bool {
	w := e.toks[i].lower
	for _, t := range e.toks {
		if !t.capital && t.lower == w {
			return true
		}
	}
	return false
}
