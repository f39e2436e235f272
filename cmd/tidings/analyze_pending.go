package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/intel"
)

// pending holds results until their story is final, renaming the stories
// that later articles merged away and giving each line its story's final
// hashtags (a story's tags are elected again as it grows). To bound memory,
// a result is written anyway once maxPending results wait: a story that
// lives that long keeps its ID for good (merges name the earlier story the
// survivor), and its earliest lines may carry its tags of that time.
type pending struct {
	a       *intel.Analyzer
	queue   []intel.Result
	head    int
	renamed map[string]string   // merged story → the story it went into
	tags    map[string][]string // story → its latest hashtags
	count   map[string]int      // story → results held
}

// maxPending bounds how many results wait for their story to be final.
const maxPending = 4096

func newPending(a *intel.Analyzer) *pending {
	return &pending{a: a, renamed: map[string]string{}, tags: map[string][]string{}, count: map[string]int{}}
}

// add holds r.
func (p *pending) add(r intel.Result) {
	for _, m := range r.Merged {
		p.renamed[m] = r.Story
		p.count[r.Story] += p.count[m]
		delete(p.count, m)
		delete(p.tags, m)
	}
	p.tags[r.Story] = r.Hashtags
	p.count[r.Story]++
	p.queue = append(p.queue, r)
}

func (p *pending) resolve(s string) string {
	for {
		n, ok := p.renamed[s]
		if !ok {
			return s
		}
		s = n
	}
}

// flush writes the held results, in order, whose story has left the
// analyzer's window (or that waited longest, beyond maxPending); all of
// them when final.
func (p *pending) flush(w io.Writer, final bool) error {
	for p.head < len(p.queue) {
		r := p.queue[p.head]
		story := p.resolve(r.Story)
		if !final && len(p.queue)-p.head <= maxPending && !p.a.Final(story) {
			break
		}
		r.Story = story
		if t, ok := p.tags[story]; ok {
			r.Hashtags = t
		}
		if err := writeResult(w, r); err != nil {
			return err
		}
		p.queue[p.head] = intel.Result{}
		p.head++
		if p.count[story]--; p.count[story] <= 0 {
			delete(p.count, story)
			delete(p.tags, story)
			for k, v := range p.renamed {
				if v == story {
					delete(p.renamed, k)
				}
			}
		}
	}
	if p.head > 1024 && p.head > len(p.queue)/2 {
		p.queue = slices.Clone(p.queue[p.head:])
		p.head = 0
	}
	return nil
}

func writeResult(w io.Writer, r intel.Result) error {
	o := outRecord{
		ID: r.Key, Story: r.Story, Language: r.Language,
		Related: nonNil(r.Related), Hashtags: nonNil(r.Hashtags),
		Keyphrases: nonNil(r.Keyphrases), Summary: nonNil(r.Summary),
		Entities: r.Entities,
	}
	if o.Entities == nil {
		o.Entities = []tidings.Entity{}
	}
	if r.DuplicateOf != "" {
		d := r.DuplicateOf
		o.DuplicateOf = &d
	}
	b, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("analyze: encode %q: %w", r.Key, err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("analyze: write: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
