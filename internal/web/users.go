package web

import (
	"net/http"
	"strings"

	"github.com/tidings/tidings"
)

type usersPage struct {
	base
	Users  []*tidings.User
	Notice string
	Error  string
	Name   string
}

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, "", "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, name, msg string) {
	users, err := s.accounts.Users(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := usersPage{Users: users, Name: name, Error: msg}
	if r.URL.Query().Get("done") == "added" {
		p.Notice = "The account was added. Give its name and password to its owner, who can change the password on their account page."
	}
	p.base = s.base(r, "Accounts")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "users", p)
}

// handleAddUser makes an account (the web twin of `tidings user add`).
func (s *Server) handleAddUser(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	password := r.PostFormValue("password")
	if err := tidings.ValidateUserName(name); err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, name, tidings.ErrorMessage(err))
		return
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		s.renderUsers(w, r, ErrorStatus(err), name, tidings.ErrorMessage(err))
		return
	}
	u := &tidings.User{Name: name, Role: tidings.RoleMember, PasswordHash: hash}
	if r.PostFormValue("role") == string(tidings.RoleAdmin) {
		u.Role = tidings.RoleAdmin
	}
	if err := s.accounts.CreateUser(r.Context(), u); err != nil {
		if status := ErrorStatus(err); status < 500 {
			s.renderUsers(w, r, status, name, tidings.ErrorMessage(err))
			return
		}
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?done=added", http.StatusSeeOther)
}
