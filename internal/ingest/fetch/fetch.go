// Package fetch is Tidings' HTTP client for feeds and article pages: it
// makes conditional GETs, decodes gzip/brotli/deflate itself so that the
// decompressed size is capped, limits redirects and per-host concurrency, and
// refuses connections to private networks at connect time so neither a
// redirect nor DNS rebinding can reach them.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// Defaults of Options, chosen for feeds: big enough for the largest real
// feeds (a few MiB), small enough that a hostile server cannot exhaust memory.
const (
	DefaultUserAgent       = "Tidings/0.1 (+https://github.com/tidings/tidings)"
	DefaultTimeout         = 30 * time.Second
	DefaultConnectTimeout  = 10 * time.Second
	DefaultMaxBody         = 10 << 20
	DefaultMaxDecompressed = 32 << 20
	DefaultMaxRedirects    = 5
	DefaultPerHost         = 8
)

// accept prefers feeds but takes HTML too: the same client fetches article
// pages and sites whose feed is to be discovered.
const accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"

// Options are the optional settings of a Client; zero values take defaults.
type Options struct {
	UserAgent string
	// AllowPrivateNetworks lifts the guard against loopback, private,
	// link-local and metadata addresses (tests, benchmarks, intranets).
	AllowPrivateNetworks bool
	Timeout              time.Duration // whole request, body included
	ConnectTimeout       time.Duration
	MaxBody              int64 // bytes on the wire (compressed)
	MaxDecompressed      int64 // bytes after decoding
	MaxRedirects         int
	PerHost              int // concurrent requests per host
	// LookupIP resolves host names; tests use it to control DNS. Default:
	// net.DefaultResolver.
	LookupIP func(ctx context.Context, host string) ([]net.IP, error)
	// Clock gives the current time (for Retry-After dates without a Date header).
	Clock func() time.Time
	// TLSConfig is for tests that serve HTTPS; nil uses the system roots.
	TLSConfig *tls.Config
}

// Validators are the values of a previous response used for a conditional
// GET, sent as If-None-Match and If-Modified-Since.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is what the pipeline needs of an HTTP response: the body and the
// headers that drive conditional GET and polling.
type Response struct {
	StatusCode  int
	NotModified bool   // 304: Body is empty, keep the previous content
	Body        []byte // decoded
	ContentType string
	// ETag and LastModified are the validators for the next request; on a 304
	// without them, the ones sent are returned.
	ETag         string
	LastModified string
	FinalURL     string        // after redirects
	MaxAge       time.Duration // Cache-Control max-age; -1 when absent
	Expires      time.Time     // zero when absent
	RetryAfter   time.Duration // zero when absent
	Date         time.Time     // server's Date; zero when absent
}

// Client fetches URLs; it is safe for concurrent use.
type Client struct {
	opts  Options
	http  *http.Client
	hosts *hostLimiter
}

// New returns a Client with opts' defaults filled in.
func New(opts Options) *Client {
	return newClient(opts, nil)
}

// newClient lets in-package tests replace the address check (to treat one
// loopback test server as public while everything else stays guarded).
func newClient(opts Options, check func(netip.Addr) error) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxDecompressed <= 0 {
		opts.MaxDecompressed = DefaultMaxDecompressed
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.PerHost <= 0 {
		opts.PerHost = DefaultPerHost
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if check == nil && !opts.AllowPrivateNetworks {
		check = guard
	}
	d := newDialer(opts, check)
	tr := &http.Transport{
		Proxy:               nil, // a proxy would hide the real address from the guard
		DialContext:         d.DialContext,
		TLSClientConfig:     opts.TLSConfig,
		TLSHandshakeTimeout: opts.ConnectTimeout,
		DisableCompression:  true, // decoded here, under the MaxDecompressed cap
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: opts.PerHost,
		IdleConnTimeout:     90 * time.Second,
	}
	c := &Client{opts: opts, hosts: newHostLimiter(opts.PerHost)}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// Get fetches rawURL, conditionally when v is set. A 2xx or 304 returns a
// Response and no error; any other status returns the Response (headers
// only) together with a *StatusError; a network failure returns only an error.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, errorf(tidings.ErrInvalid, "invalid URL: %v", err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, errorf(tidings.ErrInvalid, "unsupported URL scheme %q", u.Scheme))
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, errorf(tidings.ErrInvalid, "URL has no host"))
	}
	release, err := c.hosts.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer release()

	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, errTimedOut)
	defer cancel()
	resp, err := c.get(ctx, u, v)
	if err != nil {
		if context.Cause(ctx) == errTimedOut {
			err = errorf(ErrTimeout, "timed out after %s", c.opts.Timeout)
		}
		var se *StatusError
		if errors.As(err, &se) {
			se.URL = rawURL
			return resp, se
		}
		return resp, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

var errTimedOut = errors.New("fetch timeout")

func (c *Client) get(ctx context.Context, u *url.URL, v Validators) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip, br, deflate")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	hr, err := c.http.Do(req)
	if err != nil {
		return nil, cause(err)
	}
	defer hr.Body.Close()

	r := &Response{
		StatusCode:   hr.StatusCode,
		ContentType:  hr.Header.Get("Content-Type"),
		ETag:         hr.Header.Get("ETag"),
		LastModified: hr.Header.Get("Last-Modified"),
		FinalURL:     hr.Request.URL.String(),
		MaxAge:       maxAge(hr.Header),
		Expires:      httpTime(hr.Header, "Expires"),
		RetryAfter:   retryAfter(hr.Header, c.opts.Clock()),
		Date:         httpTime(hr.Header, "Date"),
	}
	switch {
	case hr.StatusCode == http.StatusNotModified:
		r.NotModified = true
		if r.ETag == "" {
			r.ETag = v.ETag
		}
		if r.LastModified == "" {
			r.LastModified = v.LastModified
		}
		return r, nil
	case hr.StatusCode < 200 || hr.StatusCode > 299:
		// Drain a little so the connection can be reused.
		_, _ = io.CopyN(io.Discard, hr.Body, 64<<10)
		return r, &StatusError{StatusCode: hr.StatusCode, RetryAfter: r.RetryAfter}
	}
	if hr.ContentLength > c.opts.MaxBody {
		return nil, errorf(ErrTooLarge, "response larger than %s (Content-Length %d)", size(c.opts.MaxBody), hr.ContentLength)
	}
	r.Body, err = decode(hr.Body, hr.Header.Get("Content-Encoding"), c.opts.MaxBody, c.opts.MaxDecompressed)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return r, nil
}

// checkRedirect refuses loops, more than MaxRedirects hops and non-HTTP
// targets; the guard checks each hop's address when it connects.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return errorf(ErrRedirect, "redirect to unsupported URL scheme %q", req.URL.Scheme)
	}
	next := req.URL.String()
	for _, prev := range via {
		if prev.URL.String() == next {
			return errorf(ErrRedirect, "redirect loop at %s", next)
		}
	}
	if len(via) > c.opts.MaxRedirects {
		return errorf(ErrRedirect, "too many redirects (%d)", c.opts.MaxRedirects)
	}
	return nil
}

// cause strips net/http's "Get "url":" wrapper (Get adds the URL once) and
// surfaces the guard's refusal from inside the dial error.
func cause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var be *BlockedError
	if errors.As(err, &be) {
		return be
	}
	return err
}
