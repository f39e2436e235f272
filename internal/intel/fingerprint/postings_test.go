package fingerprint

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tidings/tidings/internal/offheap"
)

// TestPostings checks postings against a map of lists under random adds
// and removes, with keys shared by a few entries and by many.
func TestPostings(t *testing.T) {
	for _, tt := range []struct {
		name      string
		keys, cap int
	}{
		{"unique keys", 1 << 30, 0},
		{"shared keys", 5000, 0},
		{"capped lists", 300, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tt.keys)))
			p := newPostings(tt.cap)
			defer p.release()
			want := map[uint32][]int32{}
			type posting struct {
				k  uint32
				id int32
			}
			var added []posting
			check := func() {
				for k, l := range want {
					var got []int32
					p.each(k, func(id int32) { got = append(got, id) })
					if !slices.Equal(got, l) {
						t.Fatalf("key %x: got %v, want %v", k, got, l)
					}
				}
				n := 0
				for _, pt := range p.parts {
					n += pt.n
				}
				if n != len(want) {
					t.Fatalf("%d keys in the table, want %d", n, len(want))
				}
			}
			for id := range int32(40000) {
				k := uint32(r.IntN(tt.keys)) * anchorMod
				p.add(k, id)
				l := append(want[k], id)
				if tt.cap > 0 && len(l) > tt.cap {
					l = l[1:]
				}
				want[k] = l
				added = append(added, posting{k, id})
				if r.IntN(3) > 0 && len(added) > 0 {
					// Mostly the oldest, as the window evicts.
					j := 0
					if r.IntN(4) == 0 {
						j = r.IntN(len(added))
					}
					x := added[j]
					added = slices.Delete(added, j, j+1)
					p.remove(x.k, x.id)
					if i := slices.Index(want[x.k], x.id); i >= 0 {
						want[x.k] = slices.Delete(want[x.k], i, i+1)
					}
					if len(want[x.k]) == 0 {
						delete(want, x.k)
					}
				}
				if id%5000 == 0 {
					check()
				}
			}
			check()
			for _, x := range added {
				p.remove(x.k, x.id)
			}
			mapped := 0
			for _, pt := range p.parts {
				if pt.n != 0 {
					t.Fatalf("after removing all: %d keys left in a part", pt.n)
				}
				mapped += offheap.Mapped(pt.slots)
			}
			if mapped != p.mapped {
				t.Errorf("mapped = %d, want the parts' %d", p.mapped, mapped)
			}
		})
	}
}
