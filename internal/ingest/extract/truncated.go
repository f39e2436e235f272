package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// MinFullText is the length, in characters, under which a feed item's text
// is taken for a teaser: news articles run to thousands of characters, and
// feeds that publish summaries cut them at a few hundred.
const MinFullText = 500

// teaserEndings are how excerpt feeds end their items (compared lowercased,
// after trailing arrows, guillemets and brackets are stripped).
var teaserEndings = []string{
	"…", "...", "[…]", "[...]", "(…)", "(...)",
	"read more", "read more…", "read more...", "continue reading",
	"read the full story", "read the full article", "read full article",
	"read the rest of this entry", "read the rest", "full story", "more…", "(more…)",
	"keep reading", "view full article", "see full article", "click here to read more",
}

// wordpressFooter is appended by WordPress (and plugins) to every item,
// excerpt or not, so it is removed before judging the ending.
var wordpressFooter = regexp.MustCompile(`(?is)\s*the post .{1,300}? appeared first on .{1,200}?\.?\s*$`)

// charsCounter matches NewsAPI-style "[+1234 chars]" markers.
var charsCounter = regexp.MustCompile(`\[\+\d+ chars\]\s*$`)

// LooksTruncated reports whether feedText (an item's plain text) is likely a
// teaser of the article rather than its full text: too short, a repeat of
// the title, or ending like an excerpt ("…", "Read more", "Continue
// reading"). It errs towards true, since fetching the page only costs a
// request while a teaser costs the reader the article.
func LooksTruncated(feedText, title string) bool {
	text := strings.TrimSpace(stripFooter(feedText))
	if text == "" {
		return true
	}
	if t := strings.TrimSpace(title); t != "" && strings.EqualFold(strings.TrimRight(text, ".!? "), strings.TrimRight(t, ".!? ")) {
		return true
	}
	if utf8.RuneCountInString(text) < MinFullText {
		return true
	}
	if charsCounter.MatchString(tail(text, 64)) {
		return true
	}
	end := strings.ToLower(strings.TrimRight(text, " \t\r\n»›→>]:"))
	// "Read more ]" and "[…]" both reduce to a form in the list.
	for _, e := range teaserEndings {
		e = strings.TrimRight(e, "]")
		if strings.HasSuffix(end, e) {
			return true
		}
	}
	return false
}

// tailBytes bounds how much of a text's end the footer patterns look at: the
// patterns are anchored at the end, and Go's regexp would otherwise try
// every starting position of a long article.
const tailBytes = 700

// stripFooter removes a WordPress "The post … appeared first on …" line.
func stripFooter(s string) string {
	t := tail(s, tailBytes)
	// The pattern's lazy repeats make it slow on every item of a feed;
	// most items lack the phrase, which a plain search finds first.
	if !containsFold(t, "appeared first on") {
		return s
	}
	return s[:len(s)-len(t)] + wordpressFooter.ReplaceAllString(t, "")
}

// containsFold reports whether s contains the lowercase ASCII word w in
// any letter case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// tail returns about the last n bytes of s, starting on a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := len(s) - n
	for cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut++
	}
	return s[cut:]
}
