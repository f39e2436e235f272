package entity

import "strings"

// The word lists below are written by hand from general knowledge; they are
// read-only after package initialization. Multi-word entries are matched as
// whole spans.

func set(lists ...string) map[string]bool {
	m := make(map[string]bool, 512)
	for _, l := range lists {
		for _, line := range strings.Split(l, ",") {
			if s := strings.TrimSpace(line); s != "" {
				m[s] = true
			}
		}
	}
	return m
}

// places: countries, US states, regions and major cities, and the names
// other languages' news gives the best known of them.
var places = set(countries, usStates, regions, cities, exonyms)

const countries = `Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria,
Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia,
Bosnia, Bosnia and Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia,
Cameroon, Canada, Chad, Chile, China, Colombia, Congo, Costa Rica, Croatia, Cuba, Cyprus, Czech Republic,
Czechia, Denmark, Djibouti, Dominican Republic, Ecuador, Egypt, El Salvador, Eritrea, Estonia, Eswatini,
Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Greenland, Guatemala,
Guinea, Guyana, Haiti, Honduras, Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland,
Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kosovo, Kuwait, Kyrgyzstan, Laos,
Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Macau, Madagascar,
Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco, Mongolia,
Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nepal, Netherlands, Holland, New Zealand,
Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway, Oman, Pakistan, Palestine,
Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda,
Saudi Arabia, Senegal, Serbia, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia, South Africa,
South Korea, Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan,
Tajikistan, Tanzania, Thailand, Togo, Trinidad, Tunisia, Turkey, Turkiye, Turkmenistan, Uganda, Ukraine,
United Arab Emirates, UAE, United Kingdom, UK, U.K, Britain, Great Britain, England, Scotland, Wales,
Northern Ireland, United States, US, U.S, USA, America, Uruguay, Uzbekistan, Venezuela, Vietnam, Yemen,
Zambia, Zimbabwe, Gaza, West Bank, Crimea, Tibet, Puerto Rico`

const usStates = `Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida,
Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts,
Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey,
New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island,
South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington, West Virginia,
Wisconsin, Wyoming, N.C, S.C, N.J, N.H, N.M, N.D, S.D, R.I`

const regions = `Africa, Asia, Europe, North America, South America, Latin America, Central America,
Antarctica, Arctic, Oceania, Middle East, Mideast, Near East, Far East, Southeast Asia, South Asia,
East Asia, Central Asia, Eastern Europe, Western Europe, Balkans, Caribbean, Scandinavia, Sahel,
Pacific, Atlantic, Mediterranean, Baltic, Black Sea, Red Sea, South China Sea, Persian Gulf, Gulf,
Siberia, Kashmir, Donbas, Kurdistan, Silicon Valley, Wall Street, Midwest, New England, Bavaria,
Catalonia, Quebec, Ontario, British Columbia, Alberta, Queensland, Punjab, Bengal, Xinjiang, Guangdong`

const cities = `Abu Dhabi, Accra, Addis Ababa, Amsterdam, Ankara, Athens, Atlanta, Auckland, Baghdad,
Baltimore, Bangkok, Barcelona, Beijing, Beirut, Belgrade, Berlin, Bern, Bogota, Bombay, Boston,
Brasilia, Brussels, Bucharest, Budapest, Buenos Aires, Cairo, Calcutta, Canberra, Cape Town, Caracas,
Chicago, Copenhagen, Dallas, Damascus, Delhi, New Delhi, Denver, Detroit, Dhaka, Doha, Dubai, Dublin,
Edinburgh, Frankfurt, Geneva, Glasgow, Guangzhou, Hamburg, Hanoi, Havana, Helsinki, Ho Chi Minh City,
Houston, Islamabad, Istanbul, Jakarta, Jerusalem, Johannesburg, Kabul, Karachi, Kathmandu, Khartoum,
Kiev, Kyiv, Kinshasa, Kolkata, Kuala Lumpur, Lagos, Lahore, Las Vegas, Lima, Lisbon, Liverpool,
London, Los Angeles, Luxembourg, Lyon, Madrid, Manchester, Manila, Marseille, Melbourne, Mexico City,
Miami, Milan, Minsk, Montreal, Moscow, Mumbai, Munich, Nairobi, Naples, New Orleans, Nice, Osaka,
Oslo, Ottawa, Paris, Perth, Philadelphia, Phoenix, Prague, Pyongyang, Quito, Rabat, Riga, Rio de Janeiro,
Riyadh, Rome, Rotterdam, San Diego, San Francisco, Santiago, Sao Paulo, Seattle, Seoul, Shanghai,
Shenzhen, St Petersburg, Stockholm, Sydney, Taipei, Tallinn, Tehran, Tel Aviv, Tokyo, Toronto,
Tripoli, Tunis, Vancouver, Venice, Vienna, Vilnius, Warsaw, Washington DC, Wellington, Wuhan, Zagreb,
Zurich, Kharkiv, Odesa, Odessa, Mariupol, Davos, Brooklyn, Manhattan, Hollywood, Oxford, Cambridge,
Birmingham, Leeds, Belfast, Cardiff, Osaka, Kyoto, Hiroshima, Fukushima, Mecca, Medina, Kandahar,
Mosul, Aleppo, Rafah, Gaza City, L.A, D.C, DC, NYC, N.Y, CA, Calif, Hebron, Ramallah, Haifa, Basra, Benghazi, Sanaa, Aden, Lhasa, Macao,
York, Bristol, Sheffield, Newcastle, Nottingham, Leicester, Southampton, Aberdeen, Portsmouth, Brighton,
Coventry, Dundee, Swansea, Plymouth, Norwich, Exeter, Galway, Limerick, Portland, Minneapolis,
Pittsburgh, Cincinnati, Nashville, Sacramento, San Jose, Tampa, St Louis, Kansas City, Salt Lake City,
Honolulu, Anchorage, Memphis, Milwaukee, Indianapolis, Oakland, San Antonio, Fort Worth, El Paso,
Tucson, Albuquerque, Omaha, Louisville, Baton Rouge, Jacksonville, Chennai, Bangalore, Bengaluru,
Hyderabad, Pune, Ahmedabad, Chengdu, Chongqing, Tianjin, Nanjing, Hangzhou, Busan, Incheon, Yangon,
Phnom Penh, Colombo, Kaohsiung, Sapporo, Nagoya, Yokohama, Fukuoka, Okinawa, Surabaya, Bali, Cebu,
Peshawar, Quetta, Rawalpindi, Herat, Tashkent, Almaty, Astana, Bishkek, Dushanbe, Ashgabat, Baku,
Tbilisi, Yerevan, Ulaanbaatar, Dakar, Abuja, Kampala, Kigali, Mogadishu, Harare, Lusaka, Luanda,
Durban, Pretoria, Maputo, Dar es Salaam, Mombasa, Juba, Bamako, Niamey, Ouagadougou, Algiers,
Casablanca, Marrakesh, Goma, Bangui, Freetown, Monrovia, Abidjan, Medellin, Guadalajara, Monterrey,
Tijuana, Montevideo, Asuncion, La Paz, Panama City, San Juan, Guatemala City, San Salvador,
Tegucigalpa, Managua, Port-au-Prince, Santo Domingo, Cartagena, Valparaiso, Recife, Manaus,
Porto Alegre, Belo Horizonte, Brisbane, Christchurch, Suva, Port Moresby, Malaga, Ibiza, Tenerife,
Cannes, Calais, Dunkirk, Grenoble, Montpellier, Rennes, Lausanne, Basel, Salzburg, Innsbruck, Graz,
Bratislava, Ljubljana, Sarajevo, Skopje, Tirana, Podgorica, Pristina, Chisinau, Sofia, Thessaloniki,
Nicosia, Valletta, Reykjavik, Aarhus, Malmo, Lviv, Dnipro, Zaporizhzhia, Kherson, Donetsk, Luhansk,
Bakhmut, Sevastopol, Belgorod, Kursk, Rostov, Volgograd, Kazan, Novosibirsk, Yekaterinburg,
Vladivostok, Kaliningrad, Wroclaw, Poznan, Brno, Cluj, Izmir, Antalya, Gaziantep, Diyarbakir`

// exonyms are French, German, Spanish, Italian, Portuguese and Dutch names
// of countries and cities named often in the news, where they differ from
// the English, and more European cities and regions.
const exonyms = `Allemagne, Deutschland, Alemania, Germania, Alemanha, Duitsland, Frankreich, Francia, França,
Frankrijk, Espagne, Spanien, España, Espanha, Spanje, Italie, Italien, Italia, Italië, Royaume-Uni,
Großbritannien, Reino Unido, Regno Unito, Grande-Bretagne, Angleterre, États-Unis, Etats-Unis,
Vereinigte Staaten, Estados Unidos, Stati Uniti, Verenigde Staten, Chine, Cina, Russie, Russland, Rusia,
Rússia, Rusland, Ucrania, Ucraina, Ucrânia, Oekraïne, Japon, Japón, Giappone, Japão, Grèce,
Griechenland, Grecia, Grécia, Griekenland, Suisse, Schweiz, Suiza, Svizzera, Suíça, Zwitserland,
Autriche, Österreich, Austria, Belgique, Belgien, Bélgica, Belgio, België, Pays-Bas, Niederlande,
Países Bajos, Paesi Bassi, Pologne, Polen, Polonia, Polónia, Turquie, Türkei, Turquía, Turchia,
Égypte, Ägypten, Egipto, Egitto, Israël, Irak, Irán, Syrie, Syrien, Siria, Liban, Libanon, Líbano,
Mexique, Mexiko, México, Messico, Brésil, Brasilien, Brasil, Inde, Indien, Europa, Afrique, Afrika,
África, Asie, Asien, Londres, Londra, Bruxelles, Brüssel, Bruselas, Bruxelas, Genève, Genf, Ginebra,
Ginevra, Moscou, Moskau, Moscú, Mosca, Pékin, Peking, Pekín, Pechino, Pequim, Varsovie, Warschau,
Varsovia, Varsavia, Lisbonne, Lissabon, Lisboa, Wien, Vienne, Viena, Rom, Roma, Mailand, Milano,
München, Köln, Den Haag, La Haye, Prag, Praga, Athènes, Athen, Atenas, Atene, Kiew, Kiev, Kyjiw,
Washington, Nueva York, New York, Nouvelle-Orléans, Le Caire, Kairo, El Cairo, Il Cairo, Stuttgart,
Cologne, Düsseldorf, Leipzig, Dresden, Hanover, Hannover, Nuremberg, Nürnberg, Bremen, Bonn, Seville,
Sevilla, Valencia, Bilbao, Málaga, Porto, Turin, Torino, Florenz, Firenze, Bologna, Genoa, Genova,
Toulouse, Bordeaux, Strasbourg, Straßburg, Lille, Nantes, Antwerp, Antwerpen, Anvers, Utrecht, The Hague,
Gothenburg, Kraków, Krakau, Gdańsk, Danzig, Andalusia, Andalusien, Andalucía, Andalousie, Bayern,
Bavière, Baviera, Sachsen, Saxony, Toscana, Tuscany, Lombardy, Lombardei, Lombardia, Sicily, Sizilien,
Sicilia, Sardinia, Corsica, Korsika, Provence, Normandy, Normandie, Brittany, Bretagne, Flanders,
Flandern, Wallonia, Galicia, Basque Country, Baskenland, Tyrol, Tirol`

// orgs are well-known organisations whose names carry no suffix cue.
var orgs = set(`Reuters, Bloomberg, Associated Press, AFP, Xinhua, BBC, CNN, NBC, CBS, ABC, Fox News,
Google, Apple, Microsoft, Amazon, Facebook, Meta, Twitter, Tesla, Nvidia, Intel, IBM, Samsung, Sony,
Toyota, Boeing, Airbus, Huawei, Alibaba, Tencent, Netflix, OpenAI, Walmart, Uber, Nokia, Siemens,
Volkswagen, Pentagon, Kremlin, White House, Downing Street, Congress, Senate, Parliament, Bundestag,
Hamas, Hezbollah, Taliban, Nato, Interpol, Europol, Fed, Federal Reserve, European Union, United Nations,
Security Council, World Bank, Wikipedia, YouTube, Instagram, TikTok, WhatsApp, LinkedIn, Yahoo, eBay,
Labour, Conservatives, Tories, Democrats, Republicans, Vatican, Scotland Yard, Treasury, Nasdaq,
Sheffield Wednesday`)

// orgSuffixes end organisation names ("Brookings Institution").
var orgSuffixes = set(`Institution, Institute, Inc, Corp, Corporation, Co, Company, Ltd, LLC, Plc, PLC, AG, SA,
GmbH, Group, Holdings, Ministry, Bank, University, College, School, Academy, Party, Agency, Council,
Commission, Committee, Department, Office, Court, Fund, Board, Union, Organization, Organisation,
Federation, League, Club, FC, Association, Foundation, Society, Trust, Airlines, Airways, Motors,
Technologies, Technology, Systems, Industries, Partners, Capital, Securities, Times, Post, News, Journal,
Network, Service, Services, Authority, Administration, Reserve, Congress, Senate, Parliament, Assembly,
Police, Army, Navy, Force, Forces, Guard, Museum, Hospital, Church, Center, Centre, Exchange, Energy,
Pharmaceuticals, Labs, Media, Studios, Records, Rare-Earth, Telegraph, Tribune, Gazette, Herald,
Review, Magazine, Press, Bureau, Team, Command, Coalition, Alliance, Front, Movement, Brigade,
Cabinet, Government, Tribunal, Directorate, Secretariat, Conference, Forum, Coalition, Initiative,
Dynamics, Aerospace, Robotics, Therapeutics, United, Athletic, Rovers, Wanderers, Rail, Railway,
Railways, Railroad, Telecom, Communications, Electric, Petroleum, Insurance, Broadcasting, Water, Oil, Gas,
Project, Brothers`)

// weakOrgSuffixes end organisations' names ("Thames Water", "Network Rail")
// and now and then a person's ("Deborah Water"): after a given name, a
// person's.
var weakOrgSuffixes = set(`Water, Oil, Gas, Rail, Project, Electric`)

// orgHeads start organisation names ("Ministry of Commerce").
var orgHeads = set(`Ministry, Department, Bank, University, Office, Institute, Council, Commission,
Committee, Federation, Board, Church, Museum, House, Court, Chamber, Academy, Association`)
