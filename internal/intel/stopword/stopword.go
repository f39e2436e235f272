// Package stopword lists English function words and other words that carry
// no topic on their own, shared by the keyphrase, summary, entity and hashtag
// stages so that they agree on what is "empty".
package stopword

import "strings"

// english is read-only after package initialization.
var english = newSet(`a about above across after afterwards again against ago all almost alone along already also
although always am among amongst an and another any anybody anyhow anyone anything anyway anywhere are
aren't around as at away back be became because become becomes becoming been before beforehand behind
being below beside besides between beyond both but by can can't cannot could couldn't did didn't do does
doesn't doing don't done down due during each either else elsewhere enough etc even ever every everybody
everyone everything everywhere except few for former formerly from further had hadn't has hasn't have
haven't having he he'd he'll he's hence her here here's hereafter hereby herein hers herself him himself
his how however i i'd i'll i'm i've ie if in indeed instead into is isn't it it's its itself just least
less let let's like likely many may maybe me meanwhile might mine more moreover most mostly much must my
myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off
often on once one only onto or other others otherwise ought our ours ourselves out over own per perhaps
quite rather re really same several shall she she'd she'll she's should shouldn't since so some somebody
somehow someone something sometime sometimes somewhat somewhere still such than that that's the their
theirs them themselves then thence there there's thereafter thereby therefore therein thereupon these
they they'd they'll they're they've this those though through throughout thru thus to together too
toward towards under unless until up upon us very via was wasn't we we'd we'll we're we've well were
weren't what what's whatever when whence whenever where where's whereafter whereas whereby wherein
whereupon wherever whether which while whither who who's whoever whole whom whose why will with within
without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
said says say saying told tell tells asked added according also got get gets getting go goes going gone
went make makes made making take takes took taken come comes came see seen saw know knew known think
thought want wanted use used using put puts give gave given keep kept seem seemed seems become
mr mrs ms dr yes ok oh s t d ll m ve re
two three four five six seven eight nine ten first second third last new old many much lot lots way ways
thing things year years day days time times week weeks month months today yesterday tomorrow tonight
people percent per cent http https www com html`)

// Is reports whether the lowercase word w is an English stopword.
func Is(w string) bool {
	if english.has(w) {
		return true
	}
	// Curly apostrophes (E2 80 99) are common in feeds.
	if strings.IndexByte(w, 0xE2) >= 0 && strings.Contains(w, "’") {
		return english.hasStraight(w)
	}
	return false
}

// IsFunction reports whether w is a closed-class function word (article,
// pronoun, preposition, auxiliary, conjunction). It is narrower than Is:
// content-bearing common words such as "year" or "people" are not function
// words, so callers that need grammar rather than topicality use this.
func IsFunction(w string) bool {
	return function.has(w)
}

var function = newSet(`a about above across after against along among an and any are as at be because been before
behind being below beneath beside between beyond both but by can could did do does during each either
for from had has have he her hers him his how i if in into is it its me my neither nor not of off on
onto or our ours out over per she should since so some than that the their them these they this those
through to toward towards under until up upon us was we were what when where whether which while who
whom whose why will with within without would you your yours`)

// A set is an open-addressing hash table of words: looking a word up in
// it costs less than in a Go map, as its hash reads only a few bytes.
type set struct {
	slots []string // a power of two of them, "" when empty
	max   int      // the longest word's length
}

func newSet(s string) set {
	words := strings.Fields(s)
	n := 1
	for n < 4*len(words) {
		n *= 2
	}
	t := set{slots: make([]string, n)}
	for _, w := range words {
		if !t.has(w) {
			t.max = max(t.max, len(w))
			i := hash(w) & uint32(n-1)
			for t.slots[i] != "" {
				i = (i + 1) & uint32(n-1)
			}
			t.slots[i] = w
		}
	}
	return t
}

// hash mixes w's length with its first, middle and last bytes.
func hash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n) | uint32(w[0])<<8 | uint32(w[n/2])<<16 | uint32(w[n-1])<<24
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	h *= 0x297a2d39
	h ^= h >> 15
	return h
}

// has reports whether the set holds w.
func (t *set) has(w string) bool {
	if len(w) > t.max || len(t.slots) == 0 {
		return false
	}
	mask := uint32(len(t.slots) - 1)
	for i := hash(w) & mask; ; i = (i + 1) & mask {
		switch t.slots[i] {
		case "":
			return false
		case w:
			return true
		}
	}
}

// hasStraight reports whether the set holds w with its curly apostrophes
// made straight.
func (t *set) hasStraight(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return t.has(strings.ReplaceAll(w, "’", "'"))
	}
	b := buf[:0]
	for len(w) > 0 {
		i := strings.Index(w, "’")
		if i < 0 {
			b = append(b, w...)
			break
		}
		b = append(b, w[:i]...)
		b = append(b, '\'')
		w = w[i+len("’"):]
	}
	return t.has(string(b))
}
