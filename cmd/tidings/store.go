package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/postgres"
	"github.com/tidings/tidings/internal/store/sqlite"
)

// openStore opens (and migrates) the store named by the configured database
// URL: "sqlite:PATH" or "postgres://…". It is closed with m.
func (m *Main) openStore(ctx context.Context) (tidings.Store, error) {
	u := m.Config.DatabaseURL
	var (
		st  tidings.Store
		err error
	)
	switch {
	case strings.HasPrefix(u, "sqlite:"):
		st, err = sqlite.Open(ctx, strings.TrimPrefix(u, "sqlite:"), sqlite.Options{Logger: m.Logger})
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		st, err = postgres.Open(ctx, u, postgres.Options{Logger: m.Logger})
	default:
		return nil, usageError{fmt.Errorf("TIDINGS_DATABASE_URL: want sqlite:PATH or postgres://…, got %q", u)}
	}
	if err != nil {
		return nil, err
	}
	m.onClose(st.Close)
	return st, nil
}
