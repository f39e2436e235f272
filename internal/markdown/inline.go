package markdown

import (
	"html"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inline renders the spans of s: escapes, code, strong, emphasis, links and
// bare URLs; everything else is escaped text.
func inline(b *strings.Builder, s string, depth int) {
	// none remembers delimiters with no closer left in s: searching again
	// from a later position cannot find one, so a text of ten thousand
	// lone '*' stays linear.
	none := map[string]bool{}
	text := 0 // start of pending plain text
	flush := func(end int) {
		b.WriteString(html.EscapeString(s[text:end]))
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_[]()#+-.!>", s[i+1]) >= 0:
			flush(i)
			b.WriteString(html.EscapeString(s[i+1 : i+2]))
			i += 2
			text = i
			continue
		case c == '\n':
			flush(i)
			b.WriteString("\n")
			i++
			text = i
			continue
		case c == '`':
			n := run(s[i:], '`')
			delim := s[i : i+n]
			if j := closer(s, i+n, delim, none); j >= 0 {
				flush(i)
				b.WriteString("<code>" + html.EscapeString(strings.TrimSpace(s[i+n:j])) + "</code>")
				i = j + n
				text = i
				continue
			}
			i += n
			continue
		case (c == '*' || c == '_') && depth < maxDepth:
			n := min(run(s[i:], c), 2)
			delim := s[i : i+n]
			if c == '_' && i > 0 && isWord(s[:i]) {
				i += run(s[i:], c) // intra-word underscores (snake_case) are text
				continue
			}
			j := closer(s, i+n, delim, none)
			for j >= 0 && j+n < len(s) && s[j+n] == c {
				j++ // "***" closing "*a **b***": the outer closer is the run's end
			}
			if j > i+n && !unicode.IsSpace(rune(s[i+n])) {
				flush(i)
				tag := "em"
				if n == 2 {
					tag = "strong"
				}
				b.WriteString("<" + tag + ">")
				inline(b, s[i+n:j], depth+1)
				b.WriteString("</" + tag + ">")
				i = j + n
				text = i
				continue
			}
			i += n
			continue
		case c == '[' && depth < maxDepth:
			if end, label, href, ok := link(s, i, none); ok {
				flush(i)
				b.WriteString(`<a href="` + html.EscapeString(href) + `">`)
				inline(b, label, depth+1)
				b.WriteString("</a>")
				i = end
				text = i
				continue
			}
		case c == 'h' && (strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "http://")) &&
			(i == 0 || !isWord(s[:i])):
			end := i
			for end < len(s) && !unicode.IsSpace(rune(s[end])) && strings.IndexByte(`<>"`, s[end]) < 0 {
				end++
			}
			for end > i && strings.IndexByte(".,;:!?)'", s[end-1]) >= 0 {
				end-- // trailing punctuation belongs to the sentence
			}
			if u := safeURL(s[i:end]); u != "" && end > i+len("https://") {
				flush(i)
				b.WriteString(`<a href="` + html.EscapeString(u) + `">` + html.EscapeString(s[i:end]) + "</a>")
				i = end
				text = i
				continue
			}
		}
		i++
	}
	flush(len(s))
}

// run counts the leading bytes of s equal to c.
func run(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// closer returns the index of the next delim in s at or after from, -1 when
// there is none.
func closer(s string, from int, delim string, none map[string]bool) int {
	if none[delim] {
		return -1
	}
	j := strings.Index(s[from:], delim)
	if j < 0 {
		none[delim] = true
		return -1
	}
	return from + j
}

// isWord reports whether the last rune of before is a letter or digit.
func isWord(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// link parses [label](url) at s[i]. ok is false when it is not a link or
// the URL is not http, https or mailto, and the text stays text.
func link(s string, i int, none map[string]bool) (end int, label, href string, ok bool) {
	close := closer(s, i, "](", none)
	if close < 0 {
		return 0, "", "", false
	}
	label = s[i+1 : close]
	if label == "" || strings.ContainsAny(label, "[\n") {
		return 0, "", "", false
	}
	rest := s[close+2:]
	paren := -1
	if !none["link)"] {
		paren = strings.IndexAny(rest, ") \n")
	}
	if paren < 0 {
		none["link)"] = true // nothing can end a URL later either
		return 0, "", "", false
	}
	if rest[paren] != ')' {
		return 0, "", "", false
	}
	href = safeURL(rest[:paren])
	if href == "" {
		return 0, "", "", false
	}
	return close + 2 + paren + 1, label, href, true
}

// safeURL returns raw as a normalized URL when it is an absolute http,
// https or mailto URL, "" otherwise. Parsing first, then re-serializing,
// means "java\tscript:" and other tricks never reach the page as written.
func safeURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	return u.String()
}
