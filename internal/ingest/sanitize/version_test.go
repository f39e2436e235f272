package sanitize

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// outputHashes are, for the outputVersion they were recorded at, the hash
// of the sanitizer's HTML and text output over the bluemonday vectors of
// ../shared/data. Stored raw hashes skip cleaning an unchanged feed item
// again only while the output for the same input stays the same: a change
// that alters it must raise outputVersion, and then record the new hash
// here (the failure message prints it).
var outputHashes = map[int]string{
	1: "815df63ac11eda7eab5fd81eaf16fd1ea34b4a2e85c8b4c0efba62dedfa9b6f1",
}

func TestOutputVersion(t *testing.T) {
	ins := bluemondayInputs(t)
	s := New(Options{})
	base := mustURL(t, "https://example.com/blog/post.html")
	h := sha256.New()
	for _, in := range ins {
		clean, text := s.Clean(in, base)
		h.Write([]byte(clean))
		h.Write([]byte{0})
		h.Write([]byte(text))
		h.Write([]byte{0})
	}
	got := hex.EncodeToString(h.Sum(nil))
	want, ok := outputHashes[outputVersion]
	if !ok || want != got {
		t.Errorf("sanitizer output over %d inputs hashes to %s, recorded for outputVersion %d: %q; "+
			"if the output changed on purpose, raise outputVersion and record the new hash", len(ins), got, outputVersion, want)
	}
}
