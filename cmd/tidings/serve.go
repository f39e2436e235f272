package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/demo"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/web"
)

func runServe(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("serve")
	listen := fs.String("listen", m.Config.Listen, "address to listen on (TIDINGS_LISTEN)")
	noWorkers := fs.Bool("no-workers", false, "serve pages only; leave fetching to `tidings worker` processes")
	demoData := fs.Bool("demo", false, "store the built-in sample news first (idempotent) and analyze it; no network needed")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	if *demoData {
		if err := seedDemo(ctx, m, st); err != nil {
			return err
		}
	}
	ws, ok := st.(web.Store)
	if !ok {
		return fmt.Errorf("serve: the %T store has no reader queries", st)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := st.NextDue(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	webServer := web.New(ws, web.Options{Logger: m.Logger, Admin: st})
	mux.Handle("/", webServer)

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	m.Logger.Info("serving", "addr", "http://"+ln.Addr().String(), "database", m.Config.DatabaseURL)
	if token := webServer.SetupToken(ctx); token != "" {
		m.Logger.Warn("no account exists yet: create the administrator at this address, or with `tidings user add NAME --admin`",
			"setup", "http://"+ln.Addr().String()+"/setup?token="+token)
	}
	if m.OnListen != nil {
		m.OnListen(ln.Addr().String())
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 2)
	go func() { done <- srv.Serve(ln) }()
	if !*noWorkers {
		p, err := m.newPipeline(ctx, st, reg, true)
		if err != nil {
			return err
		}
		go func() { done <- p.Run(ctx, m.logOutcome) }()
	}
	select {
	case <-ctx.Done():
	case err = <-done:
	}
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	_ = srv.Shutdown(sctx)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

func runWorker(ctx context.Context, m *Main, args []string) error {
	if err := m.newFlagSet("worker").Parse(args); err != nil {
		return usageError{err}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	p, err := m.newPipeline(ctx, st, nil, true)
	if err != nil {
		return err
	}
	m.Logger.Info("worker started", "database", m.Config.DatabaseURL)
	return p.Run(ctx, m.logOutcome)
}

// logOutcome logs a refresh where it is handled: once, with the source.
func (m *Main) logOutcome(o ingest.Outcome) {
	if o.Err != nil {
		m.Logger.Warn("refresh failed", "source_id", o.SourceID, "err", o.Err)
		return
	}
	if n := o.Result.New + o.Result.Duplicates + o.Result.Updated; n > 0 {
		m.Logger.Info("refreshed", "source_id", o.SourceID, "new", o.Result.New, "duplicates", o.Result.Duplicates, "updated", o.Result.Updated)
	}
}

// seedDemo stores the built-in sample once and runs the real analysis over
// it, so the demo shows what the analyzer decides.
func seedDemo(ctx context.Context, m *Main, st tidings.Store) error {
	before, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if err := demo.Seed(ctx, st); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	after, err := st.Stats(ctx)
	if err != nil || after.Articles == before.Articles {
		return err
	}
	n, err := ingest.Reanalyze(ctx, st, m.Config.StoryWindow)
	if err != nil {
		return fmt.Errorf("demo: analyze: %w", err)
	}
	m.Logger.Info("demo data stored", "articles", n)
	return nil
}
