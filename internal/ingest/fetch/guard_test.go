package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/tidings/tidings"
)

func TestIsPrivate(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true},
		{"127.1.2.3", true},
		{"10.0.0.1", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"172.32.0.1", false},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"224.0.0.1", true},
		{"255.255.255.255", true},
		{"::1", true},
		{"::", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"fe80::1", true},
		{"ff02::1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::127.0.0.1", true},
		{"8.8.8.8", false},
		{"93.184.216.34", false},
		{"2606:4700::1111", false},
		{"::ffff:8.8.8.8", false},
	}
	for _, tt := range tests {
		if got := isPrivate(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("isPrivate(%s): got %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// fakeDNS resolves every *.test name to the address in its first label
// ("10-0-0-1.test" → 10.0.0.1) and fails otherwise, so no query leaves the
// machine and no traffic goes anywhere but 127.0.0.1.
func fakeDNS(_ context.Context, host string) ([]net.IP, error) {
	name, ok := strings.CutSuffix(host, ".test")
	if !ok {
		return nil, fmt.Errorf("no such host %s", host)
	}
	ip := net.ParseIP(strings.ReplaceAll(name, "-", "."))
	if ip == nil {
		return nil, fmt.Errorf("no such host %s", host)
	}
	return []net.IP{ip}, nil
}

func TestGuardRefusesPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request reached the server: %s", r.URL)
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	tests := []struct {
		url, want string
	}{
		{srv.URL, "refused private address 127.0.0.1"},
		{fmt.Sprintf("http://127-0-0-1.test:%d/", port), "refused private address 127.0.0.1"},
		{"http://10-0-0-1.test/feed", "refused private address 10.0.0.1"},
		{"http://169.254.169.254/latest/meta-data/", "refused private address 169.254.169.254"},
		{"http://[::ffff:10.0.0.1]/", "refused private address 10.0.0.1"},
		{"http://[::1]/", "refused private address ::1"},
		{"http://192-168-0-1.test/", "refused private address 192.168.0.1"},
	}
	c := New(Options{LookupIP: fakeDNS})
	for _, tt := range tests {
		_, err := c.Get(context.Background(), tt.url, Validators{})
		if err == nil || !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.url, err, tt.want)
		}
		if !errors.Is(err, ErrPrivateAddress) || !errors.Is(err, tidings.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrPrivateAddress and ErrInvalid", tt.url, err)
		}
	}
}

func TestGuardAppliesToRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	defer srv.Close()
	public := netip.MustParseAddrPort(srv.Listener.Addr().String()).Addr()
	// The test server plays a public host; everything else stays guarded.
	c := newClient(Options{LookupIP: fakeDNS}, func(a netip.Addr) error {
		if a == public {
			return nil
		}
		return guard(a)
	})
	for _, target := range []string{"http://10-0-0-1.test/", "http://169.254.169.254/", "http://[fd00::1]:8080/"} {
		_, err := c.Get(context.Background(), srv.URL+"/?to="+url.QueryEscape(target), Validators{})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("redirect to %s: got %v, want ErrPrivateAddress", target, err)
		}
	}
}

func TestAllowPrivateNetworksWithResolver(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(r.Host))
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	c := New(Options{AllowPrivateNetworks: true, LookupIP: fakeDNS})
	resp, err := c.Get(context.Background(), fmt.Sprintf("http://127-0-0-1.test:%d/", port), Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("127-0-0-1.test:%d", port); string(resp.Body) != want {
		t.Errorf("got Host %q, want %q", resp.Body, want)
	}
}
