package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
)

// validBody checks what CreateComment and EditComment promise to refuse.
func validBody(body, html string) error {
	if err := tidings.ValidateCommentBody(body); err != nil {
		return err
	}
	if html == "" || !utf8.ValidString(html) {
		return tidings.Errorf(tidings.ErrInvalid, "the comment has no rendered text")
	}
	return nil
}

// CreateComment implements tidings.AccountStore. The parent row is locked
// (FOR SHARE) so that a reply and the parent's deletion cannot interleave.
func (s *Store) CreateComment(ctx context.Context, c *tidings.Comment) error {
	if c == nil || (c.StoryID == 0) == (c.ArticleID == 0) {
		return tidings.Errorf(tidings.ErrInvalid, "a comment is on one story or one article")
	}
	if err := validBody(c.Body, c.HTML); err != nil {
		return err
	}
	now := s.clock()
	return s.write(ctx, func(tx pgx.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM users WHERE id = $1`, c.UserID, "user"); err != nil {
			return err
		}
		if c.StoryID != 0 {
			if err := exists(ctx, tx, `SELECT 1 FROM stories WHERE id = $1`, c.StoryID, "story"); err != nil {
				return err
			}
		} else if err := exists(ctx, tx, `SELECT 1 FROM articles WHERE id = $1 FOR SHARE`, c.ArticleID, "article"); err != nil {
			return err
		}
		if c.ParentID != 0 {
			var (
				story, article pgtype.Int8
				deleted        bool
			)
			err := tx.QueryRow(ctx, `SELECT story_id, article_id, deleted FROM comments WHERE id = $1 FOR SHARE`, c.ParentID).
				Scan(&story, &article, &deleted)
			if errors.Is(err, pgx.ErrNoRows) {
				return tidings.Errorf(tidings.ErrNotFound, "the comment you reply to does not exist")
			}
			if err != nil {
				return fmt.Errorf("postgres: comment parent %d: %w", c.ParentID, err)
			}
			if story.Int64 != c.StoryID || article.Int64 != c.ArticleID {
				return tidings.Errorf(tidings.ErrInvalid, "the comment you reply to is on another page")
			}
			if deleted {
				return tidings.Errorf(tidings.ErrConflict, "the comment you reply to was deleted")
			}
		}
		err := tx.QueryRow(ctx, `INSERT INTO comments (story_id, article_id, parent_id, user_id, body, html, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, nullID(c.StoryID), nullID(c.ArticleID), nullID(c.ParentID),
			c.UserID, c.Body, c.HTML, now).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("postgres: create comment: %w", err)
		}
		c.CreatedAt, c.EditedAt, c.Hidden, c.Deleted = now, time.Time{}, false, false
		return nil
	})
}

// exists returns ErrNotFound naming what when query finds no row for id.
func exists(ctx context.Context, tx pgx.Tx, query string, id int64, what string) error {
	var one int
	err := tx.QueryRow(ctx, query, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return tidings.Errorf(tidings.ErrNotFound, "%s %d not found", what, id)
	}
	if err != nil {
		return fmt.Errorf("postgres: %s %d: %w", what, id, err)
	}
	return nil
}

const commentColumns = `c.id, c.story_id, c.article_id, c.parent_id, c.user_id, u.name, c.body, c.html,
	c.created_at, c.edited_at, c.hidden, c.deleted`

func scanComment(row pgx.Row) (*tidings.Comment, error) {
	var (
		c                      tidings.Comment
		story, article, parent pgtype.Int8
		edited                 pgtype.Timestamptz
	)
	err := row.Scan(&c.ID, &story, &article, &parent, &c.UserID, &c.UserName, &c.Body, &c.HTML,
		&c.CreatedAt, &edited, &c.Hidden, &c.Deleted)
	if err != nil {
		return nil, err
	}
	c.StoryID, c.ArticleID, c.ParentID = story.Int64, article.Int64, parent.Int64
	c.CreatedAt, c.EditedAt = c.CreatedAt.UTC(), fromTS(edited)
	return &c, nil
}

func (s *Store) queryComments(ctx context.Context, query string, args ...any) ([]*tidings.Comment, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+commentColumns+` FROM comments c JOIN users u ON u.id = c.user_id `+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*tidings.Comment
	for rows.Next() {
		c, err := scanComment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Comment implements tidings.AccountStore.
func (s *Store) Comment(ctx context.Context, id int64) (*tidings.Comment, error) {
	out, err := s.queryComments(ctx, `WHERE c.id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: comment %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, tidings.Errorf(tidings.ErrNotFound, "comment %d not found", id)
	}
	return out[0], nil
}

// Comments implements tidings.AccountStore.
func (s *Store) Comments(ctx context.Context, storyID, articleID int64) ([]*tidings.Comment, error) {
	var (
		out []*tidings.Comment
		err error
	)
	switch {
	case storyID != 0 && articleID == 0:
		out, err = s.queryComments(ctx, `WHERE c.story_id = $1 ORDER BY c.id`, storyID)
	case articleID != 0 && storyID == 0:
		out, err = s.queryComments(ctx, `WHERE c.article_id = $1 ORDER BY c.id`, articleID)
	default:
		return nil, tidings.Errorf(tidings.ErrInvalid, "comments are on one story or one article")
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: comments: %w", err)
	}
	return out, nil
}

// EditComment implements tidings.AccountStore.
func (s *Store) EditComment(ctx context.Context, id int64, body, html string, editedAt time.Time) error {
	if err := validBody(body, html); err != nil {
		return err
	}
	return s.write(ctx, func(tx pgx.Tx) error {
		var deleted bool
		err := tx.QueryRow(ctx, `SELECT deleted FROM comments WHERE id = $1 FOR UPDATE`, id).Scan(&deleted)
		if errors.Is(err, pgx.ErrNoRows) {
			return tidings.Errorf(tidings.ErrNotFound, "comment %d not found", id)
		}
		if err != nil {
			return fmt.Errorf("postgres: edit comment %d: %w", id, err)
		}
		if deleted {
			return tidings.Errorf(tidings.ErrConflict, "the comment was deleted")
		}
		_, err = tx.Exec(ctx, `UPDATE comments SET body = $1, html = $2, edited_at = $3 WHERE id = $4`,
			body, html, editedAt.UTC().Truncate(time.Microsecond), id)
		if err != nil {
			return fmt.Errorf("postgres: edit comment %d: %w", id, err)
		}
		return nil
	})
}

// HideComment implements tidings.AccountStore.
func (s *Store) HideComment(ctx context.Context, id int64, hidden bool) error {
	return s.updateComment(ctx, id, `UPDATE comments SET hidden = $1 WHERE id = $2`, hidden, id)
}

// DeleteComment implements tidings.AccountStore.
func (s *Store) DeleteComment(ctx context.Context, id int64) error {
	return s.updateComment(ctx, id, `UPDATE comments SET deleted = true, body = '', html = '' WHERE id = $1`, id)
}

func (s *Store) updateComment(ctx context.Context, id int64, query string, args ...any) error {
	tag, err := s.pool.Exec(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("postgres: update comment %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "comment %d not found", id)
	}
	return nil
}

// RecentComments implements tidings.AccountStore.
func (s *Store) RecentComments(ctx context.Context, limit int) ([]*tidings.Comment, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryComments(ctx, `WHERE NOT c.deleted ORDER BY c.id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: recent comments: %w", err)
	}
	return out, nil
}

// ArticleCommentCounts implements tidings.AccountStore.
func (s *Store) ArticleCommentCounts(ctx context.Context, articleIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int)
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT article_id, count(*) FROM comments
		WHERE article_id = ANY($1) AND NOT hidden AND NOT deleted GROUP BY article_id`, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: article comment counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			n  int
		)
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("postgres: article comment counts: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// CommentCounts implements tidings.AccountStore.
func (s *Store) CommentCounts(ctx context.Context, storyIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int)
	if len(storyIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT story, count(*) FROM (
			SELECT c.story_id AS story FROM comments c
			WHERE c.story_id = ANY($1) AND NOT c.hidden AND NOT c.deleted
			UNION ALL
			SELECT a.story_id FROM articles a JOIN comments c ON c.article_id = a.id
			WHERE a.story_id = ANY($1) AND NOT c.hidden AND NOT c.deleted
		) x GROUP BY story`, storyIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: comment counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			n  int
		)
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("postgres: comment counts: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
