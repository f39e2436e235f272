package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tidings/tidings/internal/ingest"
)

// runReanalyze re-derives duplicates, stories and intelligence for every
// stored article, oldest first, with the current analysis code.
func runReanalyze(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("reanalyze")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := ingest.Reanalyze(ctx, st, m.Config.StoryWindow)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "reanalyzed %d articles in %.1fs\n", n, time.Since(start).Seconds())
	return nil
}
