package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gjson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"github.com/tidings/tidings/internal/ingest/sanitize"
)

// Parser parses feeds; it is safe for concurrent use.
type Parser struct {
	san    *sanitize.Sanitizer
	policy string // san's fingerprint, part of every RawHash
}

// New returns a Parser that cleans item HTML with san (a default policy
// when nil).
func New(san *sanitize.Sanitizer) *Parser {
	if san == nil {
		san = sanitize.New(sanitize.Options{})
	}
	return &Parser{san: san, policy: san.Fingerprint()}
}

// Parse parses data, the body of feedURL (which resolves relative links and
// may be "" when unknown), and cleans every item. Errors wrap ErrEmpty,
// ErrNotAFeed (an HTML page or another document: try discovery),
// ErrTooLarge or ErrMalformed.
func (p *Parser) Parse(data []byte, feedURL string) (*Feed, error) {
	f, err := p.ParseLazy(data, feedURL)
	if err != nil {
		return nil, err
	}
	for i := range f.Items {
		p.Clean(&f.Items[i])
	}
	return f, nil
}

// ParseLazy is Parse leaving the cleaning of item bodies to Clean: until
// then an item's HTML, Text and Teaser are empty and its ImageURL holds only
// an image the feed names outside the body. Sanitizing is much of the cost
// of parsing, and a refresh finds most items unchanged: it cleans only those
// whose RawHash it has not stored. Nothing uncleaned is ever exposed; an
// item that is not cleaned has no HTML at all.
func (p *Parser) ParseLazy(data []byte, feedURL string) (*Feed, error) {
	f, err := p.parse(data, feedURL)
	if err != nil {
		return nil, fmt.Errorf("feed: parse %q: %w", feedURL, err)
	}
	return f, nil
}

func (p *Parser) parse(data []byte, feedURL string) (f *Feed, err error) {
	if len(bytes.TrimSpace(bytes.Trim(data, "\xef\xbb\xbf\xfe\xff\x00"))) == 0 {
		return nil, ErrEmpty
	}
	if len(data) > maxInputSize {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, len(data))
	}
	data = skipJunk(toUTF8(data))
	kind, what := sniff(data)
	var base *url.URL
	if u, err := url.Parse(strings.TrimSpace(feedURL)); err == nil && u.IsAbs() {
		base = u
	}
	// gofeed has been robust in testing, but this is the boundary where
	// internet input meets third-party code: a panic there must become one
	// feed's error, not a dead worker.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: parser panic: %v", ErrMalformed, r)
		}
	}()
	var gf *gofeed.Feed
	var ttl time.Duration
	switch kind {
	case formatHTML:
		return nil, fmt.Errorf("%w: an HTML page", ErrNotAFeed)
	case formatUnknown:
		return nil, fmt.Errorf("%w: %s", ErrNotAFeed, what)
	case formatJSON:
		jf, err := (&gjson.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		if !strings.Contains(jf.Version, "jsonfeed") && len(jf.Items) == 0 {
			return nil, fmt.Errorf("%w: JSON that is not a JSON Feed", ErrNotAFeed)
		}
		if gf, err = (&gofeed.DefaultJSONTranslator{}).Translate(jf); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
	case formatRSS:
		if err := checkDepth(data); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			if rf, err = (&rss.Parser{}).Parse(bytes.NewReader(recoverXML(data))); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
			}
		}
		ttl = rssTTL(rf)
		if gf, err = (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
	case formatAtom:
		if err := checkDepth(data); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			if af, err = (&atom.Parser{}).Parse(bytes.NewReader(recoverXML(data))); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
			}
		}
		if gf, err = (&gofeed.DefaultAtomTranslator{}).Translate(af); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
	}
	if gf == nil {
		return nil, errors.Join(ErrMalformed, errors.New("no feed"))
	}
	return p.convert(gf, base, ttl), nil
}

// rssTTL reads the refresh hints of RSS 2.0 (ttl, minutes) and of the
// syndication module (sy:updatePeriod × sy:updateFrequency).
func rssTTL(rf *rss.Feed) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(rf.TTL)); err == nil && n > 0 && n < 60*24*365 {
		return time.Duration(n) * time.Minute
	}
	sy := rf.Extensions["sy"]
	if sy == nil {
		return 0
	}
	period := map[string]time.Duration{
		"hourly": time.Hour, "daily": 24 * time.Hour, "weekly": 7 * 24 * time.Hour,
		"monthly": 30 * 24 * time.Hour, "yearly": 365 * 24 * time.Hour,
	}[strings.ToLower(strings.TrimSpace(extValue(sy, "updatePeriod")))]
	if period == 0 {
		return 0
	}
	freq, err := strconv.Atoi(strings.TrimSpace(extValue(sy, "updateFrequency")))
	if err != nil || freq < 1 {
		freq = 1
	}
	return period / time.Duration(freq)
}
