package web

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuery is how many bytes of a search are used; a longer one is cut (at
// a rune boundary) and the reader told so, instead of costing the database.
const maxQuery = 256

// maxTerms is how many words of a query are highlighted.
const maxTerms = 16

// queryTerms returns the lower-cased words of a search query: operators and
// punctuation are not words, so they never reach a snippet as markup.
func queryTerms(q string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, sp := range wordSpans(q) {
		w := strings.ToLower(q[sp[0]:sp[1]])
		if !seen[w] && len(out) < maxTerms {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// wordSpans returns the byte ranges of the letter-or-digit runs in s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// snippet returns about width bytes of text around the first word matching
// a term, every matching word wrapped in <mark>; the text is escaped, so
// the result is safe HTML whatever the text and the query hold.
func snippet(text string, terms []string, width int) template.HTML {
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, "")), " ")
	words := wordSpans(text)
	match := func(sp [2]int) bool {
		w := strings.ToLower(text[sp[0]:sp[1]])
		for _, t := range terms {
			if strings.HasPrefix(w, t) {
				return true
			}
		}
		return false
	}
	first := -1
	for i, sp := range words {
		if match(sp) {
			first = i
			break
		}
	}
	start := 0
	if first > 0 {
		// Open a third of the width before the match, at a word start.
		want := words[first][0] - width/3
		for i := first; i >= 0 && words[i][0] >= want; i-- {
			start = words[i][0]
		}
	}
	end := start + width
	if end >= len(text) {
		end = len(text)
	} else {
		for end > start && !utf8.RuneStart(text[end]) {
			end--
		}
		if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 {
			end = start + sp
		}
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, sp := range words {
		if sp[0] < start || sp[1] > end || !match(sp) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[pos:sp[0]]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[sp[0]:sp[1]]))
		b.WriteString("</mark>")
		pos = sp[1]
	}
	b.WriteString(template.HTMLEscapeString(text[pos:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

// cleanQuery makes any search string usable: valid UTF-8, without control
// characters, at most maxQuery bytes. cut reports whether it was shortened.
func cleanQuery(q string) (clean string, cut bool) {
	q = strings.ToValidUTF8(q, " ")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	q = strings.TrimSpace(q)
	if len(q) > maxQuery {
		n := maxQuery
		for n > 0 && !utf8.RuneStart(q[n]) {
			n--
		}
		return strings.TrimSpace(q[:n]), true
	}
	return q, false
}
