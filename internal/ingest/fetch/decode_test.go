package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestBodyTooLarge(t *testing.T) {
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/declared" {
			w.Header().Set("Content-Length", "52428800")
		}
		// 50 MB streamed without Content-Length; the client must stop early.
		for i := 0; i < 50<<20/len(chunk); i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	c := loopback(Options{})
	for _, path := range []string{"/streamed", "/declared"} {
		resp, err := c.Get(context.Background(), srv.URL+path, Validators{})
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("%s: got %v, want ErrTooLarge", path, err)
		}
		if resp != nil {
			t.Errorf("%s: got a response with %d bytes, want none", path, len(resp.Body))
		}
		want := "fetch " + srv.URL + path + ": response larger than 10 MiB"
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got message %q, want it to start with %q", path, err, want)
		}
	}
}

func TestGzipBomb(t *testing.T) {
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 16 {
		zw.Write(zeros)
	}
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	}))
	defer srv.Close()
	_, err := loopback(Options{MaxDecompressed: 4 << 20}).Get(context.Background(), srv.URL, Validators{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "decompressed response larger than 4 MiB") {
		t.Errorf("got %v, want decompressed response larger than 4 MiB", err)
	}
}

func TestCorruptEncoding(t *testing.T) {
	tests := []struct{ name, encoding, body, want string }{
		{"bad gzip", "gzip", "not gzip at all", "decode gzip body"},
		{"truncated gzip", "gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "decode gzip body"},
		{"unknown", "compress", "x", `unsupported content encoding "compress"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(strings.NewReader(tt.body), tt.encoding, 1<<20, 1<<20)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestCapReaderExact(t *testing.T) {
	for _, n := range []int{0, 1, 99, 100} {
		b, err := io.ReadAll(newCapReader(strings.NewReader(strings.Repeat("a", n)), 100, ErrTooLarge))
		if err != nil || len(b) != n {
			t.Errorf("%d bytes under a 100-byte cap: got %d bytes, %v; want all, nil", n, len(b), err)
		}
	}
	if _, err := io.ReadAll(newCapReader(strings.NewReader(strings.Repeat("a", 101)), 100, ErrTooLarge)); err != ErrTooLarge {
		t.Errorf("101 bytes under a 100-byte cap: got %v, want ErrTooLarge", err)
	}
}
