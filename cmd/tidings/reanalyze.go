package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tidings/tidings"
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
	arts, err := st.ArticlesSince(ctx, time.Time{})
	if err != nil {
		return err
	}
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	byID := make(map[int64]*tidings.Source, len(srcs))
	for _, s := range srcs {
		byID[s.ID] = s
	}
	a := ingest.NewAnalysis(m.Config.StoryWindow)
	const batch = 500
	for i := 0; i < len(arts); i += batch {
		part := arts[i:min(i+batch, len(arts))]
		for _, art := range part {
			art.DuplicateOf, art.StoryID, art.Intel = 0, 0, tidings.Intel{}
		}
		if err := a.Analyze(ctx, st, func(id int64) string { return sourceTitle(byID[id]) }, part); err != nil {
			return err
		}
	}
	fmt.Fprintf(m.Stdout, "reanalyzed %d articles in %.1fs\n", len(arts), time.Since(start).Seconds())
	return nil
}

func sourceTitle(s *tidings.Source) string {
	if s == nil {
		return ""
	}
	return s.Title
}
