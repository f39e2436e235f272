package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/web"
)

// TestBrowserAccounts drives accounts and comments in headless Chromium:
// the first-run page makes the administrator, a member signs in, comments
// with Markdown and replies, and the administrator hides the reply. With
// TIDINGS_SCREENSHOTS set it saves each step 1280 and 390 pixels wide.
func TestBrowserAccounts(t *testing.T) {
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
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("hide-scrollbars", true), chromedp.UserDataDir(t.TempDir()))
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
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	shoot := func(name string) {
		t.Helper()
		if dir == "" {
			return
		}
		for _, w := range []int64{1280, 390} {
			do("viewport", chromedp.EmulateViewport(w, 900), chromedp.Sleep(200*time.Millisecond))
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot %s: %v", name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w)), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		do("viewport", chromedp.EmulateViewport(1280, 900))
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
	signIn := func(name, pw string) {
		t.Helper()
		do("sign in as "+name, chromedp.Navigate(ts.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#s-name")),
			chromedp.SendKeys(chromedp.CSS("#s-name"), name), chromedp.SendKeys(chromedp.CSS("#s-password"), pw),
			chromedp.Submit(chromedp.CSS("#s-password")), chromedp.WaitVisible(chromedp.CSS(".who .me")))
		if got := text(".who .me"); got != name {
			t.Fatalf("signed in as %q, want %s", got, name)
		}
	}
	signOut := func() {
		t.Helper()
		do("sign out", chromedp.Click(chromedp.CSS(".who button")), chromedp.WaitVisible(chromedp.CSS(`.who a[href^="/signin"]`)))
	}

	// First run: the front page offers the set-up, which asks for the
	// token from the server's log; with it, the page makes the admin.
	do("front", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`.who a[href="/setup"]`)))
	do("setup without token", chromedp.Click(chromedp.CSS(`.who a[href="/setup"]`)), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if n := count("#u-name"); n != 0 {
		t.Errorf("setup page without the token shows the form")
	}
	do("setup", chromedp.Navigate(ts.URL+"/setup?token="+f.srv.SetupToken(context.Background())), chromedp.WaitVisible(chromedp.CSS("#u-name")),
		chromedp.SendKeys(chromedp.CSS("#u-name"), "editor"), chromedp.SendKeys(chromedp.CSS("#u-password"), "editor password"),
		chromedp.SendKeys(chromedp.CSS("#u-repeat"), "editor password"))
	shoot("setup")
	do("create admin", chromedp.Submit(chromedp.CSS("#u-repeat")), chromedp.WaitVisible(chromedp.CSS("table.health")))
	if got := text(".who .me"); got != "editor" {
		t.Errorf("after setup: signed in as %q, want editor", got)
	}
	signOut()

	// A member signs in and comments with Markdown, then replies.
	f.user(t, "ann", tidings.RoleMember)
	do("sign-in page", chromedp.Navigate(ts.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#s-name")))
	shoot("signin")
	signIn("ann", password("ann"))
	a := f.articleBy(t, dockTitle)
	page := fmt.Sprintf("%s/article/%d", ts.URL, a.ID)
	do("article", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#comment-body")))
	if got := text(".comments .empty"); got != "No comments yet." {
		t.Errorf("empty state: got %q", got)
	}
	do("comment", chromedp.SendKeys(chromedp.CSS("#comment-body"), "The ports matter **a lot**: see https://example.com/ports\n\n<script>alert(1)</script>"),
		chromedp.Submit(chromedp.CSS("#comment-body")), chromedp.WaitVisible(chromedp.CSS(".comment .comment-body")))
	if got := text(".comment .comment-body strong"); got != "a lot" {
		t.Errorf("Markdown: got strong %q, want \"a lot\"", got)
	}
	if n := count(".comment-body script"); n != 0 {
		t.Errorf("got %d scripts in a comment", n)
	}
	do("open reply", chromedp.Click(chromedp.CSS(".comment details.reply summary")), chromedp.WaitVisible(chromedp.CSS(".comment details.reply textarea")),
		chromedp.SendKeys(chromedp.CSS(".comment details.reply textarea"), "And the _rail_ links too."),
		chromedp.Submit(chromedp.CSS(".comment details.reply textarea")), chromedp.WaitVisible(chromedp.CSS(".comment.depth-1")))
	if n, heading := count(".comment"), text("#comments-h"); n != 2 || heading != "Comments (2)" {
		t.Errorf("thread: got %d comments, heading %q", n, heading)
	}
	do("to comments", chromedp.Navigate(page+"#comments"), chromedp.WaitVisible(chromedp.CSS(".comment.depth-1")))
	shoot("comments")
	signOut()

	// The administrator hides the reply; the member no longer sees it.
	signIn("editor", "editor password")
	do("article as admin", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(".comment.depth-1")),
		chromedp.Click(chromedp.Search(`//li[contains(@class,"depth-1")]//button[normalize-space(.)="Hide"]`)),
		chromedp.WaitVisible(chromedp.CSS(".comment .badge")))
	shoot("moderated")
	do("moderation page", chromedp.Navigate(ts.URL+"/admin/comments"), chromedp.WaitVisible(chromedp.CSS(".moderation .comment")))
	if n := count(".moderation .comment"); n != 2 {
		t.Errorf("moderation list: got %d, want 2", n)
	}
	shoot("moderation")
	signOut()
	signIn("ann", password("ann"))
	do("article as member", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(".comment")))
	if n := count(".comment"); n != 1 {
		t.Errorf("member sees %d comments after the hide, want 1", n)
	}
	do("front", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".card")))
	if got := text(".card .ncomments"); got != "1 comment" {
		t.Errorf("card: got %q, want 1 comment", got)
	}
	shoot("front-signed-in")

	// Following a hashtag fills the For you page; saving fills Saved.
	do("tag", chromedp.Navigate(ts.URL+"/tag/PortStrike"), chromedp.WaitVisible(chromedp.CSS(".follow button")),
		chromedp.Click(chromedp.CSS(".follow button")), chromedp.WaitVisible(chromedp.CSS(".follow button.secondary")))
	do("for you", chromedp.Navigate(ts.URL+"/foryou"), chromedp.WaitVisible(chromedp.CSS(".card")))
	if n := count(".card"); n == 0 {
		t.Error("For you: no cards after following #PortStrike")
	}
	shoot("foryou")
	do("save", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(".state")),
		chromedp.Click(chromedp.Search(`//div[@class="state"]//button[normalize-space(.)="Save for later"]`)),
		chromedp.WaitVisible(chromedp.Search(`//div[@class="state"]//button[starts-with(normalize-space(.),"Saved")]`)),
		chromedp.Navigate(ts.URL+"/saved"), chromedp.WaitVisible(chromedp.CSS(".rel")))
	shoot("saved")
}
