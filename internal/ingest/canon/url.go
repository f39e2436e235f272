// Package canon gives articles stable identities across sources: one
// canonical form per URL and one hash per text, so that the same article
// reached through different feeds, trackers or mirrors is recognised as one.
package canon

import (
	"net/netip"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign, a click or a
// reader rather than the resource; two links differing only in them lead to
// the same article. Compared lowercased.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "igshid": true,
	"yclid": true, "ref_src": true, "ref_url": true, "ocid": true, "cmpid": true,
	"__twitter_impression": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"_hsenc": true, "_hsmi": true, "hsctatracking": true, "mkt_tok": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "vero_conv": true,
	"wickedid": true, "rb_clickid": true, "s_cid": true, "guccounter": true,
	"guce_referrer": true, "guce_referrer_sig": true, "ns_mchannel": true,
	"ns_source": true, "ns_campaign": true, "ns_linkname": true, "ns_fee": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true,
	"at_custom3": true, "at_custom4": true, "cmp": true, "ito": true, "spm": true,
	"srcid": true, "xtor": true, "__s": true,
}

// trackingPrefixes catch whole families (utm_source, utm_medium, …).
var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "hmb_"}

// URL returns the canonical form of raw resolved against base (which may be
// nil): lowercase scheme and host, no default port, no fragment, no tracking
// parameters, remaining query parameters sorted by name so that reordered
// links compare equal. It returns "" when raw is not an absolute or
// resolvable http(s) URL, so callers can treat "" as "no usable link".
func URL(raw string, base *url.URL) string {
	u := resolve(raw, base)
	if u == nil {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String()
}

// Resolve returns raw made absolute against base, with scheme and host
// lowercased and the default port dropped, or "" when the result is not
// http(s). Unlike URL it keeps the query and fragment: image and enclosure
// addresses may depend on every parameter.
func Resolve(raw string, base *url.URL) string {
	u := resolve(raw, base)
	if u == nil {
		return ""
	}
	return u.String()
}

// maxURLLen bounds what is stored; longer "URLs" are data blobs or attacks.
const maxURLLen = 4096

func resolve(raw string, base *url.URL) *url.URL {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURLLen || strings.ContainsAny(raw, "\x00\r\n\t") {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	if base == nil {
		base = &url.URL{}
	}
	// ResolveReference also removes dot segments from absolute URLs.
	u = base.ResolveReference(u)
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return nil
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		a, err := netip.ParseAddr(host)
		if err != nil || !a.Is6() {
			return nil
		}
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Opaque = ""
	// The result must survive a round trip: callers store and re-parse it.
	if _, err := url.Parse(u.String()); err != nil {
		return nil
	}
	return u
}

// cleanQuery drops tracking parameters and sorts the rest by name, keeping
// each pair's original encoding (re-encoding could change what a server
// sees, for example "+" versus "%20").
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	pairs := strings.Split(raw, "&")
	kept := pairs[:0]
	for _, p := range pairs {
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if isTracking(strings.ToLower(name)) {
			continue
		}
		kept = append(kept, p)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, _, _ := strings.Cut(kept[i], "=")
		kj, _, _ := strings.Cut(kept[j], "=")
		return ki < kj
	})
	return strings.Join(kept, "&")
}

func isTracking(name string) bool {
	if trackingParams[name] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
