package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

const storyColumns = `s.id, s.headline_article_id, s.first_seen, s.last_seen, s.article_count, s.source_count, s.hashtags, s.entities`

func scanStory(row pgx.Row) (*tidings.Story, error) {
	var (
		st                 tidings.Story
		first, last        pgtype.Timestamptz
		hashtags, entities string
	)
	if err := row.Scan(&st.ID, &st.HeadlineArticleID, &first, &last, &st.ArticleCount, &st.SourceCount, &hashtags, &entities); err != nil {
		return nil, err
	}
	st.FirstSeen, st.LastSeen = fromTS(first), fromTS(last)
	st.Hashtags, st.Entities = codec.DecodeStrings(hashtags), codec.DecodeEntities(entities)
	return &st, nil
}

// Story implements tidings.Store.
func (s *Store) Story(ctx context.Context, id int64) (*tidings.Story, error) {
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, tidings.Errorf(tidings.ErrNotFound, "story %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: story %d: %w", id, err)
	}
	return st, nil
}
