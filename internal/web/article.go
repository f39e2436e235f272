package web

import (
	"context"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/tidings/tidings"
)

// related is an article listed under "Related": source, time, title, excerpt.
type related struct {
	Article *tidings.Article
	Source  *tidings.Source
	Excerpt string
}

type articlePage struct {
	base
	Article  *tidings.Article
	Source   *tidings.Source
	Body     template.HTML
	CopyOf   *version  // the canonical article when this one is a copy
	AlsoIn   []version // other outlets carrying the same copy
	Coverage []version // other takes in the same story
	StoryID  int64
	Related  []related
	Entities []entityGroup // by type, for the intelligence panel
	Comments *comments     // nil without accounts
	State    tidings.ArticleState
}

// entityGroup is one kind of entity in the intelligence panel.
type entityGroup struct {
	Name  string
	Items []string
}

// entityTypes orders and names the intelligence panel's entity groups.
var entityTypes = []struct{ Type, Name string }{
	{tidings.EntityPerson, "People"},
	{tidings.EntityOrg, "Organisations"},
	{tidings.EntityPlace, "Places"},
	{tidings.EntityOther, "Other"},
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "article")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	a, err := s.store.Article(ctx, id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	_, srcByID, err := s.sources(ctx)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := articlePage{Article: a, Source: srcByID[a.SourceID], StoryID: a.StoryID}
	p.base = s.base(r, a.Title)
	p.Body = body(a)

	// The copies of one text: the canonical article and its duplicates.
	canon := a.ID
	if a.DuplicateOf != 0 {
		canon = a.DuplicateOf
	}
	var group []*tidings.Article
	if a.StoryID != 0 {
		group, err = s.store.StoryArticles(ctx, a.StoryID)
	} else {
		group, err = s.store.Duplicates(ctx, canon)
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	copies := map[int64]bool{a.ID: true, canon: true}
	for _, o := range group {
		switch {
		case o.ID == a.ID:
		case o.ID == canon:
			p.CopyOf = &version{Article: o, Source: srcByID[o.SourceID]}
		case o.DuplicateOf == canon:
			copies[o.ID] = true
			p.AlsoIn = append(p.AlsoIn, version{Article: o, Source: srcByID[o.SourceID]})
		case o.DuplicateOf == 0:
			p.Coverage = append(p.Coverage, version{Article: o, Source: srcByID[o.SourceID]})
		}
	}
	if a.DuplicateOf != 0 && p.CopyOf == nil {
		if c, err := s.store.Article(ctx, canon); err == nil {
			p.CopyOf = &version{Article: c, Source: srcByID[c.SourceID]}
		}
	}
	if len(p.Coverage) > maxRelated {
		p.Coverage = p.Coverage[:maxRelated]
	}
	intel := a.Intel
	if len(intel.Summary) == 0 && p.CopyOf != nil {
		intel = p.CopyOf.Article.Intel // a copy shares its original's analysis
		p.Article.Intel = intel
	}
	// The article's own related articles first, then those its story's
	// other reports found: a story's first report, which had nothing before
	// it to relate to, lists what came after, and the others stand in for
	// those of its own that are copies or of this story now.
	relIDs := slices.Clone(intel.Related)
	limit := len(relIDs) + maxRelated
	for _, o := range group {
		for _, id := range o.Intel.Related {
			if o.ID != a.ID && len(relIDs) < limit && !slices.Contains(relIDs, id) {
				relIDs = append(relIDs, id)
			}
		}
	}
	if p.Related, err = s.relatedArticles(ctx, relIDs, a.StoryID, copies, srcByID); err != nil {
		s.Error(w, r, err)
		return
	}
	p.Entities = groupEntities(intel.Entities)
	if p.Comments, err = s.loadComments(r, 0, a.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	p.State = s.readState(ctx, []int64{a.ID})[a.ID]
	s.render(w, r, http.StatusOK, "article", p)
}

// relatedArticles loads the related articles in order, never one of the
// copies of the page's own text or an article of its story (stories merge
// after related articles are chosen), and one article of any other story at
// most.
func (s *Server) relatedArticles(ctx context.Context, ids []int64, story int64, copies map[int64]bool, srcs map[int64]*tidings.Source) ([]related, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	arts, err := s.store.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*tidings.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	seen := make(map[int64]bool)
	var out []related
	for _, id := range ids {
		a := byID[id]
		if a == nil || copies[a.ID] || copies[a.DuplicateOf] || story != 0 && a.StoryID == story {
			continue
		}
		// One article of a story, or of a text when the story is not
		// known yet (negative keys).
		key := a.StoryID
		if key == 0 {
			key = -a.ID
			if a.DuplicateOf != 0 {
				key = -a.DuplicateOf
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, related{Article: a, Source: srcs[a.SourceID], Excerpt: summary(a, 180)})
		if len(out) == maxRelated {
			break
		}
	}
	return out, nil
}

// body is the article's stored HTML, sanitized by the pipeline before it was
// stored (and fenced again by the CSP header), or its plain text as
// paragraphs when the feed carried no HTML.
func body(a *tidings.Article) template.HTML {
	if strings.TrimSpace(a.HTML) != "" {
		// Sanitized at ingestion: the one trusted field. Images load lazily
		// (a browser keeps the first of two loading attributes).
		return template.HTML(strings.ReplaceAll(a.HTML, "<img ", `<img loading="lazy" decoding="async" `))
	}
	var b strings.Builder
	for _, para := range strings.Split(a.Text, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>")
			b.WriteString(template.HTMLEscapeString(para))
			b.WriteString("</p>")
		}
	}
	return template.HTML(b.String())
}

// groupEntities groups entities by type in the panel's order.
func groupEntities(es []tidings.Entity) []entityGroup {
	var out []entityGroup
	for _, t := range entityTypes {
		g := entityGroup{Name: t.Name}
		for _, e := range es {
			if e.Type == t.Type || (t.Type == tidings.EntityOther && !knownType(e.Type)) {
				g.Items = append(g.Items, e.Text)
			}
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func knownType(t string) bool {
	return t == tidings.EntityPerson || t == tidings.EntityOrg || t == tidings.EntityPlace
}
