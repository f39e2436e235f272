package postgres_test

import (
	"context"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/pgtest"
	"github.com/tidings/tidings/internal/store/postgres"
	"github.com/tidings/tidings/internal/store/storetest"
)

// open returns a store on a fresh database (see pgtest), so tests are
// isolated and run in parallel; it skips without TIDINGS_TEST_POSTGRES.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), pgtest.Database(t), postgres.Options{})
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
