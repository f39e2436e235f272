package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// SaveAnalysis implements tidings.Store. Story aggregates (first and last
// seen, article and source counts) are recomputed from the articles rather
// than taken from the given stories, so they stay true whatever order
// concurrent analyses commit in; a story left without articles (merged into
// another) is deleted.
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
	return s.write(ctx, func(tx *sql.Tx) error {
		affected := map[int64]bool{}
		w := analysisWriter{tx: tx}
		defer w.close()
		for _, a := range articles {
			if err := w.save(ctx, a, affected); err != nil {
				return err
			}
		}
		// The headline is never a copy: a copy's canonical heads instead.
		var upsert *sql.Stmt
		if len(stories) > 0 {
			var err error
			upsert, err = tx.PrepareContext(ctx, `INSERT INTO stories (id, headline_article_id, first_seen, last_seen,
				article_count, source_count, hashtags, entities)
				VALUES (?1, COALESCE((SELECT duplicate_of FROM articles WHERE id = ?2), ?2), ?3, ?4, ?5, ?6, ?7, ?8)
				ON CONFLICT (id) DO UPDATE SET headline_article_id = excluded.headline_article_id,
				hashtags = excluded.hashtags, entities = excluded.entities`)
			if err != nil {
				return fmt.Errorf("sqlite: save stories: %w", err)
			}
			defer upsert.Close()
		}
		for _, st := range stories {
			affected[st.ID] = true
			_, err := upsert.ExecContext(ctx, st.ID, st.HeadlineArticleID, st.FirstSeen.UnixMicro(), st.LastSeen.UnixMicro(), st.ArticleCount,
				st.SourceCount, codec.Strings(st.Hashtags), codec.Entities(st.Entities))
			if err != nil {
				return fmt.Errorf("sqlite: save story %d: %w", st.ID, err)
			}
		}
		// Merges last, so that articles saved above with a merged story's ID
		// move too.
		for _, st := range stories {
			for _, from := range st.MergedFrom {
				if from == st.ID {
					continue
				}
				affected[from] = true
				if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE story_id = ?`, st.ID, from); err != nil {
					return fmt.Errorf("sqlite: merge story %d into %d: %w", from, st.ID, err)
				}
				// The discussion follows the story.
				if _, err := tx.ExecContext(ctx, `UPDATE comments SET story_id = ? WHERE story_id = ?`, st.ID, from); err != nil {
					return fmt.Errorf("sqlite: merge comments of story %d into %d: %w", from, st.ID, err)
				}
			}
		}
		for i, st := range stories {
			if slices.ContainsFunc(stories[i+1:], func(later *tidings.Story) bool { return later.ID == st.ID }) {
				continue // a later entry has the story's newer tags
			}
			if err := w.retag(ctx, st); err != nil {
				return fmt.Errorf("sqlite: hashtags of story %d: %w", st.ID, err)
			}
		}
		ids := make([]int64, 0, len(affected))
		for id := range affected {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return refreshStories(ctx, tx, ids)
	})
}

// refreshStories recomputes the aggregates of the given stories from their
// articles, creates a story row for articles whose story has none, and
// deletes stories left without articles.
func refreshStories(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	agg, err := tx.PrepareContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT source_id), MIN(published_at), MAX(published_at),
		COALESCE(MIN(CASE WHEN duplicate_of IS NULL THEN id END), MIN(id))
		FROM articles WHERE story_id = ?`)
	if err != nil {
		return fmt.Errorf("sqlite: stories: %w", err)
	}
	defer agg.Close()
	upsert, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, headline_article_id, first_seen, last_seen, article_count, source_count)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6)
		ON CONFLICT (id) DO UPDATE SET first_seen = ?3, last_seen = ?4, article_count = ?5, source_count = ?6,
		headline_article_id = CASE WHEN EXISTS (SELECT 1 FROM articles WHERE id = stories.headline_article_id AND story_id = ?1
			AND duplicate_of IS NULL)
			THEN stories.headline_article_id ELSE ?2 END`)
	if err != nil {
		return fmt.Errorf("sqlite: stories: %w", err)
	}
	defer upsert.Close()
	for _, id := range ids {
		var (
			n, sources        int
			first, last, head sql.NullInt64
		)
		err := agg.QueryRowContext(ctx, id).Scan(&n, &sources, &first, &last, &head)
		if err != nil {
			return fmt.Errorf("sqlite: story %d: %w", id, err)
		}
		if n == 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
				return fmt.Errorf("sqlite: delete story %d: %w", id, err)
			}
			continue
		}
		// The headline stays unless it left the story or became a copy.
		_, err = upsert.ExecContext(ctx, id, head.Int64, first.Int64, last.Int64, n, sources)
		if err != nil {
			return fmt.Errorf("sqlite: update story %d: %w", id, err)
		}
	}
	return nil
}

// Stats implements tidings.Store.
func (s *Store) Stats(ctx context.Context) (tidings.Stats, error) {
	var st tidings.Stats
	err := s.rdb.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM sources),
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT COUNT(*) FROM sources WHERE error_count > 0),
		(SELECT COUNT(*) FROM stories)`).Scan(&st.Sources, &st.Articles, &st.Duplicates, &st.Errors, &st.Stories)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
