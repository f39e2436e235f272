// Package offheap allocates pointer-free slices outside the Go heap, in
// anonymous memory maps where the platform has them.
//
// Why: the garbage collector lets the heap grow to twice its live size
// (GOGC=100) before it collects. The story window is tens of megabytes of
// long-lived words (fingerprint records, hash tables, term vectors) that
// hold no pointers, so on the heap each of its bytes costs two of RSS.
// Mapped outside the heap they cost one, and a freed map goes back to the
// operating system at once instead of waiting for the scavenger.
//
// The price is manual lifetime: Free unmaps at once, and any slice still
// pointing into the freed memory would fault (or, once the address is
// mapped again, read another allocation's words). Owners therefore keep
// these slices to themselves and drop every one they hand out before they
// free it. Never store a Go pointer in this memory: the collector does not
// scan it.
package offheap

import (
	"math"
	"os"
	"unsafe"
)

// Word is what the package allocates: integers, which hold no pointers.
type Word interface{ ~uint32 | ~uint64 }

// pageSize is the mapping granularity; smaller allocations stay on the
// heap, where a few hundred bytes do not round up to a page.
var pageSize = os.Getpagesize()

// Make returns a zeroed slice of n elements: mapped outside the heap when
// it takes a page or more (its capacity then fills the last page), else
// made on the heap. Release it with Free.
func Make[T Word](n int) []T {
	size := int(unsafe.Sizeof(T(0)))
	if n < 0 || n > math.MaxInt/size-pageSize {
		panic("offheap: bad size")
	}
	if n*size < pageSize {
		return make([]T, n)
	}
	b := mmap((n*size + pageSize - 1) / pageSize * pageSize)
	if b == nil {
		return make([]T, n) // no maps on this platform
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/size)[:n]
}

// Free releases s, which Make returned (it may have been resliced from
// its start since). No slice of s may be used afterwards.
func Free[T Word](s []T) {
	n := Mapped(s)
	if n == 0 {
		return
	}
	munmap(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), n))
}

// Mapped returns how many bytes s, which Make returned, holds outside the
// heap: 0 for a slice made on the heap.
func Mapped[T Word](s []T) int {
	n := cap(s) * int(unsafe.Sizeof(T(0)))
	if n < pageSize || !mmapped {
		return 0
	}
	return n
}
