package web

import (
	"context"
	"sync"
	"time"

	"github.com/tidings/tidings"
)

// sourcesTTL is how long the list of sources is reused between requests:
// every page names sources, and with thousands of them reading the list per
// request would cost more than the rest of the page. Admin changes drop the
// cached list at once; other processes' changes show within the TTL.
const sourcesTTL = 10 * time.Second

// sourceCache holds the sources list for sourcesTTL.
type sourceCache struct {
	mu     sync.Mutex
	list   []*tidings.Source
	byID   map[int64]*tidings.Source
	loaded time.Time // by the monotonic clock: a cache age, not a domain time
}

// sources returns every source and an index by ID, from the cache when fresh.
func (s *Server) sources(ctx context.Context) ([]*tidings.Source, map[int64]*tidings.Source, error) {
	c := &s.srcCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && time.Since(c.loaded) < sourcesTTL {
		return c.list, c.byID, nil
	}
	list, err := s.store.Sources(ctx)
	if err != nil {
		return nil, nil, err
	}
	c.list, c.byID, c.loaded = list, sourceIndex(list), time.Now()
	return c.list, c.byID, nil
}

// forgetSources drops the cached list after an admin change.
func (s *Server) forgetSources() {
	s.srcCache.mu.Lock()
	s.srcCache.list = nil
	s.srcCache.mu.Unlock()
}

// option is one entry of a source <select>, precomputed so that templates
// compare nothing per option.
type option struct {
	ID       int64
	Title    string
	Selected bool
}

func sourceOptions(srcs []*tidings.Source, selected int64) []option {
	out := make([]option, len(srcs))
	for i, s := range srcs {
		out[i] = option{ID: s.ID, Title: s.Title, Selected: s.ID == selected}
	}
	return out
}
