package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// capReader fails, rather than truncates, once more than limit bytes have
// been read: a cut-off feed would parse as a shorter valid one and silently
// lose items.
type capReader struct {
	r        io.Reader
	left     int64
	exceeded bool
	err      error
}

func newCapReader(r io.Reader, limit int64, err error) *capReader {
	return &capReader{r: r, left: limit, err: err}
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.exceeded {
		return 0, c.err
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		c.exceeded = true
		return n - 1, c.err
	}
	return n, err
}

// decode reads body, undoing the Content-Encoding layers in reverse order,
// with both the wire size and the decoded size capped.
func decode(body io.Reader, encoding string, maxWire, maxDecoded int64) ([]byte, error) {
	wire := newCapReader(body, maxWire, errorf(ErrTooLarge, "response larger than %s", size(maxWire)))
	var r io.Reader = wire
	var layers []string
	for _, e := range strings.Split(encoding, ",") {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" && e != "identity" {
			layers = append(layers, e)
		}
	}
	if len(layers) > 2 {
		return nil, fmt.Errorf("too many content encodings %q", encoding)
	}
	for i := len(layers) - 1; i >= 0; i-- {
		var err error
		if r, err = decoder(r, layers[i]); err != nil {
			if wire.exceeded {
				return nil, wire.err
			}
			return nil, err
		}
	}
	decoded := newCapReader(r, maxDecoded, errorf(ErrTooLarge, "decompressed response larger than %s", size(maxDecoded)))
	b, err := io.ReadAll(decoded)
	if wire.exceeded {
		return nil, wire.err
	}
	if err != nil {
		if decoded.exceeded {
			return nil, err
		}
		if len(layers) > 0 {
			return nil, fmt.Errorf("decode %s body: %w", strings.Join(layers, ", "), err)
		}
		return nil, fmt.Errorf("read body: %w", err)
	}
	return b, nil
}

func decoder(r io.Reader, encoding string) (io.Reader, error) {
	switch encoding {
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("decode gzip body: %w", err)
		}
		return z, nil
	case "br":
		return brotli.NewReader(r), nil
	case "deflate":
		// RFC 9110's deflate is zlib-wrapped, but some servers send raw
		// DEFLATE; the zlib header tells them apart.
		br := bufio.NewReader(r)
		head, err := br.Peek(2)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("decode deflate body: %w", err)
		}
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			z, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("decode deflate body: %w", err)
			}
			return z, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("unsupported content encoding %q", encoding)
}
