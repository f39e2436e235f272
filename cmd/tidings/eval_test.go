package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings/internal/intel"
	"github.com/tidings/tidings/internal/shareddata"
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
			rep, pred, err := evalSet(context.Background(), intel.Options{Window: 7 * 24 * time.Hour}, filepath.Join(data, set))
			if os.IsNotExist(err) {
				t.Skipf("%s missing", set)
			}
			if err != nil {
				t.Fatal(err)
			}
			storyTags(t, pred)
			for _, f := range checkFloors(set, rep) {
				t.Error(f)
			}
			for _, task := range rep {
				t.Logf("%s: %v", task.name, task.metrics)
			}
		})
	}
}

// storyTags fails t unless every line of a story carries the same 0–5
// hashtags.
func storyTags(t *testing.T, pred []byte) {
	t.Helper()
	tags := map[string]string{}
	for _, line := range bytes.Split(pred, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var r struct {
			ID       string   `json:"id"`
			Story    string   `json:"story"`
			Hashtags []string `json:"hashtags"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Hashtags) > 5 {
			t.Errorf("%s: %d hashtags, want at most 5", r.ID, len(r.Hashtags))
		}
		got := strings.Join(r.Hashtags, " ")
		if want, ok := tags[r.Story]; ok && got != want {
			t.Errorf("%s: hashtags %q, but its story %s has %q", r.ID, got, r.Story, want)
		}
		tags[r.Story] = got
	}
}
