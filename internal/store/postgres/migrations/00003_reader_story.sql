-- The hashtag pages map a tag's articles to their stories with an
-- index-only scan of this index (internal/web).

-- +goose Up
CREATE INDEX articles_story_of ON articles (id) INCLUDE (story_id);

-- +goose Down
DROP INDEX articles_story_of;
