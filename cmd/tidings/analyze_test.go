package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func runMain(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := NewMain()
	m.Stdin = strings.NewReader(stdin)
	m.Stdout, m.Stderr = &out, &errb
	m.Getenv = func(string) string { return "" }
	err = m.Run(context.Background(), args)
	m.Close()
	return out.String(), errb.String(), err
}

func TestAnalyzeContract(t *testing.T) {
	body := "A strong earthquake struck off the coast of northern Peru on Tuesday, shaking buildings in the capital Lima and sending residents into the streets. The magnitude 7.0 quake hit about 60 miles west of Trujillo, the U.S. Geological Survey said."
	in := strings.Join([]string{
		`{"id":"a","title":"Quake shakes Peru","body":` + quote(body) + `,"published":"2026-03-01T10:00:00Z","extra":1}`,
		`{"title":"no id"}`,
		`not json`,
		``,
		`{"id":"b","title":"Peru quake","body":"<p>LIMA (AP) - ` + body + `</p>"}`,
		`{"id":"c","title":"Library budget","body":"The council approved a library budget.","published":"yesterday"}`,
	}, "\n")
	stdout, stderr, err := runMain(t, in, "analyze")
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	for _, want := range []string{"line 2: missing id", "line 3: ", `line 6: published "yesterday"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d output lines, want 3:\n%s", len(lines), stdout)
	}
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		got = append(got, m)
	}
	ids := []string{got[0]["id"].(string), got[1]["id"].(string), got[2]["id"].(string)}
	if diff := cmp.Diff([]string{"a", "b", "c"}, ids); diff != "" {
		t.Errorf("output order (-want +got):\n%s", diff)
	}
	if got[0]["duplicate_of"] != nil || got[1]["duplicate_of"] != "a" || got[2]["duplicate_of"] != nil {
		t.Errorf("got duplicate_of %v %v %v, want null, a, null", got[0]["duplicate_of"], got[1]["duplicate_of"], got[2]["duplicate_of"])
	}
	if got[1]["story"] != "a" || got[2]["story"] != "c" {
		t.Errorf("got stories %v %v, want a and c", got[1]["story"], got[2]["story"])
	}
	fields := []string{"id", "duplicate_of", "story", "related", "hashtags", "keyphrases", "entities", "summary", "language"}
	for _, m := range got {
		if len(m) != len(fields) {
			t.Errorf("got %d fields, want %d: %v", len(m), len(fields), m)
		}
		for _, f := range fields[3:8] {
			if _, ok := m[f].([]any); !ok {
				t.Errorf("%v: field %s is %T, want an array", m["id"], f, m[f])
			}
		}
	}
	again, _, _ := runMain(t, in, "analyze")
	if again != stdout {
		t.Errorf("output differs between two runs on the same input")
	}
}

func TestAnalyzeLongLine(t *testing.T) {
	long := strings.Repeat("word ", 600_000)
	stdout, stderr, err := runMain(t, `{"id":"x","title":"t","body":"`+long+`"}`+"\n", "analyze")
	if err != nil || stderr != "" || !strings.Contains(stdout, `"id":"x"`) {
		t.Errorf("got err %v stderr %q, want one result for a 3 MB line", err, stderr)
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
