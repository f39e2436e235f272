//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package offheap

// Without anonymous maps, allocations stay on the heap and the collector
// frees them.
const mmapped = false

func mmap(int) []byte { return nil }

func munmap([]byte) {}
