package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"

	"github.com/tidings/tidings"
)

// blockedPrefixes are the ranges a feed URL must never reach unless private
// networks are allowed: a subscriber could otherwise make the server probe
// its own network or a cloud metadata endpoint (169.254.169.254).
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this" network
	netip.MustParsePrefix("10.0.0.0/8"),      // private
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("127.0.0.0/8"),     // loopback
	netip.MustParsePrefix("169.254.0.0/16"),  // link-local, cloud metadata
	netip.MustParsePrefix("172.16.0.0/12"),   // private
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.168.0.0/16"),  // private
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("224.0.0.0/4"),     // multicast
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("::/96"),           // unspecified, loopback, IPv4-compatible
	netip.MustParsePrefix("fc00::/7"),        // unique local
	netip.MustParsePrefix("fe80::/10"),       // link-local
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
	netip.MustParsePrefix("ff00::/8"),        // multicast
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("::ffff:0:0:0/96"), // IPv4-translated
}

// BlockedError reports a connection refused by the private-network guard.
// It matches ErrPrivateAddress and wraps tidings.ErrInvalid, so callers can
// tell a user that the URL itself is not acceptable.
type BlockedError struct {
	Addr netip.Addr
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("refused private address %s", e.Addr)
}

// Is makes errors.Is(err, ErrPrivateAddress) hold.
func (e *BlockedError) Is(target error) bool { return target == ErrPrivateAddress }

// Unwrap classifies the refusal as invalid input.
func (e *BlockedError) Unwrap() error { return tidings.ErrInvalid }

// isPrivate reports whether addr is in a range the guard refuses. IPv4-mapped
// IPv6 forms (::ffff:10.0.0.1) are unmapped first so they cannot slip by.
func isPrivate(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsUnspecified() || addr.IsLoopback() || addr.IsMulticast() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsPrivate() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// dialer dials after resolving names itself, so that every address is
// checked by the guard (again in Control, which sees the address actually
// connected to: redirects and DNS rebinding cannot bypass it).
type dialer struct {
	net      net.Dialer
	lookupIP func(ctx context.Context, host string) ([]net.IP, error)
	check    func(netip.Addr) error // nil: everything allowed
}

func newDialer(o Options, check func(netip.Addr) error) *dialer {
	d := &dialer{lookupIP: o.LookupIP, check: check}
	if d.lookupIP == nil {
		d.lookupIP = func(ctx context.Context, host string) ([]net.IP, error) {
			return net.DefaultResolver.LookupIP(ctx, "ip", host)
		}
	}
	d.net = net.Dialer{Timeout: o.ConnectTimeout}
	if check != nil {
		d.net.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("unexpected dial address %q", address)
			}
			return check(ap.Addr())
		}
	}
	return d
}

// DialContext resolves host with the injected resolver and dials the first
// allowed address that answers.
func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ips, err := d.lookupIP(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", host, err)
		}
		for _, ip := range ips {
			if a, ok := netip.AddrFromSlice(ip); ok {
				addrs = append(addrs, a.Unmap())
			}
		}
		if len(addrs) == 0 {
			return nil, fmt.Errorf("resolve %s: no addresses", host)
		}
	}
	var errs []error
	for _, a := range addrs {
		if d.check != nil {
			if err := d.check(a); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		conn, err := d.net.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// guard returns the address check of the private-network guard.
func guard(a netip.Addr) error {
	if isPrivate(a) {
		return &BlockedError{Addr: a.Unmap()}
	}
	return nil
}
