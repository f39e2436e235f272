package offheap

// Arena hands out word slices from shared chunks of Make: one allocation
// per item would round each up to a size class (some 5 % of it) and, off
// the heap, to a page. It suits items that leave in about the order they
// came, as a time window's do: a chunk is freed once all its items left,
// so one long-lived item keeps its whole chunk.
type Arena struct {
	chunks []chunk
	free   []uint32 // indexes of freed chunks
	cur    uint32   // the chunk items are cut from
	words  int      // a chunk's size
	mapped int      // bytes of the chunks outside the heap
}

type chunk struct {
	words []uint32
	live  int // items not yet freed
}

// Ref locates an item: its chunk and its offset there.
type Ref struct{ Chunk, Off uint32 }

// NewArena returns an Arena of chunks of the given number of words.
func NewArena(words int) *Arena { return &Arena{words: words} }

// Alloc returns a zeroed item of n words (n > 0) and its Ref; an item
// larger than a chunk gets a chunk of its own. The slice must not be
// appended to, nor used after Free.
func (a *Arena) Alloc(n int) (Ref, []uint32) {
	if len(a.chunks) == 0 || len(a.chunks[a.cur].words)+n > cap(a.chunks[a.cur].words) {
		if len(a.chunks) > 0 && a.chunks[a.cur].live == 0 {
			a.drop(a.cur) // emptied, and too small for this item
		}
		a.cur = a.newChunk(max(n, a.words))
	}
	c := &a.chunks[a.cur]
	off := len(c.words)
	c.words = c.words[:off+n]
	c.live++
	return Ref{a.cur, uint32(off)}, c.words[off : off+n : off+n]
}

func (a *Arena) newChunk(words int) uint32 {
	c := chunk{words: Make[uint32](words)[:0]}
	a.mapped += Mapped(c.words)
	if n := len(a.free); n > 0 {
		i := a.free[n-1]
		a.free = a.free[:n-1]
		a.chunks[i] = c
		return i
	}
	a.chunks = append(a.chunks, c)
	return uint32(len(a.chunks) - 1)
}

// Get returns the words from the item at r to the end of the chunk's
// items; the caller knows its item's length.
func (a *Arena) Get(r Ref) []uint32 {
	c := a.chunks[r.Chunk].words
	return c[r.Off:len(c):len(c)]
}

// Free releases the item at r, and its chunk when it was the chunk's last
// item; the current chunk is emptied instead, and filled again (zeroed,
// as Alloc promises).
func (a *Arena) Free(r Ref) {
	c := &a.chunks[r.Chunk]
	if c.live--; c.live > 0 {
		return
	}
	if r.Chunk == a.cur {
		clear(c.words)
		c.words = c.words[:0]
		return
	}
	a.drop(r.Chunk)
}

// drop frees chunk i.
func (a *Arena) drop(i uint32) {
	c := &a.chunks[i]
	a.mapped -= Mapped(c.words)
	Free(c.words)
	*c = chunk{}
	a.free = append(a.free, i)
}

// Mapped returns how many bytes the arena holds outside the heap.
func (a *Arena) Mapped() int { return a.mapped }

// Release frees every chunk: no item may be used afterwards. Owners call
// it when they are done, or from a runtime.AddCleanup on themselves.
func (a *Arena) Release() {
	for i := range a.chunks {
		Free(a.chunks[i].words)
	}
	*a = Arena{words: a.words}
}
