package postgres

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// stored is what SaveRefresh needs to know of an article the source has.
type stored struct {
	id, duplicateOf, storyID int64
	hash, rawHash            string
	created                  time.Time
}

// SaveRefresh implements tidings.Store in a fixed number of round trips
// whatever the number of items: lock the source row (by saving its fetch
// state, which serializes refreshes of one source), read its known GUIDs,
// lock the URLs and hashes of the new items, allocate their IDs, look up
// their canonical articles, and send the inserts and updates as one batch.
//
// Concurrent refreshes of different sources carrying the same article take
// a transaction-scoped advisory lock on each new item's URL and hash, in
// sorted order (so two refreshes never deadlock), before looking canonical
// articles up: the second waits for the first to commit, then sees its
// article and stores a duplicate.
func (s *Store) SaveRefresh(ctx context.Context, sourceID int64, st tidings.FetchState, items []*tidings.Article) (tidings.RefreshResult, error) {
	for _, a := range items {
		if err := codec.Item(a); err != nil {
			return tidings.RefreshResult{}, err
		}
	}
	var res tidings.RefreshResult
	err := s.write(ctx, func(tx pgx.Tx) error {
		res = tidings.RefreshResult{}
		if err := saveFetchState(ctx, tx, sourceID, st); err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		return s.saveItems(ctx, tx, sourceID, items, &res)
	})
	if err != nil {
		return tidings.RefreshResult{}, err
	}
	s.refreshStats(ctx, res.New+res.Duplicates)
	return res, nil
}

// refreshStats runs ANALYZE on the article tables each time this process
// has doubled what it stored (from 1,000 on). During a bulk load autovacuum
// lags behind, and with statistics of a near-empty table the planner picks
// sequential scans for the dedup lookups: a first refresh of many feeds
// then slows down by an order of magnitude as it goes.
func (s *Store) refreshStats(ctx context.Context, added int) {
	n := s.stored.Add(int64(added))
	next := s.nextAnalyze.Load()
	if next == 0 {
		s.nextAnalyze.CompareAndSwap(0, 1000)
		next = 1000
	}
	if n < next || !s.nextAnalyze.CompareAndSwap(next, 2*n) {
		return
	}
	if _, err := s.pool.Exec(ctx, "ANALYZE articles, article_search, article_hashtags, stories"); err != nil {
		s.log.Warn("postgres: analyze after bulk load", "err", err)
	}
}

func (s *Store) saveItems(ctx context.Context, tx pgx.Tx, sourceID int64, items []*tidings.Article, res *tidings.RefreshResult) error {
	now := s.clock()
	guids := make([]string, len(items))
	for i, a := range items {
		guids[i] = a.GUID
	}
	have, err := existing(ctx, tx, sourceID, guids)
	if err != nil {
		return fmt.Errorf("postgres: save refresh of source %d: %w", sourceID, err)
	}
	// The new items: the first occurrence of each unknown GUID.
	var fresh []*tidings.Article
	seen := map[string]bool{}
	for _, a := range items {
		if _, ok := have[a.GUID]; !ok && !seen[a.GUID] {
			seen[a.GUID] = true
			fresh = append(fresh, a)
		}
	}
	byURL, byHash := map[string]int64{}, map[string]int64{}
	if len(fresh) > 0 {
		if err := lockKeys(ctx, tx, fresh); err != nil {
			return fmt.Errorf("postgres: save refresh of source %d: lock: %w", sourceID, err)
		}
		ids, err := allocateIDs(ctx, tx, len(fresh))
		if err != nil {
			return fmt.Errorf("postgres: save refresh of source %d: allocate IDs: %w", sourceID, err)
		}
		for i, a := range fresh {
			a.ID = ids[i]
		}
		if byURL, byHash, err = canonicals(ctx, tx, fresh); err != nil {
			return fmt.Errorf("postgres: save refresh of source %d: find canonicals: %w", sourceID, err)
		}
	}

	batch := &pgx.Batch{}
	for _, a := range items {
		a.SourceID = sourceID
		if old, ok := have[a.GUID]; ok {
			a.ID, a.DuplicateOf, a.StoryID, a.CreatedAt = old.id, old.duplicateOf, old.storyID, old.created
			if old.hash == a.ContentHash {
				if a.RawHash != "" && a.RawHash != old.rawHash {
					batch.Queue(`UPDATE articles SET raw_hash = $1 WHERE id = $2`, a.RawHash, a.ID)
					old.rawHash = a.RawHash
					have[a.GUID] = old
				}
				res.Unchanged++
				continue
			}
			if a.PublishedAt.IsZero() {
				a.PublishedAt = a.CreatedAt
			}
			a.UpdatedAt = now
			batch.Queue(`UPDATE articles SET url = $1, title = $2, author = $3, published_at = $4, html = $5,
				text = $6, content_hash = $7, raw_hash = $8, updated_at = $9 WHERE id = $10`,
				a.URL, a.Title, a.Author, a.PublishedAt.UTC(), a.HTML, a.Text, a.ContentHash, a.RawHash, now, a.ID)
			old.hash, old.rawHash = a.ContentHash, a.RawHash
			have[a.GUID] = old
			res.Updated++
			res.Stored = append(res.Stored, a)
			continue
		}
		// A new item, its ID allocated above.
		a.DuplicateOf, a.StoryID = 0, 0
		if a.URL != "" {
			a.DuplicateOf = byURL[a.URL]
		}
		if a.DuplicateOf == 0 && a.ContentHash != "" {
			a.DuplicateOf = byHash[a.ContentHash]
		}
		if a.DuplicateOf == 0 {
			if a.URL != "" {
				byURL[a.URL] = a.ID
			}
			if a.ContentHash != "" {
				if _, ok := byHash[a.ContentHash]; !ok {
					byHash[a.ContentHash] = a.ID
				}
			}
			res.New++
		} else {
			res.Duplicates++
		}
		a.CreatedAt, a.UpdatedAt = now, now
		if a.PublishedAt.IsZero() {
			a.PublishedAt = now
		}
		batch.Queue(`INSERT INTO articles (id, source_id, guid, url, title, author, published_at, html, text, language,
			content_hash, raw_hash, duplicate_of, created_at, updated_at, summary, keyphrases, hashtags, entities, related)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18, $19)`,
			a.ID, sourceID, a.GUID, a.URL, a.Title, a.Author, a.PublishedAt.UTC(), a.HTML, a.Text, a.Language,
			a.ContentHash, a.RawHash, nullID(a.DuplicateOf), now, codec.Strings(a.Summary), codec.Strings(a.Keyphrases),
			codec.Strings(a.Hashtags), codec.Entities(a.Entities), codec.IDs(a.Related))
		have[a.GUID] = stored{id: a.ID, duplicateOf: a.DuplicateOf, hash: a.ContentHash, rawHash: a.RawHash, created: now}
		res.Stored = append(res.Stored, a)
	}
	if batch.Len() == 0 {
		return nil
	}
	written := make([]int64, len(res.Stored))
	for i, a := range res.Stored {
		written[i] = a.ID
	}
	batch.Queue(`INSERT INTO article_search (article_id, search)
		SELECT id, `+searchVector+` FROM articles WHERE id = ANY($1)
		ON CONFLICT (article_id) DO UPDATE SET search = excluded.search`, written)
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("postgres: save refresh of source %d: write articles: %w", sourceID, err)
	}
	return nil
}

// searchVector is the tsvector of an articles row: the title weighs more
// than the text, which is capped because a tsvector is limited to 1 MB.
const searchVector = `setweight(to_tsvector('simple'::regconfig, left(title, 2000)), 'A') ||
	setweight(to_tsvector('simple'::regconfig, left(text, 200000)), 'B')`

// lockKeys takes the advisory locks on the URLs and content hashes of new
// items, in sorted order.
func lockKeys(ctx context.Context, tx pgx.Tx, fresh []*tidings.Article) error {
	keys := make([]int64, 0, 2*len(fresh))
	for _, a := range fresh {
		if a.URL != "" {
			keys = append(keys, lockKey("url", a.URL))
		}
		if a.ContentHash != "" {
			keys = append(keys, lockKey("hash", a.ContentHash))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n`, keys)
	return err
}

// lockKey maps a URL or a hash to an advisory lock; a collision only makes
// two refreshes wait for each other.
func lockKey(kind, key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return int64(h.Sum64())
}

func allocateIDs(ctx context.Context, tx pgx.Tx, n int) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// canonicals returns the earliest canonical article of each URL and content
// hash of the new items.
func canonicals(ctx context.Context, tx pgx.Tx, fresh []*tidings.Article) (byURL, byHash map[string]int64, err error) {
	var urls, hashes []string
	for _, a := range fresh {
		if a.URL != "" {
			urls = append(urls, a.URL)
		}
		if a.ContentHash != "" {
			hashes = append(hashes, a.ContentHash)
		}
	}
	rows, err := tx.Query(ctx, `
		SELECT true, url, MIN(id) FROM articles WHERE url = ANY($1) AND duplicate_of IS NULL GROUP BY url
		UNION ALL
		SELECT false, content_hash, MIN(id) FROM articles WHERE content_hash = ANY($2) AND duplicate_of IS NULL GROUP BY content_hash`,
		urls, hashes)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byURL, byHash = map[string]int64{}, map[string]int64{}
	for rows.Next() {
		var (
			isURL bool
			key   string
			id    int64
		)
		if err := rows.Scan(&isURL, &key, &id); err != nil {
			return nil, nil, err
		}
		if isURL {
			byURL[key] = id
		} else {
			byHash[key] = id
		}
	}
	return byURL, byHash, rows.Err()
}

// existing returns, of guids, the articles the source has.
func existing(ctx context.Context, q interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}, sourceID int64, guids []string) (map[string]stored, error) {
	rows, err := q.Query(ctx, `SELECT guid, id, content_hash, raw_hash, COALESCE(duplicate_of, 0), COALESCE(story_id, 0), created_at
		FROM articles WHERE source_id = $1 AND guid = ANY($2)`, sourceID, guids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := make(map[string]stored, len(guids))
	for rows.Next() {
		var (
			g       string
			st      stored
			created pgtype.Timestamptz
		)
		if err := rows.Scan(&g, &st.id, &st.hash, &st.rawHash, &st.duplicateOf, &st.storyID, &created); err != nil {
			return nil, err
		}
		st.created = fromTS(created)
		have[g] = st
	}
	return have, rows.Err()
}

// RawHashes implements tidings.Store.
func (s *Store) RawHashes(ctx context.Context, sourceID int64, guids []string) (map[string]string, error) {
	clean := make([]string, len(guids))
	for i, g := range guids {
		clean[i] = codec.Text(g)
	}
	have, err := existing(ctx, s.pool, sourceID, clean)
	if err != nil {
		return nil, fmt.Errorf("postgres: raw hashes of source %d: %w", sourceID, err)
	}
	out := make(map[string]string, len(have))
	for i, g := range guids {
		if st, ok := have[clean[i]]; ok {
			out[g] = st.rawHash
		}
	}
	return out, nil
}
