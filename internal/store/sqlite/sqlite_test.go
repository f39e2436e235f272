package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/sqlite"
	"github.com/tidings/tidings/internal/store/storetest"
)

func open(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "tidings.db"), sqlite.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tidings.Store { return open(t) })
}

func BenchmarkSaveRefresh(b *testing.B) {
	storetest.BenchSaveRefresh(b, func(b *testing.B) tidings.Store { return open(b) })
}

func BenchmarkSaveAnalysis(b *testing.B) {
	storetest.BenchSaveAnalysis(b, func(b *testing.B) tidings.Store { return open(b) })
}
