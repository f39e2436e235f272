package keyphrase

import "strings"

// common lists frequent English content words that are seldom what a news
// article is about on their own. It stands in for document frequencies
// until the caller has seen enough articles to know better. Written by
// hand from general knowledge of English; no corpus was copied.
var common = func() map[string]bool {
	m := make(map[string]bool, 700)
	for _, w := range strings.Fields(commonWords) {
		m[w] = true
	}
	return m
}()

const commonWords = `able accept across act action actually add address admit affect afternoon age agree ahead
air allow almost amount announce announced answer anyone appear approach area argue arm around arrive
article ask attack attempt attention available avoid aware bad base basis bear beat begin began begun
behind believe benefit best better big bit black blue body book born bring brought build built business
buy call called calls came campaign cannot car care carry case cause center central centre certain
chance change changes charge check child children choice choose city claim clear close closed cold
come comment comments common company concern condition consider continue control cost could country
couple course court cover create current cut data deal death decade decide decision deep degree
describe despite detail develop development die difference different difficult direction director
discuss do door doubt down draw dream drive drop during early easy economic effect effort either
else end enjoy enough enter entire especially even evening event events ever evidence exactly example
expect experience explain face fact fail fall family far fast father fear feel feeling felt field
fight figure fill final finally find fine finish fire firm focus follow following food force forward
found free friday friend front full fund future game general get girl give given global go good great
green ground group grow growth guy half hand handle hang happen happy hard head health hear heard heart
help high hit hold home hope hour hours house huge human idea image impact important include including
increase indeed information inside instead interest involve issue issues job join keep key kid kind
knew know known lack large late later latest lead leader learn least leave led left less level life
light likely line list listen little live local long look looking lose loss lost love low main major
majority man manage management manager market matter mean meaning measure media meet meeting member
members message middle might million billion mind minute miss moment monday money morning mother move
movement much music must name national near nearly need needs network never news next nice night none
normal note nothing notice number offer office official officials often old open operation opportunity
order organization others outside own page paper part particular particularly party pass past pay
peace per person personal phone pick picture piece place plan play player please point police policy
political poor popular position possible power practice prepare present president press pressure
pretty prevent price private probably problem process produce product program programme project
provide public pull push question quickly quite race raise range rate rather reach read ready real
reality realize really reason receive recent recently record red reduce region release remain remember
report reported reports research resource response rest result results return reveal right rise risk
road role room rule run running safe saturday save school science season seat second secretary section
security seek sell send sense series serious serve service set several share short show side sign
significant similar simple simply since single sit site situation size small social society someone
something sometimes son soon sort sound source space speak special spend staff stage stand standard
start started state statement states stay step stop story street strong student study stuff subject
success successful suggest summer sunday support sure system table talk task team tell term test
thank thanks though thought thursday total tough toward town trade train tree trial true try trying
tuesday turn type understand unit until use used usual value various version view visit voice vote
wait walk wall watch water wednesday week weekend well whatever white whole wide wife win wish within
woman women word work worker working world worry write writer written wrong year young youth`
