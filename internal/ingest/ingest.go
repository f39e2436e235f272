// Package ingest is the pipeline that turns subscribed feeds into stored,
// analyzed articles: it schedules sources, calls the fetch, parse, full-text
// and analysis stages, and persists their results. It is the only ingest code
// that touches a store; the stages themselves are pure or do only network I/O.
package ingest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/schedule"
)

// Fetcher gets a URL with conditional-GET validators.
type Fetcher interface {
	Get(ctx context.Context, rawURL string, v fetch.Validators) (*fetch.Response, error)
}

// Parser turns a fetched feed document into items, sanitizing an item's
// body only when asked to: a refresh skips the items it has stored unchanged.
type Parser interface {
	ParseLazy(data []byte, feedURL string) (*feed.Feed, error)
	Clean(it *feed.Item)
}

// Sanitizer cleans article HTML extracted from a page for full text.
type Sanitizer interface {
	HTML(html string, base *url.URL) string
}

// Options are the pipeline's optional dependencies and settings.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time
	// Workers is how many sources are refreshed at once (default 16).
	Workers int
	// Policy decides when a source is polled next.
	Policy schedule.Policy
	// Registerer receives the pipeline's Prometheus metrics (nil: none).
	Registerer prometheus.Registerer
	// Analyze turns on story analysis of new articles (duplicates,
	// stories, intelligence) in whichever process holds the analysis lease;
	// the others leave their articles to it.
	Analyze bool
	// Window is the story window of analysis (default 7 days).
	Window time.Duration
	// FullTextWorkers bounds article-page fetches at once (default 4).
	FullTextWorkers int
	// Parsers bounds how many fetched feeds are parsed, cleaned and stored
	// at once, and apart from those how many are prepared for analysis
	// (default GOMAXPROCS+1 each). That work is CPU and the store's one
	// writer, so more feeds at once only hold more of them in memory; a
	// feed waiting for its turn holds only its fetched body. Workers still
	// bound the fetches waiting on the network.
	Parsers int
}

// Pipeline refreshes sources into a store.
type Pipeline struct {
	store     tidings.Store
	fetcher   Fetcher
	parser    Parser
	sanitizer Sanitizer
	opts      Options
	log       *slog.Logger
	now       func() time.Time
	metrics   *metrics
	storeMu   sync.Mutex    // orders SaveRefresh with the analysis queue
	parsers   chan struct{} // a token per feed being parsed to stored (Options.Parsers)
	holder    string        // this pipeline's name for leases

	leadMu   sync.Mutex
	analysis *Analysis // non-nil while this pipeline holds the analysis lease
	rndMu    sync.Mutex
	rndState uint64
}

// New returns a pipeline that stores into store.
func New(store tidings.Store, f Fetcher, p Parser, san Sanitizer, opts Options) *Pipeline {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Workers <= 0 {
		opts.Workers = 16
	}
	if opts.FullTextWorkers <= 0 {
		opts.FullTextWorkers = 4
	}
	if opts.Parsers <= 0 {
		opts.Parsers = runtime.GOMAXPROCS(0) + 1
	}
	if opts.Policy == (schedule.Policy{}) {
		opts.Policy = schedule.DefaultPolicy()
	}
	if opts.Window <= 0 {
		opts.Window = 7 * 24 * time.Hour
	}
	return &Pipeline{
		store: store, fetcher: f, parser: p, sanitizer: san, holder: newHolder(),
		opts: opts, log: opts.Logger, now: opts.Now,
		metrics:  newMetrics(opts.Registerer),
		parsers:  make(chan struct{}, opts.Parsers),
		rndState: uint64(opts.Now().UnixNano()) | 1,
	}
}

// rand returns a pseudo-random number in [0,1) for schedule jitter.
func (p *Pipeline) rand() float64 {
	p.rndMu.Lock()
	defer p.rndMu.Unlock()
	// xorshift64*: jitter needs spread, not cryptographic quality.
	p.rndState ^= p.rndState >> 12
	p.rndState ^= p.rndState << 25
	p.rndState ^= p.rndState >> 27
	return float64((p.rndState*2685821657736338717)>>11) / (1 << 53)
}

// newHolder names this pipeline for leases: host, process and a random part,
// so that an operator can tell which process holds one.
func newHolder() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}
