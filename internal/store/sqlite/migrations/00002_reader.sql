-- Indexes for the reader pages (internal/web). An article row's html and
-- text often spill into overflow pages, and reading a column stored after
-- them (duplicate_of, story_id, language) walks that chain; these covering
-- indexes let search filter its candidates and the story filters map
-- articles to stories without touching the rows.

-- +goose Up
CREATE INDEX articles_reader ON articles (id, duplicate_of, story_id, source_id, published_at);
CREATE INDEX articles_story_language ON articles (story_id, language) WHERE story_id IS NOT NULL;

-- +goose Down
DROP INDEX articles_story_language;
DROP INDEX articles_reader;
