package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings/internal/intel"
)

// evalSets are the dev sets `tidings eval` scores, relative to --data.
var evalSets = []string{
	"dedup/syndication-dev.jsonl",
	"stories/ecbplus-dev.jsonl",
	"summaries/bbc-cased-dev.jsonl",
	"summaries/bbc-lower-dev.jsonl",
	"keyphrases/kpcrowd-dev.jsonl",
}

// floors are the lowest acceptable values of the metrics, set just under
// what the analysis achieves, by set and metric ("task.metric"). Counts that
// must stay low are checked as ceilings (see ceilings).
var floors = map[string]map[string]float64{
	"dedup/syndication-dev.jsonl": {
		"dedup.f1": 0.995, "dedup.precision": 0.995, "dedup.recall_teaser": 0.97,
		"dedup.recall_edit": 0.98, "dedup.recall_retitle": 0.97, "dedup.recall_truncate": 0.98,
		"dedup.recall_html": 0.98, "dedup.recall_dateline": 0.98, "dedup.recall_boilerplate": 0.98,
		"stories.bcubed_f1": 0.92,
	},
	"stories/ecbplus-dev.jsonl":     {"stories.bcubed_f1": 0.905},
	"summaries/bbc-cased-dev.jsonl": {"summary.rouge2_recall": 0.45},
	"summaries/bbc-lower-dev.jsonl": {"summary.rouge2_recall": 0.39},
	"keyphrases/kpcrowd-dev.jsonl":  {"keyphrases.f1@10": 0.49},
}

// ceilings are the highest acceptable values.
var ceilings = map[string]map[string]float64{
	"dedup/syndication-dev.jsonl": {"dedup.story_merges": 0},
}

const evalUsage = `usage: tidings eval [--data DIR] [--floors] [--keep DIR] [--jitter N]

Runs the analysis over the evaluation dev sets in DIR (default
../shared/data) and prints the metrics of shared/tools/score.py for each.
With --floors, exits with status 1 when a metric is below its floor.
With --keep, writes each set's predictions to DIR for score.py.
With --jitter, also clusters each story set in N other arrival orders
(neighbours swapped at random, the published times kept in place) and
prints the lowest, mean and highest B-cubed F1: how much of a story score
is the luck of one order.
`

func runEval(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("eval")
	data := fs.String("data", filepath.Join("..", "shared", "data"), "evaluation data `dir`")
	check := fs.Bool("floors", false, "fail when a metric falls below its floor")
	keep := fs.String("keep", "", "write predictions to `dir`")
	jitter := fs.Int("jitter", 0, "also score stories in `n` jittered arrival orders")
	fs.Usage = func() {
		fmt.Fprint(m.Stderr, evalUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *keep != "" {
		if err := os.MkdirAll(*keep, 0o755); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	var failed []string
	for _, set := range evalSets {
		start := time.Now()
		rep, pred, err := evalSet(ctx, intel.Options{Window: m.Config.StoryWindow}, filepath.Join(*data, set))
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(m.Stdout, "%s: missing, skipped\n", set)
			continue
		}
		if err != nil {
			return err
		}
		if *keep != "" {
			name := strings.TrimSuffix(filepath.Base(set), ".jsonl") + ".pred.jsonl"
			if err := os.WriteFile(filepath.Join(*keep, name), pred, 0o644); err != nil {
				return fmt.Errorf("eval: %w", err)
			}
		}
		fmt.Fprintf(m.Stdout, "%s (%.1fs)\n", set, time.Since(start).Seconds())
		for _, task := range rep {
			fmt.Fprintf(m.Stdout, "  %s:", task.name)
			for _, x := range task.metrics {
				fmt.Fprintf(m.Stdout, " %s=%s", x.Name, strconv.FormatFloat(x.Value, 'f', -1, 64))
			}
			fmt.Fprintln(m.Stdout)
		}
		failed = append(failed, checkFloors(set, rep)...)
		if *jitter > 0 && hasTask(rep, "stories") {
			if err := printJitter(ctx, m, intel.Options{Window: m.Config.StoryWindow}, filepath.Join(*data, set), *jitter); err != nil {
				return err
			}
		}
	}
	if *check && len(failed) > 0 {
		for _, f := range failed {
			fmt.Fprintln(m.Stderr, "below floor:", f)
		}
		return fmt.Errorf("eval: %d metrics below their floors", len(failed))
	}
	return nil
}

// taskReport is one task's metrics on one set.
type taskReport struct {
	name    string
	metrics []metric
}

// predRecord is one line of analyze output, as the metrics read it.
type predRecord struct {
	ID          string   `json:"id"`
	DuplicateOf *string  `json:"duplicate_of"`
	Story       string   `json:"story"`
	Summary     []string `json:"summary"`
	Keyphrases  []string `json:"keyphrases"`
}

// evalSet analyzes one gold file through the analyze command's own stream
// code and scores every task whose gold field the file carries.
func evalSet(ctx context.Context, opts intel.Options, path string) ([]taskReport, []byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return evalRaw(ctx, opts, path, raw)
}

// evalRaw is evalSet for the contents raw of the file at path.
func evalRaw(ctx context.Context, opts intel.Options, path string, raw []byte) ([]taskReport, []byte, error) {
	var gold []goldRecord
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, nil, fmt.Errorf("eval: %s: %w", path, err)
		}
		gold = append(gold, g)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	if len(gold) == 0 {
		return nil, nil, fmt.Errorf("eval: %s: no records", path)
	}
	var out bytes.Buffer
	a := intel.New(opts)
	if err := analyzeStream(ctx, a, bytes.NewReader(raw), &out, io.Discard); err != nil {
		return nil, nil, err
	}
	pred := map[string]predRecord{}
	for _, line := range bytes.Split(out.Bytes(), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var p predRecord
		if err := json.Unmarshal(line, &p); err != nil {
			return nil, nil, fmt.Errorf("eval: read prediction: %w", err)
		}
		pred[p.ID] = p
	}
	var rep []taskReport
	first := gold[0]
	if first.GoldDupGroup != nil {
		rep = append(rep, taskReport{"dedup", scoreDedup(gold, pred)})
	}
	if first.GoldCluster != nil {
		rep = append(rep, taskReport{"stories", scoreStories(gold, pred)})
	}
	if first.GoldSummary != nil {
		rep = append(rep, taskReport{"summary", scoreSummary(gold, pred)})
	}
	if first.GoldKeyphrases != nil {
		rep = append(rep, taskReport{"keyphrases", scoreKeyphrases(gold, pred)})
	}
	return rep, out.Bytes(), nil
}

// checkFloors lists the metrics of rep that break a floor or a ceiling.
func checkFloors(set string, rep []taskReport) []string {
	var out []string
	for _, task := range rep {
		for _, x := range task.metrics {
			key := task.name + "." + x.Name
			if f, ok := floors[set][key]; ok && x.Value < f {
				out = append(out, fmt.Sprintf("%s %s=%v < %v", set, key, x.Value, f))
			}
			if c, ok := ceilings[set][key]; ok && x.Value > c {
				out = append(out, fmt.Sprintf("%s %s=%v > %v", set, key, x.Value, c))
			}
		}
	}
	return out
}
