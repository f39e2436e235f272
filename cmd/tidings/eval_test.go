package main

import (
	"context"
	"github.com/tidings/tidings/internal/shareddata"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/intel"
)

// sharedData returns ../shared/data beside the repository root, or skips.
func sharedData(t *testing.T) string { return shareddata.Path(t) }

// TestEvalFloors fails when a quality metric falls below its floor.
func TestEvalFloors(t *testing.T) {
	data := sharedData(t)
	if testing.Short() {
		t.Skip("evaluation is slow")
	}
	for _, set := range evalSets {
		t.Run(filepath.Base(set), func(t *testing.T) {
			rep, _, err := evalSet(context.Background(), intel.Options{Window: 7 * 24 * time.Hour}, filepath.Join(data, set))
			if os.IsNotExist(err) {
				t.Skipf("%s missing", set)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range checkFloors(set, rep) {
				t.Error(f)
			}
			for _, task := range rep {
				t.Logf("%s: %v", task.name, task.metrics)
			}
		})
	}
}
