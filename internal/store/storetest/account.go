package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tidings/tidings"
)

// AccountStore is a store with accounts: RunAccounts needs the content side
// too, to have stories and articles to comment on and follow.
type AccountStore interface {
	tidings.Store
	tidings.AccountStore
}

// RunAccounts runs the tidings.AccountStore conformance suite. open must
// return a freshly migrated, empty store and close it when the test ends;
// subtests run in parallel.
func RunAccounts(t *testing.T, open func(t *testing.T) AccountStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st AccountStore)
	}{
		{"CreateUser", testCreateUser},
		{"CreateFirstUserRace", testCreateFirstUserRace},
		{"Sessions", testSessions},
		{"SetPasswordEndsSessions", testSetPassword},
		{"Settings", testSettings},
		{"Comments", testComments},
		{"CommentErrors", testCommentErrors},
		{"CommentModeration", testCommentModeration},
		{"CommentCounts", testCommentCounts},
		{"ReadAndSaved", testReadAndSaved},
		{"FollowsAndForYou", testFollows},
		{"CommentsFollowMerge", testCommentsFollowMerge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open(t))
		})
	}
}

// newUser stores a member or an admin.
func newUser(t *testing.T, st AccountStore, name string, role tidings.Role) *tidings.User {
	t.Helper()
	u := &tidings.User{Name: name, Role: role, PasswordHash: "$argon2id$test$" + name}
	if err := st.CreateUser(context.Background(), u); err != nil {
		t.Fatalf("CreateUser(%s): %v", name, err)
	}
	return u
}

// world stores two stories: one of three articles from sources a and b
// tagged TariffTalks, and one of b's fourth article.
type world struct {
	articles []*tidings.Article
	stories  [2]int64
	sources  [2]int64
}

func newWorld(t *testing.T, st AccountStore) *world {
	t.Helper()
	as := storySet(t, st)
	w := &world{articles: as, stories: [2]int64{as[0].ID, as[3].ID}, sources: [2]int64{as[0].SourceID, as[3].SourceID}}
	for _, a := range as[:3] {
		a.StoryID = w.stories[0]
	}
	as[0].Hashtags = []string{"TariffTalks"}
	as[3].StoryID = w.stories[1]
	stories := []*tidings.Story{
		{ID: w.stories[0], HeadlineArticleID: as[0].ID, Hashtags: []string{"TariffTalks"}},
		{ID: w.stories[1], HeadlineArticleID: as[3].ID},
	}
	if err := st.SaveAnalysis(context.Background(), as, stories); err != nil {
		t.Fatalf("SaveAnalysis: %v", err)
	}
	return w
}

func testCreateUser(t *testing.T, st AccountStore) {
	ctx := context.Background()
	ann := newUser(t, st, "Ann", tidings.RoleAdmin)
	if ann.ID == 0 || ann.CreatedAt.IsZero() {
		t.Errorf("got ID %d, CreatedAt %v, want both set", ann.ID, ann.CreatedAt)
	}
	bob := newUser(t, st, "bob", tidings.RoleMember)
	tests := []struct {
		name string
		u    *tidings.User
		kind error
	}{
		{"nil", nil, tidings.ErrInvalid},
		{"taken in another case", &tidings.User{Name: "ANN", Role: tidings.RoleMember, PasswordHash: "h"}, tidings.ErrConflict},
		{"empty name", &tidings.User{Role: tidings.RoleMember, PasswordHash: "h"}, tidings.ErrInvalid},
		{"bad name", &tidings.User{Name: "ann<script>", Role: tidings.RoleMember, PasswordHash: "h"}, tidings.ErrInvalid},
		{"long name", &tidings.User{Name: strings.Repeat("a", 33), Role: tidings.RoleMember, PasswordHash: "h"}, tidings.ErrInvalid},
		{"no hash", &tidings.User{Name: "cy", Role: tidings.RoleMember}, tidings.ErrInvalid},
		{"bad role", &tidings.User{Name: "cy", Role: "root", PasswordHash: "h"}, tidings.ErrInvalid},
	}
	for _, tt := range tests {
		wantKind(t, tt.name, st.CreateUser(ctx, tt.u), tt.kind)
	}
	got, err := st.UserByName(ctx, "aNN")
	if err != nil {
		t.Fatalf("UserByName: %v", err)
	}
	if diff := cmp.Diff(ann, got, cmpOpts...); diff != "" {
		t.Errorf("UserByName (-want +got):\n%s", diff)
	}
	got, err = st.User(ctx, bob.ID)
	if err != nil || got.Name != "bob" || got.Role != tidings.RoleMember {
		t.Errorf("User(bob): got %+v, %v, want bob the member", got, err)
	}
	_, err = st.User(ctx, 999)
	wantKind(t, "User(999)", err, tidings.ErrNotFound)
	_, err = st.UserByName(ctx, "nobody")
	wantKind(t, "UserByName(nobody)", err, tidings.ErrNotFound)
	users, err := st.Users(ctx)
	if err != nil || len(users) != 2 || users[0].Name != "Ann" || users[1].Name != "bob" {
		t.Errorf("Users: got %v, %v, want Ann, bob", users, err)
	}
	if n, err := st.CountUsers(ctx); n != 2 || err != nil {
		t.Errorf("CountUsers: got %d, %v, want 2", n, err)
	}
	wantKind(t, "CreateFirstUser with users", st.CreateFirstUser(ctx, &tidings.User{Name: "eve", Role: tidings.RoleAdmin, PasswordHash: "h"}), tidings.ErrConflict)
}

// testCreateFirstUserRace submits the first-run form eight times at once:
// exactly one administrator results.
func testCreateFirstUserRace(t *testing.T, st AccountStore) {
	ctx := context.Background()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := st.CreateFirstUser(ctx, &tidings.User{Name: fmt.Sprintf("admin%d", i), Role: tidings.RoleAdmin, PasswordHash: "h"})
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, tidings.ErrConflict):
			t.Errorf("CreateFirstUser: got %v, want nil or ErrConflict", err)
		}
	}
	if n, _ := st.CountUsers(ctx); ok != 1 || n != 1 {
		t.Errorf("got %d successes and %d users, want 1 and 1", ok, n)
	}
}

func testSessions(t *testing.T, st AccountStore) {
	ctx := context.Background()
	u := newUser(t, st, "ann", tidings.RoleMember)
	now := time.Now().UTC().Truncate(time.Microsecond)
	live := &tidings.Session{TokenHash: "live", UserID: u.ID, ExpiresAt: now.Add(time.Hour)}
	if err := st.CreateSession(ctx, live); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	sess, got, err := st.Session(ctx, "live", now)
	if err != nil || got.ID != u.ID || sess.UserID != u.ID || !sess.ExpiresAt.Equal(live.ExpiresAt) {
		t.Errorf("Session(live): got %+v, %+v, %v, want ann's session", sess, got, err)
	}
	wantKind(t, "duplicate token", st.CreateSession(ctx, &tidings.Session{TokenHash: "live", UserID: u.ID, ExpiresAt: now.Add(time.Hour)}), tidings.ErrConflict)
	wantKind(t, "unknown user", st.CreateSession(ctx, &tidings.Session{TokenHash: "x", UserID: 999, ExpiresAt: now.Add(time.Hour)}), tidings.ErrNotFound)
	wantKind(t, "no token", st.CreateSession(ctx, &tidings.Session{UserID: u.ID, ExpiresAt: now.Add(time.Hour)}), tidings.ErrInvalid)
	wantKind(t, "no expiry", st.CreateSession(ctx, &tidings.Session{TokenHash: "y", UserID: u.ID}), tidings.ErrInvalid)

	// Expired: refused at its expiry, and gone afterwards even for an
	// earlier clock.
	_, _, err = st.Session(ctx, "live", now.Add(time.Hour))
	wantKind(t, "Session at expiry", err, tidings.ErrNotFound)
	_, _, err = st.Session(ctx, "live", now)
	wantKind(t, "Session after expiry", err, tidings.ErrNotFound)

	if err := st.CreateSession(ctx, &tidings.Session{TokenHash: "b", UserID: u.ID, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if err := st.DeleteSession(ctx, "b"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	_, _, err = st.Session(ctx, "b", now)
	wantKind(t, "Session after DeleteSession", err, tidings.ErrNotFound)
	if err := st.DeleteSession(ctx, "b"); err != nil {
		t.Errorf("DeleteSession twice: %v", err)
	}
}

func testSetPassword(t *testing.T, st AccountStore) {
	ctx := context.Background()
	u := newUser(t, st, "ann", tidings.RoleMember)
	now := time.Now()
	for _, tok := range []string{"one", "two"} {
		if err := st.CreateSession(ctx, &tidings.Session{TokenHash: tok, UserID: u.ID, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatalf("CreateSession: %v", err)
		}
	}
	if err := st.SetPassword(ctx, u.ID, "new-hash"); err != nil {
		t.Fatalf("SetPassword: %v", err)
	}
	if got, _ := st.User(ctx, u.ID); got.PasswordHash != "new-hash" {
		t.Errorf("got hash %q, want new-hash", got.PasswordHash)
	}
	_, _, err := st.Session(ctx, "one", now)
	wantKind(t, "Session after SetPassword", err, tidings.ErrNotFound)
	wantKind(t, "SetPassword(999)", st.SetPassword(ctx, 999, "h"), tidings.ErrNotFound)
	wantKind(t, "SetPassword empty", st.SetPassword(ctx, u.ID, ""), tidings.ErrInvalid)
}

func testSettings(t *testing.T, st AccountStore) {
	ctx := context.Background()
	if v, err := st.Setting(ctx, tidings.SettingAnonymousRead); v != "" || err != nil {
		t.Errorf("unset: got %q, %v, want empty", v, err)
	}
	for _, v := range []string{"false", "true"} {
		if err := st.SetSetting(ctx, tidings.SettingAnonymousRead, v); err != nil {
			t.Fatalf("SetSetting: %v", err)
		}
		if got, _ := st.Setting(ctx, tidings.SettingAnonymousRead); got != v {
			t.Errorf("got %q, want %q", got, v)
		}
	}
	wantKind(t, "empty key", st.SetSetting(ctx, "", "x"), tidings.ErrInvalid)
}
