package hashtag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVerbs(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		words []string
		want  map[string]bool
	}{
		{"after who or a modal", "The bug asks who pays for open source. Boards will review budgets.", []string{"pays", "review", "bug"}, map[string]bool{"pays": true, "review": true}},
		{"to with an article after", "The craft is due to land a rover today.", []string{"land"}, map[string]bool{"land": true}},
		{"to without one is a preposition", "He pleaded guilty to tax evasion.", []string{"tax"}, nil},
		{"a noun use anywhere wins", "They will land today. The land is flat.", []string{"land"}, nil},
		{"capitalized uses are names", "The tram line to Headingley will Open soon.", []string{"headingley", "open"}, nil},
		{"a third-person form beside its past", "Leeds votes for trams. Councillors voted on Tuesday.", []string{"votes", "trams"}, map[string]bool{"votes": true}},
		{"a noun use outweighs the past", "The votes were counted after councillors voted.", []string{"votes"}, nil},
		{"curly quotes and dashes are not words", "\u201cWho pays\u2014and when?\u201d he asked.", []string{"pays"}, map[string]bool{"pays": true}},
		{"to after a verb that takes one", "Trade deal set to restart magnet shipments", []string{"restart", "magnet"}, map[string]bool{"restart": true}},
		{"to after another word", "The plant is close to home and to tax evasion", []string{"home", "tax"}, nil},
		{"due to is no verb's", "Flights were cancelled due to weather", []string{"weather"}, nil},
		{"a headline's subject before on or in", "Oil prices on track for weekly gain. Tesla sales in Europe slump", []string{"prices", "sales"}, nil},
		{"a headline's subject and verb", "Leeds votes for trams", []string{"votes", "trams"}, map[string]bool{"votes": true}},
		{"a headline's subject and noun", "Leeds votes count. Voters: votes for all", []string{"votes"}, nil},
		{"bare forms have no past rule", "Child abuse rose; many were abused as children.", []string{"abuse"}, nil},
		{"a bare form after a plural that ends a headline's clause", "Ilkley bakery cuts hours as energy bills triple", []string{"triple", "bills"}, map[string]bool{"triple": true}},
		{"or comes before as", "European bank profits tumble as rates fall", []string{"tumble", "profits"}, map[string]bool{"tumble": true}},
		{"a bare noun after a plural that goes on", "Sales tax rise hits shoppers", []string{"tax", "rise"}, nil},
		{"a team's plural verb before a number", "Riverside end 41-year wait for silverware", []string{"end", "wait"}, map[string]bool{"end": true}},
		{"a name and a noun before a word", "Brexit deal for farmers", []string{"deal"}, nil},
		{"a team's bare verb before an article", "Chelsea enter the race for Taarabt", []string{"enter", "race"}, map[string]bool{"enter": true}},
		{"a name and a bare noun before to", "Obama visit to China delayed", []string{"visit"}, nil},
		{"a headline that drops its is", "Brexit deal a disaster for farmers. Gaza ceasefire a fragile first step", []string{"deal", "ceasefire"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Verbs(tt.words, tt.text)); diff != "" {
				t.Errorf("Verbs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVerbsBody checks that the headline cues read only the first text.
func TestVerbsBody(t *testing.T) {
	if got := Verbs([]string{"triple"}, "", "As energy bills triple"); got != nil {
		t.Errorf("Verbs in a body: got %v, want none", got)
	}
}

func TestFromTextVerbs(t *testing.T) {
	text := "Zlite bug revives the question of who pays for open source. The Zlite bug hit thousands of apps. eBay releases iPad app: eBay released it on Monday."
	got := FromText("", text, []string{"pays", "zlite bug", "ebay releases ipad", "open source"}, nil, 5)
	if diff := cmp.Diff([]string{"ZliteBug", "OpenSource"}, got); diff != "" {
		t.Errorf("FromText (-want +got):\n%s", diff)
	}
}
