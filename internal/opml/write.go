package opml

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
)

// folderNode is one folder of the export tree; children keep the order in
// which folders and feeds first appear in the input.
type folderNode struct {
	name    string
	feeds   []Outline
	folders []*folderNode
	index   map[string]*folderNode
}

func (f *folderNode) child(name string) *folderNode {
	if c := f.index[name]; c != nil {
		return c
	}
	c := &folderNode{name: name, index: map[string]*folderNode{}}
	f.index[name] = c
	f.folders = append(f.folders, c)
	return c
}

// Write exports outlines as an OPML 2.0 document titled title, feeds without
// a folder first, then each folder (nested for "/"-joined paths) with its
// feeds, each group in input order. The output has no timestamp, so the same
// subscriptions always export to the same bytes.
func Write(w io.Writer, title string, outlines []Outline) error {
	root := &folderNode{index: map[string]*folderNode{}}
	for _, o := range outlines {
		f := root
		if folder := cleanFolder(o.Folder); folder != "" {
			for _, name := range strings.Split(folder, "/") {
				f = f.child(name)
			}
		}
		f.feeds = append(f.feeds, o)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString("<opml version=\"2.0\">\n  <head>\n    <title>")
	xml.EscapeText(bw, []byte(title))
	bw.WriteString("</title>\n  </head>\n  <body>\n")
	writeFolder(bw, root, 2)
	bw.WriteString("  </body>\n</opml>\n")
	if err := bw.Flush(); err != nil {
		return errWrite(err)
	}
	return nil
}

func writeFolder(w *bufio.Writer, f *folderNode, depth int) {
	indent := strings.Repeat("  ", depth)
	for _, o := range f.feeds {
		w.WriteString(indent + "<outline type=\"rss\"")
		attr(w, "text", o.Title)
		attr(w, "title", o.Title)
		attr(w, "xmlUrl", o.FeedURL)
		if o.SiteURL != "" {
			attr(w, "htmlUrl", o.SiteURL)
		}
		w.WriteString("/>\n")
	}
	for _, c := range f.folders {
		w.WriteString(indent + "<outline")
		attr(w, "text", c.name)
		attr(w, "title", c.name)
		w.WriteString(">\n")
		writeFolder(w, c, depth+1)
		w.WriteString(indent + "</outline>\n")
	}
}

func attr(w *bufio.Writer, name, value string) {
	w.WriteString(" " + name + "=\"")
	xml.EscapeText(w, []byte(value))
	w.WriteString("\"")
}
