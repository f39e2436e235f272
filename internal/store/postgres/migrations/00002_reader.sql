-- The front page filtered by a source maps the source's articles to their
-- stories from this index alone (internal/web).

-- +goose Up
CREATE INDEX articles_source_story ON articles (source_id, story_id) WHERE story_id IS NOT NULL;

-- +goose Down
DROP INDEX articles_source_story;
