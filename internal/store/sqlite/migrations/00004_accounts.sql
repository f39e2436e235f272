-- Accounts, sessions, instance settings, comments and reading state
-- (tidings.AccountStore). Numbered apart from the reader's migrations so
-- that the two lines of work do not collide.

-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    -- NOCASE folds ASCII only, which is all a user name may contain.
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'member')),
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

-- Only a SHA-256 of each session token is stored.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- story_id has no foreign key: stories are rewritten by analysis, and a
-- comment must not vanish with a story row that is being rebuilt.
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    story_id   INTEGER,
    article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    html       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at  INTEGER,
    hidden     INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    CHECK ((story_id IS NULL) <> (article_id IS NULL))
);
CREATE INDEX comments_story ON comments (story_id, id) WHERE story_id IS NOT NULL;
CREATE INDEX comments_article ON comments (article_id, id) WHERE article_id IS NOT NULL;
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_recent ON comments (id) WHERE deleted = 0;
CREATE INDEX comments_user ON comments (user_id);

CREATE TABLE article_states (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    read_at    INTEGER,
    saved_at   INTEGER,
    PRIMARY KEY (user_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_states_saved ON article_states (user_id, saved_at) WHERE saved_at IS NOT NULL;
CREATE INDEX article_states_article ON article_states (article_id);

-- id keeps the order in which things were followed.
CREATE TABLE followed_hashtags (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL, -- lower-cased, as article_hashtags.tag
    display TEXT    NOT NULL,
    UNIQUE (user_id, tag)
);
CREATE TABLE followed_sources (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    UNIQUE (user_id, source_id)
);
CREATE INDEX followed_sources_source ON followed_sources (source_id);

-- +goose Down
DROP TABLE followed_sources;
DROP TABLE followed_hashtags;
DROP TABLE article_states;
DROP TABLE comments;
DROP TABLE settings;
DROP TABLE sessions;
DROP TABLE users;
