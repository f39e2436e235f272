package intel

import (
	"testing"
	"time"
)

// TestInstant checks that instants order as the times they come from,
// the zero time included.
func TestInstant(t *testing.T) {
	times := []time.Time{
		{},
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("X", 3600)),
		time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 1, 10, 0, 0, 5, time.UTC),
	}
	if (instant{}) != at(time.Time{}) {
		t.Errorf("the zero instant is not the zero time's")
	}
	for _, a := range times {
		for _, b := range times {
			if got, want := at(a).before(at(b)), a.Before(b); got != want {
				t.Errorf("%v before %v: got %v, want %v", a, b, got, want)
			}
		}
	}
}
