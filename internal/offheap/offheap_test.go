package offheap

import (
	"testing"
	"unsafe"
)

func TestMake(t *testing.T) {
	page := pageSize
	tests := []struct {
		name   string
		n      int
		mapped bool
	}{
		{"empty", 0, false},
		{"small", 3, false},
		{"just under a page", page/8 - 1, false},
		{"a page", page / 8, true},
		{"a page and a word", page/8 + 1, true},
		{"many pages", 10 * page / 8, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Make[uint64](tt.n)
			if len(s) != tt.n {
				t.Fatalf("len %d, want %d", len(s), tt.n)
			}
			for i, v := range s[:cap(s)] {
				if v != 0 {
					t.Fatalf("s[%d] = %d, want 0", i, v)
				}
			}
			for i := range s[:cap(s)] {
				s[:cap(s)][i] = uint64(i) // the whole capacity is usable
			}
			want := 0
			if tt.mapped && mmapped {
				want = (tt.n*8 + page - 1) / page * page
			}
			if got := Mapped(s); got != want {
				t.Errorf("Mapped = %d, want %d", got, want)
			}
			Free(s[:0]) // resliced from its start
		})
	}
}

func TestMakeUint32(t *testing.T) {
	s := Make[uint32](pageSize / 4)
	if Mapped(s) != pageSize && mmapped {
		t.Errorf("Mapped = %d, want %d", Mapped(s), pageSize)
	}
	if unsafe.Sizeof(s[0]) != 4 {
		t.Fatal("not uint32")
	}
	s[len(s)-1] = 7
	Free(s)
}

func TestFreeForeign(t *testing.T) {
	if !mmapped {
		t.Skip("no maps on this platform")
	}
	defer func() {
		if recover() == nil {
			t.Error("Free of a heap slice of a page did not panic")
		}
	}()
	Free(make([]uint64, pageSize/8))
}

func TestMakeMany(t *testing.T) {
	// Maps come back: a leak would exhaust the address space or the
	// kernel's map count long before this ends.
	for range 100_000 {
		s := Make[uint64](4 * pageSize / 8)
		s[0] = 1
		Free(s)
	}
}
