package main

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings/tidings/internal/eval"
)

// The metrics of shared/tools/score.py, re-implemented so `tidings eval`
// and its floor test need no Python; they must give the same numbers.

// goldRecord is one line of an evaluation set: the input fields and the
// gold fields of any task.
type goldRecord struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Body           string   `json:"body"`
	GoldDupGroup   *string  `json:"gold_dup_group"`
	GoldAmbiguous  []string `json:"gold_dup_ambiguous"`
	GoldCluster    *string  `json:"gold_cluster"`
	Transforms     []string `json:"transforms"`
	GoldSummary    *string  `json:"gold_summary"`
	GoldKeyphrases []string `json:"gold_keyphrases"`
}

// metric is one named number of a report, in print order.
type metric struct {
	Name  string
	Value float64
}

func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type pair struct{ a, b string }

// pairsOf lists the unordered pairs of members of each group, ordered.
func pairsOf(groups map[string]string) map[pair]bool {
	by := map[string][]string{}
	for id, g := range groups {
		by[g] = append(by[g], id)
	}
	out := map[pair]bool{}
	for _, ms := range by {
		slices.Sort(ms)
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				out[pair{ms[i], ms[j]}] = true
			}
		}
	}
	return out
}

// components groups ids by the connected components of the links.
func components(ids []string, link map[string]string) map[string]string {
	parent := map[string]string{}
	for _, id := range ids {
		parent[id] = id
	}
	var find func(string) string
	find = func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, i := range ids {
		j := link[i]
		if _, ok := parent[j]; j != "" && ok {
			parent[find(i)] = find(j)
		}
	}
	out := map[string]string{}
	for _, id := range ids {
		out[id] = find(id)
	}
	return out
}

func scoreDedup(gold []goldRecord, pred map[string]predRecord) []metric {
	ids := make([]string, len(gold))
	dupgrp := map[string]string{}
	amb := map[string]map[string]bool{}
	cluster := map[string]string{}
	tr := map[string][]string{}
	link := map[string]string{}
	for i, g := range gold {
		ids[i] = g.ID
		dupgrp[g.ID] = deref(g.GoldDupGroup)
		amb[g.ID] = map[string]bool{}
		for _, a := range g.GoldAmbiguous {
			amb[g.ID][a] = true
		}
		cluster[g.ID] = deref(g.GoldCluster)
		tr[g.ID] = g.Transforms
		if p, ok := pred[g.ID]; ok && p.DuplicateOf != nil {
			link[g.ID] = *p.DuplicateOf
		}
	}
	unsure := func(x pair) bool { return amb[x.a][dupgrp[x.b]] || amb[x.b][dupgrp[x.a]] }
	gp := pairsOf(dupgrp)
	pp := map[pair]bool{}
	for x := range pairsOf(components(ids, link)) {
		if !unsure(x) {
			pp[x] = true
		}
	}
	tp, merges := 0, 0
	for x := range pp {
		if gp[x] {
			tp++
		}
		if dupgrp[x.a] != dupgrp[x.b] && cluster[x.a] != "" && cluster[x.a] == cluster[x.b] {
			merges++
		}
	}
	p, r := 1.0, 1.0
	if len(pp) > 0 {
		p = float64(tp) / float64(len(pp))
	}
	if len(gp) > 0 {
		r = float64(tp) / float64(len(gp))
	}
	out := []metric{
		{"precision", round4(p)}, {"recall", round4(r)}, {"f1", round4(f1(p, r))},
		{"gold_pairs", float64(len(gp))}, {"predicted_pairs", float64(len(pp))},
		{"story_merges", float64(merges)},
	}
	var kinds []string
	for _, ts := range tr {
		for _, t := range ts {
			if !slices.Contains(kinds, t) {
				kinds = append(kinds, t)
			}
		}
	}
	slices.Sort(kinds)
	for _, t := range kinds {
		n, hit := 0, 0
		for x := range gp {
			if slices.Contains(tr[x.a], t) || slices.Contains(tr[x.b], t) {
				n++
				if pp[x] {
					hit++
				}
			}
		}
		if n > 0 {
			out = append(out, metric{"recall_" + t, round4(float64(hit) / float64(n))})
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func scoreStories(gold []goldRecord, pred map[string]predRecord) []metric {
	g, s := map[string]string{}, map[string]string{}
	for _, x := range gold {
		g[x.ID] = deref(x.GoldCluster)
		st := pred[x.ID].Story
		if st == "" {
			st = "missing-" + x.ID
		}
		s[x.ID] = st
	}
	p, r, gc, pc := eval.BCubed(g, s)
	return []metric{{"bcubed_precision", round4(p)}, {"bcubed_recall", round4(r)}, {"bcubed_f1", round4(f1(p, r))},
		{"gold_clusters", float64(gc)}, {"predicted_stories", float64(pc)}}
}

var tokRe = regexp.MustCompile(`[a-z0-9]+`)

func scoreToks(t string) []string { return tokRe.FindAllString(strings.ToLower(t), -1) }

func ngramCounts(t []string, n int) map[string]int {
	out := map[string]int{}
	for i := 0; i+n <= len(t); i++ {
		out[strings.Join(t[i:i+n], "\x00")]++
	}
	return out
}

func lcs(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for _, x := range a {
		cur[0] = 0
		for j, y := range b {
			if x == y {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

const rougeBudget = 75

func scoreSummary(gold []goldRecord, pred map[string]predRecord) []metric {
	tot := map[string]float64{}
	for _, g := range gold {
		ref := scoreToks(deref(g.GoldSummary))
		hyp := scoreToks(strings.Join(pred[g.ID].Summary, " "))
		lead := scoreToks(g.Body)
		hyp = hyp[:min(len(hyp), rougeBudget)]
		lead = lead[:min(len(lead), rougeBudget)]
		for _, c := range []struct {
			name string
			h    []string
		}{{"", hyp}, {"lead_", lead}} {
			for n := 1; n <= 2; n++ {
				r, hh := ngramCounts(ref, n), ngramCounts(c.h, n)
				inter, total := 0, 0
				for k, v := range r {
					inter += min(v, hh[k])
					total += v
				}
				tot[c.name+"rouge"+strconv.Itoa(n)+"_recall"] += float64(inter) / float64(max(1, total))
			}
			tot[c.name+"rougeL_recall"] += float64(lcs(ref, c.h)) / float64(max(1, len(ref)))
		}
	}
	return sortedMeans(tot, len(gold))
}

func sortedMeans(tot map[string]float64, n int) []metric {
	var out []metric
	for k, v := range tot {
		out = append(out, metric{k, round4(v / float64(n))})
	}
	slices.SortFunc(out, func(a, b metric) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

var kpStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an and are as at be been but by for from has have he her his i in is it its of on or our she
that the their them they this to was were will with you your we not no said says say after before over
than then there these those who what when where which while would could should about into up out more
most also just one two new`) {
		m[w] = true
	}
	return m
}()

func kpStem(w string) string {
	for _, suf := range []string{"ings", "ing", "ed", "ies", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			if suf == "ies" {
				w += "y"
			}
			return w
		}
	}
	return w
}

func normPhrase(p string) string {
	ts := scoreToks(p)
	for i, t := range ts {
		ts[i] = kpStem(t)
	}
	return strings.Join(ts, " ")
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func tfidfBaseline(docs []string, k int) [][]string {
	grams := make([]map[string]int, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		t := scoreToks(d)
		c := map[string]int{}
		for n := 1; n <= 3; n++ {
			for j := 0; j+n <= len(t); j++ {
				g := t[j : j+n]
				if kpStop[g[0]] || kpStop[g[n-1]] || slices.ContainsFunc(g, isDigits) {
					continue
				}
				c[strings.Join(g, " ")]++
			}
		}
		grams[i] = c
		for g := range c {
			df[g]++
		}
	}
	out := make([][]string, len(docs))
	for i, c := range grams {
		type sc struct {
			g string
			s float64
		}
		var ss []sc
		for g, tf := range c {
			ss = append(ss, sc{g, float64(tf) * math.Log(float64(len(docs))/float64(df[g])) * (1 + 0.5*float64(strings.Count(g, " ")))})
		}
		slices.SortFunc(ss, func(a, b sc) int {
			if a.s != b.s {
				return cmp.Compare(b.s, a.s)
			}
			return cmp.Compare(a.g, b.g)
		})
		for j := 0; j < len(ss) && j < k; j++ {
			out[i] = append(out[i], ss[j].g)
		}
	}
	return out
}

func prfAt(goldset map[string]bool, predlist []string, k int) (float64, float64) {
	var pl []string
	for _, p := range predlist {
		if n := normPhrase(p); n != "" && !slices.Contains(pl, n) {
			pl = append(pl, n)
		}
	}
	pl = pl[:min(len(pl), k)]
	hit := 0
	for _, p := range pl {
		if goldset[p] {
			hit++
		}
	}
	var p, r float64
	if len(pl) > 0 {
		p = float64(hit) / float64(len(pl))
	}
	if len(goldset) > 0 {
		r = float64(hit) / float64(min(len(goldset), k))
	}
	return p, r
}

func scoreKeyphrases(gold []goldRecord, pred map[string]predRecord) []metric {
	docs := make([]string, len(gold))
	for i, g := range gold {
		docs[i] = g.Title + "\n" + g.Body
	}
	base := tfidfBaseline(docs, 10)
	tot := map[string]float64{}
	for i, g := range gold {
		gs := map[string]bool{}
		for _, x := range g.GoldKeyphrases {
			if n := normPhrase(x); n != "" {
				gs[n] = true
			}
		}
		for _, c := range []struct {
			name string
			pl   []string
		}{{"", pred[g.ID].Keyphrases}, {"tfidf_", base[i]}} {
			p, r := prfAt(gs, c.pl, 10)
			tot[c.name+"p@10"] += p
			tot[c.name+"r@10"] += r
			tot[c.name+"f1@10"] += f1(p, r)
		}
	}
	return sortedMeans(tot, len(gold))
}
