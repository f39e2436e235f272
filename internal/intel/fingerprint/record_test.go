package fingerprint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestRecord checks that a record gives back the Print it was made from.
func TestRecord(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	prints := map[string]*Print{
		"empty":       FromLines("", nil),
		"title only":  FromLines("Council approves budget | Local News", nil),
		"one word":    FromLines("", []string{"word"}),
		"short":       New("A huge fire has destroyed the Waitrose store", full),
		"zero hashes": {Shingles: 3, Sketch: []uint32{0, 1, 1<<32 - 1}, Anchors: []uint32{0}, Title: []uint32{0, 5}},
	}
	for _, n := range []int{20, 130, 300, 2000, 20000} {
		title, lines := benchArticle(r, n)
		prints[strings.Repeat("x", n)] = FromLines(title, lines)
	}
	for name, p := range prints {
		lead, anchors := recordParts(p, nil, nil)
		var rec record = appendRecord([]uint32{7}, p, lead, anchors)[1:]
		if len(rec) != recordSize(p, lead, anchors) {
			t.Errorf("%.20s: record of %d words, recordSize says %d", name, len(rec), recordSize(p, lead, anchors))
		}
		var got Print
		rec.load(&got, true)
		if b := rec.bands(); b != nil {
			copy(got.Bands[:], b)
		}
		// The record leaves the sketch's hashes out of the lead and
		// the anchors.
		got.Anchors, _ = rec.anchorsTitle()
		for _, h := range got.Sketch {
			if h%anchorMod == 0 {
				got.Anchors = append(got.Anchors, h)
			}
		}
		slices.Sort(got.Anchors)
		want := *p
		want.Lead = slices.DeleteFunc(slices.Clone(p.Lead), func(h uint32) bool { return has(p.Sketch, h) })
		if p.Shingles == 0 {
			want.Bands = [bands]uint32{}
		}
		if diff := cmp.Diff(&want, &got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%.20s: record gives back (-want +got):\n%s", name, diff)
		}
	}
}

// TestRecordsChunks checks that the chunks of removed records are
// dropped, and the current one reused.
func TestRecordsChunks(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	title, lines := benchArticle(r, 600)
	p := FromLines(title, lines)
	rs := newRecords()
	defer rs.arena.Release()
	var refs []ref
	for range 1000 {
		refs = append(refs, rs.add(p))
	}
	held := func() int { return rs.arena.Mapped() / 4 }
	if held() == 0 {
		t.Skip("records are on the heap on this platform")
	}
	lead, anchors := recordParts(p, nil, nil)
	if n, size := held(), recordSize(p, lead, anchors); n > 1000*size+2*chunkWords {
		t.Fatalf("1000 records of %d words hold %d words", size, n)
	}
	for _, x := range refs[:990] {
		rs.remove(x)
	}
	if n := held(); n > 2*chunkWords {
		t.Errorf("10 records left hold %d words, want at most two chunks", n)
	}
	for _, x := range refs[990:] {
		if rs.get(x).shingles() != p.Shingles {
			t.Fatalf("record moved")
		}
		rs.remove(x)
	}
	if n := held(); n > chunkWords {
		t.Errorf("empty records hold %d words, want at most the current chunk", n)
	}
}
