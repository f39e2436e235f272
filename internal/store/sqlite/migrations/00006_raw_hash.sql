-- +goose Up
-- The hash of each article's feed item before cleaning, so that a refresh
-- can skip sanitizing items stored unchanged. Existing articles get '',
-- which no item hashes to: each is cleaned once more, then gets its hash.
ALTER TABLE articles ADD COLUMN raw_hash TEXT NOT NULL DEFAULT '';
-- ADD COLUMN puts raw_hash after html and text, in the overflow pages of
-- most rows; KnownItems, which every refresh runs on every item of the feed,
-- reads it from this index instead (measured: 25,000 lookups in 60 ms from
-- the index, 320-480 ms from the rows).
CREATE INDEX articles_known ON articles (source_id, guid, content_hash, raw_hash);

-- +goose Down
DROP INDEX articles_known;
ALTER TABLE articles DROP COLUMN raw_hash;
