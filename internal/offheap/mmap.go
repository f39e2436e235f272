//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package offheap

import "syscall"

const mmapped = true

// mmap maps n bytes of zeroed private memory.
func mmap(n int) []byte {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		// Like the runtime when the heap cannot grow: memory is exhausted.
		panic("offheap: mmap: " + err.Error())
	}
	return b
}

// munmap unmaps b, a whole mapping of mmap; syscall checks that it is one.
func munmap(b []byte) {
	if err := syscall.Munmap(b); err != nil {
		panic("offheap: munmap: " + err.Error())
	}
}
