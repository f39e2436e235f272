package fetch

import (
	"context"
	"sync"
)

// hostLimiter bounds concurrent requests per host, for politeness: many feeds
// of one publisher must not arrive at its server all at once. Idle hosts are
// forgotten so the map does not grow with every host ever fetched.
type hostLimiter struct {
	max   int
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{}
	refs int // goroutines holding or waiting for a slot
}

func newHostLimiter(max int) *hostLimiter {
	return &hostLimiter{max: max, hosts: make(map[string]*hostSlot)}
}

// acquire waits for a slot for host; the returned func releases it.
func (l *hostLimiter) acquire(ctx context.Context, host string) (func(), error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.max)}
		l.hosts[host] = s
	}
	s.refs++
	l.mu.Unlock()

	done := func() {
		l.mu.Lock()
		s.refs--
		if s.refs == 0 {
			delete(l.hosts, host)
		}
		l.mu.Unlock()
	}
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem; done() }, nil
	case <-ctx.Done():
		done()
		return nil, ctx.Err()
	}
}
