package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

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

// CreateComment implements tidings.AccountStore.
func (s *Store) CreateComment(ctx context.Context, c *tidings.Comment) error {
	if c == nil || (c.StoryID == 0) == (c.ArticleID == 0) {
		return tidings.Errorf(tidings.ErrInvalid, "a comment is on one story or one article")
	}
	if err := validBody(c.Body, c.HTML); err != nil {
		return err
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM users WHERE id = ?`, c.UserID, "user"); err != nil {
			return err
		}
		if c.StoryID != 0 {
			if err := exists(ctx, tx, `SELECT 1 FROM stories WHERE id = ?`, c.StoryID, "story"); err != nil {
				return err
			}
		} else if err := exists(ctx, tx, `SELECT 1 FROM articles WHERE id = ?`, c.ArticleID, "article"); err != nil {
			return err
		}
		if c.ParentID != 0 {
			var (
				story, article sql.NullInt64
				deleted        bool
			)
			err := tx.QueryRowContext(ctx, `SELECT story_id, article_id, deleted FROM comments WHERE id = ?`, c.ParentID).
				Scan(&story, &article, &deleted)
			if errors.Is(err, sql.ErrNoRows) {
				return tidings.Errorf(tidings.ErrNotFound, "the comment you reply to does not exist")
			}
			if err != nil {
				return fmt.Errorf("sqlite: comment parent %d: %w", c.ParentID, err)
			}
			if story.Int64 != c.StoryID || article.Int64 != c.ArticleID {
				return tidings.Errorf(tidings.ErrInvalid, "the comment you reply to is on another page")
			}
			if deleted {
				return tidings.Errorf(tidings.ErrConflict, "the comment you reply to was deleted")
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO comments (story_id, article_id, parent_id, user_id, body, html, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, nullID(c.StoryID), nullID(c.ArticleID), nullID(c.ParentID), c.UserID,
			c.Body, c.HTML, now.UnixMicro())
		if err != nil {
			return fmt.Errorf("sqlite: create comment: %w", err)
		}
		c.ID, _ = res.LastInsertId()
		c.CreatedAt, c.EditedAt, c.Hidden, c.Deleted = now, time.Time{}, false, false
		return nil
	})
}

// exists returns ErrNotFound naming what when query finds no row for id.
func exists(ctx context.Context, tx *sql.Tx, query string, id int64, what string) error {
	var one int
	err := tx.QueryRowContext(ctx, query, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return tidings.Errorf(tidings.ErrNotFound, "%s %d not found", what, id)
	}
	if err != nil {
		return fmt.Errorf("sqlite: %s %d: %w", what, id, err)
	}
	return nil
}

const commentColumns = `c.id, c.story_id, c.article_id, c.parent_id, c.user_id, u.name, c.body, c.html,
	c.created_at, c.edited_at, c.hidden, c.deleted`

func scanComment(row scanner) (*tidings.Comment, error) {
	var (
		c                      tidings.Comment
		story, article, parent sql.NullInt64
		created                int64
		edited                 sql.NullInt64
	)
	err := row.Scan(&c.ID, &story, &article, &parent, &c.UserID, &c.UserName, &c.Body, &c.HTML,
		&created, &edited, &c.Hidden, &c.Deleted)
	if err != nil {
		return nil, err
	}
	c.StoryID, c.ArticleID, c.ParentID = story.Int64, article.Int64, parent.Int64
	c.CreatedAt, c.EditedAt = time.UnixMicro(created).UTC(), fromMicros(edited)
	return &c, nil
}

func (s *Store) queryComments(ctx context.Context, query string, args ...any) ([]*tidings.Comment, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+commentColumns+` FROM comments c JOIN users u ON u.id = c.user_id `+query, args...)
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
	out, err := s.queryComments(ctx, `WHERE c.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: comment %d: %w", id, err)
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
		out, err = s.queryComments(ctx, `WHERE c.story_id = ? ORDER BY c.id`, storyID)
	case articleID != 0 && storyID == 0:
		out, err = s.queryComments(ctx, `WHERE c.article_id = ? ORDER BY c.id`, articleID)
	default:
		return nil, tidings.Errorf(tidings.ErrInvalid, "comments are on one story or one article")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: comments: %w", err)
	}
	return out, nil
}

// EditComment implements tidings.AccountStore.
func (s *Store) EditComment(ctx context.Context, id int64, body, html string, editedAt time.Time) error {
	if err := validBody(body, html); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var deleted bool
		err := tx.QueryRowContext(ctx, `SELECT deleted FROM comments WHERE id = ?`, id).Scan(&deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return tidings.Errorf(tidings.ErrNotFound, "comment %d not found", id)
		}
		if err != nil {
			return fmt.Errorf("sqlite: edit comment %d: %w", id, err)
		}
		if deleted {
			return tidings.Errorf(tidings.ErrConflict, "the comment was deleted")
		}
		_, err = tx.ExecContext(ctx, `UPDATE comments SET body = ?, html = ?, edited_at = ? WHERE id = ?`,
			body, html, editedAt.UnixMicro(), id)
		if err != nil {
			return fmt.Errorf("sqlite: edit comment %d: %w", id, err)
		}
		return nil
	})
}

// HideComment implements tidings.AccountStore.
func (s *Store) HideComment(ctx context.Context, id int64, hidden bool) error {
	return s.updateComment(ctx, id, `UPDATE comments SET hidden = ? WHERE id = ?`, hidden, id)
}

// DeleteComment implements tidings.AccountStore.
func (s *Store) DeleteComment(ctx context.Context, id int64) error {
	return s.updateComment(ctx, id, `UPDATE comments SET deleted = 1, body = '', html = '' WHERE id = ?`, id)
}

func (s *Store) updateComment(ctx context.Context, id int64, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("sqlite: update comment %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tidings.Errorf(tidings.ErrNotFound, "comment %d not found", id)
	}
	return nil
}

// RecentComments implements tidings.AccountStore.
func (s *Store) RecentComments(ctx context.Context, limit int) ([]*tidings.Comment, error) {
	if limit <= 0 {
		return nil, nil
	}
	out, err := s.queryComments(ctx, `WHERE c.deleted = 0 ORDER BY c.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: recent comments: %w", err)
	}
	return out, nil
}

// ArticleCommentCounts implements tidings.AccountStore.
func (s *Store) ArticleCommentCounts(ctx context.Context, articleIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int)
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT article_id, count(*) FROM comments
		WHERE article_id IN (SELECT value FROM json_each(?)) AND hidden = 0 AND deleted = 0
		GROUP BY article_id`, jsonIDs(articleIDs))
	if err != nil {
		return nil, fmt.Errorf("sqlite: article comment counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("sqlite: article comment counts: %w", err)
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
	ids, _ := json.Marshal(storyIDs)
	rows, err := s.rdb.QueryContext(ctx, `SELECT story, count(*) FROM (
			SELECT c.story_id AS story FROM comments c
			WHERE c.story_id IN (SELECT value FROM json_each(?1)) AND c.hidden = 0 AND c.deleted = 0
			UNION ALL
			SELECT a.story_id FROM articles a JOIN comments c ON c.article_id = a.id
			WHERE a.story_id IN (SELECT value FROM json_each(?1)) AND c.hidden = 0 AND c.deleted = 0
		) GROUP BY story`, string(ids))
	if err != nil {
		return nil, fmt.Errorf("sqlite: comment counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("sqlite: comment counts: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
