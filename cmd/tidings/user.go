package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/internal/auth"
	"golang.org/x/term"
)

const userUsage = "usage: tidings user add NAME [--admin] | tidings user passwd NAME | tidings user list"

// runUser manages accounts: add a user, reset a password, list the users.
// Passwords come from a terminal prompt, or when standard input is not a
// terminal from TIDINGS_PASSWORD or the first line of standard input, so
// that scripts can create accounts without the password in argv (where
// other users of the machine could read it from the process list).
func runUser(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New(userUsage)}
	}
	verb, rest := args[0], args[1:]
	fs := m.newFlagSet("user " + verb)
	admin := fs.Bool("admin", false, "give the user the admin role")
	// Flags may follow the name ("user add ann --admin").
	var flags, names []string
	for _, a := range rest {
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
		} else {
			names = append(names, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		return usageError{err}
	}
	switch {
	case verb == "list" && len(names) == 0:
	case (verb == "add" || verb == "passwd") && len(names) == 1:
	default:
		return usageError{errors.New(userUsage)}
	}
	st, err := m.openStore(ctx)
	if err != nil {
		return err
	}
	accounts, ok := st.(tidings.AccountStore)
	if !ok {
		return fmt.Errorf("user: the store does not keep accounts")
	}
	if verb == "list" {
		return listUsers(ctx, m, accounts)
	}
	name := names[0]
	if err := tidings.ValidateUserName(name); err != nil {
		return usageError{err}
	}
	password, err := m.readPassword()
	if err != nil {
		return err
	}
	hash, err := auth.NewHasher(auth.Options{}).Hash(password)
	if err != nil {
		return err
	}
	if verb == "passwd" {
		u, err := accounts.UserByName(ctx, name)
		if err != nil {
			return fmt.Errorf("user passwd %s: %w", name, err)
		}
		if err := accounts.SetPassword(ctx, u.ID, hash); err != nil {
			return fmt.Errorf("user passwd %s: %w", name, err)
		}
		fmt.Fprintf(m.Stdout, "password of %s changed; their sessions are signed out\n", u.Name)
		return nil
	}
	u := &tidings.User{Name: name, Role: tidings.RoleMember, PasswordHash: hash}
	if *admin {
		u.Role = tidings.RoleAdmin
	}
	if err := accounts.CreateUser(ctx, u); err != nil {
		return fmt.Errorf("user add %s: %w", name, err)
	}
	fmt.Fprintf(m.Stdout, "added %s %d: %s\n", u.Role, u.ID, u.Name)
	return nil
}

func listUsers(ctx context.Context, m *Main, accounts tidings.AccountStore) error {
	users, err := accounts.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tROLE\tCREATED")
	for _, u := range users {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", u.ID, u.Name, u.Role, u.CreatedAt.Format("2006-01-02 15:04"))
	}
	return w.Flush()
}

// readPassword returns the new password: TIDINGS_PASSWORD when set, else
// typed twice at a terminal without echo, else the first line of standard
// input.
func (m *Main) readPassword() (string, error) {
	if p := m.Getenv("TIDINGS_PASSWORD"); p != "" {
		return p, nil
	}
	if f, ok := m.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(m.Stderr, "Password: ")
		p1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(m.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(m.Stderr, "Repeat it: ")
		p2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(m.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(p1) != string(p2) {
			return "", tidings.Errorf(tidings.ErrInvalid, "the passwords differ")
		}
		return string(p1), nil
	}
	line, err := bufio.NewReader(io.LimitReader(m.Stdin, auth.MaxPasswordLen+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", usageError{errors.New("no password: type it at a terminal, or give it on standard input or in TIDINGS_PASSWORD")}
	}
	return line, nil
}
