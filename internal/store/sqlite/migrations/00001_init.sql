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
    html         TEXT    NOT NULL DEFAULT '',
    text         TEXT    NOT NULL DEFAULT '',
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
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_published_at ON articles (published_at, id);
CREATE INDEX articles_source_published ON articles (source_id, published_at, id);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_story_id ON articles (story_id);
-- ON DELETE SET NULL looks duplicates up by the article they copy.
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

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

-- Full-text index over title and text, kept up to date by triggers at write
-- time. External content: the text is stored once, in articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE articles_fts;
DROP TABLE article_hashtags;
DROP TABLE stories;
DROP TABLE articles;
DROP TABLE sources;
