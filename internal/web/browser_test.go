package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/web"
)

// chromium returns the path of a Chromium binary, or "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives the main pages in headless Chromium: front page, a
// story, an article, a hashtag and a search, checking the DOM at each step
// and, when TIDINGS_SCREENSHOTS names a folder, saving screenshots 1280 and
// 390 pixels wide there.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary (apt-get install chromium)")
	}
	f := newFixture(t, web.Options{})
	ts := httptest.NewServer(f.srv)
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	dir := os.Getenv("TIDINGS_SCREENSHOTS")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// shoot saves the current page at both widths, then restores the desktop one.
	shoot := func(name string) {
		t.Helper()
		if dir == "" {
			return
		}
		for _, w := range []int64{1280, 390} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900), chromedp.Sleep(200*time.Millisecond)); err != nil {
				t.Fatalf("viewport %d: %v", w, err)
			}
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot %s: %v", name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w)), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	current := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".card")).indexOf(document.querySelector(".card.current"))`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	// Front page: cards, and j/k keyboard navigation from app.js.
	do("front page", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".card")))
	if n, first := count(".card"), text(".card h2"); n != 12 || first != "Private lander touches down near the Moon's south pole" {
		t.Errorf("front page: got %d cards, first %q", n, first)
	}
	do("keyboard j j", chromedp.KeyEvent("j"), chromedp.KeyEvent("j"))
	if got := current(); got != 1 {
		t.Errorf("after j j: got card %d current, want 1", got)
	}
	do("keyboard k", chromedp.KeyEvent("k"))
	if got := current(); got != 0 {
		t.Errorf("after k: got card %d current, want 0", got)
	}
	do("reset", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".card")))
	shoot("front")

	// A story: the rare-earth one has copies, coverage and a timeline.
	do("open story", chromedp.Click(chromedp.Search(`//h2/a[contains(., "Geneva talks ease export licences")]`)),
		chromedp.WaitVisible(chromedp.CSS("svg.timeline")))
	if h1, dots := text("h1"), count("svg.timeline circle"); h1 != "Geneva talks ease export licences for rare earth magnets" || dots != 6 {
		t.Errorf("story page: got h1 %q with %d timeline dots", h1, dots)
	}
	if got := text(".also"); !strings.Contains(got, "The Harbour Gazette") {
		t.Errorf("story page: got also-in %q", got)
	}
	shoot("story")

	// Its headline article.
	do("open article", chromedp.Click(chromedp.CSS(`#lead ~ .versions .version > a`)), chromedp.WaitVisible(chromedp.CSS(".article .body")))
	if got, rel := text(".comments .empty"), count(".related .rel"); got != "No comments yet." || rel == 0 {
		t.Errorf("article page: got comments %q and %d related articles", got, rel)
	}
	shoot("article")

	// A hashtag.
	do("follow hashtag", chromedp.Click(chromedp.CSS(`.article .tags a`)), chromedp.WaitVisible(chromedp.CSS(".card")))
	if got := text("h1"); got != "#RareEarths" {
		t.Errorf("hashtag page: got h1 %q, want #RareEarths", got)
	}
	shoot("hashtag")

	// A search from the header box, focused with '/'.
	do("slash", chromedp.KeyEvent("/"))
	if id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); err != nil || id != "q" {
		t.Errorf("after /: got focus on %q (%v), want the search box", id, err)
	}
	// The DevTools key event inserts its character even when the page
	// prevents the keydown's default, which browsers honour; clear it.
	do("search", chromedp.Clear(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "dock strike"), chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS(".hits")))
	if n, mark := count(".hits .rel"), text(".hits mark"); n == 0 || !strings.EqualFold(mark, "strike") && !strings.EqualFold(mark, "dock") {
		t.Errorf("search: got %d hits, first highlight %q", n, mark)
	}
	shoot("search")

	// The admin pages need an administrator: sign in through the form.
	f.user(t, "root", tidings.RoleAdmin)
	do("sign in", chromedp.Navigate(ts.URL+"/signin?next=/admin"), chromedp.WaitVisible(chromedp.CSS("#s-name")),
		chromedp.SendKeys(chromedp.CSS("#s-name"), "root"), chromedp.SendKeys(chromedp.CSS("#s-password"), password("root")),
		chromedp.Submit(chromedp.CSS("#s-password")))
	do("admin", chromedp.WaitVisible(chromedp.CSS("table.health")))
	shoot("admin")
	do("dark mode", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		})
		return err
	}), chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".card")))
	bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if err != nil || bg != "rgb(18, 19, 22)" {
		t.Errorf("dark mode: got body background %q (%v), want rgb(18, 19, 22)", bg, err)
	}
	shoot("front-dark")
	do("not found", chromedp.Navigate(ts.URL+"/story/999999"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if got := text("h1"); got != "Not found" {
		t.Errorf("404 page: got h1 %q", got)
	}
}
