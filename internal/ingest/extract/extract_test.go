package extract

import (
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

func TestArticle(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://ledger.example/news/2026/03/04/night-ferry")
	res, err := Article(page, u)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Harbour board approves night ferry trial after two-year dispute"; res.Title != want {
		t.Errorf("got title %q, want %q", res.Title, want)
	}
	if !strings.Contains(res.Byline, "Marta Ilves") {
		t.Errorf("got byline %q, want it to name Marta Ilves", res.Byline)
	}
	kept := []string{
		"The harbour board voted on Tuesday evening",
		"two vessels will run an hourly service",
		"A petition signed by more than two thousand people",
		"Hotel owners on Saltholm",
		"This is not a decision we took lightly",
		"A full review, including a survey of residents",
	}
	for _, s := range kept {
		if !strings.Contains(res.Text, s) {
			t.Errorf("got text without body paragraph %q", s)
		}
		if !strings.Contains(res.HTML, s) {
			t.Errorf("got HTML without body paragraph %q", s)
		}
	}
	gone := []string{
		"Advertisement", "Sponsored", "We use cookies", "Most read", "Storm warning",
		"Sign up for our morning briefing", "12 comments", "harbourwatcher", "Will bikes be allowed",
		"All rights reserved", "Privacy policy", "Subscribe", "Search the Ledger", "dataLayer",
	}
	for _, s := range gone {
		if strings.Contains(res.Text, s) || strings.Contains(res.HTML, s) {
			t.Errorf("got boilerplate %q in the extracted article", s)
		}
	}
	if !strings.Contains(res.HTML, `src="https://ledger.example/images/2026/03/quay-night.jpg"`) {
		t.Errorf("got HTML without the figure's absolute image URL:\n%s", res.HTML)
	}

	golden := filepath.Join("testdata", "article.golden.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(res.Text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.TrimSpace(string(want)), res.Text); diff != "" {
		t.Errorf("text differs from %s (-want +got):\n%s", golden, diff)
	}
}

func TestArticleCharset(t *testing.T) {
	body := strings.Repeat("<p>Les élèves de l’école ont visité le musée régional avec leurs professeurs, puis ont écrit un compte rendu détaillé de la journée.</p>", 6)
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Visite</title></head><body><article>" + body + "</article></body></html>"
	latin1 := []byte{}
	for _, r := range strings.ReplaceAll(page, "’", "'") {
		latin1 = append(latin1, byte(r))
	}
	res, err := Article(latin1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Les élèves de l'école ont visité le musée régional") {
		t.Errorf("got text %q, want it decoded from ISO-8859-1", res.Text)
	}
}

func TestArticleNoContent(t *testing.T) {
	for name, page := range map[string]string{
		"empty":      "",
		"empty body": "<html><body></body></html>",
		"blank":      "<html><body>  \n <p> </p></body></html>",
	} {
		_, err := Article([]byte(page), nil)
		if !errors.Is(err, ErrNoContent) || !errors.Is(err, tidings.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrNoContent", name, err)
		}
	}
}

func FuzzArticle(f *testing.F) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Add([]byte("<html><body><p>short</p></body></html>"))
	f.Add([]byte("<article><p>" + strings.Repeat("word ", 200) + "</p></article>"))
	f.Add([]byte("<table><tr><td><svg><math><p>"))
	u, _ := url.Parse("https://example.com/a/b")
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := Article(page, u)
		if err == nil && res.Text == "" {
			t.Errorf("got no error and empty text")
		}
	})
}
