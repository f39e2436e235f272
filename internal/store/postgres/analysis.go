package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// SaveAnalysis implements tidings.Store. Story aggregates (first and last
// seen, article and source counts) are recomputed from the articles rather
// than taken from the given stories, under an advisory lock per story taken
// in sorted order, so that concurrent analyses leave them true; a story left
// without articles (merged into another) is deleted.
func (s *Store) SaveAnalysis(ctx context.Context, articles []*tidings.Article, stories []*tidings.Story) error {
	for _, a := range articles {
		if a == nil {
			return tidings.Errorf(tidings.ErrInvalid, "nil article")
		}
		if a.DuplicateOf == a.ID {
			return tidings.Errorf(tidings.ErrInvalid, "article %d cannot duplicate itself", a.ID)
		}
	}
	for _, st := range stories {
		if st == nil || st.ID <= 0 {
			return tidings.Errorf(tidings.ErrInvalid, "story without ID")
		}
	}
	return s.write(ctx, func(tx pgx.Tx) error {
		affected := map[int64]bool{}
		if err := saveArticleAnalysis(ctx, tx, articles, affected); err != nil {
			return err
		}
		for _, st := range stories {
			affected[st.ID] = true
			for _, from := range st.MergedFrom {
				affected[from] = true
			}
		}
		ids := make([]int64, 0, len(affected))
		for id := range affected {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		// One round trip: the story locks, then the stories, the merges
		// (last, so that articles saved above with a merged story's ID move
		// too) and the aggregates.
		batch := &pgx.Batch{}
		batch.Queue(`SELECT pg_advisory_xact_lock(1, k) FROM unnest($1::int[]) WITH ORDINALITY AS t(k, n) ORDER BY n`, storyLockKeys(ids))
		for _, st := range stories {
			// The headline is never a copy: a copy's canonical heads instead.
			batch.Queue(`INSERT INTO stories (id, headline_article_id, first_seen, last_seen,
				article_count, source_count, hashtags, entities)
				VALUES ($1, COALESCE((SELECT duplicate_of FROM articles WHERE id = $2), $2), $3, $4, $5, $6, $7, $8)
				ON CONFLICT (id) DO UPDATE SET headline_article_id = excluded.headline_article_id,
				hashtags = excluded.hashtags, entities = excluded.entities`,
				st.ID, st.HeadlineArticleID, st.FirstSeen.UTC(), st.LastSeen.UTC(), st.ArticleCount,
				st.SourceCount, codec.Strings(st.Hashtags), codec.Entities(st.Entities))
		}
		for _, st := range stories {
			for _, from := range st.MergedFrom {
				if from == st.ID {
					continue
				}
				batch.Queue(`UPDATE articles SET story_id = $1 WHERE story_id = $2`, st.ID, from)
				// The discussion follows the story.
				batch.Queue(`UPDATE comments SET story_id = $1 WHERE story_id = $2`, st.ID, from)
			}
		}
		// Every article of a story carries the story's hashtags, which
		// change as it grows and when it absorbs another.
		for i, st := range stories {
			later := slices.ContainsFunc(stories[i+1:], func(l *tidings.Story) bool { return l.ID == st.ID })
			if len(st.Hashtags) > 0 && !later {
				batch.Queue(`WITH changed AS (UPDATE articles SET hashtags = $2 WHERE story_id = $1 AND hashtags <> $2 RETURNING id),
					gone AS (DELETE FROM article_hashtags h USING changed c WHERE h.article_id = c.id AND h.tag <> ALL($3::text[]))
					INSERT INTO article_hashtags (article_id, tag) SELECT c.id, t FROM changed c CROSS JOIN unnest($3::text[]) AS t
					ON CONFLICT DO NOTHING`, st.ID, codec.Strings(st.Hashtags), codec.HashtagKeys(st.Hashtags))
			}
		}
		batch.Queue(refreshStoriesSQL, ids)
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return fmt.Errorf("postgres: save stories: %w", err)
		}
		return nil
	})
}

// storyLockKeys maps story IDs to the second key of their advisory locks
// (the first is 1, apart from SaveRefresh's single-key locks), sorted.
func storyLockKeys(ids []int64) []int32 {
	keys := make([]int32, len(ids))
	for i, id := range ids {
		keys[i] = int32(id ^ id>>32)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// refreshStories recomputes the aggregates of the given stories from their
// articles, creates a story row for articles whose story has none, and
// deletes stories left without articles.
func refreshStories(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, refreshStoriesSQL, ids); err != nil {
		return fmt.Errorf("postgres: update stories: %w", err)
	}
	return nil
}

// refreshStoriesSQL recomputes the stories $1; the headline stays unless it
// left the story or became a copy.
const refreshStoriesSQL = `
		WITH agg AS (
			SELECT story_id AS id, COUNT(*) AS n, COUNT(DISTINCT source_id) AS sources,
				MIN(published_at) AS first, MAX(published_at) AS last,
				COALESCE(MIN(id) FILTER (WHERE duplicate_of IS NULL), MIN(id)) AS head
			FROM articles WHERE story_id = ANY($1) GROUP BY story_id),
		gone AS (
			DELETE FROM stories WHERE id = ANY($1) AND id NOT IN (SELECT id FROM agg))
		INSERT INTO stories AS s (id, headline_article_id, first_seen, last_seen, article_count, source_count)
		SELECT id, head, first, last, n, sources FROM agg
		ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen,
			article_count = excluded.article_count, source_count = excluded.source_count,
			headline_article_id = CASE WHEN EXISTS (SELECT 1 FROM articles WHERE id = s.headline_article_id AND story_id = s.id
				AND duplicate_of IS NULL)
				THEN s.headline_article_id ELSE excluded.headline_article_id END`

// Stats implements tidings.Store.
func (s *Store) Stats(ctx context.Context) (tidings.Stats, error) {
	var st tidings.Stats
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM sources),
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT COUNT(*) FROM sources WHERE error_count > 0),
		(SELECT COUNT(*) FROM stories)`).Scan(&st.Sources, &st.Articles, &st.Duplicates, &st.Errors, &st.Stories)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}

// analysisRow is the analyzed part of an article row.
type analysisRow struct {
	duplicateOf, storyID                                       int64
	language, summary, keyphrases, hashtags, entities, related string
}

// saveArticleAnalysis writes the analysis of articles in a fixed number of
// round trips, skipping those whose analysis is unchanged (an update of a
// row rewrites its index entries, the full-text one included), and marks
// the stories they left and joined as affected.
func saveArticleAnalysis(ctx context.Context, tx pgx.Tx, articles []*tidings.Article, affected map[int64]bool) error {
	if len(articles) == 0 {
		return nil
	}
	ids := make([]int64, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	rows, err := tx.Query(ctx, `SELECT id, COALESCE(duplicate_of, 0), COALESCE(story_id, 0), language, summary,
		keyphrases, hashtags, entities, related FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("postgres: save analysis: %w", err)
	}
	old := make(map[int64]analysisRow, len(ids))
	for rows.Next() {
		var (
			id int64
			r  analysisRow
		)
		if err := rows.Scan(&id, &r.duplicateOf, &r.storyID, &r.language, &r.summary, &r.keyphrases, &r.hashtags, &r.entities, &r.related); err != nil {
			rows.Close()
			return fmt.Errorf("postgres: save analysis: %w", err)
		}
		old[id] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: save analysis: %w", err)
	}
	batch := &pgx.Batch{}
	for _, a := range articles {
		was, ok := old[a.ID]
		if !ok {
			return tidings.Errorf(tidings.ErrNotFound, "article %d not found", a.ID)
		}
		dup := a.DuplicateOf
		promoted := a.Replaces != 0 && dup == a.Replaces
		if promoted {
			dup = 0
		}
		row := analysisRow{dup, a.StoryID, codec.Text(a.Language), codec.Strings(a.Summary),
			codec.Strings(a.Keyphrases), codec.Strings(a.Hashtags), codec.Entities(a.Entities), codec.IDs(a.Related)}
		if was.storyID != 0 {
			affected[was.storyID] = true
		}
		if row.storyID != 0 {
			affected[row.storyID] = true
		}
		if promoted {
			// The replaced article and its copies point at a; a is
			// canonical (its row is written below when it changed).
			// A second, fuller copy replaces the first one.
			batch.Queue(`WITH c AS (SELECT COALESCE(NULLIF(duplicate_of, $1), id) AS id FROM articles WHERE id = $2)
				UPDATE articles SET duplicate_of = $1
				WHERE (id IN ($2, (SELECT id FROM c)) OR duplicate_of IN ($2, (SELECT id FROM c))) AND id <> $1`, a.ID, a.Replaces)
		}
		if row == was {
			continue
		}
		old[a.ID] = row // a later entry for the same article compares with this one
		// A copy of a copy points at the canonical.
		batch.Queue(`UPDATE articles SET duplicate_of = NULLIF(COALESCE((SELECT c.duplicate_of FROM articles c WHERE c.id = $1), $1), $9),
			story_id = $2, language = $3, summary = $4, keyphrases = $5, hashtags = $6, entities = $7, related = $8 WHERE id = $9`,
			nullID(row.duplicateOf), nullID(row.storyID), row.language, row.summary, row.keyphrases,
			row.hashtags, row.entities, row.related, a.ID)
		if row.hashtags != was.hashtags {
			batch.Queue(`DELETE FROM article_hashtags WHERE article_id = $1`, a.ID)
			if tags := codec.HashtagKeys(a.Hashtags); len(tags) > 0 {
				batch.Queue(`INSERT INTO article_hashtags (article_id, tag) SELECT $1, unnest($2::text[])`, a.ID, tags)
			}
		}
	}
	if batch.Len() == 0 {
		return nil
	}
	err = tx.SendBatch(ctx, batch).Close()
	if isForeignKey(err) {
		return tidings.Errorf(tidings.ErrNotFound, "an analyzed article's canonical article is gone")
	}
	if err != nil {
		return fmt.Errorf("postgres: save analysis: %w", err)
	}
	return nil
}
