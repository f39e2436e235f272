package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/store/codec"
)

// stored is what SaveRefresh needs to know of an article the source has.
type stored struct {
	id, duplicateOf, storyID int64
	hash, rawHash            string
	created                  sql.NullInt64
}

// SaveRefresh implements tidings.Store. SQLite has one writer at a time
// (one connection here, BEGIN IMMEDIATE across processes), so the canonical
// lookups and the inserts of one refresh cannot interleave with another's.
func (s *Store) SaveRefresh(ctx context.Context, sourceID int64, st tidings.FetchState, items []*tidings.Article) (tidings.RefreshResult, error) {
	for _, a := range items {
		if err := codec.Item(a); err != nil {
			return tidings.RefreshResult{}, err
		}
	}
	var res tidings.RefreshResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		res = tidings.RefreshResult{}
		if err := saveFetchState(ctx, tx, sourceID, st); err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		r := refresh{tx: tx, sourceID: sourceID, now: s.clock().UnixMicro()}
		defer r.close()
		return r.save(ctx, items, &res)
	})
	if err != nil {
		return tidings.RefreshResult{}, err
	}
	return res, nil
}

// refresh is one SaveRefresh transaction with its prepared statements.
type refresh struct {
	tx                                     *sql.Tx
	sourceID, now                          int64
	insert, unindex, update, byURL, byHash *sql.Stmt
}

func (r *refresh) close() {
	for _, st := range []*sql.Stmt{r.insert, r.unindex, r.update, r.byURL, r.byHash} {
		if st != nil {
			st.Close()
		}
	}
}

func (r *refresh) prepare(ctx context.Context) error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = r.tx.PrepareContext(ctx, q)
		return st
	}
	r.insert = prep(`INSERT INTO articles (source_id, guid, url, title, author, published_at, html, text, language,
		content_hash, raw_hash, duplicate_of, created_at, updated_at, summary, keyphrases, hashtags, entities, related)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	r.unindex = prep(`INSERT INTO articles_fts (articles_fts, rowid, title, text)
		SELECT 'delete', id, title, text FROM articles WHERE id = ?`)
	r.update = prep(`UPDATE articles SET url = ?, title = ?, author = ?, published_at = ?, html = ?, text = ?,
		content_hash = ?, raw_hash = ?, updated_at = ? WHERE id = ?`)
	r.byURL = prep(`SELECT id FROM articles WHERE url = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`)
	r.byHash = prep(`SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1`)
	if err != nil {
		return fmt.Errorf("sqlite: save refresh: prepare: %w", err)
	}
	return nil
}

func (r *refresh) save(ctx context.Context, items []*tidings.Article, res *tidings.RefreshResult) error {
	guids := make([]string, len(items))
	for i, a := range items {
		guids[i] = a.GUID
	}
	have, err := existing(ctx, r.tx, r.sourceID, guids)
	if err != nil {
		return fmt.Errorf("sqlite: save refresh of source %d: %w", r.sourceID, err)
	}
	if err := r.prepare(ctx); err != nil {
		return err
	}
	// The articles to add to the full-text index at the end, once each. An
	// FTS5 'delete' must name exactly what is indexed, so an article written
	// earlier in this refresh (not indexed yet) is not unindexed again.
	var pending []int64
	isPending := map[int64]bool{}
	for _, a := range items {
		a.SourceID = r.sourceID
		if old, ok := have[a.GUID]; ok {
			a.ID, a.DuplicateOf, a.StoryID, a.CreatedAt = old.id, old.duplicateOf, old.storyID, fromMicros(old.created)
			if old.hash == a.ContentHash {
				// Not prepared: this path is rare (an article stored before
				// raw hashes were kept, or an item whose markup changed but
				// not its text).
				if a.RawHash != "" && a.RawHash != old.rawHash {
					if _, err := r.tx.ExecContext(ctx, `UPDATE articles SET raw_hash = ? WHERE id = ?`, a.RawHash, a.ID); err != nil {
						return fmt.Errorf("sqlite: save raw hash of article %q: %w", a.GUID, err)
					}
					old.rawHash = a.RawHash
					have[a.GUID] = old
				}
				res.Unchanged++
				continue
			}
			if a.PublishedAt.IsZero() {
				a.PublishedAt = a.CreatedAt
			}
			if !isPending[a.ID] {
				if _, err := r.unindex.ExecContext(ctx, a.ID); err != nil {
					return fmt.Errorf("sqlite: unindex article %q: %w", a.GUID, err)
				}
				isPending[a.ID] = true
				pending = append(pending, a.ID)
			}
			if _, err := r.update.ExecContext(ctx, a.URL, a.Title, a.Author, a.PublishedAt.UnixMicro(), a.HTML, a.Text,
				a.ContentHash, a.RawHash, r.now, a.ID); err != nil {
				return fmt.Errorf("sqlite: update article %q: %w", a.GUID, err)
			}
			a.UpdatedAt = fromMicros(sql.NullInt64{Int64: r.now, Valid: true})
			old.hash, old.rawHash = a.ContentHash, a.RawHash
			have[a.GUID] = old
			res.Updated++
			res.Stored = append(res.Stored, a)
			continue
		}
		if err := r.insertItem(ctx, a); err != nil {
			return err
		}
		have[a.GUID] = stored{id: a.ID, duplicateOf: a.DuplicateOf, hash: a.ContentHash, rawHash: a.RawHash,
			created: sql.NullInt64{Int64: r.now, Valid: true}}
		isPending[a.ID] = true
		pending = append(pending, a.ID)
		if a.DuplicateOf != 0 {
			res.Duplicates++
		} else {
			res.New++
		}
		res.Stored = append(res.Stored, a)
	}
	return index(ctx, r.tx, pending)
}

// index adds articles to the full-text index in one statement per chunk, so
// that FTS5 buffers the terms of a whole refresh and writes them at commit.
func index(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), maxParams)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
			SELECT id, title, text FROM articles WHERE id IN (?`+strings.Repeat(",?", n-1)+`)`, args...); err != nil {
			return fmt.Errorf("sqlite: index articles: %w", err)
		}
	}
	return nil
}

func (r *refresh) insertItem(ctx context.Context, a *tidings.Article) error {
	a.DuplicateOf, a.StoryID = 0, 0
	var err error
	if a.URL != "" {
		a.DuplicateOf, err = canonical(ctx, r.byURL, a.URL)
	}
	if err == nil && a.DuplicateOf == 0 && a.ContentHash != "" {
		a.DuplicateOf, err = canonical(ctx, r.byHash, a.ContentHash)
	}
	if err != nil {
		return fmt.Errorf("sqlite: find canonical of %q: %w", a.GUID, err)
	}
	now := fromMicros(sql.NullInt64{Int64: r.now, Valid: true})
	a.CreatedAt, a.UpdatedAt = now, now
	if a.PublishedAt.IsZero() {
		a.PublishedAt = now
	}
	res, err := r.insert.ExecContext(ctx, r.sourceID, a.GUID, a.URL, a.Title, a.Author, a.PublishedAt.UnixMicro(),
		a.HTML, a.Text, a.Language, a.ContentHash, a.RawHash, nullID(a.DuplicateOf), r.now, r.now,
		codec.Strings(a.Summary), codec.Strings(a.Keyphrases), codec.Strings(a.Hashtags),
		codec.Entities(a.Entities), codec.IDs(a.Related))
	if err != nil {
		return fmt.Errorf("sqlite: insert article %q: %w", a.GUID, err)
	}
	a.ID, err = res.LastInsertId()
	return err
}

// canonical returns the ID of the canonical article a lookup finds, 0 when
// there is none.
func canonical(ctx context.Context, st *sql.Stmt, key string) (int64, error) {
	var id int64
	err := st.QueryRowContext(ctx, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// maxParams keeps IN lists well below SQLite's limit on parameters.
const maxParams = 500

// existing returns, of guids, the articles the source has.
func existing(ctx context.Context, tx *sql.Tx, sourceID int64, guids []string) (map[string]stored, error) {
	have := make(map[string]stored, len(guids))
	for len(guids) > 0 {
		n := min(len(guids), maxParams)
		args := make([]any, 0, n+1)
		args = append(args, sourceID)
		for _, g := range guids[:n] {
			args = append(args, g)
		}
		guids = guids[n:]
		rows, err := tx.QueryContext(ctx, `SELECT guid, id, content_hash, raw_hash, COALESCE(duplicate_of, 0), COALESCE(story_id, 0), created_at
			FROM articles WHERE source_id = ? AND guid IN (?`+strings.Repeat(",?", n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var g string
			var st stored
			if err := rows.Scan(&g, &st.id, &st.hash, &st.rawHash, &st.duplicateOf, &st.storyID, &st.created); err != nil {
				rows.Close()
				return nil, err
			}
			have[g] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return have, nil
}

// RawHashes implements tidings.Store. It reads only columns of the
// articles_raw_hash index, which answers it without reading the rows.
func (s *Store) RawHashes(ctx context.Context, sourceID int64, guids []string) (map[string]string, error) {
	have := make(map[string]string, len(guids)) // by GUID as stored
	for start := 0; start < len(guids); start += maxParams {
		chunk := guids[start:min(len(guids), start+maxParams)]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, sourceID)
		for _, g := range chunk {
			args = append(args, codec.Text(g))
		}
		if err := rawHashes(ctx, s.rdb, `SELECT guid, raw_hash FROM articles
			WHERE source_id = ? AND guid IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args, have); err != nil {
			return nil, fmt.Errorf("sqlite: raw hashes of source %d: %w", sourceID, err)
		}
	}
	out := make(map[string]string, len(have))
	for _, g := range guids {
		if raw, ok := have[codec.Text(g)]; ok {
			out[g] = raw
		}
	}
	return out, nil
}

// rawHashes adds the GUID and raw hash rows of query to have.
func rawHashes(ctx context.Context, db *sql.DB, query string, args []any, have map[string]string) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var g, raw string
		if err := rows.Scan(&g, &raw); err != nil {
			return err
		}
		have[g] = raw
	}
	return rows.Err()
}
