package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// Timeline geometry, in SVG user units; the stylesheet scales it to the
// column width.
const (
	tlWidth  = 520
	tlLabel  = 130 // left column for source names
	tlRow    = 26
	tlTop    = 8
	tlAxis   = 28
	tlRadius = 6
)

// timeline draws when each source published its articles of a story, one
// row per source in order of first publication: filled dots for own takes,
// hollow ones for copies. It is drawn on the server as inline SVG so that it
// needs no script; colours come from the stylesheet's classes.
func timeline(arts []*tidings.Article, srcs map[int64]*tidings.Source) template.HTML {
	if len(arts) == 0 {
		return ""
	}
	first, last := arts[0].PublishedAt, arts[0].PublishedAt
	var order []int64
	rows := make(map[int64]int)
	for _, a := range arts {
		if a.PublishedAt.Before(first) {
			first = a.PublishedAt
		}
		if a.PublishedAt.After(last) {
			last = a.PublishedAt
		}
		if _, ok := rows[a.SourceID]; !ok {
			rows[a.SourceID] = len(order)
			order = append(order, a.SourceID)
		}
	}
	span := last.Sub(first)
	if span < time.Hour {
		span = time.Hour
	}
	plot := float64(tlWidth - tlLabel - 2*tlRadius - 36) // room for the last tick's label
	x := func(t time.Time) float64 {
		return float64(tlLabel+tlRadius+2) + plot*float64(t.Sub(first))/float64(span)
	}
	height := tlTop + len(order)*tlRow + tlAxis
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d %d" role="img" aria-labelledby="tl-title tl-desc" xmlns="http://www.w3.org/2000/svg">`, tlWidth, height)
	fmt.Fprintf(&b, `<title id="tl-title">Coverage timeline</title><desc id="tl-desc">When each of %d sources published, from %s to %s</desc>`,
		len(order), first.UTC().Format("2 Jan 15:04"), last.UTC().Format("2 Jan 15:04 MST"))
	for i, id := range order {
		y := tlTop + i*tlRow + tlRow/2
		name := "Source " + fmt.Sprint(id)
		if s := srcs[id]; s != nil && s.Title != "" {
			name = s.Title
		}
		fmt.Fprintf(&b, `<line class="tl-grid" x1="%d" y1="%d" x2="%d" y2="%d"/>`, tlLabel, y, tlWidth, y)
		fmt.Fprintf(&b, `<text class="tl-label" x="%d" y="%d">%s</text>`, tlLabel-8, y+4, template.HTMLEscapeString(clip(name, 18)))
	}
	for _, a := range arts {
		y := tlTop + rows[a.SourceID]*tlRow + tlRow/2
		cls := "tl-dot"
		if a.DuplicateOf != 0 {
			cls = "tl-dot tl-copy"
		}
		fmt.Fprintf(&b, `<a href="/article/%d"><circle class="%s" cx="%.1f" cy="%d" r="%d"><title>%s — %s</title></circle></a>`,
			a.ID, cls, x(a.PublishedAt), y, tlRadius,
			template.HTMLEscapeString(a.PublishedAt.UTC().Format("2 Jan 15:04 MST")), template.HTMLEscapeString(clip(a.Title, 80)))
	}
	axisY := tlTop + len(order)*tlRow + 6
	fmt.Fprintf(&b, `<line class="tl-axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, tlLabel, axisY, tlWidth, axisY)
	for i, t := range ticks(first, first.Add(span)) {
		label := tickLabel(t, span)
		if i == 0 && span <= 36*time.Hour {
			label = t.UTC().Format("2 Jan 15:04")
		}
		fmt.Fprintf(&b, `<text class="tl-tick" x="%.1f" y="%d">%s</text>`, x(t), axisY+16, template.HTMLEscapeString(label))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// ticks returns up to five evenly spaced times on round boundaries.
func ticks(from, to time.Time) []time.Time {
	steps := []time.Duration{time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour}
	span := to.Sub(from)
	step := steps[len(steps)-1]
	for _, s := range steps {
		if span/s <= 4 {
			step = s
			break
		}
	}
	var out []time.Time
	for t := from.UTC().Truncate(step).Add(step); !t.After(to); t = t.Add(step) {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

func tickLabel(t time.Time, span time.Duration) string {
	if span > 36*time.Hour {
		return t.UTC().Format("2 Jan")
	}
	return t.UTC().Format("15:04")
}
