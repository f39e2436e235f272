package offheap

import (
	"math/rand/v2"
	"testing"
)

// item is a live allocation of a test, filled with its own number.
type item struct {
	ref Ref
	n   int
	id  uint32
}

// alloc allocates n words, checks they are n zeroes, and fills them with id.
func alloc(t *testing.T, a *Arena, n int, id uint32) item {
	t.Helper()
	r, s := a.Alloc(n)
	if len(s) != n || cap(s) != n {
		t.Fatalf("Alloc(%d): len %d cap %d", n, len(s), cap(s))
	}
	for i, w := range s {
		if w != 0 {
			t.Fatalf("Alloc(%d): word %d is %d, want 0", n, i, w)
		}
	}
	it := item{r, n, id}
	fill(a, it)
	return it
}

func fill(a *Arena, it item) {
	s := a.Get(it.ref)[:it.n]
	for i := range s {
		s[i] = it.id
	}
}

func check(t *testing.T, a *Arena, it item) {
	t.Helper()
	s := a.Get(it.ref)
	if len(s) < it.n {
		t.Fatalf("item %d: Get gave %d words, want at least %d", it.id, len(s), it.n)
	}
	for i, w := range s[:it.n] {
		if w != it.id {
			t.Fatalf("item %d: word %d is %d: overwritten", it.id, i, w)
		}
	}
}

func TestArenaFIFO(t *testing.T) {
	const words = 1 << 12
	a := NewArena(words)
	var live []item
	for id := uint32(1); id <= 20_000; id++ {
		n := 1 + int(id*7919)%300
		live = append(live, alloc(t, a, n, id))
		if len(live) > 500 { // a window of 500 items
			check(t, a, live[0])
			a.Free(live[0].ref)
			live = live[1:]
		}
	}
	for _, it := range live {
		check(t, a, it)
	}
	// 500 items of 150 words on average fill under 20 chunks; freed ones
	// are reused rather than piled up.
	if len(a.chunks) > 25 {
		t.Errorf("%d chunks for a window of 500 items", len(a.chunks))
	}
	if mmapped && a.Mapped() > 25*words*4 {
		t.Errorf("Mapped = %d, want at most %d", a.Mapped(), 25*words*4)
	}
	for _, it := range live {
		a.Free(it.ref)
	}
	// All freed: only the current chunk is left, empty.
	if want := words * 4; mmapped && a.Mapped() != want {
		t.Errorf("Mapped after freeing all = %d, want %d", a.Mapped(), want)
	}
	a.Release()
	if a.Mapped() != 0 || len(a.chunks) != 0 {
		t.Errorf("after Release: Mapped %d, %d chunks", a.Mapped(), len(a.chunks))
	}
}

func TestArenaLarge(t *testing.T) {
	a := NewArena(1 << 10)
	r1, s1 := a.Alloc(10)
	r2, s2 := a.Alloc(5000) // larger than a chunk
	r3, s3 := a.Alloc(10)
	s1[0], s2[4999], s3[9] = 1, 2, 3
	if a.Get(r1)[0] != 1 || a.Get(r2)[4999] != 2 || a.Get(r3)[9] != 3 {
		t.Fatal("items read back wrong")
	}
	if r2.Chunk == r1.Chunk {
		t.Errorf("refs %v %v: the large item should start a chunk", r1, r2)
	}
	a.Free(r2)
	a.Free(r1)
	r4, s4 := a.Alloc(20)
	if s4[0] != 0 {
		t.Error("reused memory not zeroed")
	}
	if r4.Chunk != r3.Chunk {
		t.Errorf("r4 in chunk %d, want the current chunk %d", r4.Chunk, r3.Chunk)
	}
	if a.Get(r3)[9] != 3 {
		t.Error("r3 overwritten")
	}
	a.Release()
}

// FuzzArena runs random sequences of allocations and frees, in any order,
// and checks that no live item is overwritten, that new items are zeroed,
// and that freeing everything leaves at most the current chunk.
func FuzzArena(f *testing.F) {
	f.Add(uint64(1), uint16(100), uint8(3))
	f.Add(uint64(7), uint16(2000), uint8(0))
	f.Add(uint64(42), uint16(500), uint8(9))
	f.Fuzz(func(t *testing.T, seed uint64, ops uint16, freeBias uint8) {
		r := rand.New(rand.NewPCG(seed, 0))
		a := NewArena(1 << 10)
		defer a.Release()
		var live []item
		for id := uint32(1); id <= uint32(ops); id++ {
			if len(live) > 0 && r.IntN(10) < int(freeBias%10) {
				// Mostly the oldest, sometimes any.
				i := 0
				if r.IntN(4) == 0 {
					i = r.IntN(len(live))
				}
				check(t, a, live[i])
				a.Free(live[i].ref)
				live = append(live[:i], live[i+1:]...)
				continue
			}
			n := 1 + r.IntN(400)
			if r.IntN(50) == 0 {
				n = 1000 + r.IntN(3000)
			}
			live = append(live, alloc(t, a, n, id))
		}
		for _, it := range live {
			check(t, a, it)
		}
		for _, it := range live {
			a.Free(it.ref)
		}
		if n := a.Mapped(); mmapped && n > 0 && n != cap(a.chunks[a.cur].words)*4 {
			t.Errorf("after freeing all, Mapped = %d: more than the current chunk", n)
		}
	})
}
