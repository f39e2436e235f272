package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// TestJitterOrder checks that a jittered order holds every record once,
// keeps the published times in place and is the same for the same seed.
func TestJitterOrder(t *testing.T) {
	var raw bytes.Buffer
	for i := range 200 {
		fmt.Fprintf(&raw, `{"id":"a%03d","title":"t","published":"2025-06-01T%02d:%02d:00Z"}`+"\n", i, i/60, i%60)
	}
	raw.WriteString(`{"id":"last","title":"no time"}` + "\n")
	got, err := jitterOrder(raw.Bytes(), 1)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := jitterOrder(raw.Bytes(), 1)
	if !bytes.Equal(got, again) {
		t.Error("jitterOrder: two runs with one seed differ")
	}
	type rec struct{ ID, Published string }
	var ids, times []string
	moved := 0
	for i, line := range bytes.Split(bytes.TrimSpace(got), []byte("\n")) {
		var r rec
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		if r.ID != fmt.Sprintf("a%03d", i) {
			moved++
		}
		ids = append(ids, r.ID)
		if r.Published != "" {
			times = append(times, r.Published)
		}
	}
	if len(ids) != 201 || moved == 0 || moved > 150 {
		t.Errorf("jitterOrder: %d records, %d moved; want 201, some but not most moved", len(ids), moved)
	}
	if !slices.IsSorted(times) || len(times) != 200 {
		t.Errorf("jitterOrder: published times out of order or lost (%d)", len(times))
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != 201 {
		t.Error("jitterOrder: a record was lost or doubled")
	}
	if _, err := jitterOrder([]byte("{bad\n"), 1); err == nil {
		t.Error("jitterOrder: want an error for a bad line")
	}
}
