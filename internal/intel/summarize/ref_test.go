package summarize

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tidings/tidings/internal/intel/stopword"
	"github.com/tidings/tidings/internal/intel/tokenize"
)

// refSummarize is Summarize as it was before it was made faster; the
// tests check that Summarize still chooses exactly as it.
func refSummarize(o Options, title, text string, n int) []string {
	budget := o.Words
	if budget <= 0 {
		budget = defaultWords
	}
	maxSent := o.MaxSentences
	if maxSent <= 0 {
		maxSent = defaultMaxSentences
	}
	sents := tokenize.Sentences(text)
	if len(sents) > maxSent {
		sents = sents[:maxSent]
	}
	if len(sents) == 0 {
		return nil
	}
	// lengths[i] counts all words of sentence i, words[i] holds its
	// content words.
	lengths := make([]int, len(sents))
	words := make([][]string, len(sents))
	tf := make(map[string]int, 256)
	all := make([]string, 0, len(text)/5)
	for i, s := range sents {
		k := len(all)
		all = append(all, tokenize.Words(s)...)
		lengths[i] = len(all) - k
		j := k
		for _, w := range all[k:] {
			if refContent(w) {
				tf[w]++
				all[j] = w
				j++
			}
		}
		all = all[:j]
		words[i] = all[k:j:j]
	}
	// Fewer slots need longer sentences to fill the budget.
	lengthWeight := 0.2
	if n > 0 && n <= 3 {
		lengthWeight = 0.4
	}
	type cand struct {
		i     int
		score float64
	}
	cands := make([]cand, 0, len(sents))
	for i, ws := range words {
		if lengths[i] < minWords || refStamp(sents[i]) {
			continue
		}
		sum := 0
		for _, w := range ws {
			sum += tf[w]
		}
		k := len(ws)
		l := lengths[i]
		if l > lengthCap {
			l = lengthCap
		}
		cands = append(cands, cand{i, float64(sum) / float64(k+1) * math.Pow(float64(l), lengthWeight)})
	}
	if len(cands) == 0 {
		// Only fragments: the first that is not a time stamp is the best
		// we have.
		for _, s := range sents {
			if !refStamp(s) && !refReadMore(s) {
				return []string{s}
			}
		}
		return nil
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	var chosen []int
	total := 0
	for _, c := range cands {
		if total >= budget || (n > 0 && len(chosen) >= n) {
			break
		}
		chosen = append(chosen, c.i)
		total += lengths[c.i]
	}
	sort.Ints(chosen)
	out := make([]string, len(chosen))
	for k, i := range chosen {
		out[k] = sents[i]
	}
	return out
}

// refStampPrefixes begin the time stamps pages print above an article
// ("Originally published 05/03/2013 at 10:20 AM EDT").
var refStampPrefixes = []string{"updated", "originally published", "first published", "published", "posted", "last updated", "last modified", "modified"}

// stamp reports whether a sentence is a publication time stamp: one of
// refStampPrefixes followed, within a few words, by a number.
func refStamp(s string) bool {
	head := s[:min(len(s), 40)]
	for _, p := range refStampPrefixes {
		if len(head) > len(p) && strings.EqualFold(head[:len(p)], p) && strings.ContainsAny(head[len(p):], "0123456789") {
			return true
		}
	}
	return false
}

// readMore reports a teaser's link text ("Read more", "Continue reading").
func refReadMore(s string) bool {
	switch strings.ToLower(strings.Trim(s, " .…»›>[]()")) {
	case "read more", "continue reading", "more", "read the full story", "full story", "read full article":
		return true
	}
	return false
}

// content reports whether w can carry the topic: not a stopword, not a
// number.
func refContent(w string) bool {
	if stopword.Is(w) {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) >= 0
}

func checkSummary(t *testing.T, title, text string) {
	t.Helper()
	for _, n := range []int{0, 1, 3, 5} {
		for _, o := range []Options{{}, {Words: 20, MaxSentences: 3}, {Words: 200}} {
			got, want := o.Summarize(title, text, n), refSummarize(o, title, text, n)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("Summarize(%q, %q, %d) with %+v differs from the reference (-want +got):\n%s", title, text, n, o, diff)
			}
		}
	}
}

var refCorpus = []string{
	article, "", "a. b. c.", "Mr. X. \n\n\xff.", "Updated 10:20 AM. Read more", "Read more\nContinue reading.",
	"The the the the. Of of of of of. 1 2 3 4 5. 2020 2021 2022 2023.",
	"Don’t stop. DON’T STOP NOW PLEASE. don't stop now please. It’s the tariffs’ time, Bessent’s tariffs rose again.",
	"Zürich café 東京 ÉTÉ grew. ZÜRICH CAFÉ GREW AGAIN TODAY. Σίσυφος ǅemal İstanbul rose sharply again.",
	"Posted 5 minutes ago\nPublished: 2024-01-01\nshort.\nA much longer sentence about rare earth magnets and exports to the US.",
}

func TestSummarizeMatchesReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	checkSummary(t, title, body)
	checkSummary(t, strings.ToLower(title), strings.ToLower(body))
	checkSummary(t, strings.ToUpper(title), strings.ToUpper(body))
	for _, s := range refCorpus {
		checkSummary(t, "Title", s)
	}
}

func FuzzSummarizeMatchesReference(f *testing.F) {
	for _, s := range refCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSummary(t, "", text)
	})
}
