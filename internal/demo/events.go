package demo

import "github.com/tidings/tidings"

// event is one real-world happening of the sample; its articles form one
// story. The intelligence is written by hand, as the analyzer would derive it.
type event struct {
	key        string
	hashtags   []string
	keyphrases []string
	entities   []tidings.Entity
	related    []string // keys of other events on related subjects
}

func person(s string) tidings.Entity { return tidings.Entity{Text: s, Type: tidings.EntityPerson} }
func org(s string) tidings.Entity    { return tidings.Entity{Text: s, Type: tidings.EntityOrg} }
func place(s string) tidings.Entity  { return tidings.Entity{Text: s, Type: tidings.EntityPlace} }

var events = []event{
	{key: "rare", hashtags: []string{"RareEarths", "ExportControls", "TradeTalks"},
		keyphrases: []string{"rare earth magnets", "export licences", "trade talks", "supply chain"},
		entities: []tidings.Entity{person("Helena Marsh"), person("Wen Liqiang"), org("JL Magnetics"),
			org("World Trade Organization"), place("Geneva")},
		related: []string{"port", "rates"}},
	{key: "port", hashtags: []string{"PortStrike", "Shipping", "SupplyChain"},
		keyphrases: []string{"dockworkers strike", "container terminals", "shipping delays", "wage offer"},
		entities: []tidings.Entity{person("Maarten de Vries"), org("Dockworkers Union"), org("Port Authority"),
			place("Rotterdam"), place("Antwerp")},
		related: []string{"rare", "rates"}},
	{key: "heat", hashtags: []string{"Heatwave", "Wildfires", "ClimateCrisis"},
		keyphrases: []string{"temperature record", "wildfire", "evacuation", "heat alert"},
		entities: []tidings.Entity{person("Lucía Ortega"), org("State Meteorological Agency"),
			place("Andalusia"), place("Ronda"), place("Seville")},
		related: []string{"bees"}},
	{key: "rates", hashtags: []string{"InterestRates", "Inflation", "Eurozone"},
		keyphrases: []string{"interest rates", "inflation", "rate cut", "deposit rate"},
		entities:   []tidings.Entity{person("Ingrid Solberg"), org("European Central Bank"), place("Frankfurt")},
		related:    []string{"rare", "port"}},
	{key: "zlite", hashtags: []string{"CyberSecurity", "OpenSource", "Zlite"},
		keyphrases: []string{"compression library", "security flaw", "patch", "buffer overflow"},
		entities:   []tidings.Entity{person("Priya Raman"), org("Zlite Project"), org("Open Source Security Foundation")},
		related:    []string{"moon"}},
	{key: "moon", hashtags: []string{"Space", "Moon", "Selene2"},
		keyphrases: []string{"lunar lander", "south pole", "private spaceflight", "touchdown"},
		entities:   []tidings.Entity{person("Tomás Herrera"), org("Aster Dynamics"), place("Shackleton crater")},
		related:    []string{"zlite"}},
	{key: "cup", hashtags: []string{"Football", "CupFinal", "RiversideFC"},
		keyphrases: []string{"cup final", "penalty shootout", "goalkeeper", "extra time"},
		entities: []tidings.Entity{person("Jonah Keller"), person("Sam Okafor"), org("Riverside FC"), org("Ashford United"),
			place("Wembley")},
		related: []string{"tram"}},
	{key: "tram", hashtags: []string{"Transport", "TramLine", "Leeds"},
		keyphrases: []string{"tram extension", "city council", "public transport", "construction"},
		entities:   []tidings.Entity{person("Amira Haddad"), org("Leeds City Council"), place("Leeds"), place("Headingley")},
		related:    []string{"cup"}},
	{key: "bees", hashtags: []string{"Science", "Pollinators", "Biodiversity"},
		keyphrases: []string{"wild bees", "pollinators", "wildflower verges", "biodiversity"},
		entities:   []tidings.Entity{person("Dr Fiona Leach"), org("University of Exeter"), place("Devon")},
		related:    []string{"heat"}},
	{key: "chess", hashtags: []string{"Chess", "Culture"},
		keyphrases: []string{"chess olympiad", "youth team", "endgame"},
		entities:   []tidings.Entity{person("Mira Petrović"), place("Budapest")}},
	{key: "bakery", hashtags: []string{"SmallBusiness", "Food"},
		keyphrases: []string{"bakery", "energy bills", "sourdough", "high street"},
		entities:   []tidings.Entity{person("Gareth Lloyd"), place("Ilkley")},
		related:    []string{"rates"}},
	{key: "rail", hashtags: []string{"Transport", "Rail", "Strikes"},
		keyphrases: []string{"rail timetable", "signal failure", "commuters"},
		entities:   []tidings.Entity{org("Network Rail"), place("York"), place("Manchester")},
		related:    []string{"tram"}},
}
