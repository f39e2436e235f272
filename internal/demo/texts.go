package demo

// The texts of the sample, written for the project. A wire text is carried
// word for word by several outlets under their own headlines; the others are
// an outlet's own take. Paragraphs are separated by blank lines.

const rareWire = `Trade negotiators meeting in Geneva agreed on Tuesday to ease licensing rules for rare earth magnets, ending a four-month standoff that had left carmakers and wind-turbine builders short of parts.

Commerce Secretary Helena Marsh said the deal would restore "predictable, rules-based access" to the magnets, which are used in electric motors, phones and medical scanners. Exporters will be able to apply for general licences valid for a year instead of approval for each shipment.

Wen Liqiang, the lead trade envoy, said the arrangement would be reviewed after six months and that controls on processing technology would remain in place.

Shares in magnet makers rose sharply on the news. JL Magnetics, one of the largest suppliers, said it expected shipments to resume within weeks. The talks were held on the sidelines of a World Trade Organization meeting.`

const rareLedger = `For the factories that turn rare earth magnets into motors, the Geneva agreement is less a victory than a reprieve.

Purchasing managers told Capital Ledger that stockpiles built up since the spring would last until the year's end, but that prices for neodymium magnets had roughly doubled since the export licences were first tightened. "Even with general licences, we are not going back to the old supply chain," said one executive at a German carmaker.

Analysts expect the arrangement to speed up investment in recycling and in new mines outside Asia, projects that will take years to deliver. JL Magnetics said it would still add a second plant.

The deal covers magnets but not the processing technology, which remains under export controls, and that is where the next round of trade talks will be fought.`

const rareRheinblick = `In Genf haben sich die Verhandlungsführer auf Erleichterungen bei den Exportlizenzen für Seltenerdmagnete geeinigt. Für die deutsche Autoindustrie ist das eine gute Nachricht: Zulieferer hatten seit Monaten über fehlende Teile für Elektromotoren geklagt.

Künftig sollen Jahreslizenzen möglich sein, statt jede Lieferung einzeln genehmigen zu lassen. Handelsministerin Helena Marsh sprach von einem verlässlichen Zugang zu den Magneten.

Verbände in Stuttgart und München reagierten vorsichtig. Die Preise seien weiterhin hoch, und die Kontrollen für die Verarbeitungstechnik blieben bestehen. Die Vereinbarung soll nach sechs Monaten überprüft werden.`

const portWire = `Container terminals in Rotterdam and Antwerp stood idle on Wednesday as dockworkers began a 48-hour strike over pay and the introduction of automated cranes.

The Dockworkers Union said more than 9,000 members had walked out after talks with terminal operators broke down late on Tuesday. Union leader Maarten de Vries said the latest wage offer of 3.5 percent "does not even cover last year's rents".

The Port Authority said around 40 ships were waiting at anchor and warned that delays would ripple through European supply chains for at least a week. Shipping lines have begun diverting vessels to Hamburg and Le Havre.

Operators said automation was necessary to stay competitive and promised that no permanent jobs would be cut before 2030.`

const portLedger = `Freight forwarders are already pricing in the dock strike: spot rates for containers bound for northern Europe rose 12 percent overnight, and several retailers warned that shelves could look thin in the run-up to the holidays.

The stoppage in Rotterdam and Antwerp, Europe's two largest ports, comes as shippers were still recovering from the rare-earth export dispute that had disrupted electronics deliveries earlier in the year.

"Forty-eight hours is manageable. Two weeks is not," said a logistics consultant who advises supermarket chains. The union has said further strikes are likely if automated cranes are introduced without a job guarantee.`

const portPost = `Maarten de Vries has spent twenty-six years on the quays of Rotterdam, and he says he has never seen the mood among dockworkers this bleak.

The union leader, who started as a lasher securing containers on deck, told the Northfield Post that the dispute is about more than pay. "They want the cranes to drive themselves and the people to disappear. We are not against machines. We are against being thrown away."

Terminal operators argue that automation keeps the ports competitive with Hamburg and the Mediterranean. Both sides say they are ready to talk, but no new meeting has been scheduled.`

const heatWire = `Temperatures reached 46.2C near Seville on Thursday, a national record for the month, as a heatwave gripped southern Spain and firefighters battled a wildfire in the hills above Ronda.

The State Meteorological Agency issued its highest heat alert for large parts of Andalusia and said the heat would last at least until Sunday. Around 1,200 people were evacuated from villages near Ronda overnight as the fire spread through pine forest.

Regional emergency chief Lucía Ortega said water-bombing aircraft were working in shifts and that strong, dry winds were making the fire unpredictable. No deaths have been reported.

Scientists say heatwaves in the region have become longer and more frequent as the climate warms.`

const heatGazette = `The evacuees arrived at the sports hall in Ronda with what they could carry: photo albums, a caged canary, medicines in plastic bags.

"We saw the glow over the ridge at midnight and the police knocked at one," said a retired olive farmer from a village on the hillside. Volunteers handed out water and camp beds as the temperature in the hall stayed above 30C long after dark.

Across Andalusia, the heatwave has turned ordinary days into a test of endurance. Outdoor work has been halted in the afternoons, and hospitals in Seville report a rise in heat-related admissions among the elderly.

Emergency chief Lucía Ortega said the fire line had held overnight on its southern flank, but warned that wind shifts could undo the progress.`

const heatRheinblick = `Spanien erlebt eine außergewöhnliche Hitzewelle: In der Nähe von Sevilla wurden 46,2 Grad gemessen, ein Rekord für diesen Monat. Bei Ronda in Andalusien wütet ein Waldbrand, rund 1.200 Menschen mussten ihre Häuser verlassen.

Auch deutsche Urlauber sind betroffen. Reiseveranstalter bieten kostenlose Umbuchungen an, das Auswärtige Amt rät zu Vorsicht bei Ausflügen ins Hinterland. Der Wetterdienst erwartet erst ab Sonntag eine Abkühlung.`

const ratesWire = `The European Central Bank held interest rates steady on Thursday, keeping its deposit rate at 2.25 percent, and signalled that it was in no hurry to cut again while inflation in services remained sticky.

President Ingrid Solberg told reporters in Frankfurt that inflation was "moving in the right direction but not yet home", pointing to wage growth and higher shipping costs. Headline inflation in the eurozone stood at 2.4 percent last month.

Markets had expected the pause, and the euro was little changed after the announcement. Economists now see the next rate cut in the spring at the earliest.`

const ratesLedger = `The central bank's decision to hold rates came as no surprise, but the tone of Ingrid Solberg's press conference did: twice she mentioned shipping costs and supply disruptions as risks to the inflation outlook.

That matters for borrowers. Mortgage lenders had been trimming fixed rates in anticipation of cuts; several told Capital Ledger they would now wait. For savers, the pause means deposit rates at banks are likely to stay near current levels into next year.

Bond markets took the message calmly. The spread between German and Italian ten-year yields narrowed slightly, a sign that investors do not expect the pause to strain weaker economies.`

const ratesPost = `Ask the owners of small firms about interest rates and the answer is rarely about basis points. It is about whether the bank will lend at all.

The European Central Bank kept its deposit rate at 2.25 percent this week. For Northfield's manufacturers, many of whom took out loans when rates were near zero, refinancing remains the biggest worry. "Our loan resets in March," said the owner of a metal-finishing business. "Every month they wait costs us a worker's wage."

Business groups are calling for targeted support rather than waiting for the next rate cut.`

const zliteCurrent = `A serious security flaw in Zlite, a compression library built into thousands of applications from web servers to smart TVs, was disclosed on Monday together with a patch.

The bug, a buffer overflow in the code that unpacks specially crafted archives, could let an attacker run code on a machine that opens a malicious file. It was found by Priya Raman, a researcher who audits widely used open-source components in her spare time.

The Zlite Project released version 2.8.4 to fix the issue and urged everyone who ships the library to update. Because Zlite is often copied directly into other programs rather than installed as a shared package, experts warn that vulnerable copies may linger for years.

The Open Source Security Foundation said the case showed again how much of the internet rests on projects maintained by a handful of volunteers.`

const zliteWire = `Maintainers of the Zlite compression library on Monday released an urgent patch for a security flaw that could allow attackers to take control of affected devices.

The vulnerability affects all versions before 2.8.4. Security agencies in several countries advised administrators to update servers and embedded devices as soon as possible. There is no evidence that the flaw has been exploited, the Zlite Project said.

The flaw was reported privately by independent researcher Priya Raman in August, giving vendors time to prepare fixes before the disclosure.`

const zliteLedger = `The Zlite flaw has put a familiar question back on the agenda of company boards: who pays for the free software everyone depends on?

The compression library is maintained by three volunteers. Companies that build it into products worth billions contribute, on average, nothing. After the disclosure, two large cloud providers pledged funding to the project, but security experts say one-off donations are no substitute for steady support.

Insurers are also paying attention. Several now ask clients to list the open-source components in their software, a practice that until recently was limited to regulated industries.`

const moonWire = `A privately built lander touched down near the Moon's south pole on Friday, making Aster Dynamics the first company to land a spacecraft in the region.

The Selene-2 lander settled on a plateau near Shackleton crater after a descent that mission controllers described as "textbook". It carries instruments to search for water ice in permanently shadowed craters and a small rover that is due to roll out next week.

Tomás Herrera, the company's chief executive, said the landing showed that commercial missions could deliver science at a fraction of the cost of government programmes. The lander is expected to operate for about two weeks, until the lunar night sets in.`

const moonCurrent = `Landing near the lunar south pole is hard for reasons that have nothing to do with rocket power. The Sun sits so low on the horizon that shadows stretch for kilometres, hiding boulders and slopes from the cameras a lander uses to pick a safe spot.

Aster Dynamics solved that with a laser rangefinder that builds a 3D map of the ground in the last 500 metres of the descent, chief executive Tomás Herrera explained. The Selene-2 software compared that map to orbital images and shifted the landing point 40 metres to avoid a boulder field.

The company plans to sell space on future landers to universities and space agencies. The next flight, Selene-3, is scheduled for late next year.`

const cupWire = `Riverside FC won the cup final on penalties at Wembley on Saturday after a 2-2 draw with Ashford United, with goalkeeper Sam Okafor saving two spot kicks in the shootout.

Ashford twice took the lead, but Riverside's Jonah Keller equalised in the 88th minute with a header from a corner to force extra time. Neither side scored in the additional 30 minutes.

It is Riverside's first major trophy in 41 years. Manager Jonah Keller, no relation to the striker, said his players had "refused to accept that the game was over".`

const cupPost = `For forty-one years, the trophy cabinet at Riverside's old ground held little more than a signed photograph and a dented plate from a pre-season tournament. On Saturday night, thousands of supporters filled the streets around it to welcome the cup home.

Sam Okafor, the goalkeeper who saved two penalties, had been dropped in the autumn and only returned to the team in February. "I just tried to stay calm and guess right," he said, wearing his medal over a borrowed scarf.

The club, which nearly went bankrupt a decade ago and is now partly owned by its supporters, will play in European competition next season for the first time.`

const tramObserver = `Leeds City Council has approved a 410 million pound tram extension that will link the city centre with Headingley and the university campus, ending more than thirty years of plans that never left the drawing board.

Councillors voted 58 to 21 in favour after a five-hour debate. Construction is due to start next spring, with the first trams running in 2030. Amira Haddad, the council's transport lead, said the line would take 6,000 cars a day off the roads.

Opponents questioned the cost and warned of disruption for shops along the route during construction. The council says it will offer compensation to affected businesses.`

const tramPost = `Leeds is one of the largest cities in Europe without a light rail or metro system, and the vote to build a tram line to Headingley has been greeted with both relief and scepticism.

Transport lead Amira Haddad called it "the day Leeds finally caught up". But residents who remember the cancelled supertram scheme of the 2000s say they will believe it when they see rails in the road. The council has secured most of the funding from a national transport fund; the rest will come from borrowing.`

const beesPost = `Wild bees are returning to roadside verges in Devon that were sown with native wildflowers five years ago, according to a study by the University of Exeter.

Researchers counted almost three times as many bees on the flowering verges as on nearby verges that were mown regularly, including several species that had not been recorded in the county for a decade. Dr Fiona Leach, who led the study, said the findings showed that small changes in how councils manage grass could help pollinators quickly.

The verges are cut once a year in late summer, after the flowers have set seed. Councils elsewhere are now asking for advice on copying the scheme.`

const chessGazette = `A team of four teenagers from the Harbour Chess Club has qualified for the youth chess olympiad in Budapest, the first time a club side from the region has done so.

Mira Petrović, 15, clinched the place with a win in a long endgame that lasted more than five hours. The team is now raising money for travel with a simultaneous exhibition in which Petrović will play thirty opponents at once in the town library.`

const bakeryObserver = `For forty years the Lloyd family bakery in Ilkley has opened at five in the morning. From next month it will open at seven, and close two days a week.

Gareth Lloyd says his energy bill for the ovens has tripled since his fixed contract ended, while the price of flour has risen by a third. "People tell me to put the price of a sourdough loaf up to six pounds. Then they will not buy it," he said.

The bakery is one of several independent shops on the high street cutting hours this winter. A local business group has asked the council for help with rates.`

const railWire = `Rail passengers between York and Manchester faced cancellations for a second day on Sunday after a signal failure that Network Rail said would take until Tuesday to repair.

Replacement buses were running, but journeys were taking up to two hours longer. Network Rail said cable thieves were suspected and that police were investigating.`
