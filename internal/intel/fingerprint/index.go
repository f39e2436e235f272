package fingerprint

import (
	"runtime"

	"github.com/tidings/tidings/internal/offheap"
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
	key string
	seq uint64
	rec ref
}

// Index holds the fingerprints of recent texts. It is not safe for
// concurrent use.
type Index struct {
	seq uint64
	// ids maps a hash of each key to the IDs of the entries with that
	// hash (one, but for a collision): a Go map from strings to IDs took
	// 34 bytes a key.
	ids     *postings
	n       int
	entries []entry // by ID; a removed one is free
	free    []int32
	recs    records
	bands   *postings
	anchors *postings
	// cand is Find's candidate, loaded from its record: its space is
	// reused from call to call.
	cand Print
}

// NewIndex returns an empty index. Its records and hash tables live
// outside the Go heap and are freed when the index is collected.
func NewIndex() *Index {
	ix := &Index{ids: newPostings(0), bands: newPostings(0), anchors: newPostings(maxPosting), recs: newRecords()}
	runtime.AddCleanup(ix, offheapParts.release, offheapParts{ix.recs.arena, []*postings{ix.ids, ix.bands, ix.anchors}})
	return ix
}

// offheapParts is what an Index holds outside the heap, apart from the
// Index itself (a cleanup may not reach what it cleans up after).
type offheapParts struct {
	arena *offheap.Arena
	posts []*postings
}

func (o offheapParts) release() {
	o.arena.Release()
	for _, p := range o.posts {
		p.release()
	}
}

// Mapped reports how many bytes the index holds outside the Go heap.
func (ix *Index) Mapped() int {
	return ix.recs.arena.Mapped() + ix.ids.mapped + ix.bands.mapped + ix.anchors.mapped
}

// Shingles reports how many distinct shingles the text indexed under key
// has, and whether the index holds it.
func (ix *Index) Shingles(key string) (int, bool) {
	defer runtime.KeepAlive(ix) // its cleanup unmaps what this reads
	i, ok := ix.id(key)
	if !ok {
		return 0, false
	}
	return ix.recs.get(ix.entries[i].rec).shingles(), true
}

// Len reports how many texts the index holds.
func (ix *Index) Len() int { return ix.n }

// id returns the ID of the entry of key.
func (ix *Index) id(key string) (id int32, ok bool) {
	ix.ids.each(keyHash(key), func(i int32) {
		if ix.entries[i].key == key {
			id, ok = i, true
		}
	})
	return id, ok
}

// keyHash is FNV-1a, mixed.
func keyHash(key string) uint32 {
	h := uint64(fnvOffset)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint64(key[i])) * fnvPrime
	}
	return uint32(mix(h) >> 32)
}

// Find returns the best verified near-duplicate of p in the index, the one
// with the highest containment and then resemblance, the earliest added on
// ties. ok is false when there is none.
func (ix *Index) Find(p *Print) (m Match, ok bool) {
	defer runtime.KeepAlive(ix) // its cleanup unmaps what this reads
	if p.Shingles == 0 && len(p.Title) == 0 {
		return Match{}, false
	}
	seen := map[int32]bool{}
	var best *entry
	q := &ix.cand
	// estimate reads the lead of an indexed text only when p is the
	// shorter and complete.
	withLead := p.complete()
	consider := func(id int32) {
		if seen[id] {
			return
		}
		seen[id] = true
		e := &ix.entries[id]
		ix.recs.get(e.rec).load(q, withLead)
		j, c := estimate(p, q)
		if !isDuplicate(p, q, j, c) {
			return
		}
		cand := Match{Key: e.key, Jaccard: j, Containment: c}
		if best == nil || better(cand, e.seq, m, best.seq) {
			best, m = e, cand
		}
	}
	if p.Shingles > 0 {
		for _, k := range p.Bands {
			ix.bands.each(k, consider)
		}
	}
	for _, a := range p.Anchors {
		ix.anchors.each(a, consider)
	}
	q.Title = nil // a slice of a record, whose chunk may be dropped
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
	if jaccard >= minJaccard && min(a.Shingles, b.Shingles) >= minContained {
		return true
	}
	short := min(a.Shingles, b.Shingles)
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
	defer runtime.KeepAlive(ix) // its cleanup unmaps what this reads
	ix.Remove(key)
	ix.seq++
	var id int32
	if n := len(ix.free); n > 0 {
		id = ix.free[n-1]
		ix.free = ix.free[:n-1]
	} else {
		id = int32(len(ix.entries))
		ix.entries = append(ix.entries, entry{})
	}
	ix.entries[id] = entry{key: key, seq: ix.seq, rec: ix.recs.add(p)}
	ix.ids.add(keyHash(key), id)
	ix.n++
	if p.Shingles > 0 {
		for _, k := range p.Bands {
			ix.bands.add(k, id)
		}
	}
	for _, a := range p.Anchors {
		ix.anchors.add(a, id)
	}
}

// Remove drops key from the index; the window evicts old texts this way.
func (ix *Index) Remove(key string) {
	defer runtime.KeepAlive(ix) // its cleanup unmaps what this reads
	id, ok := ix.id(key)
	if !ok {
		return
	}
	ix.ids.remove(keyHash(key), id)
	ix.n--
	e := ix.entries[id]
	r := ix.recs.get(e.rec)
	for _, k := range r.bands() {
		ix.bands.remove(k, id)
	}
	anchors, _ := r.anchorsTitle()
	for _, a := range anchors {
		ix.anchors.remove(a, id)
	}
	r.load(&ix.cand, false)
	for _, h := range ix.cand.Sketch {
		if h%anchorMod == 0 {
			ix.anchors.remove(h, id)
		}
	}
	ix.cand.Title = nil
	ix.recs.remove(e.rec)
	ix.entries[id] = entry{}
	ix.free = append(ix.free, id)
}

// bandKeys hashes each band of a MinHash signature to one LSH key; the
// band's number is mixed in, so keys of different bands never meet.
func bandKeys(sig [sigSize]uint64) [bands]uint32 {
	var out [bands]uint32
	for b := range out {
		h := uint64(fnvOffset) ^ uint64(b)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ v)
		}
		out[b] = uint32(h >> 32)
	}
	return out
}
