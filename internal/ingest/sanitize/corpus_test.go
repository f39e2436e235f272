package sanitize

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"github.com/tidings/tidings/internal/shareddata"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData returns shared/data/elem..., skipping the test when absent.
func sharedData(t testing.TB, elem ...string) string { return shareddata.Path(t, elem...) }

type bluemondayCase struct {
	Func string `json:"func"`
	In   string `json:"in"`
}

func bluemondayInputs(t testing.TB) []string {
	f, err := os.Open(sharedData(t, "sanitizer", "bluemonday", "bluemonday_cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ins []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c bluemondayCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("bluemonday case: %v", err)
		}
		ins = append(ins, c.In)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ins
}

// feedparserInputs returns the HTML fragments of feedparser's sanitize
// corpus: for each element of each feed, its text (escaped HTML, unescaped
// by XML) and its raw inner markup (inline XHTML).
func feedparserInputs(t testing.TB) (files int, fragments []string) {
	dir := sharedData(t, "feeds", "feedparser", "original", "tests", "wellformed", "sanitize")
	paths, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fragments = append(fragments, elementContents(data)...)
	}
	return len(paths), fragments
}

func elementContents(data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	type open struct {
		start int64
		text  strings.Builder
	}
	var stack []*open
	var out []string
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				out = append(out, string(data))
			}
			return out
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, &open{start: d.InputOffset()})
		case xml.CharData:
			for _, o := range stack {
				o.text.Write(tok)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if s := strings.TrimSpace(o.text.String()); s != "" {
				out = append(out, s)
			}
			end := d.InputOffset()
			if raw := data[o.start:end]; bytes.IndexByte(raw, '<') >= 0 {
				if i := bytes.LastIndex(raw, []byte("</")); i > 0 {
					out = append(out, string(raw[:i]))
				}
			}
		}
	}
}

func TestCorpusBluemonday(t *testing.T) {
	s := New(Options{})
	ins := bluemondayInputs(t)
	failed := 0
	for i, in := range ins {
		out := s.HTML(in, mustURL(t, "https://example.com/a/"))
		if err := Audit(out, false); err != nil {
			failed++
			t.Errorf("case %d: %v\ninput  %q\noutput %q", i, err, in, out)
		}
	}
	t.Logf("bluemonday vectors: %d, unsafe outputs: %d", len(ins), failed)
}

func TestCorpusFeedparser(t *testing.T) {
	s := New(Options{})
	files, frags := feedparserInputs(t)
	failed := 0
	for i, in := range frags {
		out := s.HTML(in, mustURL(t, "https://example.com/a/"))
		if err := Audit(out, false); err != nil {
			failed++
			t.Errorf("fragment %d: %v\ninput  %q\noutput %q", i, err, in, out)
		}
	}
	t.Logf("feedparser sanitize files: %d, fragments: %d, unsafe outputs: %d", files, len(frags), failed)
}
