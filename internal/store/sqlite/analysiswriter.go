package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// analysisWriter saves the analysis of articles within one transaction,
// with statements prepared once. An article whose analysis is unchanged is
// not written: SQLite rewrites a whole row (text included) on any update.
type analysisWriter struct {
	tx                                                    *sql.Tx
	read, update, untag, tag, canonical, promote, restamp *sql.Stmt
	prepared                                              bool
}

func (w *analysisWriter) close() {
	for _, st := range []*sql.Stmt{w.read, w.update, w.untag, w.tag, w.canonical, w.promote, w.restamp} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *analysisWriter) prepare(ctx context.Context) error {
	if w.prepared {
		return nil
	}
	w.prepared = true
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = w.tx.PrepareContext(ctx, q)
		return st
	}
	w.read = prep(`SELECT COALESCE(duplicate_of, 0), COALESCE(story_id, 0), language, summary, keyphrases,
		hashtags, entities, related FROM articles WHERE id = ?`)
	w.update = prep(`UPDATE articles SET duplicate_of = ?, story_id = ?, language = ?,
		summary = ?, keyphrases = ?, hashtags = ?, entities = ?, related = ? WHERE id = ?`)
	w.untag = prep(`DELETE FROM article_hashtags WHERE article_id = ?`)
	w.tag = prep(`INSERT INTO article_hashtags (article_id, tag) VALUES (?, ?)`)
	w.restamp = prep(`UPDATE articles SET hashtags = ? WHERE story_id = ? AND hashtags <> ? RETURNING id`)
	w.canonical = prep(`SELECT duplicate_of FROM articles WHERE id = ?`)
	w.promote = prep(`UPDATE articles SET duplicate_of = ?1 WHERE (id = ?2 OR duplicate_of = ?2) AND id <> ?1
		RETURNING story_id`)
	if err != nil {
		return fmt.Errorf("sqlite: save analysis: prepare: %w", err)
	}
	return nil
}

// analysisRow is the analyzed part of an article row.
type analysisRow struct {
	duplicateOf, storyID                                       int64
	language, summary, keyphrases, hashtags, entities, related string
}

// save writes one article's analysis and marks the stories it left and
// joined as affected.
func (w *analysisWriter) save(ctx context.Context, a *tidings.Article, affected map[int64]bool) error {
	if err := w.prepare(ctx); err != nil {
		return err
	}
	var old analysisRow
	err := w.read.QueryRowContext(ctx, a.ID).Scan(&old.duplicateOf, &old.storyID, &old.language, &old.summary,
		&old.keyphrases, &old.hashtags, &old.entities, &old.related)
	if errors.Is(err, sql.ErrNoRows) {
		return tidings.Errorf(tidings.ErrNotFound, "article %d not found", a.ID)
	}
	if err != nil {
		return fmt.Errorf("sqlite: save analysis of article %d: %w", a.ID, err)
	}
	dup := a.DuplicateOf
	promoted := a.Replaces != 0 && dup == a.Replaces
	if promoted {
		dup = 0
	} else if dup != 0 {
		// A copy of a copy points at the canonical.
		var canon sql.NullInt64
		if err := w.canonical.QueryRowContext(ctx, dup).Scan(&canon); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlite: save analysis of article %d: %w", a.ID, err)
		}
		if canon.Valid {
			dup = canon.Int64
		}
		if dup == a.ID {
			dup = 0
		}
	}
	row := analysisRow{dup, a.StoryID, codec.Text(a.Language), codec.Strings(a.Summary),
		codec.Strings(a.Keyphrases), codec.Strings(a.Hashtags), codec.Entities(a.Entities), codec.IDs(a.Related)}
	if old.storyID != 0 {
		affected[old.storyID] = true
	}
	if row.storyID != 0 {
		affected[row.storyID] = true
	}
	if row == old {
		return w.promoteOver(ctx, a, promoted, affected)
	}
	_, err = w.update.ExecContext(ctx, nullID(row.duplicateOf), nullID(row.storyID), row.language, row.summary,
		row.keyphrases, row.hashtags, row.entities, row.related, a.ID)
	switch {
	case isForeignKey(err):
		return tidings.Errorf(tidings.ErrNotFound, "article %d: canonical article %d not found", a.ID, a.DuplicateOf)
	case err != nil:
		return fmt.Errorf("sqlite: save analysis of article %d: %w", a.ID, err)
	}
	if err := w.promoteOver(ctx, a, promoted, affected); err != nil {
		return err
	}
	if row.hashtags == old.hashtags {
		return nil
	}
	if _, err := w.untag.ExecContext(ctx, a.ID); err != nil {
		return fmt.Errorf("sqlite: save hashtags of article %d: %w", a.ID, err)
	}
	for _, t := range codec.HashtagKeys(a.Hashtags) {
		if _, err := w.tag.ExecContext(ctx, a.ID, t); err != nil {
			return fmt.Errorf("sqlite: save hashtags of article %d: %w", a.ID, err)
		}
	}
	return nil
}

// promoteOver makes a, when promoted, the canonical of the article it
// replaces and of that article's copies, and marks their stories affected.
func (w *analysisWriter) promoteOver(ctx context.Context, a *tidings.Article, promoted bool, affected map[int64]bool) error {
	if !promoted {
		return nil
	}
	// A second, fuller copy replaces the first one.
	over := a.Replaces
	var canon sql.NullInt64
	if err := w.canonical.QueryRowContext(ctx, over).Scan(&canon); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: article %d replaces %d: %w", a.ID, a.Replaces, err)
	}
	if canon.Valid && canon.Int64 != a.ID {
		over = canon.Int64
	}
	rows, err := w.promote.QueryContext(ctx, a.ID, over)
	if err != nil {
		return fmt.Errorf("sqlite: article %d replaces %d: %w", a.ID, a.Replaces, err)
	}
	defer rows.Close()
	for rows.Next() {
		var story sql.NullInt64
		if err := rows.Scan(&story); err != nil {
			return fmt.Errorf("sqlite: article %d replaces %d: %w", a.ID, a.Replaces, err)
		}
		if story.Valid {
			affected[story.Int64] = true
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: article %d replaces %d: %w", a.ID, a.Replaces, err)
	}
	return nil
}

// retag gives every article of story st its hashtags, when st names them:
// a story's tags change as it grows and when it absorbs another, and every
// article of a story carries them.
func (w *analysisWriter) retag(ctx context.Context, st *tidings.Story) error {
	if len(st.Hashtags) == 0 {
		return nil
	}
	if err := w.prepare(ctx); err != nil {
		return err
	}
	enc := codec.Strings(st.Hashtags)
	rows, err := w.restamp.QueryContext(ctx, enc, st.ID, enc)
	if err != nil {
		return err
	}
	var changed []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		changed = append(changed, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	keys := codec.HashtagKeys(st.Hashtags)
	for _, id := range changed {
		if _, err := w.untag.ExecContext(ctx, id); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := w.tag.ExecContext(ctx, id, k); err != nil {
				return err
			}
		}
	}
	return nil
}
