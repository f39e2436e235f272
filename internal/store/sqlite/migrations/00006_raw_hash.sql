-- +goose Up
-- The hash of each article's feed item before cleaning, so that a refresh
-- can skip sanitizing items stored unchanged. Existing articles get '',
-- which no item hashes to: each is cleaned once more, then gets its hash.
ALTER TABLE articles ADD COLUMN raw_hash TEXT NOT NULL DEFAULT '';
-- ADD COLUMN puts raw_hash after html and text, in the overflow pages of
-- most rows; RawHashes, which every refresh runs on every item of its feed,
-- reads it from this index instead (measured on 25,000 feedserver articles
-- looked up 50 at a time: 60 ms from the index, 320-480 ms from the rows).
CREATE INDEX articles_raw_hash ON articles (source_id, guid, raw_hash);

-- +goose Down
DROP INDEX articles_raw_hash;
ALTER TABLE articles DROP COLUMN raw_hash;
