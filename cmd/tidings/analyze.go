package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel"
)

const analyzeUsage = `usage: tidings analyze [--in FILE] [--out FILE]

Reads articles as JSON lines (id required; title, body as plain text or
HTML, url, source, published as RFC 3339; other fields ignored) and writes
one JSON line per article, in input order: duplicate_of, story, related,
hashtags, keyphrases, entities, summary, language. Articles are processed
as a stream, as if they arrived live (without published, input order is
time order). A story that a later article merges into another is reported
under the surviving story's id. Bad lines (invalid JSON, missing id) are
reported as "line N: ..." on standard error and skipped. The exit status
is 0 unless reading or writing fails.
`

func runAnalyze(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("analyze")
	in := fs.String("in", "", "input JSONL `file` (default standard input)")
	out := fs.String("out", "", "output JSONL `file` (default standard output)")
	fs.Usage = func() {
		fmt.Fprint(m.Stderr, analyzeUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("analyze: unexpected argument %q", fs.Arg(0))}
	}
	r := m.Stdin
	if *in != "" && *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
		defer f.Close()
		r = f
	}
	w := m.Stdout
	var outFile *os.File
	if *out != "" && *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
		outFile = f
		w = f
	}
	a := intel.New(intel.Options{Window: m.Config.StoryWindow})
	err := analyzeStream(ctx, a, r, w, m.Stderr)
	if outFile != nil {
		if cerr := outFile.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("analyze: %w", cerr)
		}
	}
	return err
}

// inRecord is one input line; unknown fields are ignored.
type inRecord struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Body      string          `json:"body"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Published string          `json:"published"`
}

// outRecord is one output line: exactly the contract's fields, with empty
// arrays rather than null.
type outRecord struct {
	ID          string           `json:"id"`
	DuplicateOf *string          `json:"duplicate_of"`
	Story       string           `json:"story"`
	Related     []string         `json:"related"`
	Hashtags    []string         `json:"hashtags"`
	Keyphrases  []string         `json:"keyphrases"`
	Entities    []tidings.Entity `json:"entities"`
	Summary     []string         `json:"summary"`
	Language    string           `json:"language"`
}

// parseDoc decodes one input line. A published time that does not parse
// is a warning: the article is still analyzed, in input order.
func parseDoc(line []byte) (d intel.Doc, warn, err error) {
	var rec inRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return intel.Doc{}, nil, err
	}
	id, err := parseID(rec.ID)
	if err != nil {
		return intel.Doc{}, nil, err
	}
	d = intel.Doc{Key: id, Title: rec.Title, Body: rec.Body, URL: rec.URL, Source: rec.Source}
	if rec.Published != "" {
		t, err := time.Parse(time.RFC3339, rec.Published)
		if err != nil {
			warn = fmt.Errorf("published %q is not RFC 3339, ignored", rec.Published)
		}
		d.Published = t
	}
	return d, warn, nil
}

func parseID(raw json.RawMessage) (string, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return "", errors.New("missing id")
	}
	var id string
	if err := json.Unmarshal(raw, &id); err != nil {
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			return "", errors.New("id must be a string")
		}
		id = n.String()
	}
	if id == "" {
		return "", errors.New("missing id")
	}
	return id, nil
}

// analyzeStream reads JSONL from r and writes results to w. The stages
// that need no stream state (parsing, most of the text analysis, then the
// keyphrases) run on parallel workers; the decisions and the story
// hashtags run in input order, so the output does not depend on
// scheduling. Results are held back until their story can no longer
// change (see pending), so every line carries its story's final id.
func analyzeStream(ctx context.Context, a *intel.Analyzer, r io.Reader, w io.Writer, errw io.Writer) error {
	quit := make(chan struct{})
	defer close(quit)
	workers := max(1, runtime.GOMAXPROCS(0))
	prepared := inOrder(readJobs(r, quit), workers, quit, func(j *job) {
		d, warn, err := parseDoc(j.raw)
		j.raw, j.warn = nil, warn
		if err != nil {
			j.err = err
			return
		}
		j.prep = a.Prepare(d)
	})
	decided := make(chan *job, 256)
	go func() {
		defer close(decided)
		for j := range prepared {
			<-j.done
			if j.err == nil && j.fatal == nil {
				j.dec = a.Decide(j.prep)
				j.prep = nil
			}
			select {
			case decided <- j:
			case <-quit:
				return
			}
		}
	}()
	finished := inOrder(decided, workers, quit, func(j *job) {
		if j.dec != nil {
			j.dec.Finish()
		}
	})
	bw := bufio.NewWriterSize(w, 1<<16)
	p := newPending(a)
	for j := range finished {
		<-j.done
		if j.fatal != nil {
			return j.fatal
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if j.warn != nil {
			fmt.Fprintf(errw, "line %d: %v\n", j.line, j.warn)
		}
		if j.err != nil {
			fmt.Fprintf(errw, "line %d: %v\n", j.line, j.err)
			continue
		}
		p.add(a.Tag(j.dec))
		if err := p.flush(bw, false); err != nil {
			return err
		}
	}
	if err := p.flush(bw, true); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("analyze: write: %w", err)
	}
	return nil
}

// job is one input line on its way through the stages.
type job struct {
	line  int
	raw   []byte
	prep  *intel.Prepared
	dec   *intel.Decided
	warn  error // reported, the line is still analyzed
	err   error // a bad line, reported and skipped
	fatal error // reading failed
	done  chan struct{}
}

// readJobs reads lines; the channel yields them in input order.
func readJobs(r io.Reader, quit <-chan struct{}) <-chan *job {
	out := make(chan *job, 256)
	go func() {
		defer close(out)
		br := bufio.NewReaderSize(r, 1<<20)
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			var j *job
			switch {
			case len(bytes.TrimSpace(line)) > 0:
				j = &job{line: n, raw: line}
			case err != nil && err != io.EOF:
				j = &job{line: n, fatal: fmt.Errorf("analyze: read: %w", err)}
			}
			if j != nil {
				select {
				case out <- j:
				case <-quit:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return out
}

// inOrder runs f on the jobs of in with n workers; the returned channel
// yields the jobs in their input order, each with done closed once f ran
// (f is skipped for a fatal job).
func inOrder(in <-chan *job, n int, quit <-chan struct{}, f func(*job)) <-chan *job {
	out := make(chan *job, 256)
	work := make(chan *job, 256)
	for range n {
		go func() {
			for j := range work {
				f(j)
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(out)
		defer close(work)
		for j := range in {
			if j.done != nil {
				<-j.done
			}
			j.done = make(chan struct{})
			select {
			case out <- j:
			case <-quit:
				return
			}
			if j.fatal != nil {
				close(j.done)
				continue
			}
			select {
			case work <- j:
			case <-quit:
				return
			}
		}
	}()
	return out
}
