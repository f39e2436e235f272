-- +goose Up
-- The hash of each article's feed item before cleaning, so that a refresh
-- can skip sanitizing items stored unchanged. Existing articles get '',
-- which no item hashes to: each is cleaned once more, then gets its hash.
-- A constant default makes this a catalog change, not a table rewrite.
ALTER TABLE articles ADD COLUMN raw_hash text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE articles DROP COLUMN raw_hash;
