package auth

import "testing"

// BenchmarkCheck compares a sign-in of a known user with one of an unknown
// name at the default costs: the two must take about as long, so that
// timing does not tell which names exist.
func BenchmarkCheck(b *testing.B) {
	h := NewHasher(Options{})
	hash, err := h.Hash("correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("known", func(b *testing.B) {
		for b.Loop() {
			h.Check(hash, "wrong password!")
		}
	})
	b.Run("unknown", func(b *testing.B) {
		for b.Loop() {
			h.Check("", "wrong password!")
		}
	})
}
