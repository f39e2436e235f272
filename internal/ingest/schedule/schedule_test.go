package schedule

import (
	"testing"
	"time"
)

func fixed(r float64) func() float64 { return func() float64 { return r } }

func TestNext(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   Input
		rnd  float64
		want time.Duration
	}{
		{"nothing known", Input{}, 0.5, time.Hour},
		{"nothing known, low jitter", Input{}, 0, 54 * time.Minute},
		{"nothing known, high jitter", Input{}, 0.75, 63 * time.Minute},
		{"busy feed polls at half its gap", Input{PublishInterval: 40 * time.Minute}, 0.5, 20 * time.Minute},
		{"very busy feed clamped to Min", Input{PublishInterval: time.Minute}, 0.5, 5 * time.Minute},
		{"quiet feed clamped to Max", Input{PublishInterval: 30 * 24 * time.Hour}, 0.5, 24 * time.Hour},
		{"ttl is a floor", Input{TTL: 3 * time.Hour, PublishInterval: 40 * time.Minute}, 0.5, 3 * time.Hour},
		{"ttl below the rate is ignored", Input{TTL: 10 * time.Minute}, 0.5, time.Hour},
		{"max-age is a floor", Input{MaxAge: 2 * time.Hour}, 0.5, 2 * time.Hour},
		{"Expires is a floor", Input{Expires: now.Add(90 * time.Minute)}, 0.5, 90 * time.Minute},
		{"past Expires is ignored", Input{Expires: now.Add(-time.Hour)}, 0.5, time.Hour},
		{"huge ttl capped at Max", Input{TTL: 7 * 24 * time.Hour}, 0.5, 24 * time.Hour},
		{"first error", Input{Failed: true, ErrorCount: 1}, 0.5, 5 * time.Minute},
		{"first error low jitter stays at Min", Input{Failed: true, ErrorCount: 1}, 0, 5 * time.Minute},
		{"first error high jitter", Input{Failed: true, ErrorCount: 1}, 0.75, 5*time.Minute + 30*time.Second},
		{"error count zero counts as one", Input{Failed: true}, 0.5, 5 * time.Minute},
		{"third error", Input{Failed: true, ErrorCount: 3}, 0.5, 20 * time.Minute},
		{"third error low jitter", Input{Failed: true, ErrorCount: 3}, 0, 16 * time.Minute},
		{"eighth error", Input{Failed: true, ErrorCount: 8}, 0.5, 640 * time.Minute},
		{"many errors capped at ErrorMax", Input{Failed: true, ErrorCount: 50}, 0.5, 12 * time.Hour},
		{"absurd error count", Input{Failed: true, ErrorCount: 1 << 30}, 0.999, 12 * time.Hour},
		{"many errors low jitter below cap", Input{Failed: true, ErrorCount: 50}, 0, 12 * time.Hour * 8 / 10},
		{"Retry-After honoured exactly", Input{Failed: true, ErrorCount: 9, RetryAfter: 90 * time.Second}, 0.9, 90 * time.Second},
		{"Retry-After clamped to ErrorMax", Input{Failed: true, RetryAfter: 48 * time.Hour}, 0.5, 12 * time.Hour},
		{"Retry-After on success is a floor", Input{RetryAfter: 3 * time.Hour}, 0.5, 3 * time.Hour},
		{"rnd out of range means no jitter", Input{}, 7, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Next(now, tt.in, fixed(tt.rnd)).Sub(now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPolicyDefaultsAndNilRand(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	p := Policy{Min: time.Minute, ErrorMax: 10 * time.Minute}
	tests := []struct {
		name string
		in   Input
		want time.Duration
	}{
		{"default interval from DefaultPolicy", Input{}, time.Hour},
		{"custom Min", Input{PublishInterval: time.Minute}, time.Minute},
		{"custom ErrorMax", Input{Failed: true, ErrorCount: 10}, 10 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Next(now, tt.in, nil).Sub(now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBackoffNeverGivesUp(t *testing.T) {
	now := time.Now()
	prev := time.Duration(0)
	for n := 1; n < 200; n++ {
		d := Next(now, Input{Failed: true, ErrorCount: n}, nil).Sub(now)
		if d <= 0 || d > 12*time.Hour {
			t.Fatalf("error %d: got %v, want within (0, 12h]", n, d)
		}
		if d < prev {
			t.Fatalf("error %d: got %v, shorter than %v before", n, d, prev)
		}
		prev = d
	}
}

func TestObservedInterval(t *testing.T) {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	at := func(hours ...float64) []time.Time {
		var ts []time.Time
		for _, h := range hours {
			ts = append(ts, base.Add(time.Duration(h*float64(time.Hour))))
		}
		return ts
	}
	var many []time.Time
	for i := range 100 { // old items daily, the 20 newest hourly
		if i < 80 {
			many = append(many, base.Add(time.Duration(i)*24*time.Hour))
		} else {
			many = append(many, base.Add(79*24*time.Hour+time.Duration(i-79)*time.Hour))
		}
	}
	tests := []struct {
		name string
		in   []time.Time
		want time.Duration
	}{
		{"none", nil, 0},
		{"one", at(1), 0},
		{"all equal", at(2, 2, 2), 0},
		{"zero times ignored", append(at(0, 4), time.Time{}), 4 * time.Hour},
		{"unsorted", at(6, 0, 2, 4), 2 * time.Hour},
		{"duplicates collapse", at(0, 0, 3, 3, 6), 3 * time.Hour},
		{"recent items only", many, time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ObservedInterval(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
