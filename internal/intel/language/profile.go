package language

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinProfiles are the most frequent function words of each language, a
// few dozen each, written from general knowledge of the languages. Words
// shared by several languages count for each.
var latinProfiles = []struct {
	code  string
	words string
}{
	{"en", "the of and to in is that for it was on with as be by at this are from have has not but an or his they which were had been will their would its who said after about more when there also he she"},
	{"de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch"},
	{"fr", "le la les de des et un une du en est que qui dans pour pas au sur par plus il ne se ce sont avec son aux elle ont mais comme été cette ou leur sa nous vous ses être entre après fait"},
	{"es", "el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya fue este ha sí porque esta entre cuando muy sin sobre también hasta hay donde desde todo nos durante ellos"},
	{"it", "il di che la e in un per è del non una le della si con da al dei sono gli anche ha alla più nel come ma lo questo delle nella ci degli ad essere stato dopo hanno tra sul"},
	{"pt", "de que o a do da em um para com não uma os no se na por mais as dos como mas ao ele das à seu sua ou quando muito nos já também só pelo pela até isso ela entre depois sem mesmo aos ter seus foi são está"},
	{"nl", "de het een van en in is dat op te zijn met voor niet aan er die ook als door maar om bij nog dan naar wel uit werd worden heeft hebben zo wordt over deze dit kan tot"},
	{"sv", "och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan när nu ska efter också hade under eller vid över kommer skulle"},
	{"da", "og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op hvor efter også skal"},
	{"no", "og i det som en på er av for med til den har de ikke om et han men var jeg seg fra vi så kan når nå skal etter også hadde under eller ved over blir ble"},
	{"pl", "i w na z się nie do to że jest o jak ale po co tak za od przez przy już jego jej tylko ich dla czy tym jako być może był była są też które który która oraz"},
	{"tr", "ve bir bu da de için ile çok daha olarak gibi ama en olan kadar sonra ne var değil ya veya ise her şey göre ancak oldu olduğu"},
	{"ro", "și în de la cu pe care că din nu este un o mai pentru se a fost sunt ca sau dar al ale lui își după"},
	{"id", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena oleh ada bisa mereka kami sudah telah saat atau"},
	{"fi", "ja on ei että se oli hän mutta kun niin myös ovat kuin jo tai sen ole mukaan vain vielä kanssa joka ollut sitä"},
	{"cs", "a je se v na že to s z do jsou o jako ale by jeho jak k po ve pro jsem byl když jen už také nebo"},
}

// cyrillicProfiles separate Russian from its neighbours written in the same
// script when the distinctive letters are absent.
var cyrillicProfiles = []struct {
	code  string
	words string
}{
	{"ru", "и в не на что с по как это он к из а то за от все у так его же но для было только о бы уже она если мы или при также"},
	{"uk", "і в не на що з та як це він до за від все у так його але для було тільки про б вже вона якщо ми або також які"},
	{"bg", "и в не на че с по как това той към от за да се са е са ще беше който която които но или при"},
	{"sr", "и у не на да се је са за од као то али што су из о па или ће био"},
}

// profileIndex maps each word to a bit set of the profiles that list it,
// in an open-addressing hash table whose hash vote computes byte by byte
// as it reads a word, so a lookup costs one probe and a comparison.
type profileIndex struct {
	codes  []string
	slots  []profileSlot // a power of two of them
	maxLen int           // the longest word's length in bytes
}

type profileSlot struct {
	word string // "" when empty
	bits uint32
	inv  float64 // 1 / the number of profiles that list word
}

// FNV-1a, fed one byte at a time.
const (
	hashSeed  = 2166136261
	hashPrime = 16777619
)

func hashString(w string) uint32 {
	h := uint32(hashSeed)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * hashPrime
	}
	return h
}

func buildIndex(codes []string, lists []string) profileIndex {
	words := map[string]uint32{}
	var order []string
	for i, l := range lists {
		for _, w := range strings.Fields(l) {
			if _, ok := words[w]; !ok {
				order = append(order, w)
			}
			words[w] |= 1 << uint(i)
		}
	}
	n := 1
	for n < 4*len(order) {
		n *= 2
	}
	idx := profileIndex{codes: codes, slots: make([]profileSlot, n)}
	for _, w := range order {
		i := hashString(w) & uint32(n-1)
		for idx.slots[i].word != "" {
			i = (i + 1) & uint32(n-1)
		}
		idx.slots[i] = profileSlot{word: w, bits: words[w], inv: 1 / float64(popcount(words[w]))}
		idx.maxLen = max(idx.maxLen, len(w))
	}
	return idx
}

// lookup returns the slot of the word w whose hash is h, or nil.
func (idx *profileIndex) lookup(w []byte, h uint32) *profileSlot {
	if len(w) > idx.maxLen {
		return nil
	}
	mask := uint32(len(idx.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &idx.slots[i]
		if s.word == "" {
			return nil
		}
		if s.word == string(w) { // no allocation
			return s
		}
	}
}

// Indexes are built once and only read afterwards.
var latinIndex, cyrillicIndex = func() (profileIndex, profileIndex) {
	var lc, lw, cc, cw []string
	for _, p := range latinProfiles {
		lc, lw = append(lc, p.code), append(lw, p.words)
	}
	for _, p := range cyrillicProfiles {
		cc, cw = append(cc, p.code), append(cw, p.words)
	}
	return buildIndex(lc, lw), buildIndex(cc, cw)
}()

func latin(text string) string { return vote(text, latinIndex) }

// cyrillic defaults to Russian, by far the most common language in the
// script, when the function words do not decide.
func cyrillic(text string) string {
	if c := vote(text, cyrillicIndex); c != "" {
		return c
	}
	return "ru"
}

// vote counts, for each profile, the words of text it lists, and answers
// the clear winner. A word listed by k profiles gives each 1/k so that words
// shared across a family ("de", "en") separate nothing.
func vote(text string, idx profileIndex) string {
	var score [32]float64
	hits := 0
	var buf [64]byte
	n := 0 // the word so far is buf[:n]
	h := uint32(hashSeed)
	long := false // the word outgrew buf: no profile word is that long
	flush := func() {
		if n > 0 && !long {
			if s := idx.lookup(buf[:n], h); s != nil {
				hits++
				for b := s.bits; b != 0; b &= b - 1 {
					score[bits.TrailingZeros32(b)] += s.inv
				}
			}
		}
		n, h, long = 0, hashSeed, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if l := c | 0x20; 'a' <= l && l <= 'z' { // unicode.ToLower
				if n+utf8.UTFMax > len(buf) {
					long = true
					continue
				}
				buf[n] = l
				n++
				h = (h ^ uint32(l)) * hashPrime
				continue
			}
			flush()
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) {
			if n+utf8.UTFMax > len(buf) {
				long = true
				continue
			}
			k := utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			for _, b := range buf[n : n+k] {
				h = (h ^ uint32(b)) * hashPrime
			}
			n += k
			continue
		}
		flush()
	}
	flush()
	best, second := -1, -1
	for i := range idx.codes {
		switch {
		case best < 0 || score[i] > score[best]:
			best, second = i, best
		case second < 0 || score[i] > score[second]:
			second = i
		}
	}
	if best < 0 || hits < 2 || score[best] < 1.5 {
		return ""
	}
	if second >= 0 && score[best] < 1.2*score[second] {
		return ""
	}
	return idx.codes[best]
}

func popcount(x uint32) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// FunctionWord reports whether the lowercase word w is one of the most
// frequent function words of the language code ("für", "die" and "und" in
// German), as listed for detection: the stages that know English words
// only use it to keep such words out of another language's keyphrases.
func FunctionWord(code, w string) bool {
	for _, idx := range []*profileIndex{&latinIndex, &cyrillicIndex} {
		for i, c := range idx.codes {
			if c == code {
				s := idx.lookup([]byte(w), hashString(w))
				return s != nil && s.bits&(1<<uint(i)) != 0
			}
		}
	}
	return false
}

// CapitalizesNouns reports whether the language code writes every noun
// with a capital, as German does: there a capital marks a noun, not a
// name, and a capitalized word is a topic's noun, not a verb.
func CapitalizesNouns(code string) bool { return code == "de" }
