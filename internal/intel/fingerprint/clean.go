package fingerprint

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Syndication adds lines that are not the article: newsletter pleas, widget
// captions, credits and copyright notices. They differ between outlets, so
// they would lower the resemblance of two copies of one text and, being
// common to many texts of one outlet, raise the resemblance of unrelated
// ones. Each pattern matches a whole (trimmed, lowercased) line.
var boilerplateLines = regexp.MustCompile(`^(?:` + strings.Join([]string{
	`related (?:articles|stories|content|coverage|links)`,
	`(?:more|read|see) (?:on this|also)\b.*`,
	`advertisement|advertising|sponsored(?: content)?|ad`,
	`comments?(?: \(\d+\))?|no comments yet.*|\d+ comments?|leave a comment.*|add a comment.*`,
	`(?:sign up|subscribe|register)\b.*(?:newsletter|inbox|updates|stories|free).*`,
	`click here\b.*`,
	`try our ai features|explore what .* ai can do for you.*`,
	`this article was (?:originally )?(?:published|first published).*`,
	`(?:reporting|writing|editing|additional reporting) by .*`,
	`(?:\(c\)|©|copyright)\s*\d{0,4}.*`,
	`.*all rights reserved\.?.*`,
	`share (?:this|on) .*|share|tweet|email|print`,
	`posted\s*:?.*\d.*`,
	`(?:updated|published|last updated)\s*:?\s*(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d).*`,
	`follow us on .*|follow @.*`,
	`(?:read|continue reading|read the full (?:story|article))\b.*`,
	`getty images|ap photo|reuters/.*`,
}, "|") + `)$`)

// dateline matches a wire dateline that syndication puts before the first
// sentence: "WASHINGTON (Reuters) - ", "TOKYO (Kyodo) — ".
var dateline = regexp.MustCompile(`^[A-Z][A-Z.' ,-]{1,40}\s*\([A-Za-z][A-Za-z .&'-]{0,30}\)\s*[-–—]+\s*`)

// dateOnly matches what is left of a dateline line when the wire added a
// timestamp in place of the first sentence ("Updated Thu 6 May 2010 , 9 : 03am AEST").
var dateOnly = regexp.MustCompile(`(?i)^(?:updated\s*:?\s*|posted\s*:?\s*|on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:\s+\d{4})?(?:\s*,\s*\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})[\s,]*(?:(?:at\s+)?\d{1,2}\s*:\s*\d{2}\s*(?:[ap]\.?m?\.?)?\s*(?:[a-z]{2,4})?|\d{1,2}\s*:\s*\d{2}\s*hrs)?\s*$`)

// readMore matches a teaser's trailer ("… Read more", "[…]", "Continue reading").
var readMore = regexp.MustCompile(`(?i)(?:\.\.\.|…|\[…\]|\[\.\.\.\])?\s*(?:read more|continue reading|read the full (?:story|article))\s*(?:»|›|>>|\.\.\.|…)?\s*$|\s*(?:\[…\]|\[\.\.\.\])\s*$`)

// Clean returns the lines of text that are the article: boilerplate lines
// are dropped, a leading dateline is cut and a teaser's "Read more" trailer
// removed. Lines stay as separate elements so callers can see paragraphs.
func Clean(text string) []string {
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	first := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if first {
			if loc := dateline.FindStringIndex(l); loc != nil {
				l = strings.TrimSpace(l[loc[1]:])
			}
		}
		if mayReadMore(l) {
			l = strings.TrimSpace(readMore.ReplaceAllString(l, ""))
		}
		if l == "" || isBoilerplate(l) {
			continue
		}
		if first && dateOnly.MatchString(l) {
			continue
		}
		first = false
		out = append(out, l)
	}
	return out
}

func isBoilerplate(l string) bool {
	if len(l) > 250 {
		return false
	}
	low := strings.ToLower(strings.TrimRight(l, " .!:"))
	first, _, _ := strings.Cut(low, " ")
	if !boilerplateStarts[first] && !strings.Contains(low, "rights reserved") {
		return false
	}
	return boilerplateLines.MatchString(low)
}

// boilerplateStarts are the first words boilerplateLines can match, a
// cheap test before the regular expression.
var boilerplateStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`related more read see advertisement advertising sponsored ad comments comment
		no leave add sign subscribe register click try explore this reporting writing editing additional
		(c) © (c)2024 copyright share tweet email print posted posted: updated updated: published published:
		last follow getty ap reuters/ continue`) {
		m[w] = true
	}
	return m
}()

// mayReadMore is a cheap test before the readMore expression.
func mayReadMore(l string) bool {
	if strings.HasSuffix(l, "]") {
		return true
	}
	low := strings.ToLower(l[max(0, len(l)-40):])
	return strings.Contains(low, "read more") || strings.Contains(low, "continue reading") || strings.Contains(low, "read the full")
}

// Words returns the lowercase runs of letters and digits of s. Punctuation,
// quotes and apostrophes split words, so copy-editing that only changes
// punctuation ("it 's" → "it's", “…” → “…”) leaves the words unchanged.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, lower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, lower(s[start:]))
	}
	return out
}

func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}
