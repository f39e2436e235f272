package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tidings/tidings/internal/ingest"
)

func runRefresh(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("refresh")
	wait := fs.Bool("wait", false, "fetch every source in this process and exit when all are processed")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	p, err := m.newPipeline(ctx, st, nil, *wait)
	if err != nil {
		return err
	}
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	if !*wait {
		// Queue them for the running serve or worker processes.
		if err := p.MarkDue(ctx, srcs, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "queued %d sources\n", len(srcs))
		return nil
	}
	prog := &progress{w: m.Stdout, total: len(srcs), tty: m.IsTerminal, start: time.Now()}
	err = p.RefreshAll(ctx, prog.add)
	prog.finish()
	m.heapProfile()
	runtime.KeepAlive(p)
	const shown = 10
	for i, e := range prog.errs {
		if i == shown {
			fmt.Fprintf(m.Stderr, "… and %d more errors (see `tidings sources`)\n", len(prog.errs)-shown)
			break
		}
		fmt.Fprintln(m.Stderr, e)
	}
	return err
}

// progress counts refresh outcomes, drawing a bar on a terminal and a plain
// summary otherwise.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	start time.Time
	total int

	done, failed, notModified int
	stored, dups, updated     int
	errs                      []string
	lastDraw                  time.Time
}

func (p *progress) add(o ingest.Outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if o.Err != nil {
		p.failed++
		p.errs = append(p.errs, fmt.Sprintf("source %d: %v", o.SourceID, o.Err))
	}
	if o.NotModified {
		p.notModified++
	}
	p.stored += o.Result.New + o.Result.Duplicates
	p.dups += o.Result.Duplicates
	p.updated += o.Result.Updated
	if p.tty && time.Since(p.lastDraw) > 100*time.Millisecond {
		p.lastDraw = time.Now()
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	total := max(p.total, p.done, 1)
	n := width * p.done / total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d sources  %d items stored  %d errors",
		strings.Repeat("#", n), strings.Repeat(" ", width-n), p.done, total, p.stored, p.failed)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		p.draw()
		fmt.Fprintln(p.w)
	}
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "refreshed %d sources in %.1fs: %d items stored (%d duplicates), %d updated, %d not modified, %d errors, %.0f items/s\n",
		p.done, secs, p.stored, p.dups, p.updated, p.notModified, p.failed, float64(p.stored)/max(secs, 1e-9))
}

func runStats(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("stats")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(s)
	}
	fmt.Fprintf(m.Stdout, "sources %d\narticles %d\nduplicates %d\nstories %d\nerrors %d\n", s.Sources, s.Articles, s.Duplicates, s.Stories, s.Errors)
	return nil
}
