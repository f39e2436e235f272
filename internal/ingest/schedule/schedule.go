// Package schedule decides when a source is fetched next. It is a pure
// policy — no I/O, no clock, randomness injected — so that the pipeline can
// apply it after every fetch and tests can pin every rule.
//
// A healthy feed is polled about twice per observed publishing interval,
// never sooner than the server asks (RSS ttl, Cache-Control max-age, Expires)
// and never less than daily. A failing feed backs off exponentially with
// jitter up to ErrorMax and keeps being retried at that pace: a broken feed
// is never abandoned, it may come back.
package schedule

import (
	"slices"
	"time"
)

// Policy bounds the polling interval. The zero value of a field takes the
// corresponding DefaultPolicy value.
type Policy struct {
	Min      time.Duration // shortest interval, and the first error backoff
	Default  time.Duration // when nothing is known about the feed
	Max      time.Duration // a healthy feed is checked at least this often
	ErrorMax time.Duration // longest backoff of a failing feed
}

// DefaultPolicy is the policy used by Next.
func DefaultPolicy() Policy {
	return Policy{Min: 5 * time.Minute, Default: time.Hour, Max: 24 * time.Hour, ErrorMax: 12 * time.Hour}
}

// Input is what the pipeline knows about a source after a fetch.
type Input struct {
	TTL        time.Duration // RSS <ttl>
	MaxAge     time.Duration // Cache-Control max-age (≤0: absent)
	Expires    time.Time     // Expires header (zero: absent)
	RetryAfter time.Duration // Retry-After (zero: absent)
	// PublishInterval is the observed mean gap between items (zero: unknown).
	PublishInterval time.Duration
	ErrorCount      int  // consecutive failures, this one included
	Failed          bool // the fetch just made failed
}

// Jitter spreads requests so that sources subscribed together do not stay
// in lockstep: ±20% on error backoff, ±10% on regular polls.
const (
	errorJitter = 0.2
	pollJitter  = 0.1
)

// Next returns when to fetch again under DefaultPolicy.
func Next(now time.Time, in Input, rnd func() float64) time.Time {
	return DefaultPolicy().Next(now, in, rnd)
}

// Next returns when to fetch again. rnd returns values in [0, 1); nil means
// no jitter.
func (p Policy) Next(now time.Time, in Input, rnd func() float64) time.Time {
	return now.Add(p.Interval(now, in, rnd))
}

// Interval is Next minus now.
func (p Policy) Interval(now time.Time, in Input, rnd func() float64) time.Duration {
	p = p.withDefaults()
	r := 0.5
	if rnd != nil {
		if r = rnd(); r < 0 || r >= 1 {
			r = 0.5
		}
	}
	if in.Failed {
		if in.RetryAfter > 0 {
			return min(in.RetryAfter, p.ErrorMax)
		}
		return p.backoff(in.ErrorCount, r)
	}

	base := p.Default
	if in.PublishInterval > 0 {
		base = clamp(in.PublishInterval/2, p.Min, p.Max)
	}
	d := jitter(base, pollJitter, r)
	// The server's own hints are a floor: polling earlier only returns what
	// the server told us is still fresh.
	hint := max(in.TTL, in.MaxAge, in.RetryAfter)
	if !in.Expires.IsZero() {
		hint = max(hint, in.Expires.Sub(now))
	}
	return clamp(max(d, hint), p.Min, p.Max)
}

// backoff is Min·2^(n-1) with jitter, capped at ErrorMax.
func (p Policy) backoff(errorCount int, r float64) time.Duration {
	n := max(errorCount, 1) - 1
	d := p.Min
	for i := 0; i < n && d < p.ErrorMax; i++ {
		d *= 2
	}
	return clamp(jitter(min(d, p.ErrorMax), errorJitter, r), p.Min, p.ErrorMax)
}

func (p Policy) withDefaults() Policy {
	def := DefaultPolicy()
	if p.Min <= 0 {
		p.Min = def.Min
	}
	if p.Default <= 0 {
		p.Default = def.Default
	}
	if p.Max <= 0 {
		p.Max = def.Max
	}
	if p.ErrorMax <= 0 {
		p.ErrorMax = def.ErrorMax
	}
	p.Max = max(p.Max, p.Min)
	p.ErrorMax = max(p.ErrorMax, p.Min)
	return p
}

// jitter scales d by a factor in [1-f, 1+f) chosen by r in [0, 1).
func jitter(d time.Duration, f, r float64) time.Duration {
	return time.Duration(float64(d) * (1 - f + 2*f*r))
}

func clamp(d, lo, hi time.Duration) time.Duration {
	return min(max(d, lo), hi)
}

// recentItems bounds ObservedInterval to the latest items, so the estimate
// follows a feed whose pace changes rather than its whole archive.
const recentItems = 20

// ObservedInterval is the mean gap between the most recent publication
// times (zero times ignored), or zero when fewer than two distinct times are
// known — feeds without dates often stamp every item with the fetch time.
func ObservedInterval(published []time.Time) time.Duration {
	ts := make([]time.Time, 0, len(published))
	for _, t := range published {
		if !t.IsZero() {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return b.Compare(a) })
	ts = slices.CompactFunc(ts, time.Time.Equal)
	if len(ts) > recentItems {
		ts = ts[:recentItems]
	}
	if len(ts) < 2 {
		return 0
	}
	return ts[0].Sub(ts[len(ts)-1]) / time.Duration(len(ts)-1)
}
