package tidings

import (
	"context"
	"time"
)

// AccountStore is the storage contract of accounts, sessions, instance
// settings, comments and reading state. It is apart from Store so that the
// ingest side never depends on it; internal/store/sqlite and
// internal/store/postgres implement both, and internal/store/storetest
// checks them with RunAccounts. Errors wrap the kinds in error.go.
type AccountStore interface {
	// CreateUser stores a new user and sets u.ID and u.CreatedAt. It returns
	// ErrInvalid for a name ValidateUserName refuses, an empty PasswordHash
	// or an unknown role, and ErrConflict when the name is taken (in any
	// case).
	CreateUser(ctx context.Context, u *User) error
	// CreateFirstUser is CreateUser that succeeds only while no user exists,
	// atomically: of two first-run forms submitted at once, one wins and
	// the other gets ErrConflict.
	CreateFirstUser(ctx context.Context, u *User) error
	// User returns one user, or ErrNotFound.
	User(ctx context.Context, id int64) (*User, error)
	// UserByName returns the user with that name in any case, or
	// ErrNotFound.
	UserByName(ctx context.Context, name string) (*User, error)
	// Users returns every user ordered by name.
	Users(ctx context.Context) ([]*User, error)
	// CountUsers returns how many users exist; the first-run page is shown
	// while it is 0.
	CountUsers(ctx context.Context) (int, error)
	// SetPassword replaces a user's password hash and ends every session
	// of the user, so that a changed password locks out whoever knew the
	// old one. It returns ErrInvalid for an empty hash and ErrNotFound.
	SetPassword(ctx context.Context, userID int64, hash string) error

	// CreateSession stores a session. It returns ErrInvalid without a token
	// hash or expiry, ErrNotFound when the user is gone and ErrConflict
	// when the token hash exists.
	CreateSession(ctx context.Context, s *Session) error
	// Session returns the session with that token hash and its user. It
	// returns ErrNotFound when there is none or it expired at or before now
	// (an expired session is deleted).
	Session(ctx context.Context, tokenHash string, now time.Time) (*Session, *User, error)
	// DeleteSession ends one session; ending a missing one is no error.
	DeleteSession(ctx context.Context, tokenHash string) error

	// Setting returns an instance setting, "" when unset.
	Setting(ctx context.Context, key string) (string, error)
	// SetSetting stores an instance setting. It returns ErrInvalid for an
	// empty key.
	SetSetting(ctx context.Context, key, value string) error

	// CreateComment stores a comment and sets c.ID and c.CreatedAt. It
	// returns ErrInvalid when not exactly one of StoryID and ArticleID is
	// set, when Body or HTML is empty, when Body is longer than
	// MaxCommentBytes or is not UTF-8, and when the parent is on another
	// story or article; ErrNotFound when the story, article, user or parent
	// does not exist; ErrConflict when the parent is deleted.
	CreateComment(ctx context.Context, c *Comment) error
	// Comment returns one comment with its author's name, or ErrNotFound.
	Comment(ctx context.Context, id int64) (*Comment, error)
	// Comments returns every comment on a story (articleID 0) or an article
	// (storyID 0), hidden and deleted ones included, oldest first.
	Comments(ctx context.Context, storyID, articleID int64) ([]*Comment, error)
	// EditComment replaces a comment's Body and HTML and sets EditedAt to
	// editedAt. It returns ErrInvalid for a body CreateComment would refuse,
	// ErrNotFound, and ErrConflict when the comment is deleted.
	EditComment(ctx context.Context, id int64, body, html string, editedAt time.Time) error
	// HideComment hides or shows a comment. It returns ErrNotFound.
	HideComment(ctx context.Context, id int64, hidden bool) error
	// DeleteComment marks a comment deleted and erases its body; its
	// replies stay. Deleting a deleted comment is no error. It returns
	// ErrNotFound.
	DeleteComment(ctx context.Context, id int64) error
	// RecentComments returns up to limit comments that are not deleted,
	// hidden ones included, newest first: the moderation list.
	RecentComments(ctx context.Context, limit int) ([]*Comment, error)
	// CommentCounts maps each of the given stories to the number of its
	// visible comments, those on the story and on its articles; stories
	// without any are left out.
	CommentCounts(ctx context.Context, storyIDs []int64) (map[int64]int, error)
	// ArticleCommentCounts maps each of the given articles to the number of
	// its visible comments; articles without any are left out. A story
	// page links the discussions of its articles with it.
	ArticleCommentCounts(ctx context.Context, articleIDs []int64) (map[int64]int, error)

	// SetRead marks articles read (or unread) for a user. Unknown articles
	// are ignored. It returns ErrNotFound when the user is gone.
	SetRead(ctx context.Context, userID int64, articleIDs []int64, read bool) error
	// SetSaved saves an article for a user, or forgets it. It returns
	// ErrNotFound when the user or the article is gone.
	SetSaved(ctx context.Context, userID, articleID int64, saved bool) error
	// ArticleStates returns the reading state of the given articles for a
	// user; articles neither read nor saved are left out.
	ArticleStates(ctx context.Context, userID int64, articleIDs []int64) (map[int64]ArticleState, error)
	// SavedArticles returns the IDs of up to limit articles a user saved,
	// most recently saved first.
	SavedArticles(ctx context.Context, userID int64, limit int) ([]int64, error)
	// Follow follows (or unfollows) a hashtag or a source: exactly one of
	// hashtag and sourceID is set, else ErrInvalid. It returns ErrNotFound
	// when the user or the source is gone. Hashtags are matched
	// case-insensitively.
	Follow(ctx context.Context, userID int64, hashtag string, sourceID int64, on bool) error
	// Follows returns what a user follows, hashtags and sources each in
	// the order followed.
	Follows(ctx context.Context, userID int64) (Follows, error)
	// ForYou returns up to limit stories carrying a hashtag or having an
	// article from a source the user follows, newest activity first,
	// strictly older than the cursor (before, beforeID) when before is not
	// zero: the same keyset pagination as the front page.
	ForYou(ctx context.Context, userID int64, before time.Time, beforeID int64, limit int) ([]*Story, error)
}
