package stopword

import "testing"

func TestIs(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"the", true},
		{"said", true},
		{"don’t", true},
		{"tariffs", false},
		{"bessent", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := Is(tt.w); got != tt.want {
				t.Errorf("Is(%q): got %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestIsFunction(t *testing.T) {
	if !IsFunction("of") || IsFunction("year") {
		t.Errorf("IsFunction: got of=%v year=%v, want true false", IsFunction("of"), IsFunction("year"))
	}
}
