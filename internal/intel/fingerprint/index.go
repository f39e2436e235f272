package fingerprint

import (
	"slices"
)

// maxPosting caps an anchor's posting list: a shingle shared by more recent
// texts than this is boilerplate or a stock phrase, and scanning it would
// make lookups grow with the index. The newest entries are kept.
const maxPosting = 32

// Thresholds of the verification, tuned on the syndication dev set. Two
// independent write-ups of one event share well under a fifth of their
// shingles; copies share most of theirs even after re-titling, boilerplate
// and copy-editing.
const (
	// minJaccard is the resemblance above which two texts are copies.
	minJaccard = 0.5
	// minContainment is the share of the shorter text's shingles found in
	// the longer above which the shorter is a truncated copy or a teaser.
	minContainment = 0.8
	// minContained is how many shingles the shorter text needs for
	// containment alone to count; shorter ones also need similar titles.
	minContained = 12
	// minTitle is the title word overlap that lets a very short teaser count.
	minTitle = 0.5
	// minTitleOnly is the title word overlap that makes a text without
	// a body a duplicate.
	minTitleOnly = 0.8
)

// Match is a verified near-duplicate found in the index.
type Match struct {
	Key         string
	Jaccard     float64
	Containment float64
}

type entry struct {
	key     string
	seq     uint64
	print   *Print
	bandKey [bands]uint64
}

// Index holds the fingerprints of recent texts. It is not safe for
// concurrent use.
type Index struct {
	seq     uint64
	entries map[string]*entry
	bands   [bands]map[uint64][]*entry
	anchors map[uint64][]*entry
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{entries: map[string]*entry{}, anchors: map[uint64][]*entry{}}
	for i := range ix.bands {
		ix.bands[i] = map[uint64][]*entry{}
	}
	return ix
}

// Len reports how many texts the index holds.
func (ix *Index) Len() int { return len(ix.entries) }

// Find returns the best verified near-duplicate of p in the index, the one
// with the highest containment and then resemblance, the earliest added on
// ties. ok is false when there is none.
func (ix *Index) Find(p *Print) (m Match, ok bool) {
	if len(p.Shingles) == 0 && len(p.Title) == 0 {
		return Match{}, false
	}
	seen := map[*entry]bool{}
	var best *entry
	consider := func(e *entry) {
		if seen[e] {
			return
		}
		seen[e] = true
		j, c := Resemblance(p.Shingles, e.print.Shingles)
		if !isDuplicate(p, e.print, j, c) {
			return
		}
		cand := Match{Key: e.key, Jaccard: j, Containment: c}
		if best == nil || better(cand, e.seq, m, best.seq) {
			best, m = e, cand
		}
	}
	if len(p.Shingles) > 0 {
		keys := bandKeys(&p.Sig)
		for b, k := range keys {
			for _, e := range ix.bands[b][k] {
				consider(e)
			}
		}
	}
	for _, a := range p.Anchors {
		for _, e := range ix.anchors[a] {
			consider(e)
		}
	}
	return m, best != nil
}

func better(a Match, aseq uint64, b Match, bseq uint64) bool {
	if a.Containment != b.Containment {
		return a.Containment > b.Containment
	}
	if a.Jaccard != b.Jaccard {
		return a.Jaccard > b.Jaccard
	}
	return aseq < bseq
}

// isDuplicate decides on exact shingle statistics. A text too short for
// its shingles to be evidence (a teaser of a line or two) also needs a
// similar title; one with no text at all, a nearly equal title.
func isDuplicate(a, b *Print, jaccard, containment float64) bool {
	if jaccard >= minJaccard && min(len(a.Shingles), len(b.Shingles)) >= minContained {
		return true
	}
	short := min(len(a.Shingles), len(b.Shingles))
	if short >= minContained {
		return containment >= minContainment
	}
	tj, _ := Resemblance(a.Title, b.Title)
	if short == 0 {
		return tj >= minTitleOnly && len(a.Title) >= 4
	}
	return containment >= minContainment && tj >= minTitle
}

// Add indexes p under key. Adding a key twice replaces the first.
func (ix *Index) Add(key string, p *Print) {
	ix.Remove(key)
	ix.seq++
	e := &entry{key: key, seq: ix.seq, print: p, bandKey: bandKeys(&p.Sig)}
	ix.entries[key] = e
	if len(p.Shingles) > 0 {
		for b, k := range e.bandKey {
			ix.bands[b][k] = append(ix.bands[b][k], e)
		}
	}
	for _, a := range p.Anchors {
		l := append(ix.anchors[a], e)
		if len(l) > maxPosting {
			l = slices.Delete(l, 0, 1)
		}
		ix.anchors[a] = l
	}
}

// Remove drops key from the index; the window evicts old texts this way.
func (ix *Index) Remove(key string) {
	e, ok := ix.entries[key]
	if !ok {
		return
	}
	delete(ix.entries, key)
	if len(e.print.Shingles) > 0 {
		for b, k := range e.bandKey {
			drop(ix.bands[b], k, e)
		}
	}
	for _, a := range e.print.Anchors {
		drop(ix.anchors, a, e)
	}
}

func drop(m map[uint64][]*entry, k uint64, e *entry) {
	l := m[k]
	if i := slices.Index(l, e); i >= 0 {
		l = slices.Delete(l, i, i+1)
	}
	if len(l) == 0 {
		delete(m, k)
		return
	}
	m[k] = l
}

func bandKeys(sig *[sigSize]uint64) [bands]uint64 {
	var out [bands]uint64
	for b := range out {
		h := uint64(fnvOffset) ^ uint64(b)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ v)
		}
		out[b] = h
	}
	return out
}
