-- +goose Up
-- Named leases: one process of many runs the analysis stream.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
-- The analysis queue: articles not decided yet.
CREATE INDEX articles_unanalyzed ON articles (id) WHERE story_id IS NULL;

-- +goose Down
DROP INDEX articles_unanalyzed;
DROP TABLE leases;
