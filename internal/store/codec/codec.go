// Package codec holds the column encodings the SQLite and PostgreSQL stores
// share, so that both store the same bytes for the same article: cleaned text
// and the JSON form of an article's intelligence.
package codec

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tidings/tidings"
)

// Text returns s as valid UTF-8 without NUL bytes: PostgreSQL rejects both in
// text columns, and feeds carry both, so the stores clean text the same way
// before writing it rather than fail a whole refresh on one bad byte.
func Text(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if utf8.ValidString(s) { // the common case, without a copy
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Strings encodes a list as a JSON array, "" when it is empty, so that empty
// intelligence costs no bytes.
func Strings(v []string) string {
	if len(v) == 0 {
		return ""
	}
	clean := make([]string, len(v))
	for i, s := range v {
		clean[i] = Text(s)
	}
	b, _ := json.Marshal(clean) // a []string always marshals
	return string(b)
}

// Entities encodes entities as a JSON array, "" when there are none.
func Entities(v []tidings.Entity) string {
	if len(v) == 0 {
		return ""
	}
	clean := make([]tidings.Entity, len(v))
	for i, e := range v {
		clean[i] = tidings.Entity{Text: Text(e.Text), Type: Text(e.Type)}
	}
	b, _ := json.Marshal(clean)
	return string(b)
}

// IDs encodes article IDs as a JSON array, "" when there are none.
func IDs(v []int64) string {
	if len(v) == 0 {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// DecodeStrings decodes what Strings encoded; it returns nil for "" and for
// anything that is not a JSON array of strings.
func DecodeStrings(s string) []string {
	var v []string
	if s != "" && json.Unmarshal([]byte(s), &v) != nil {
		return nil
	}
	return v
}

// DecodeEntities decodes what Entities encoded.
func DecodeEntities(s string) []tidings.Entity {
	var v []tidings.Entity
	if s != "" && json.Unmarshal([]byte(s), &v) != nil {
		return nil
	}
	return v
}

// DecodeIDs decodes what IDs encoded.
func DecodeIDs(s string) []int64 {
	var v []int64
	if s != "" && json.Unmarshal([]byte(s), &v) != nil {
		return nil
	}
	return v
}

// HashtagKeys returns the distinct lower-cased forms of tags, in order: the
// keys of the hashtag index, which matches tags case-insensitively.
func HashtagKeys(tags []string) []string {
	seen := make(map[string]bool, len(tags))
	var keys []string
	for _, t := range tags {
		k := strings.ToLower(Text(strings.TrimSpace(t)))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		keys = append(keys, k)
	}
	return keys
}

// Words splits a user's search query into at most max words: runs of
// letters and digits, lower-cased, with everything else (quotes, operators,
// parentheses, invalid bytes) taken as a separator. A store then quotes each
// word for its own query syntax, so no input is a syntax error.
func Words(query string, max int) []string {
	query = strings.ToValidUTF8(query, " ")
	var words []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(query, notWordRune) {
		f = strings.ToLower(f)
		if seen[f] {
			continue
		}
		seen[f] = true
		words = append(words, f)
		if len(words) == max {
			break
		}
	}
	return words
}

// notWordRune reports whether r separates search words.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// Item cleans the text of a feed item about to be stored and gives it a GUID
// when the feed did not: its URL, else its content hash. A publication time
// outside years 1-9999 (which neither store can keep) is dropped, so that the
// item counts as published when stored. It returns tidings.ErrInvalid for a
// nil item and for an item with none of GUID, URL and hash.
func Item(a *tidings.Article) error {
	if a == nil {
		return tidings.Errorf(tidings.ErrInvalid, "nil item")
	}
	if y := a.PublishedAt.Year(); y < 1 || y > 9999 {
		a.PublishedAt = time.Time{}
	}
	a.GUID, a.URL, a.Title, a.Author = Text(a.GUID), Text(a.URL), Text(a.Title), Text(a.Author)
	a.HTML, a.Text, a.Language, a.ContentHash = Text(a.HTML), Text(a.Text), Text(a.Language), Text(a.ContentHash)
	a.RawHash = Text(a.RawHash)
	switch {
	case a.GUID != "":
	case a.URL != "":
		a.GUID = a.URL
	case a.ContentHash != "":
		a.GUID = a.ContentHash
	default:
		return tidings.Errorf(tidings.ErrInvalid, "item %q has no GUID, URL or content hash", a.Title)
	}
	return nil
}
