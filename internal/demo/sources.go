package demo

// source is one fictional outlet of the sample. Every address is under the
// reserved .example top-level domain, so nothing ever resolves.
type source struct {
	key, title, site, folder, lang string
	// lastError, when set, makes the source look unhealthy in the admin
	// feed-health table.
	lastError string
}

var sources = []source{
	{key: "wire", title: "Meridian Wire", site: "https://meridianwire.example", folder: "Wires", lang: "en"},
	{key: "gazette", title: "The Harbour Gazette", site: "https://www.harbourgazette.example", folder: "National", lang: "en"},
	{key: "post", title: "Northfield Post", site: "https://northfieldpost.example", folder: "National", lang: "en"},
	{key: "ledger", title: "Capital Ledger", site: "https://capitalledger.example", folder: "Business", lang: "en"},
	{key: "current", title: "Tech Current", site: "https://techcurrent.example", folder: "Technology", lang: "en"},
	{key: "observer", title: "Valley Observer", site: "https://valleyobserver.example", folder: "Regional", lang: "en"},
	{key: "rheinblick", title: "Rheinblick", site: "https://rheinblick.example", folder: "Europe", lang: "de"},
	{key: "courier", title: "Coastline Courier", site: "https://coastlinecourier.example", folder: "Regional", lang: "en",
		lastError: "GET https://coastlinecourier.example/rss.xml: 503 Service Unavailable"},
}

// feedURL is the source's feed address.
func (s source) feedURL() string { return s.site + "/feed.xml" }
