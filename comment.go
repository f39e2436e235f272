package tidings

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxCommentBytes bounds a comment's Markdown source: long enough for a
// considered reply, short enough that a page of comments stays small.
const MaxCommentBytes = 10000

// Comment is one comment on a story or an article, possibly a reply. A
// deleted comment keeps its row (with an empty body) so that the replies
// under it keep their place in the thread.
type Comment struct {
	ID        int64
	StoryID   int64 // exactly one of StoryID and ArticleID is set
	ArticleID int64
	ParentID  int64 // 0 for a top-level comment
	UserID    int64
	UserName  string // the author's name, filled in on reads
	Body      string // Markdown source
	HTML      string // Body rendered and sanitized (internal/markdown)
	CreatedAt time.Time
	EditedAt  time.Time // zero when never edited
	Hidden    bool      // hidden by a moderator: shown to admins only
	Deleted   bool      // deleted by its author or a moderator
}

// Visible reports whether readers other than moderators see the comment's
// body.
func (c *Comment) Visible() bool { return !c.Hidden && !c.Deleted }

// ArticleState is one user's reading state of one article.
type ArticleState struct {
	Read  bool
	Saved bool
}

// Follows are the hashtags and sources a user follows; the "For you" page
// lists the stories carrying any of them.
type Follows struct {
	Hashtags []string // display forms, as followed
	Sources  []int64
}

// ValidateCommentBody returns ErrInvalid, with a message for the author,
// unless body is valid UTF-8 (without NUL, which PostgreSQL's text
// refuses) with some non-blank text and at most
// MaxCommentBytes bytes.
func ValidateCommentBody(body string) error {
	switch {
	case strings.TrimSpace(body) == "":
		return Errorf(ErrInvalid, "the comment is empty")
	case len(body) > MaxCommentBytes:
		return Errorf(ErrInvalid, "a comment has at most %d characters", MaxCommentBytes)
	case !utf8.ValidString(body) || strings.ContainsRune(body, 0):
		return Errorf(ErrInvalid, "the comment is not valid text (UTF-8 without NUL)")
	}
	return nil
}
