package stopword

import (
	"strings"
	"testing"
)

// refIs is Is as it was before it was made faster.
func refIs(w string) bool {
	if refEnglish[w] {
		return true
	}
	if strings.IndexByte(w, 0xE2) >= 0 && strings.Contains(w, "’") {
		return refEnglish[strings.ReplaceAll(w, "’", "'")]
	}
	return false
}

var refEnglish = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(refList) {
		m[w] = true
	}
	return m
}()

const refList = `a about above across after afterwards again against ago all almost alone along already also
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
people percent per cent http https www com html`

// probes are words around the list's: every stopword, its curly form, its
// capitalized form, prefixes, extensions, and some content words.
func probes() []string {
	out := []string{"", "’", "'", "’’", "don’t", "don’’t", "can’t", "won’t", "’s", "i’m", "\xe2", "\xe2\x80", "a\xe2\x80\x99", "tariffs", "bessent", "the-", "the’"}
	for w := range refEnglish {
		out = append(out, w, strings.ReplaceAll(w, "'", "’"), strings.ToUpper(w), w+"s", w[:len(w)-1], w+"’", "’"+w, w+"x")
	}
	return out
}

func TestIsMatchesReference(t *testing.T) {
	for _, w := range probes() {
		if got, want := Is(w), refIs(w); got != want {
			t.Errorf("Is(%q): got %v, want %v", w, got, want)
		}
	}
}

func FuzzIsMatchesReference(f *testing.F) {
	f.Add("don’t")
	f.Add("the")
	f.Add("x\xe2\x80")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Is(w), refIs(w); got != want {
			t.Fatalf("Is(%q): got %v, want %v", w, got, want)
		}
	})
}

func BenchmarkIs(b *testing.B) {
	ws := strings.Fields(`china will resume exports of rare earth magnets to the united states within weeks treasury
secretary scott bessent said on monday after two days of talks in geneva that both sides called productive
we have an understanding on rare earths that will hold bessent told reporters don’t it’s he’s`)
	for b.Loop() {
		n := 0
		for _, w := range ws {
			if Is(w) {
				n++
			}
		}
	}
}
