// Package demo is a small built-in sample of syndicated news, written for
// the project: eight outlets (all under .example), about forty articles on a
// dozen events, with wire copies carried under new headlines, independent
// takes on the same event and unrelated stories. `tidings serve --demo` and
// the web tests seed it so that a newcomer sees stories, duplicates, hashtags
// and related articles without any network.
package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// Store is what seeding writes through: the subscription and ingestion
// methods of tidings.Store, so the sample is stored exactly as fetched news
// would be, exact dedup included.
type Store interface {
	CreateSource(ctx context.Context, src *tidings.Source) error
	SaveFetchState(ctx context.Context, sourceID int64, st tidings.FetchState) error
	SaveRefresh(ctx context.Context, sourceID int64, st tidings.FetchState, items []*tidings.Article) (tidings.RefreshResult, error)
	SaveAnalysis(ctx context.Context, articles []*tidings.Article, stories []*tidings.Story) error
}

// Seed stores the sample with publication times relative to the current
// time, so the pages read "3 hours ago". A store already holding the sample
// is left as it is.
func Seed(ctx context.Context, st Store) error {
	return SeedAt(ctx, st, time.Now())
}

// SeedAt is Seed with the clock given: tests use a fixed one.
func SeedAt(ctx context.Context, st Store, now time.Time) error {
	now = now.UTC().Truncate(time.Second)
	srcIDs, err := createSources(ctx, st, now)
	if errors.Is(err, errSeeded) {
		return nil
	}
	if err != nil {
		return err
	}

	// Store in publication order, one item per refresh, so that the wire
	// is stored first and its copies are found as its exact duplicates.
	order := make([]item, len(items))
	copy(order, items)
	sort.SliceStable(order, func(i, j int) bool { return order[i].minutesAgo > order[j].minutesAgo })
	byEvent := make(map[string][]*tidings.Article)
	lang := make(map[string]string)
	for _, s := range sources {
		lang[s.key] = s.lang
	}
	for _, it := range order {
		src := sourceByKey(it.source)
		a := article(it, src, now)
		fs := tidings.FetchState{LastFetchedAt: now, NextFetchAt: now.Add(30 * time.Minute), LastStatus: 200}
		if _, err := st.SaveRefresh(ctx, srcIDs[it.source], fs, []*tidings.Article{a}); err != nil {
			return fmt.Errorf("demo: store %q: %w", it.title, err)
		}
		a.SourceID, a.Language = srcIDs[it.source], lang[it.source]
		byEvent[it.event] = append(byEvent[it.event], a)
	}
	articles, stories := analyze(byEvent)
	if err := st.SaveAnalysis(ctx, articles, stories); err != nil {
		return fmt.Errorf("demo: save analysis: %w", err)
	}
	return nil
}

// errSeeded says the sample's first source already exists.
var errSeeded = errors.New("demo: already seeded")

func createSources(ctx context.Context, st Store, now time.Time) (map[string]int64, error) {
	ids := make(map[string]int64)
	for i, s := range sources {
		src := &tidings.Source{FeedURL: s.feedURL(), SiteURL: s.site, Title: s.title, Folder: s.folder, FullText: tidings.FullTextAuto}
		err := st.CreateSource(ctx, src)
		if i == 0 && errors.Is(err, tidings.ErrConflict) {
			return nil, errSeeded
		}
		if err != nil {
			return nil, fmt.Errorf("demo: create source %q: %w", s.title, err)
		}
		ids[s.key] = src.ID
		if s.lastError != "" {
			fs := tidings.FetchState{LastFetchedAt: now.Add(-20 * time.Minute), NextFetchAt: now.Add(40 * time.Minute),
				LastStatus: 503, LastError: s.lastError, ErrorCount: 3}
			if err := st.SaveFetchState(ctx, src.ID, fs); err != nil {
				return nil, fmt.Errorf("demo: fetch state of %q: %w", s.title, err)
			}
		}
	}
	return ids, nil
}

func sourceByKey(key string) source {
	for _, s := range sources {
		if s.key == key {
			return s
		}
	}
	panic("demo: unknown source " + key) // the sample is static: a typo fails every test
}

// article builds the item as a feed would deliver it after normalization.
func article(it item, src source, now time.Time) *tidings.Article {
	paras := strings.Split(it.body, "\n\n")
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(strings.TrimSpace(p)))
		b.WriteString("</p>\n")
	}
	text := strings.Join(paras, "\n\n")
	url := fmt.Sprintf("%s/%s/%s", src.site, now.Add(-time.Duration(it.minutesAgo)*time.Minute).Format("2006/01/02"), it.slug)
	return &tidings.Article{
		GUID:        url,
		URL:         url,
		Title:       it.title,
		Author:      it.author,
		PublishedAt: now.Add(-time.Duration(it.minutesAgo) * time.Minute),
		HTML:        b.String(),
		Text:        text,
		Language:    src.lang,
		ContentHash: contentHash(text),
	}
}

// contentHash stands in for the pipeline's: the same words give the same hash.
func contentHash(text string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(text), " "))))
	return hex.EncodeToString(sum[:])
}
