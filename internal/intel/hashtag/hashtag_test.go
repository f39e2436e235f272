package hashtag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	tidings "github.com/tidings/tidings"
)

// TestFromTextMeasures checks that a unit and what it measures ("pound
// tram") makes no tag, while a currency's own news ("dollar slide") does.
func TestFromTextMeasures(t *testing.T) {
	body := "The council approved a 410 million pound tram extension. The 2 million pound tram plan is old. The dollar slide went on, and the dollar slide worried traders."
	body += " Fans bought tickets for the 2026 world cup, and Covid-19 vaccine mandates ended."
	got := FromText("Leeds approves £410m pound tram line", body, []string{"pound tram", "dollar slide", "tram extension", "world cup", "vaccine mandates"}, nil, 5)
	if diff := cmp.Diff([]string{"DollarSlide", "TramExtension", "WorldCup", "VaccineMandates"}, got); diff != "" {
		t.Errorf("FromText (-want +got):\n%s", diff)
	}
}

// TestFromTextFragments checks that a phrase cut across two parts of a
// longer one ("earth magnets" of "rare earth magnets") gives way to it,
// but not to a longer phrase that runs a word into a name ("sluggish Hasim
// Rahman"), begins with an adjective ("biggest ports idle"), or whose head
// is no keyphrase ("shuts container terminals").
func TestFromTextFragments(t *testing.T) {
	tests := []struct {
		name, title, body string
		phrases           []string
		want              []string
	}{
		{
			name:    "a fragment gives way to the phrase it is cut from",
			title:   "Geneva talks ease export licences for rare earth magnets",
			body:    "Shipments of rare earth magnets resume.",
			phrases: []string{"magnets", "earth magnets", "geneva", "rare earth", "rare earth magnets", "licences"},
			want:    []string{"RareEarthMagnets", "Geneva", "Licences"},
		},
		{
			name:    "a name stays whole",
			title:   "Klitschko stops Rahman",
			body:    "Wladimir Klitschko blasted a sluggish Hasim Rahman in Mannheim.",
			phrases: []string{"hasim rahman", "sluggish hasim", "sluggish hasim rahman", "mannheim"},
			want:    []string{"HasimRahman", "Mannheim"},
		},
		{
			name:    "nor an adjective or a head that is no keyphrase",
			title:   "Europe's biggest port strike shuts container terminals",
			body:    "The biggest port strike shuts container terminals in the biggest ports.",
			phrases: []string{"container terminals", "shuts container terminals", "port strike", "biggest port", "biggest port strike"},
			want:    []string{"ContainerTerminals", "PortStrike"},
		},
		{
			name:    "an acronym or a new sentence is no name run into",
			title:   "Generative AI tools cut carbon",
			body:    "Firms use generative AI tools. The drop in carbon. Emissions from transport rose.",
			phrases: []string{"generative ai", "carbon emissions"},
			want:    []string{"GenerativeAi", "CarbonEmissions"},
		},
		{
			name:    "a clause is no tag, whole or in part",
			title:   "European bank profits tumble as rates fall",
			body:    "European bank profits tumble as rates fall.",
			phrases: []string{"bank profits", "profits tumble", "bank profits tumble"},
			want:    []string{"BankProfits"},
		},
		{
			name:    "a possessive that a compound continues is no tag; one that ends is",
			title:   "Solberg's shipping warning puts mortgage cuts on ice",
			body:    "Markets heard Solberg's shipping warning, and the dollar's slide went on.",
			phrases: []string{"solberg shipping", "shipping warning", "mortgage cuts", "dollar slide"},
			want:    []string{"ShippingWarning", "MortgageCuts", "DollarSlide"},
		},
		{
			name:    "blank phrases",
			title:   "A title",
			body:    "some body text",
			phrases: []string{" ", "  ", "body text"},
			want:    []string{"BodyText"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, FromText(tt.title, tt.body, tt.phrases, nil, 5)); diff != "" {
				t.Errorf("FromText (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromText(t *testing.T) {
	tests := []struct {
		name     string
		phrases  []string
		entities []tidings.Entity
		n        int
		want     []string
	}{
		{
			name:    "topical phrases and places lead, people follow",
			phrases: []string{"rare earths", "export controls", "magnets"},
			entities: []tidings.Entity{
				{Text: "Scott Bessent", Type: tidings.EntityPerson},
				{Text: "Geneva", Type: tidings.EntityPlace},
			},
			n:    4,
			want: []string{"RareEarths", "Geneva", "ExportControls", "ScottBessent"},
		},
		{
			name:     "drops sentence fragments, vague words and units",
			phrases:  []string{"lander touched", "moon south", "thousands", "metres", "failure disrupts", "disrupts york", "strike threatens", "depend", "power failure", "lunar lander"},
			entities: []tidings.Entity{{Text: "NASA", Type: tidings.EntityOrg}},
			n:        5,
			want:     []string{"NASA", "PowerFailure", "LunarLander"},
		},
		{
			name:     "a company's legal form is no part of its tag",
			phrases:  []string{"patents", "zte"},
			entities: []tidings.Entity{{Text: "ZTE Corp", Type: tidings.EntityOrg}, {Text: "Apple Inc.", Type: tidings.EntityOrg}},
			n:        5,
			want:     []string{"Patents", "ZTE", "Apple"},
		},
		{
			name:     "a lone word of a name stands for the name",
			phrases:  []string{"lohan", "rehab", "lindsay", "ford"},
			entities: []tidings.Entity{{Text: "Lindsay Lohan", Type: tidings.EntityPerson}, {Text: "Betty Ford Center", Type: tidings.EntityOrg}},
			n:        5,
			want:     []string{"LindsayLohan", "BettyFordCenter", "Rehab"},
		},
		{
			name:     "parts of a person's name stand for the name; abbreviated titles make no tag",
			phrases:  []string{"hillary rodham", "rodham clinton", "homicide capt", "foreign policy"},
			entities: []tidings.Entity{{Text: "Hillary Rodham Clinton", Type: tidings.EntityPerson}},
			n:        5,
			want:     []string{"HillaryRodhamClinton", "ForeignPolicy"},
		},
		{
			name:    "drops lone adverbs, adjectives, ordinals and verbs",
			phrases: []string{"infamously", "dangerous", "southern", "clear", "sixth", "knows", "checks", "powerful", "family", "rally", "arson"},
			n:       5,
			want:    []string{"Family", "Rally", "Arson"},
		},
		{
			name:    "drops numbers, dates, stopwords and non-ascii",
			phrases: []string{"2025", "monday", "the", "march 3", "東京", "tariffs"},
			n:       5,
			want:    []string{"Tariffs"},
		},
		{
			name:     "dedupes case-insensitively and plurals",
			phrases:  []string{"tariff", "tariffs", "nato"},
			entities: []tidings.Entity{{Text: "NATO", Type: tidings.EntityOrg}},
			n:        5,
			want:     []string{"Tariff", "NATO"},
		},
		{
			name:     "folds diacritics and hyphens",
			phrases:  []string{"zürich", "rare-earth magnets"},
			entities: []tidings.Entity{{Text: "JL MAG Rare-Earth", Type: tidings.EntityOrg}},
			n:        3,
			want:     []string{"Zurich", "JLMAGRareEarth", "RareEarthMagnets"},
		},
		{
			name:    "phrases replace the words they contain",
			phrases: []string{"rare", "earth", "export", "rare earth", "magnets", "rare earth magnets", "export controls", "tariffs"},
			n:       3,
			want:    []string{"RareEarth", "ExportControls", "Tariffs"},
		},
		{
			name:    "verbs make no tags",
			phrases: []string{"terminated", "claiming", "endangered species", "probation"},
			n:       5,
			want:    []string{"EndangeredSpecies", "Probation"},
		},
		{name: "n caps", phrases: []string{"alpha", "beta", "gamma"}, n: 2, want: []string{"Alpha", "Beta"}},
		{name: "zero", phrases: []string{"alpha"}, n: 0, want: nil},
		{name: "nothing", n: 3, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromText("", "", tt.phrases, tt.entities, tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FromText mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"RareEarths":   "rareearths",
		"#Rare-Earths": "rareearths",
		"Zürich":       "zurich",
		"G7":           "g7",
		"":             "",
		"東京":           "",
	}
	for in, want := range tests {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q): got %q, want %q", in, got, want)
		}
	}
}

func BenchmarkFromText(b *testing.B) {
	phrases := []string{"rare earth magnets", "export controls", "geneva talks", "china", "carmakers", "licences", "treasury", "brookings"}
	ents := []tidings.Entity{{Text: "Scott Bessent", Type: tidings.EntityPerson}, {Text: "Geneva", Type: tidings.EntityPlace}, {Text: "Brookings Institution", Type: tidings.EntityOrg}}
	for b.Loop() {
		FromText("", "", phrases, ents, 5)
	}
}

func TestTop(t *testing.T) {
	got := Top([]string{"Tariffs", "Tariff", "RareEarthMagnets", "RareEarth", "Geneva", "geneva", "NATO", "Trade"}, 4)
	if diff := cmp.Diff([]string{"Tariffs", "RareEarthMagnets", "Geneva", "NATO"}, got); diff != "" {
		t.Errorf("Top (-want +got):\n%s", diff)
	}
}

// TestIsKey checks IsKey against comparing Normalize's keys.
func TestIsKey(t *testing.T) {
	tags := []string{"", "#", "RareEarths", "#Rare-Earths", "rareearths", "RareEarth", "RareEarthsX",
		"NATO", "nato", "Nato2", "G7", "g-7", "Zürich", "Zurich", "ZÜRICH", "Café", "cafe", "ﬁsh", "fish", "①", "1"}
	for _, a := range tags {
		for _, b := range tags {
			key := Normalize(b)
			if got, want := IsKey(a, key), Normalize(a) == key; got != want {
				t.Errorf("IsKey(%q, %q) = %v, want %v", a, key, got, want)
			}
		}
	}
}
