package demo

// item is one article of the sample as one outlet published it.
type item struct {
	event, source string
	title, author string
	body          string
	minutesAgo    int
	slug          string
}

// items lists the sample, in no particular order. Wire copies carry the
// wire's body under the outlet's own headline, a few minutes later.
var items = []item{
	// Rare earths: one wire text carried by three outlets, two own takes.
	{"rare", "wire", "Geneva talks ease export licences for rare earth magnets", "Meridian Wire staff", rareWire, 26 * 60, "geneva-rare-earth-licences"},
	{"rare", "gazette", "Deal ends four-month standoff over rare earth magnets", "", rareWire, 26*60 - 18, "rare-earth-standoff-ends"},
	{"rare", "post", "Carmakers win relief as magnet export rules are eased", "", rareWire, 26*60 - 35, "carmakers-magnet-relief"},
	{"rare", "observer", "Trade deal set to restart magnet shipments", "", rareWire, 25 * 60, "magnet-shipments-restart"},
	{"rare", "ledger", "Rare-earth deal is a reprieve, not a cure, for magnet buyers", "Nadia Brennan", rareLedger, 22 * 60, "rare-earth-reprieve"},
	{"rare", "rheinblick", "Einigung in Genf: Erleichterung für Autozulieferer", "Jana Weber", rareRheinblick, 20 * 60, "genf-seltene-erden"},

	// Port strike.
	{"port", "wire", "Dockworkers strike shuts container terminals in Rotterdam and Antwerp", "Meridian Wire staff", portWire, 9 * 60, "rotterdam-antwerp-dock-strike"},
	{"port", "gazette", "Europe's biggest ports idle as 9,000 dockers walk out", "", portWire, 9*60 - 12, "ports-idle-dockers-walk-out"},
	{"port", "observer", "Port strike threatens week of shipping delays", "", portWire, 8*60 + 10, "port-strike-delays"},
	{"port", "ledger", "Freight rates jump as dock strike hits northern Europe", "Nadia Brennan", portLedger, 6 * 60, "freight-rates-dock-strike"},
	{"port", "post", "'We are against being thrown away': the union leader behind the port strike", "Owen Tully", portPost, 3*60 + 20, "union-leader-port-strike"},

	// Heatwave.
	{"heat", "wire", "Spain records 46.2C as wildfire forces evacuations near Ronda", "Meridian Wire staff", heatWire, 14 * 60, "spain-heat-record-ronda-fire"},
	{"heat", "post", "Record heat in Andalusia as firefighters battle blaze", "", heatWire, 14*60 - 25, "andalusia-record-heat"},
	{"heat", "observer", "1,200 evacuated as Spanish wildfire spreads in heatwave", "", heatWire, 13 * 60, "spanish-wildfire-evacuated"},
	{"heat", "gazette", "A canary, photo albums and camp beds: a night with Ronda's evacuees", "Clara Mendes", heatGazette, 7 * 60, "ronda-evacuees-night"},
	{"heat", "rheinblick", "Hitzerekord in Spanien – Waldbrand bei Ronda", "Jana Weber", heatRheinblick, 12 * 60, "hitzerekord-spanien"},

	// Interest rates.
	{"rates", "wire", "European Central Bank holds rates at 2.25% as services inflation lingers", "Meridian Wire staff", ratesWire, 30 * 60, "ecb-holds-rates"},
	{"rates", "gazette", "No rate cut until spring, central bank signals", "", ratesWire, 30*60 - 20, "no-rate-cut-until-spring"},
	{"rates", "observer", "Central bank keeps interest rates on hold", "", ratesWire, 29 * 60, "rates-on-hold"},
	{"rates", "ledger", "Solberg's shipping warning puts mortgage cuts on ice", "Tom Achebe", ratesLedger, 27 * 60, "solberg-shipping-warning"},
	{"rates", "post", "For Northfield's firms, the rate pause has a price", "Owen Tully", ratesPost, 24 * 60, "northfield-rate-pause"},

	// Zlite security flaw: the specialist breaks it, the wire follows.
	{"zlite", "current", "Critical flaw in Zlite compression library puts thousands of apps at risk", "Dev Kapoor", zliteCurrent, 5 * 60, "zlite-critical-flaw"},
	{"zlite", "wire", "Urgent patch released for Zlite security flaw", "Meridian Wire staff", zliteWire, 4*60 + 30, "zlite-urgent-patch"},
	{"zlite", "gazette", "Update now: widely used software library has serious bug", "", zliteWire, 4 * 60, "update-now-zlite"},
	{"zlite", "ledger", "Zlite bug revives the question of who pays for open source", "Tom Achebe", zliteLedger, 2 * 60, "who-pays-open-source"},

	// Moon landing.
	{"moon", "wire", "Private lander touches down near the Moon's south pole", "Meridian Wire staff", moonWire, 50, "selene-2-lands"},
	{"moon", "gazette", "Aster Dynamics makes history with lunar south pole landing", "", moonWire, 42, "aster-dynamics-history"},
	{"moon", "post", "Selene-2 lands on the Moon: first company at the south pole", "", moonWire, 38, "selene-2-south-pole"},
	{"moon", "observer", "Moon landing success for private spacecraft", "", moonWire, 30, "moon-landing-private"},
	{"moon", "current", "How Selene-2 dodged a boulder field in its last 500 metres", "Dev Kapoor", moonCurrent, 12, "selene-2-laser-landing"},

	// Cup final.
	{"cup", "wire", "Okafor the hero as Riverside win cup final on penalties", "Meridian Wire staff", cupWire, 34 * 60, "riverside-win-cup"},
	{"cup", "observer", "Riverside end 41-year wait for silverware", "", cupWire, 33 * 60, "riverside-end-wait"},
	{"cup", "post", "Dented plates and a new cup: Riverside's long road to glory", "Owen Tully", cupPost, 20 * 60, "riverside-long-road"},

	// Tram line.
	{"tram", "observer", "Council approves 410m pound tram line to Headingley", "Rhys Morgan", tramObserver, 10 * 60, "leeds-tram-approved"},
	{"tram", "post", "Leeds votes for trams, thirty years after the first plan", "Owen Tully", tramPost, 8 * 60, "leeds-votes-trams"},

	// Unrelated single stories.
	{"bees", "post", "Wild bees return to Devon's wildflower verges", "Hannah Price", beesPost, 16 * 60, "wild-bees-verges"},
	{"chess", "gazette", "Harbour teenagers qualify for youth chess olympiad", "Clara Mendes", chessGazette, 18 * 60, "youth-chess-olympiad"},
	{"bakery", "observer", "Ilkley bakery cuts hours as energy bills triple", "Rhys Morgan", bakeryObserver, 11 * 60, "ilkley-bakery-hours"},
	{"rail", "wire", "Signal failure disrupts York to Manchester trains for second day", "Meridian Wire staff", railWire, 2*60 + 40, "york-manchester-signal-failure"},
}
