package demo

import (
	"strings"

	"github.com/tidings/tidings"
)

// analyze gives the stored articles the intelligence the analyzer would
// derive, from the hand-written events: one story per event, hashtags,
// entities named in the text, a summary of leading sentences, and related
// articles from the related events.
func analyze(byEvent map[string][]*tidings.Article) ([]*tidings.Article, []*tidings.Story) {
	var (
		articles []*tidings.Article
		stories  []*tidings.Story
	)
	for _, ev := range events {
		arts := byEvent[ev.key]
		if len(arts) == 0 {
			continue
		}
		var related []int64
		for _, key := range ev.related {
			for _, a := range byEvent[key] {
				if a.DuplicateOf == 0 && len(related) < 5 {
					related = append(related, a.ID)
				}
			}
		}
		story := &tidings.Story{ID: arts[0].ID, HeadlineArticleID: arts[0].ID, FirstSeen: arts[0].PublishedAt,
			Hashtags: ev.hashtags, Entities: ev.entities}
		sources := make(map[int64]bool)
		for _, a := range arts {
			if a.ID < story.ID {
				story.ID = a.ID
			}
			if a.PublishedAt.After(story.LastSeen) {
				story.LastSeen = a.PublishedAt
			}
			sources[a.SourceID] = true
			a.StoryID = 0 // set below, once the story's ID is known
			a.Intel = tidings.Intel{
				Summary:    lead(a.Text, 2),
				Keyphrases: ev.keyphrases,
				Hashtags:   ev.hashtags,
				Entities:   named(ev.entities, a.Text),
				Related:    related,
			}
			articles = append(articles, a)
		}
		for _, a := range arts {
			a.StoryID = story.ID
		}
		story.ArticleCount, story.SourceCount = len(arts), len(sources)
		stories = append(stories, story)
	}
	return articles, stories
}

// named keeps the entities the text mentions.
func named(es []tidings.Entity, text string) []tidings.Entity {
	var out []tidings.Entity
	for _, e := range es {
		if strings.Contains(text, e.Text) {
			out = append(out, e)
		}
	}
	return out
}

// lead returns the first n sentences of text.
func lead(text string, n int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		rest := strings.TrimSpace(para)
		for rest != "" && len(out) < n {
			i := sentenceEnd(rest)
			out = append(out, strings.TrimSpace(rest[:i]))
			rest = strings.TrimSpace(rest[i:])
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// sentenceEnd returns the index just past the first sentence of s: a full
// stop, question or exclamation mark (and a closing quote) before a space
// and a capital letter or a quote.
func sentenceEnd(s string) int {
	for i := 0; i < len(s)-2; i++ {
		if s[i] != '.' && s[i] != '?' && s[i] != '!' {
			continue
		}
		j := i + 1
		if s[j] == '"' || s[j] == '\'' {
			j++
		}
		if j+1 < len(s) && s[j] == ' ' && (s[j+1] >= 'A' && s[j+1] <= 'Z' || s[j+1] == '"') {
			return j
		}
	}
	return len(s)
}
