package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"github.com/tidings/tidings/internal/config"
)

// runIn runs one tidings user command with stdin and env, returning stdout and
// the error.
func runIn(t *testing.T, stdin string, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string { return env[k] }
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr, Getenv: getenv}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		t.Fatal(err)
	}
	m.Config = cfg
	// runUser directly: the test does not depend on the command table.
	err = runUser(context.Background(), m, args[1:])
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return stdout.String(), err
}

func TestUserAdd(t *testing.T) {
	for name, db := range databases(t) {
		t.Run(name, func(t *testing.T) { testUserAdd(t, db(t)) })
	}
}

func testUserAdd(t *testing.T, dbURL string) {
	env := map[string]string{"TIDINGS_DATABASE_URL": dbURL}
	if _, err := runIn(t, "first password\n", env, "user", "add", "ann", "--admin"); err != nil {
		t.Fatalf("user add ann --admin: %v", err)
	}
	env2 := map[string]string{"TIDINGS_DATABASE_URL": dbURL, "TIDINGS_PASSWORD": "second password"}
	if _, err := runIn(t, "", env2, "user", "add", "bob"); err != nil {
		t.Fatalf("user add bob: %v", err)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"taken", "some password\n", []string{"user", "add", "ANN"}},
		{"short password", "short\n", []string{"user", "add", "cy"}},
		{"no password", "", []string{"user", "add", "cy"}},
		{"bad name", "some password\n", []string{"user", "add", "c y"}},
		{"no name", "", []string{"user", "add"}},
		{"unknown verb", "", []string{"user", "remove", "ann"}},
		{"passwd unknown", "some password\n", []string{"user", "passwd", "nobody"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := runIn(t, tt.stdin, env, tt.args...); err == nil {
				t.Errorf("tidings %s: got no error, want one", strings.Join(tt.args, " "))
			}
		})
	}
	if _, err := runIn(t, "third password\n", env, "user", "passwd", "bob"); err != nil {
		t.Fatalf("user passwd bob: %v", err)
	}
	out, err := runIn(t, "", env, "user", "list")
	if err != nil || !strings.Contains(out, "ann") || !strings.Contains(out, "admin") || !strings.Contains(out, "bob") {
		t.Errorf("user list: got %q, %v, want ann (admin) and bob", out, err)
	}

	m := &Main{Getenv: func(k string) string { return env[k] }}
	m.Config.DatabaseURL = dbURL
	defer m.Close()
	store, err := m.openStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st := store.(tidings.AccountStore)
	h := auth.NewHasher(auth.Options{})
	for _, tt := range []struct {
		name, password string
		role           tidings.Role
	}{{"ann", "first password", tidings.RoleAdmin}, {"bob", "third password", tidings.RoleMember}} {
		u, err := st.UserByName(context.Background(), tt.name)
		if err != nil {
			t.Fatalf("UserByName(%s): %v", tt.name, err)
		}
		if u.Role != tt.role || !h.Check(u.PasswordHash, tt.password) {
			t.Errorf("%s: got role %s and a hash not matching %q", tt.name, u.Role, tt.password)
		}
	}
	if n, _ := st.CountUsers(context.Background()); n != 2 {
		t.Errorf("got %d users, want 2 (refused commands stored nothing)", n)
	}
}
