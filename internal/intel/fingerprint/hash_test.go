package fingerprint

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// oldHashWords is how shingles were hashed from the words as strings.
func oldHashWords(ws []string) uint64 {
	h := uint64(fnvOffset)
	for i, w := range ws {
		if i > 0 {
			h ^= ' '
			h *= fnvPrime
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= fnvPrime
		}
	}
	return mix(h)
}

// TestWordBuffer checks that words holds the words Words returns and
// hashes word windows as the strings would be.
func TestWordBuffer(t *testing.T) {
	lines := []string{
		"",
		"   ,.;",
		"The fire, which is being treated as suspicious, broke out at 8.49pm.",
		"it 's “X-Men” 24% it's ``X-Men'' 24 %",
		"ÉCOLE Zürich SÃO PAULO naïve İstanbul ΣΊΣΥΦΟΣ 2\u212a 東京タワー ١٢٣",
		"bad \xff\xfebytes\xc3 end\xe2\x80",
		"trailingWORD",
		"a",
	}
	var w words
	var all []string
	for _, l := range lines {
		w.add(l)
		all = append(all, Words(l)...)
		if got, want := string(w.b), strings.Join(all, " "); got != want || w.len() != len(all) {
			t.Fatalf("after %q: %d words %q, want %d %q", l, w.len(), got, len(all), want)
		}
	}
	for i := range all {
		for j := i + 1; j <= min(len(all), i+6); j++ {
			if got, want := w.hash(i, j), oldHashWords(all[i:j]); got != want {
				t.Errorf("hash of words %d..%d %q is %x, want %x", i, j, all[i:j], got, want)
			}
		}
	}
	for n := 1; n <= 6; n++ {
		var w words
		w.add(strings.Join(all[:n], " "))
		sh := appendShingles(nil, &w)
		if want := max(1, n-shingleWords+1); len(sh) != want {
			t.Fatalf("%d words: %d shingles, want %d", n, len(sh), want)
		}
		for i, h := range sh {
			if want := uint32(oldHashWords(all[i:min(n, i+shingleWords)]) >> 32); h != want {
				t.Errorf("%d words: shingle %d is %x, want %x", n, i, h, want)
			}
		}
	}
}

func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 100, 127, 128, 1000, 5000} {
		s := make([]uint32, n)
		for i := range s {
			s[i] = r.Uint32()
			if i%7 == 0 {
				s[i] &= 0xff00ff // some digits shared
			}
		}
		want := append([]uint32(nil), s...)
		slices.Sort(want)
		sortHashes(s, make([]uint32, n))
		for i := range s {
			if s[i] != want[i] {
				t.Fatalf("n=%d: sorted[%d] = %x, want %x", n, i, s[i], want[i])
			}
		}
	}
}

// TestMinhashEstimates checks that the signatures estimate resemblance
// without bias and with the variance of independent hash functions, and
// that LSH bands match as often as independent rows would.
func TestMinhashEstimates(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	const trials = 400
	for _, j := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		var sum, sumSq, bandHits float64
		for range trials {
			// Two sets of 400 hashes sharing common of them.
			common := int(math.Round(2 * 400 * j / (1 + j)))
			a, b := make([]uint32, 0, 400), make([]uint32, 0, 400)
			for range common {
				h := r.Uint32()
				a, b = append(a, h), append(b, h)
			}
			for len(a) < 400 {
				a, b = append(a, r.Uint32()), append(b, r.Uint32())
			}
			sa, sb := minhash(a, make([]uint64, len(a))), minhash(b, make([]uint64, len(b)))
			eq := 0
			for i := range sa {
				if sa[i] == sb[i] {
					eq++
				}
			}
			est := float64(eq) / sigSize
			sum += est
			sumSq += est * est
			ka, kb := bandKeys(sa), bandKeys(sb)
			for i := range ka {
				if ka[i] == kb[i] {
					bandHits++
				}
			}
		}
		mean := sum / trials
		variance := sumSq/trials - mean*mean
		wantVar := j * (1 - j) / sigSize
		band := bandHits / (trials * bands)
		t.Logf("J=%.1f: mean %.4f, variance %.5f (independent: %.5f), band match %.4f (independent: %.4f)", j, mean, variance, wantVar, band, math.Pow(j, rows))
		if math.Abs(mean-j) > 4*math.Sqrt(wantVar/trials)+0.005 {
			t.Errorf("J=%.1f: mean estimate %.4f", j, mean)
		}
		if variance > 1.3*wantVar || variance < 0.7*wantVar {
			t.Errorf("J=%.1f: variance %.5f, want about %.5f", j, variance, wantVar)
		}
		if want := math.Pow(j, rows); math.Abs(band-want) > 4*math.Sqrt(want*(1-want)/(trials*bands))+0.005 {
			t.Errorf("J=%.1f: bands match %.4f of the time, want about %.4f", j, band, want)
		}
	}
}
