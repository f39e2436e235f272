package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// jsonIDs encodes ids for json_each: one bound parameter however many IDs,
// so no statement grows with the list.
func jsonIDs(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// SetRead implements tidings.AccountStore.
func (s *Store) SetRead(ctx context.Context, userID int64, articleIDs []int64, read bool) error {
	now := s.now().UTC().UnixMicro()
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM users WHERE id = ?`, userID, "user"); err != nil {
			return err
		}
		var err error
		if read {
			_, err = tx.ExecContext(ctx, `INSERT INTO article_states (user_id, article_id, read_at)
				SELECT ?, a.id, ? FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
				ON CONFLICT (user_id, article_id) DO UPDATE SET read_at = excluded.read_at`,
				userID, now, jsonIDs(articleIDs))
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE article_states SET read_at = NULL
				WHERE user_id = ? AND article_id IN (SELECT value FROM json_each(?))`, userID, jsonIDs(articleIDs))
			if err == nil {
				_, err = tx.ExecContext(ctx, `DELETE FROM article_states WHERE user_id = ?
					AND read_at IS NULL AND saved_at IS NULL`, userID)
			}
		}
		if err != nil {
			return fmt.Errorf("sqlite: set read for user %d: %w", userID, err)
		}
		return nil
	})
}

// SetSaved implements tidings.AccountStore.
func (s *Store) SetSaved(ctx context.Context, userID, articleID int64, saved bool) error {
	now := s.now().UTC().UnixMicro()
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM users WHERE id = ?`, userID, "user"); err != nil {
			return err
		}
		if err := exists(ctx, tx, `SELECT 1 FROM articles WHERE id = ?`, articleID, "article"); err != nil {
			return err
		}
		var err error
		if saved {
			_, err = tx.ExecContext(ctx, `INSERT INTO article_states (user_id, article_id, saved_at) VALUES (?, ?, ?)
				ON CONFLICT (user_id, article_id) DO UPDATE SET saved_at = excluded.saved_at`, userID, articleID, now)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE article_states SET saved_at = NULL WHERE user_id = ? AND article_id = ?`, userID, articleID)
			if err == nil {
				_, err = tx.ExecContext(ctx, `DELETE FROM article_states WHERE user_id = ? AND article_id = ?
					AND read_at IS NULL AND saved_at IS NULL`, userID, articleID)
			}
		}
		if err != nil {
			return fmt.Errorf("sqlite: set saved for user %d: %w", userID, err)
		}
		return nil
	})
}

// ArticleStates implements tidings.AccountStore.
func (s *Store) ArticleStates(ctx context.Context, userID int64, articleIDs []int64) (map[int64]tidings.ArticleState, error) {
	out := make(map[int64]tidings.ArticleState)
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT article_id, read_at IS NOT NULL, saved_at IS NOT NULL FROM article_states
		WHERE user_id = ? AND article_id IN (SELECT value FROM json_each(?))`, userID, jsonIDs(articleIDs))
	if err != nil {
		return nil, fmt.Errorf("sqlite: article states: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			st tidings.ArticleState
		)
		if err := rows.Scan(&id, &st.Read, &st.Saved); err != nil {
			return nil, fmt.Errorf("sqlite: article states: %w", err)
		}
		out[id] = st
	}
	return out, rows.Err()
}

// SavedArticles implements tidings.AccountStore.
func (s *Store) SavedArticles(ctx context.Context, userID int64, limit int) ([]int64, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT article_id FROM article_states
		WHERE user_id = ? AND saved_at IS NOT NULL ORDER BY saved_at DESC, article_id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: saved articles: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: saved articles: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Follow implements tidings.AccountStore.
func (s *Store) Follow(ctx context.Context, userID int64, hashtag string, sourceID int64, on bool) error {
	if (hashtag == "") == (sourceID == 0) {
		return tidings.Errorf(tidings.ErrInvalid, "follow one hashtag or one source")
	}
	var key string
	if hashtag != "" {
		keys := codec.HashtagKeys([]string{hashtag})
		if len(keys) == 0 || len(hashtag) > 200 {
			return tidings.Errorf(tidings.ErrInvalid, "not a hashtag")
		}
		key = keys[0]
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM users WHERE id = ?`, userID, "user"); err != nil {
			return err
		}
		var err error
		switch {
		case hashtag != "" && on:
			_, err = tx.ExecContext(ctx, `INSERT INTO followed_hashtags (user_id, tag, display) VALUES (?, ?, ?)
				ON CONFLICT (user_id, tag) DO NOTHING`, userID, key, codec.Text(hashtag))
		case hashtag != "":
			_, err = tx.ExecContext(ctx, `DELETE FROM followed_hashtags WHERE user_id = ? AND tag = ?`, userID, key)
		case on:
			if err := exists(ctx, tx, `SELECT 1 FROM sources WHERE id = ?`, sourceID, "source"); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO followed_sources (user_id, source_id) VALUES (?, ?)
				ON CONFLICT (user_id, source_id) DO NOTHING`, userID, sourceID)
		default:
			_, err = tx.ExecContext(ctx, `DELETE FROM followed_sources WHERE user_id = ? AND source_id = ?`, userID, sourceID)
		}
		if err != nil {
			return fmt.Errorf("sqlite: follow for user %d: %w", userID, err)
		}
		return nil
	})
}

// Follows implements tidings.AccountStore.
func (s *Store) Follows(ctx context.Context, userID int64) (tidings.Follows, error) {
	var f tidings.Follows
	rows, err := s.rdb.QueryContext(ctx, `SELECT display, 0, 0 AS kind, id FROM followed_hashtags WHERE user_id = ?1
		UNION ALL SELECT '', source_id, 1, id FROM followed_sources WHERE user_id = ?1 ORDER BY kind, id`, userID)
	if err != nil {
		return f, fmt.Errorf("sqlite: follows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			tag           string
			src, kind, id int64
		)
		if err := rows.Scan(&tag, &src, &kind, &id); err != nil {
			return f, fmt.Errorf("sqlite: follows: %w", err)
		}
		if kind == 1 {
			f.Sources = append(f.Sources, src)
		} else {
			f.Hashtags = append(f.Hashtags, tag)
		}
	}
	return f, rows.Err()
}

// ForYou implements tidings.AccountStore.
func (s *Store) ForYou(ctx context.Context, userID int64, before time.Time, beforeID int64, limit int) ([]*tidings.Story, error) {
	if limit <= 0 {
		return nil, nil
	}
	q := `SELECT ` + storyColumns + ` FROM stories s WHERE (
		s.id IN (SELECT m.story_id FROM followed_hashtags f JOIN article_hashtags h ON h.tag = f.tag
			JOIN articles m ON m.id = h.article_id WHERE f.user_id = ?1 AND m.story_id IS NOT NULL)
		OR s.id IN (SELECT a.story_id FROM followed_sources f JOIN articles a ON a.source_id = f.source_id
			WHERE f.user_id = ?1 AND a.story_id IS NOT NULL))`
	args := []any{userID, limit}
	if !before.IsZero() {
		q += ` AND (s.last_seen, s.id) < (?3, ?4)`
		args = append(args, before.UnixMicro(), beforeID)
	}
	q += ` ORDER BY s.last_seen DESC, s.id DESC LIMIT ?2`
	out, err := s.queryStories(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: for you: %w", err)
	}
	return out, nil
}
