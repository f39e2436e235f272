package extract

import (
	"strings"
	"testing"
)

func TestLooksTruncated(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday and discussed the budget for the coming year at length. ", 10)
	tests := []struct {
		name  string
		text  string
		title string
		want  bool
	}{
		{"empty", "", "Title", true},
		{"whitespace", "  \n ", "Title", true},
		{"short summary", "The council approved the budget on Tuesday.", "Budget approved", true},
		{"title only", "Budget approved.", "Budget approved", true},
		{"full text", long, "Budget", false},
		{"ellipsis", long + "and then the mayor said…", "Budget", true},
		{"three dots", long + "and then...", "Budget", true},
		{"bracketed ellipsis", long + "and then […]", "Budget", true},
		{"bracketed dots", long + "and then [...]", "Budget", true},
		{"read more", long + "Read more", "Budget", true},
		{"read more with arrow", long + "Read more »", "Budget", true},
		{"continue reading", long + "Continue reading →", "Budget", true},
		{"continue reading with title", long + "Continue reading", "Budget", true},
		{"chars counter", long + "and the mayor… [+2817 chars]", "Budget", true},
		{"wordpress footer on full text", long + "\nThe post Budget approved appeared first on City News.", "Budget", false},
		{"wordpress footer on excerpt", long + " […]\nThe post Budget approved appeared first on City News.", "Budget", true},
		{"wordpress footer in capitals", long + " […]\nTHE POST Budget approved Appeared First On City News.", "Budget", true},
		{"ends with a question", long + "What comes next?", "Budget", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksTruncated(tt.text, tt.title); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
