package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/opml"
)

func runMigrate(ctx context.Context, m *Main, args []string) error {
	if err := m.newFlagSet("migrate").Parse(args); err != nil {
		return usageError{err}
	}
	if _, err := m.openStore(ctx); err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, "migrations applied")
	return nil
}

func runAdd(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("add")
	folder := fs.String("folder", "", "OPML folder to file the source under")
	fullText := fs.String("full-text", "auto", "fetch article pages for the full text: auto (when items look truncated), on, off")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() != 1 {
		return usageError{errors.New("usage: tidings add [--folder NAME] [--full-text auto|on|off] URL")}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	p, err := m.newPipeline(ctx, st, nil, false)
	if err != nil {
		return err
	}
	src, err := p.Subscribe(ctx, fs.Arg(0), *folder, tidings.FullTextMode(*fullText))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "added source %d: %s (%s), full text %s\n", src.ID, src.FeedURL, src.Title, src.FullText)
	return nil
}

func runImport(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("import")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() != 1 {
		return usageError{errors.New("usage: tidings import FILE|URL")}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	r, err := m.openOPML(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	defer r.Close()
	outlines, err := opml.Parse(r)
	if err != nil {
		return fmt.Errorf("import %s: %w", fs.Arg(0), err)
	}
	p, err := m.newPipeline(ctx, st, nil, false)
	if err != nil {
		return err
	}
	res, err := p.Import(ctx, outlines)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "imported %d sources (%d already subscribed, %d invalid)\n", res.Added, res.Existing, len(res.Invalid))
	for _, u := range res.Invalid {
		fmt.Fprintf(m.Stderr, "skipped outline without a usable feed URL: %q\n", u)
	}
	return nil
}

// openOPML opens a local file, or fetches an http(s) URL under the fetcher's
// limits and private-network guard.
func (m *Main) openOPML(ctx context.Context, name string) (io.ReadCloser, error) {
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		fc := fetch.New(fetch.Options{UserAgent: m.Config.UserAgent, AllowPrivateNetworks: m.Config.AllowPrivateNetworks})
		resp, err := fc.Get(ctx, name, fetch.Validators{})
		if err != nil {
			return nil, err
		}
		return io.NopCloser(strings.NewReader(string(resp.Body))), nil
	}
	return os.Open(name)
}

func runExport(ctx context.Context, m *Main, args []string) error {
	if err := m.newFlagSet("export").Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	outlines, err := ingest.Export(ctx, st)
	if err != nil {
		return err
	}
	return opml.Write(m.Stdout, "Tidings subscriptions", outlines)
}

func runSources(ctx context.Context, m *Main, args []string) error {
	if err := m.newFlagSet("sources").Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tSTATUS\tERRORS\tLAST FETCH\tNEXT FETCH\tLAST ERROR")
	for _, s := range srcs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\t%s\n", s.ID, clip(orDash(s.Title), 40), status(s), s.ErrorCount,
			ago(now, s.LastFetchedAt), until(now, s.NextFetchAt), clip(orDash(s.LastError), 70))
	}
	return tw.Flush()
}

func status(s *tidings.Source) string {
	switch {
	case s.LastFetchedAt.IsZero():
		return "new"
	case s.ErrorCount > 0:
		return "failing"
	}
	return "ok"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func ago(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return now.Sub(t).Round(time.Second).String() + " ago"
}

func until(now, t time.Time) string {
	if t.IsZero() || !t.After(now) {
		return "due"
	}
	return "in " + t.Sub(now).Round(time.Second).String()
}
