package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// analysisWriter saves the analysis of articles within one transaction,
// with statements prepared once. An article whose analysis is unchanged is
// not written: SQLite rewrites a whole row (text included) on any update.
type analysisWriter struct {
	tx                  *sql.Tx
	read, update, untag *sql.Stmt
	prepared            bool
}

func (w *analysisWriter) close() {
	for _, st := range []*sql.Stmt{w.read, w.update, w.untag} {
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
	row := analysisRow{a.DuplicateOf, a.StoryID, codec.Text(a.Language), codec.Strings(a.Summary),
		codec.Strings(a.Keyphrases), codec.Strings(a.Hashtags), codec.Entities(a.Entities), codec.IDs(a.Related)}
	if old.storyID != 0 {
		affected[old.storyID] = true
	}
	if row.storyID != 0 {
		affected[row.storyID] = true
	}
	if row == old {
		return nil
	}
	_, err = w.update.ExecContext(ctx, nullID(row.duplicateOf), nullID(row.storyID), row.language, row.summary,
		row.keyphrases, row.hashtags, row.entities, row.related, a.ID)
	switch {
	case isForeignKey(err):
		return tidings.Errorf(tidings.ErrNotFound, "article %d: canonical article %d not found", a.ID, a.DuplicateOf)
	case err != nil:
		return fmt.Errorf("sqlite: save analysis of article %d: %w", a.ID, err)
	}
	if row.hashtags == old.hashtags {
		return nil
	}
	if _, err := w.untag.ExecContext(ctx, a.ID); err != nil {
		return fmt.Errorf("sqlite: save hashtags of article %d: %w", a.ID, err)
	}
	tags := codec.HashtagKeys(a.Hashtags)
	if len(tags) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(tags))
	for _, t := range tags {
		args = append(args, a.ID, t)
	}
	q := `INSERT INTO article_hashtags (article_id, tag) VALUES (?, ?)` + strings.Repeat(", (?, ?)", len(tags)-1)
	if _, err := w.tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("sqlite: save hashtags of article %d: %w", a.ID, err)
	}
	return nil
}
