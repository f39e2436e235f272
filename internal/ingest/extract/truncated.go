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
	text := strings.TrimSpace(wordpressFooter.ReplaceAllString(feedText, ""))
	if text == "" {
		return true
	}
	if t := strings.TrimSpace(title); t != "" && strings.EqualFold(strings.TrimRight(text, ".!? "), strings.TrimRight(t, ".!? ")) {
		return true
	}
	if utf8.RuneCountInString(text) < MinFullText {
		return true
	}
	if charsCounter.MatchString(text) {
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
