package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// Synthetic stores about n generated articles for benchmarks: n/200 sources
// and stories of one to eight articles each over the 30 days before now,
// about a third of them exact copies of the story's first article under new
// headlines, with hashtags, entities, summaries and related articles. The
// text is word salad from a fixed vocabulary, deterministic for a seed, so
// that search and the pages see realistic sizes and overlaps. progress, when
// not nil, is called after each batch with the articles stored so far.
func Synthetic(ctx context.Context, st Store, n int, seed uint64, now time.Time, progress func(done int)) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	now = now.UTC().Truncate(time.Second)
	nsrc := max(8, n/200)
	srcIDs := make([]int64, nsrc)
	for i := range srcIDs {
		src := &tidings.Source{
			FeedURL:  fmt.Sprintf("https://news%d.example/feed.xml", i),
			SiteURL:  fmt.Sprintf("https://news%d.example", i),
			Title:    fmt.Sprintf("The %s %s", cities[i%len(cities)], papers[(i/len(cities))%len(papers)]),
			Folder:   folders[i%len(folders)],
			FullText: tidings.FullTextAuto,
		}
		if err := st.CreateSource(ctx, src); err != nil {
			return fmt.Errorf("demo: synthetic source %d: %w", i, err)
		}
		srcIDs[i] = src.ID
	}

	type synth struct {
		a     *tidings.Article
		story int // index into stories
	}
	type synthStory struct {
		tags     []string
		entities []tidings.Entity
		first    *tidings.Article
	}
	var (
		all     []synth
		stories []*synthStory
	)
	for len(all) < n {
		s := &synthStory{}
		for range 2 + r.IntN(2) {
			s.tags = append(s.tags, tagPool[r.IntN(len(tagPool))])
		}
		s.entities = []tidings.Entity{person(names[r.IntN(len(names))]), place(cities[r.IntN(len(cities))])}
		topic := make([]string, 6)
		for i := range topic {
			topic[i] = vocabulary[r.IntN(len(vocabulary))]
		}
		start := now.Add(-time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))
		wire := words(r, topic, 90+r.IntN(120))
		k := 1 + r.IntN(8)
		for j := 0; j < k && len(all) < n; j++ {
			text := wire
			if j > 0 && r.IntN(3) != 0 {
				text = words(r, topic, 80+r.IntN(150)) // an outlet's own take
			}
			title := headline(r, topic)
			url := fmt.Sprintf("https://news%d.example/%d/%d", r.IntN(nsrc), len(stories), j)
			a := &tidings.Article{
				SourceID:    srcIDs[r.IntN(nsrc)],
				GUID:        url,
				URL:         url,
				Title:       title,
				PublishedAt: start.Add(time.Duration(j) * time.Duration(r.Int64N(int64(2*time.Hour)))),
				HTML:        "<p>" + strings.ReplaceAll(text, "\n\n", "</p><p>") + "</p>",
				Text:        text,
				Language:    "en",
				ContentHash: contentHash(text),
			}
			if a.PublishedAt.After(now) {
				a.PublishedAt = now
			}
			all = append(all, synth{a: a, story: len(stories)})
		}
		stories = append(stories, s)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].a.PublishedAt.Before(all[j].a.PublishedAt) })

	const batch = 1000
	fs := tidings.FetchState{LastFetchedAt: now, NextFetchAt: now.Add(time.Hour), LastStatus: 200}
	var canon []int64 // canonical article IDs so far, for related articles
	for lo := 0; lo < len(all); lo += batch {
		part := all[lo:min(lo+batch, len(all))]
		bySource := make(map[int64][]*tidings.Article)
		var order []int64
		for _, x := range part {
			if _, ok := bySource[x.a.SourceID]; !ok {
				order = append(order, x.a.SourceID)
			}
			bySource[x.a.SourceID] = append(bySource[x.a.SourceID], x.a)
		}
		for _, id := range order {
			if _, err := st.SaveRefresh(ctx, id, fs, bySource[id]); err != nil {
				return fmt.Errorf("demo: synthetic refresh: %w", err)
			}
		}
		arts := make([]*tidings.Article, 0, len(part))
		touched := make(map[int]bool)
		for _, x := range part {
			s := stories[x.story]
			if s.first == nil {
				s.first = x.a
			}
			a := x.a
			a.StoryID = s.first.ID
			a.Intel = tidings.Intel{
				Summary:    lead(a.Text, 1),
				Keyphrases: s.tags,
				Hashtags:   s.tags,
				Entities:   s.entities,
			}
			for range 3 {
				if len(canon) > 0 {
					a.Related = append(a.Related, canon[r.IntN(len(canon))])
				}
			}
			if a.DuplicateOf == 0 && a.ID != 0 {
				canon = append(canon, a.ID)
			}
			arts = append(arts, a)
			touched[x.story] = true
		}
		var ss []*tidings.Story
		for i := range touched {
			s := stories[i]
			ss = append(ss, &tidings.Story{ID: s.first.ID, HeadlineArticleID: s.first.ID, FirstSeen: s.first.PublishedAt,
				LastSeen: s.first.PublishedAt, Hashtags: s.tags, Entities: s.entities})
		}
		if err := st.SaveAnalysis(ctx, arts, ss); err != nil {
			return fmt.Errorf("demo: synthetic analysis: %w", err)
		}
		if progress != nil {
			progress(lo + len(part))
		}
	}
	return nil
}

// words returns about n words of text about the topic, in paragraphs.
func words(r *rand.Rand, topic []string, n int) string {
	var b strings.Builder
	sentence := 0
	for i := 0; i < n; i++ {
		w := vocabulary[r.IntN(len(vocabulary))]
		if r.IntN(5) == 0 {
			w = topic[r.IntN(len(topic))]
		}
		switch {
		case sentence == 0:
			w = strings.ToUpper(w[:1]) + w[1:]
		default:
			b.WriteByte(' ')
		}
		b.WriteString(w)
		sentence++
		if sentence > 8 && r.IntN(6) == 0 {
			b.WriteString(".")
			sentence = 0
			if r.IntN(4) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return strings.TrimSpace(b.String()) + "."
}

func headline(r *rand.Rand, topic []string) string {
	h := topic[0] + " " + verbs[r.IntN(len(verbs))] + " " + topic[1] + " in " + cities[r.IntN(len(cities))]
	return strings.ToUpper(h[:1]) + h[1:]
}

var (
	cities  = []string{"Harbour", "Northfield", "Valley", "Eastport", "Kingsbridge", "Millbrook", "Ashford", "Riverside", "Westmoor", "Lakeview", "Stonegate", "Fairhaven", "Oakdale", "Brightwater", "Cresthill", "Marlow"}
	papers  = []string{"Gazette", "Post", "Herald", "Observer", "Courier", "Ledger", "Chronicle", "Times", "Tribune", "Examiner", "Record", "Journal", "Mercury", "Standard", "Echo", "Dispatch", "Bulletin", "Star", "Sentinel", "Argus", "Clarion", "Beacon", "Messenger", "Review", "Advertiser", "Guardian", "Express", "News", "Register", "Telegraph", "Voice", "Monitor"}
	folders = []string{"National", "Regional", "Business", "Technology", "World", "Sport"}
	names   = []string{"Helena Marsh", "Wen Liqiang", "Maarten de Vries", "Lucía Ortega", "Ingrid Solberg", "Priya Raman", "Tomás Herrera", "Sam Okafor", "Amira Haddad", "Fiona Leach", "Gareth Lloyd", "Nadia Brennan", "Owen Tully", "Jana Weber"}
	verbs   = []string{"lifts", "cuts", "warns on", "backs", "blocks", "delays", "approves", "rejects", "reshapes", "expands", "questions", "targets"}
	tagPool = func() []string {
		base := []string{"Trade", "Energy", "Climate", "Health", "Elections", "Transport", "Housing", "Football", "Space", "Security", "Markets", "Farming", "Schools", "Courts", "Tourism", "Water", "Science", "Jobs", "Banks", "Tech"}
		var out []string
		for _, a := range base {
			out = append(out, a)
			for _, b := range []string{"Policy", "Crisis", "Report", "Deal", "Strike", "Reform", "Watch", "Outlook", "Vote"} {
				out = append(out, a+b)
			}
		}
		return out
	}()
	vocabulary = strings.Fields(`government council minister budget tax plan vote election party leader
		report study data figures growth inflation prices rates bank market shares investors company firm
		workers union strike wages jobs factory port shipping supply chain export import tariff deal talks
		summit agreement court ruling judge law police investigation fire flood storm heat drought rain
		energy power grid gas oil solar wind nuclear climate emissions carbon water river coast farm crops
		school teachers students university research hospital doctors patients health vaccine disease
		city town village residents homes housing rent transport rail train bus tram road airport flights
		team match season coach player goal final league cup fans stadium club record title
		software security flaw patch data privacy network internet phone chip startup platform users
		space rocket launch mission lander moon satellite orbit telescope scientists discovery species
		museum festival film music artist book award theatre culture history heritage church community
		week month year today yesterday morning evening night spring summer autumn winter decade
		said says told added warned expects announced confirmed denied agreed rejected approved proposed
		new old major minor first last next former local national regional global public private
		more less most many several few some every other same different higher lower early late
		because while after before during since until although however also still already only`)
)
