package feed

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

var rootStart = regexp.MustCompile(`(?s)^(.*?\]?>?\s*)<([A-Za-z][\w:-]*)[^>]*>(.*)</([A-Za-z][\w:-]*)>\s*$`)

// wrapAttack keeps an attack document's prolog (its DTD and entity
// declarations) and moves its root's content into the fields of a feed,
// where a parser that expands entities would expand them.
func wrapAttack(doc, format string) string {
	prolog, body := "", "x"
	if i := strings.LastIndex(doc, "]>"); i >= 0 {
		prolog, doc = doc[:i+2], doc[i+2:]
	}
	if m := rootStart.FindStringSubmatch(doc); m != nil {
		body = m[3]
	}
	if format == "atom" {
		return prolog + `<feed xmlns="http://www.w3.org/2005/Atom"><title>` + body + `</title><entry><id>1</id><title>` +
			body + `</title><content type="html">` + body + `</content></entry></feed>`
	}
	return prolog + `<rss version="2.0"><channel><title>` + body + `</title><item><title>` + body +
		`</title><description>` + body + `</description><link>http://example.com/` + body + `</link></item></channel></rss>`
}

// TestXMLAttacks feeds every defusedxml sample, raw and wrapped as RSS and
// Atom, through Parse: each must fail or parse harmlessly (no entity
// expanded, nothing external read), quickly and in bounded memory.
func TestXMLAttacks(t *testing.T) {
	dir := sharedData(t, "xml-attacks", "original", "xmltestdata")
	paths, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no attack samples in %s: %v", dir, err)
	}
	secret := filepath.Join(t.TempDir(), "secret.xml")
	if err := os.WriteFile(secret, []byte("<root>SECRET-MARKER</root>"), 0o600); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := strings.ReplaceAll(string(b), "file:///PATH/TO/xmltestdata/simple.xml", "file://"+secret)
		name := filepath.Base(p)
		inputs[name] = doc
		inputs[name+" as rss"] = wrapAttack(doc, "rss")
		inputs[name+" as atom"] = wrapAttack(doc, "atom")
	}
	inputs["billion laughs 10^10"] = wrapAttack(billionLaughs(10), "rss")
	inputs["deep nesting"] = `<rss><channel><item><description>` + strings.Repeat("<a>", 200000) + `</description></item></channel></rss>`
	inputs["deep nesting unclosed atom"] = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>` + strings.Repeat("<div>", 200000)
	p := New(nil)
	var parsed, failed int
	for name, doc := range inputs {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			f, err, ok := parseGuarded(t, p, []byte(doc), "http://example.com/feed", 5*time.Second)
			if !ok {
				t.Fatalf("no result within 5s")
			}
			runtime.ReadMemStats(&after)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20+uint64(40*len(doc)) {
				t.Errorf("allocated %d MB for %d bytes", alloc>>20, len(doc))
			}
			if err != nil {
				failed++
				if !errors.Is(err, ErrNotAFeed) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) {
					t.Errorf("unclassified error %v", err)
				}
				return
			}
			parsed++
			checkFeed(t, name, f)
			out := f.Title
			for _, it := range f.Items {
				out += it.Title + it.HTML + it.Text + it.URL
			}
			if len(out) > 4*len(doc)+1024 {
				t.Errorf("output %d bytes for %d bytes of input: an entity was expanded", len(out), len(doc))
			}
			if strings.Contains(out, "SECRET-MARKER") || strings.Contains(out, "<to>") {
				t.Errorf("external entity content leaked: %q", out)
			}
			if strings.Contains(out, "12345678901234567890") {
				t.Errorf("entity expanded: %.200q", out)
			}
		})
	}
	t.Logf("attack inputs: %d, parsed harmlessly: %d, rejected: %d", len(inputs), parsed, failed)
}

func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE lolz [\n<!ENTITY e0 \"1234567890\">\n")
	for i := 1; i <= levels; i++ {
		b.WriteString("<!ENTITY e" + itoa(i) + " \"" + strings.Repeat("&e"+itoa(i-1)+";", 10) + "\">\n")
	}
	b.WriteString("]>\n<lolz>&e" + itoa(levels) + ";</lolz>")
	return b.String()
}
