package web

import (
	"context"
	"html/template"
	"strconv"
	"strings"
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

// sourceOptions renders the <option>s of a source <select> in Go: with
// hundreds of sources, html/template's per-action escaping would cost more
// than the rest of the page. Titles are escaped here.
func sourceOptions(srcs []*tidings.Source, selected int64) template.HTML {
	var b strings.Builder
	b.Grow(len(srcs) * 48)
	for _, s := range srcs {
		b.WriteString(`<option value="`)
		b.WriteString(strconv.FormatInt(s.ID, 10))
		if s.ID == selected {
			b.WriteString(`" selected>`)
		} else {
			b.WriteString(`">`)
		}
		b.WriteString(template.HTMLEscapeString(s.Title))
		b.WriteString("</option>\n")
	}
	return template.HTML(b.String())
}
