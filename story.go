package tidings

import "time"

// Story is the set of articles, from any sources, about one real-world event.
type Story struct {
	ID                int64
	HeadlineArticleID int64
	FirstSeen         time.Time
	LastSeen          time.Time
	ArticleCount      int
	SourceCount       int
	Hashtags          []string
	Entities          []Entity
	// MergedFrom lists stories that analysis found to be this one; saving
	// the story moves their articles here and removes them.
	MergedFrom []int64
}
