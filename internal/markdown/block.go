package markdown

import (
	"html"
	"strings"
)

// blocks renders lines as block elements.
func blocks(b *strings.Builder, lines []string, depth int) {
	for i := 0; i < len(lines); {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.TrimSpace(line) == "":
			i++
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			i = fence(b, lines, i, trimmed[:3])
		case strings.HasPrefix(trimmed, ">"):
			var inner []string
			for ; i < len(lines); i++ {
				t := strings.TrimLeft(lines[i], " ")
				if !strings.HasPrefix(t, ">") {
					break
				}
				t = strings.TrimPrefix(t[1:], " ")
				inner = append(inner, t)
			}
			b.WriteString("<blockquote>")
			if depth < maxDepth {
				blocks(b, inner, depth+1)
			} else {
				para(b, inner, depth)
			}
			b.WriteString("</blockquote>\n")
		case listMarker(trimmed) != "":
			i = list(b, lines, i, depth)
		default:
			start := i
			for i++; i < len(lines); i++ {
				t := strings.TrimLeft(lines[i], " ")
				if strings.TrimSpace(t) == "" || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "```") ||
					strings.HasPrefix(t, "~~~") || listMarker(t) != "" {
					break
				}
			}
			para(b, lines[start:i], depth)
		}
	}
}

// para renders lines as one paragraph.
func para(b *strings.Builder, lines []string, depth int) {
	b.WriteString("<p>")
	inline(b, strings.TrimSpace(strings.Join(lines, "\n")), depth)
	b.WriteString("</p>\n")
}

// fence renders a fenced code block opening at lines[i] and returns the
// index after its closing fence (or the end: an unclosed fence runs to the
// end of the comment, as in CommonMark).
func fence(b *strings.Builder, lines []string, i int, marker string) int {
	b.WriteString("<pre><code>")
	i++
	for first := true; i < len(lines); i++ {
		if strings.HasPrefix(strings.TrimLeft(lines[i], " "), marker) {
			i++
			break
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(html.EscapeString(lines[i]))
	}
	b.WriteString("</code></pre>\n")
	return i
}

// listMarker returns the marker opening a list item ("-", "*", "+", or
// digits followed by '.' or ')'), "" when line opens none. The marker must
// be followed by a space, so that "*emphasis*" is not a list.
func listMarker(line string) string {
	if len(line) >= 2 && strings.IndexByte("-*+", line[0]) >= 0 && line[1] == ' ' {
		return line[:1]
	}
	n := 0
	for n < len(line) && n < 9 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ' {
		return line[:n+1]
	}
	return ""
}

// list renders the list starting at lines[i] and returns the index after
// it. Items are inline text; a following indented line continues an item.
func list(b *strings.Builder, lines []string, i, depth int) int {
	first := listMarker(strings.TrimLeft(lines[i], " "))
	ordered := strings.IndexByte("-*+", first[0]) < 0
	tag := "ul"
	if ordered {
		tag = "ol"
	}
	b.WriteString("<" + tag + ">\n")
	for i < len(lines) {
		t := strings.TrimLeft(lines[i], " ")
		m := listMarker(t)
		if m == "" || (strings.IndexByte("-*+", m[0]) < 0) != ordered {
			break
		}
		item := []string{strings.TrimSpace(t[len(m):])}
		for i++; i < len(lines); i++ {
			next := lines[i]
			if strings.TrimSpace(next) == "" || !strings.HasPrefix(next, " ") || listMarker(strings.TrimLeft(next, " ")) != "" {
				break
			}
			item = append(item, strings.TrimSpace(next))
		}
		b.WriteString("<li>")
		inline(b, strings.Join(item, "\n"), depth)
		b.WriteString("</li>\n")
	}
	b.WriteString("</" + tag + ">\n")
	return i
}
