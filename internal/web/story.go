package web

import (
	"context"
	"html/template"
	"net/http"

	"github.com/tidings/tidings"
)

// version is one outlet's article in a story, with the outlets that carried
// the same copy ("also in").
type version struct {
	Article *tidings.Article
	Source  *tidings.Source
	AlsoIn  []version
}

type storyPage struct {
	base
	Story    *tidings.Story
	Headline version
	Summary  []string
	Coverage []version // other outlets' own takes
	Entities []entityGroup
	Hashtags []string
	Related  []card
	Timeline template.HTML
	Sources  int
	Comments *comments // nil without accounts
	// Discussions are the story's articles that have comments of their own.
	Discussions []discussion
}

// discussion is an article of a story with its number of comments.
type discussion struct {
	Article *tidings.Article
	Source  *tidings.Source
	Count   int
}

// maxRelated is how many related stories or articles a page lists.
const maxRelated = 5

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "story")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	st, err := s.store.Story(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	arts, err := s.store.StoryArticles(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if len(arts) == 0 {
		s.Error(w, r, notFoundf("This story has no articles left."))
		return
	}
	_, srcByID, err := s.sources(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	versions := group(arts, srcByID)
	p := storyPage{Story: st, Hashtags: st.Hashtags}
	p.base = s.base(r, "")
	for _, v := range versions {
		if v.Article.ID == st.HeadlineArticleID {
			p.Headline = v
		} else {
			p.Coverage = append(p.Coverage, v)
		}
	}
	if p.Headline.Article == nil { // the headline is a duplicate or gone: take the first
		p.Headline, p.Coverage = versions[0], versions[1:]
	}
	p.Title = p.Headline.Article.Title
	p.Summary = p.Headline.Article.Summary
	ents := st.Entities
	if len(ents) == 0 {
		ents = p.Headline.Article.Entities
	}
	p.Entities = groupEntities(ents)
	if len(p.Hashtags) == 0 {
		p.Hashtags = p.Headline.Article.Hashtags
	}
	p.Sources = st.SourceCount
	if p.Sources == 0 {
		p.Sources = countSources(arts)
	}
	p.Timeline = timeline(arts, srcByID)
	if p.Related, err = s.relatedStories(ctx, st.ID, arts, srcByID); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Comments, err = s.loadComments(r, st.ID, 0); err != nil {
		s.Error(w, r, err)
		return
	}
	if p.Discussions, err = s.discussions(ctx, arts, srcByID); err != nil {
		s.Error(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "story", p)
}

// group gathers a story's articles into versions: each canonical article
// with its duplicates, in publication order. A duplicate whose canonical
// article is in another story is shown as a version of its own.
func group(arts []*tidings.Article, srcs map[int64]*tidings.Source) []version {
	idx := make(map[int64]int)
	var out []version
	for _, a := range arts {
		if a.DuplicateOf == 0 {
			idx[a.ID] = len(out)
			out = append(out, version{Article: a, Source: srcs[a.SourceID]})
		}
	}
	for _, a := range arts {
		if a.DuplicateOf == 0 {
			continue
		}
		if i, ok := idx[a.DuplicateOf]; ok {
			out[i].AlsoIn = append(out[i].AlsoIn, version{Article: a, Source: srcs[a.SourceID]})
		} else {
			out = append(out, version{Article: a, Source: srcs[a.SourceID]})
		}
	}
	return out
}

func countSources(arts []*tidings.Article) int {
	seen := make(map[int64]bool)
	for _, a := range arts {
		seen[a.SourceID] = true
	}
	return len(seen)
}

// relatedStories follows the related articles of a story's articles to
// their stories, best first, skipping the story itself.
func (s *Server) relatedStories(ctx context.Context, self int64, arts []*tidings.Article, srcs map[int64]*tidings.Source) ([]card, error) {
	var ids []int64
	seen := make(map[int64]bool)
	for _, a := range arts {
		for _, id := range a.Related {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rel, err := s.store.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*tidings.Article, len(rel))
	for _, a := range rel {
		byID[a.ID] = a
	}
	var storyIDs []int64
	seenStory := map[int64]bool{self: true, 0: true}
	for _, id := range ids {
		if a := byID[id]; a != nil && !seenStory[a.StoryID] && len(storyIDs) < maxRelated {
			seenStory[a.StoryID] = true
			storyIDs = append(storyIDs, a.StoryID)
		}
	}
	stories, err := s.store.StoriesByID(ctx, storyIDs)
	if err != nil {
		return nil, err
	}
	order := make(map[int64]int, len(storyIDs))
	for i, id := range storyIDs {
		order[id] = i
	}
	sorted := make([]*tidings.Story, len(storyIDs))
	n := 0
	for _, st := range stories {
		if i, ok := order[st.ID]; ok && sorted[i] == nil {
			sorted[i] = st
			n++
		}
	}
	compact := make([]*tidings.Story, 0, n)
	for _, st := range sorted {
		if st != nil {
			compact = append(compact, st)
		}
	}
	return s.cards(ctx, compact, srcs)
}
