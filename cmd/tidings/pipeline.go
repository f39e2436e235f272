package main

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/ingest"
	"github.com/tidings/tidings/internal/ingest/feed"
	"github.com/tidings/tidings/internal/ingest/fetch"
	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// newPipeline builds the ingest pipeline over st from the configuration. reg
// receives its metrics (nil: none). When analyze is set, new articles are
// analyzed by whichever process holds the analysis lease.
func (m *Main) newPipeline(ctx context.Context, st tidings.Store, reg prometheus.Registerer, analyze bool) (*ingest.Pipeline, error) {
	cfg := m.Config
	fc := fetch.New(fetch.Options{
		UserAgent:            cfg.UserAgent,
		AllowPrivateNetworks: cfg.AllowPrivateNetworks,
		PerHost:              cfg.PerHost,
	})
	san := sanitize.New(sanitize.Options{})
	opts := ingest.Options{Logger: m.Logger, Workers: cfg.Workers, Registerer: reg, Analyze: analyze && cfg.Analyze, Window: cfg.StoryWindow}
	p := ingest.New(st, fc, feed.New(san), san, opts)
	m.onClose(func() error { return p.Close(context.WithoutCancel(ctx)) })
	return p, nil
}
