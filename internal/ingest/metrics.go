package ingest

import "github.com/prometheus/client_golang/prometheus"

// metrics are the pipeline's Prometheus instruments.
type metrics struct {
	fetches  *prometheus.CounterVec // by result: ok, not_modified, error
	items    *prometheus.CounterVec // by outcome: new, duplicate, updated, unchanged
	duration prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tidings_fetches_total", Help: "Feed fetches by result (ok, not_modified, error).",
		}, []string{"result"}),
		items: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tidings_items_total", Help: "Feed items by outcome (new, duplicate, updated, unchanged).",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "tidings_refresh_duration_seconds", Help: "Time to refresh one source, fetch to store.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
		}),
	}
	if reg != nil {
		reg.MustRegister(m.fetches, m.items, m.duration)
	}
	return m
}
