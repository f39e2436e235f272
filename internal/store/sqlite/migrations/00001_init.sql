-- Times are INTEGER microseconds since the Unix epoch, UTC: compact, fast to
-- compare and sort, and the same precision as PostgreSQL's timestamptz.
-- NULL stands for the zero time.

-- +goose Up
CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    feed_url         TEXT    NOT NULL UNIQUE,
    site_url         TEXT    NOT NULL DEFAULT '',
    title            TEXT    NOT NULL DEFAULT '',
    folder           TEXT    NOT NULL DEFAULT '',
    full_text        TEXT    NOT NULL DEFAULT 'auto',
    created_at       INTEGER NOT NULL,
    etag             TEXT    NOT NULL DEFAULT '',
    last_modified    TEXT    NOT NULL DEFAULT '',
    last_fetched_at  INTEGER,
    next_fetch_at    INTEGER NOT NULL,
    last_status      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NOT NULL DEFAULT '',
    error_count      INTEGER NOT NULL DEFAULT 0,
    publish_interval INTEGER NOT NULL DEFAULT 0 -- nanoseconds
);
CREATE INDEX sources_next_fetch_at ON sources (next_fetch_at);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    guid         TEXT    NOT NULL,
    url          TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    author       TEXT    NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    language     TEXT    NOT NULL DEFAULT '',
    content_hash TEXT    NOT NULL DEFAULT '',
    duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    story_id     INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    -- Intelligence as JSON arrays, '' when empty.
    summary      TEXT    NOT NULL DEFAULT '',
    keyphrases   TEXT    NOT NULL DEFAULT '',
    hashtags     TEXT    NOT NULL DEFAULT '',
    entities     TEXT    NOT NULL DEFAULT '',
    related      TEXT    NOT NULL DEFAULT '',
    -- The large columns last: a row's tail spills into overflow pages, and
    -- reading a column stored after them walks that chain, so the lookups
    -- of dedup and the reader (duplicate_of, story_id, content_hash) stay
    -- on the row's first page.
    html         TEXT    NOT NULL DEFAULT '',
    text         TEXT    NOT NULL DEFAULT '',
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_published_at ON articles (published_at, id);
CREATE INDEX articles_source_published ON articles (source_id, published_at, id);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_content_hash ON articles (content_hash);
-- Partial: most articles are canonical, and none has a story until analyzed,
-- so the NULLs are left out (a lookup by value still uses these indexes).
CREATE INDEX articles_story_id ON articles (story_id) WHERE story_id IS NOT NULL;
-- ON DELETE SET NULL looks duplicates up by the article they copy.
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE stories (
    id                  INTEGER PRIMARY KEY, -- the ID of its first article
    headline_article_id INTEGER NOT NULL,
    first_seen          INTEGER NOT NULL,
    last_seen           INTEGER NOT NULL,
    article_count       INTEGER NOT NULL DEFAULT 0,
    source_count        INTEGER NOT NULL DEFAULT 0,
    hashtags            TEXT    NOT NULL DEFAULT '',
    entities            TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX stories_last_seen ON stories (last_seen, id);

-- The hashtag pages' index; tag is lower-cased, the display form stays in
-- articles.hashtags.
CREATE TABLE article_hashtags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX article_hashtags_tag ON article_hashtags (tag, article_id);

-- Full-text index over title and text. External content: the text is
-- stored once, in articles. The store writes the index itself, in the same
-- transaction as the articles, rather than by triggers: a trigger makes every
-- INSERT a statement with a savepoint, and FTS5 flushes its pending terms to
-- a new segment at every savepoint, which made each insert cost a segment
-- write and the merges that follow (5x slower).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);

-- +goose Down
DROP TABLE articles_fts;
DROP TABLE article_hashtags;
DROP TABLE stories;
DROP TABLE articles;
DROP TABLE sources;
