package eval

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "y", "d": "y"}
	tests := []struct {
		name         string
		pred         map[string]string
		wantP, wantR float64
		wantPC       int
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2"}, 1, 1, 2},
		{"all in one", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"}, 0.5, 1, 1},
		{"all apart", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}, 1, 0.5, 4},
	}
	for _, tt := range tests {
		p, r, gc, pc := BCubed(gold, tt.pred)
		if math.Abs(p-tt.wantP) > 1e-9 || math.Abs(r-tt.wantR) > 1e-9 || gc != 2 || pc != tt.wantPC {
			t.Errorf("%s: got P %v R %v clusters %d/%d, want %v %v 2/%d", tt.name, p, r, gc, pc, tt.wantP, tt.wantR, tt.wantPC)
		}
	}
}
