// Package shareddata finds the evaluation and test corpora in shared/data
// beside the repository root, for tests. The corpora are read in place and
// never copied into the repository; tests skip when they are absent.
package shareddata

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns shared/data beside the repository root (found by walking up
// from the working directory to go.mod), or "" when there is no root.
func Dir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "data")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of elem under shared/data, skipping the test when
// it is absent.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	dir := Dir()
	if dir == "" {
		t.Skip("repository root not found")
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("evaluation data absent: %v", err)
	}
	return p
}

// BluemondayInputs returns the HTML inputs of the bluemonday sanitizer
// corpus, skipping the test when it is absent.
func BluemondayInputs(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(Path(t, "sanitizer", "bluemonday", "bluemonday_cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ins []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c struct {
			In string `json:"in"`
		}
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
