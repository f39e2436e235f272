package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"

	"github.com/tidings/tidings/internal/intel"
)

// jitterSwap is the chance that a record trades places with the next one.
const jitterSwap = 0.15

// jitterOrder returns the JSONL records of raw with neighbours swapped at
// random (seeded by seed), each record taking the published time of the
// place it moves to, so that times still rise in input order.
func jitterOrder(raw []byte, seed uint64) ([]byte, error) {
	var recs []map[string]json.RawMessage
	for _, line := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r map[string]json.RawMessage
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	times := make([]json.RawMessage, len(recs))
	for i, r := range recs {
		times[i] = r["published"]
	}
	rng := rand.New(rand.NewPCG(seed, 0x7469646e))
	for i := 0; i+1 < len(recs); i++ {
		if rng.Float64() < jitterSwap {
			recs[i], recs[i+1] = recs[i+1], recs[i]
			i++
		}
	}
	var out bytes.Buffer
	for i, r := range recs {
		if times[i] != nil {
			r["published"] = times[i]
		} else {
			delete(r, "published")
		}
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// printJitter scores the stories of the set at path in n jittered orders
// and prints the spread of their B-cubed F1.
func printJitter(ctx context.Context, m *Main, opts intel.Options, path string, n int) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var f1s []float64
	for seed := 1; seed <= n; seed++ {
		jr, err := jitterOrder(raw, uint64(seed))
		if err != nil {
			return fmt.Errorf("eval: %s: %w", path, err)
		}
		rep, _, err := evalRaw(ctx, opts, path, jr)
		if err != nil {
			return err
		}
		for _, task := range rep {
			if task.name != "stories" {
				continue
			}
			for _, x := range task.metrics {
				if x.Name == "bcubed_f1" {
					f1s = append(f1s, x.Value)
				}
			}
		}
	}
	if len(f1s) == 0 {
		return nil
	}
	sum := 0.0
	for _, v := range f1s {
		sum += v
	}
	fmt.Fprintf(m.Stdout, "  stories in %d jittered orders: bcubed_f1 min=%.4f mean=%.4f max=%.4f\n",
		len(f1s), slices.Min(f1s), sum/float64(len(f1s)), slices.Max(f1s))
	return nil
}

// hasTask reports whether rep scored the task name.
func hasTask(rep []taskReport, name string) bool {
	return slices.ContainsFunc(rep, func(t taskReport) bool { return t.name == name })
}
