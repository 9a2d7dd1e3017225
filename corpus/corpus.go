// Package corpus generates synthetic news articles in actorgraph's domain,
// for benchmarks: strikes, attacks, talks, truces, withdrawals, deployments
// and roles, told about the actors, people and places of the embedded
// gazetteer, with varied names, dates and numbers. The output is
// deterministic for a seed, so a run at 10k or 100k articles can be
// repeated anywhere without outside data.
//
// It imports data and the standard library; it never imports extract or
// graph, so the text it writes is not shaped by what the extractor reads.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/data"
)

// Article is one generated article, as a JSON Lines record that
// actorgraph's readers accept.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"` // YYYY-MM-DD
}

// Generate writes n articles as JSON Lines to w. The same seed and n give
// the same bytes (for the same embedded gazetteer).
func Generate(seed int64, n int, w io.Writer) error {
	p, err := loadPools(data.FS)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	g := &generator{p: p, r: rand.New(rand.NewPCG(uint64(seed), 0x5eed_ac70_9a4f))}
	for i := range n {
		a := g.article(fmt.Sprintf("gen-%d-%07d", seed, i))
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("generate article %d: %w", i, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return nil
}

// entry is one gazetteer line reduced to what the templates use.
type entry struct {
	id, typ, name string
	role, in      string
	demonym       string
	places        bool // a city or governorate, good for a dateline
}

type pools struct {
	groups, coalitions, countries, theatre, people, bodies, media, cities, facilities []entry
}

// loadPools reads the gazetteer files (format in data/gazetteer/FORMAT.md)
// in lexical order, so that the pools, and hence the output, are stable.
func loadPools(fsys fs.FS) (*pools, error) {
	files, err := fs.Glob(fsys, "gazetteer/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	sort.Strings(files)
	p := &pools{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimRight(line, "\r")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) != 5 {
				continue
			}
			e := entry{id: cols[0], typ: cols[1], name: cols[2]}
			for _, kv := range strings.Split(cols[4], "; ") {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "role":
					if i := strings.Index(v, " ("); i >= 0 {
						v = v[:i]
					}
					e.role = v
				case "in":
					e.in, _, _ = strings.Cut(v, "|")
				case "demonym":
					e.demonym, _, _ = strings.Cut(v, "|")
				}
			}
			switch e.typ {
			case "ArmedGroup":
				p.groups = append(p.groups, e)
			case "Coalition":
				p.coalitions = append(p.coalitions, e)
			case "Country":
				p.countries = append(p.countries, e)
			case "Person":
				if e.role != "" {
					p.people = append(p.people, e)
				}
			case "GovernmentBody":
				p.bodies = append(p.bodies, e)
			case "MediaOutlet":
				p.media = append(p.media, e)
			case "Location":
				// Entries inside a country (not regions of the world) make
				// plausible datelines and places of events.
				if e.in != "" && !strings.Contains(e.in, "middle-east") && !strings.Contains(e.in, "africa") && !strings.Contains(e.in, "asia") && !strings.Contains(e.in, "europe") {
					e.places = true
					p.cities = append(p.cities, e)
				}
			case "Facility":
				p.facilities = append(p.facilities, e)
			}
		}
	}
	theatre := map[string]bool{"iraq": true, "iran": true, "syria": true, "lebanon": true, "israel": true, "united-states": true,
		"yemen": true, "saudi-arabia": true, "turkey": true, "russia": true, "jordan": true, "qatar": true, "united-kingdom": true, "france": true}
	for _, c := range p.countries {
		if theatre[c.id] {
			p.theatre = append(p.theatre, c)
		}
	}
	for name, pool := range map[string][]entry{"armed groups": p.groups, "countries": p.theatre, "people": p.people,
		"cities": p.cities, "facilities": p.facilities, "media": p.media, "coalitions": p.coalitions, "government bodies": p.bodies} {
		if len(pool) == 0 {
			return nil, fmt.Errorf("corpus: the gazetteer has no %s", name)
		}
	}
	return p, nil
}

type generator struct {
	p *pools
	r *rand.Rand
}

func (g *generator) pick(es []entry) entry { return es[g.r.IntN(len(es))] }

func (g *generator) oneOf(ss ...string) string { return ss[g.r.IntN(len(ss))] }

// country draws mostly from the theatre's states, sometimes from all.
func (g *generator) country() entry {
	if g.r.IntN(10) < 8 {
		return g.pick(g.p.theatre)
	}
	return g.pick(g.p.countries)
}

// cast is who and where one article is about; sentences draw from it, so
// the actors recur across the article as they do in real reports.
type cast struct {
	g1, g2, k1, c1, c2, p1, p2, b1, m1, l1, f1 entry
	newPerson, newGroup                        string
	pub                                        time.Time
}

func (g *generator) newCast(pub time.Time) *cast {
	c := &cast{pub: pub}
	c.g1, c.g2 = g.pick(g.p.groups), g.pick(g.p.groups)
	for c.g2.id == c.g1.id {
		c.g2 = g.pick(g.p.groups)
	}
	c.c1, c.c2 = g.country(), g.country()
	for c.c2.id == c.c1.id {
		c.c2 = g.country()
	}
	c.k1 = g.pick(g.p.coalitions)
	c.p1, c.p2 = g.pick(g.p.people), g.pick(g.p.people)
	c.b1, c.m1 = g.pick(g.p.bodies), g.pick(g.p.media)
	c.l1, c.f1 = g.pick(g.p.cities), g.pick(g.p.facilities)
	c.newPerson = g.personName()
	c.newGroup = g.groupName()
	return c
}

// Invented names: unknown actors are common in the news, and the
// extractor must cope with names outside its gazetteer.
var (
	givenNames  = []string{"Hamid", "Karim", "Yasser", "Falah", "Mahdi", "Abbas", "Haidar", "Samir", "Nabil", "Tariq", "Qais", "Jawad", "Riyad", "Salim", "Bashir", "Munir", "Adnan", "Ziad", "Walid", "Hussein"}
	familyNames = []string{"al-Tamimi", "al-Jubouri", "al-Saadi", "Khazali", "al-Obeidi", "al-Maliki", "Hamdani", "al-Rubaie", "al-Zaidi", "Shammari", "al-Kaabi", "al-Amiri", "Daraji", "al-Issawi", "al-Hakim", "Mousawi"}
	groupHeads  = []string{"Brigades", "Companies", "Battalions", "Front", "Movement", "Guardians"}
	groupTails  = []string{"of the Righteous", "of the Martyrs", "of Dawn", "of the Two Rivers", "of the Promise", "of Victory", "of the Valley", "of the Banner"}
	ranks       = []string{"Colonel", "Brigadier General", "Major", "Lieutenant Colonel", "Captain", "General"}
	weapons     = []string{"drones", "rockets", "ballistic missiles", "artillery", "mortar rounds", "one-way attack drones", "cruise missiles", "rocket-propelled grenades"}
	units       = []string{"soldiers", "troops", "fighters", "advisers", "personnel", "marines"}
	numberWords = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	weekdays    = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthsAP    = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
)

func (g *generator) personName() string {
	return givenNames[g.r.IntN(len(givenNames))] + " " + familyNames[g.r.IntN(len(familyNames))]
}

func (g *generator) groupName() string {
	return groupHeads[g.r.IntN(len(groupHeads))] + " " + groupTails[g.r.IntN(len(groupTails))]
}

// count is a casualty figure, as words when small, digits otherwise.
func (g *generator) count() string {
	n := 2 + g.r.IntN(40)
	if n-2 < len(numberWords) && g.r.IntN(2) == 0 {
		return numberWords[n-2]
	}
	return strconv.Itoa(n)
}

// troops is a deployment size with a thousands separator.
func (g *generator) troops() string {
	n := (2 + g.r.IntN(60)) * 100
	if n >= 1000 {
		return fmt.Sprintf("%d,%03d", n/1000, n%1000)
	}
	return strconv.Itoa(n)
}

// when is a date expression relative to, or absolute near, pub.
func (g *generator) when(pub time.Time) string {
	d := pub.AddDate(0, 0, -g.r.IntN(9))
	switch g.r.IntN(6) {
	case 0, 1:
		return "on " + weekdays[d.Weekday()]
	case 2:
		return fmt.Sprintf("on %s %d", monthsAP[d.Month()-1], d.Day())
	case 3:
		return fmt.Sprintf("on %s %d, %d", monthsAP[d.Month()-1], d.Day(), d.Year())
	case 4:
		return g.oneOf("last week", "earlier this week", "overnight", "late on "+weekdays[d.Weekday()])
	}
	return "early on " + weekdays[d.Weekday()]
}

func dateline(pub time.Time) string {
	return fmt.Sprintf("%s %d, %d", monthsAP[pub.Month()-1], pub.Day(), pub.Year())
}

// Sentence templates, grouped by what they report. Slots: G1/G2 armed
// groups, K1 a coalition, C1/C2 countries, D1/D2 their demonyms, P1/P2
// people and R1/R2 their roles, B1 a government body, M1 a news outlet,
// L1 a city, F1 a facility, NP/NG an invented person and group, RK a rank,
// N a casualty count, T a troop figure, W a weapon, U a unit noun, WHEN a
// date expression.
var templates = [][]string{
	{ // strikes and attacks
		"{C1} struck positions of {G1} near {L1} {WHEN}, killing {N} fighters, {M1} reported.",
		"{G1} claimed responsibility for an attack on {F1} {WHEN} in which {N} people were wounded.",
		"Warplanes from {C1} carried out strikes on {G1} depots outside {L1} {WHEN}.",
		"{G1} fired {W} at {F1} {WHEN}, officials said, but caused no casualties.",
		"{G2} attacked a convoy of {D1} {U} on the road to {L1} {WHEN}, killing {N} of them.",
		"A strike by {C2} killed {N} members of {G1} {WHEN}, according to a statement from {B1}.",
		"{RK} {NP}, a commander of {G1}, was killed {WHEN} when a drone hit his car near {L1}.",
		"{C1} said its forces had targeted {G2} in retaliation for the assault on {F1}.",
		"Fighters loyal to {G1} shelled villages around {L1} {WHEN}, residents told {M1}.",
		"{G1} and {G2} clashed in the outskirts of {L1} {WHEN}, leaving at least {N} dead.",
		"The {NG}, a little-known faction, said it had launched {W} at {F1} {WHEN}.",
		"{N} {U} were wounded {WHEN} when {W} landed inside {F1}, {B1} said.",
	},
	{ // threats, accusations, demands
		"{G1} threatened to strike {D1} interests across the region if the raids continued.",
		"{P1}, the {R1}, accused {C2} of arming {G1} and of undermining the government.",
		"{C2} demanded that {C1} withdraw its forces from {L1} within {N} days.",
		"{G2} warned that it would attack {F1} unless {C1} halted its operations.",
		"In a statement carried by {M1}, {G1} accused {C1} of killing civilians in {L1}.",
		"{P2}, the {R2}, said {C1} would respond to any attack on its {U} in {L1}.",
		"{B1} called on {G2} to hand over the men behind the attack on {F1}.",
	},
	{ // talks and truces
		"{C1} and {C2} held talks in {L1} {WHEN} on a possible exchange of prisoners.",
		"{P1}, the {R1}, met {P2}, the {R2}, {WHEN} to discuss the crisis.",
		"{G1} agreed to a ceasefire with {C1} {WHEN} after mediation by {C2}.",
		"Negotiators from {C1} and {C2} reached an agreement {WHEN} to reopen the crossing near {L1}.",
		"{G2} announced a truce with {K1} {WHEN}, saying it would halt attacks for {N} days.",
		"{P1} said {C1} was ready to negotiate with {C2} if the attacks stopped.",
		"Officials said {C2} had offered to mediate between {C1} and {G1}.",
		"The truce between {G1} and {G2} collapsed {WHEN} after a night of heavy fighting near {L1}.",
	},
	{ // withdrawals and deployments
		"{C1} deployed {T} {U} to {L1} {WHEN}, the {B1} said.",
		"{C1} will withdraw about {T} {U} from {C2} by the end of the year, {P1} said.",
		"{G1} pulled out of {L1} {WHEN} after weeks of fighting with {D2} forces.",
		"About {T} {D1} {U} are stationed at {F1}, according to {M1}.",
		"{K1} said it had moved {T} {U} to {F1} to protect its bases.",
		"{C2} sent {T} {U} to {C1} {WHEN} at the request of the government.",
		"The withdrawal of {K1} forces from {F1} was completed {WHEN}.",
	},
	{ // roles, membership, backing
		"{NP}, a spokesman for {G1}, told {M1} that the group would not disarm.",
		"{G1}, which is backed by {C1}, is part of {G2}, an umbrella of armed factions.",
		"{C1} has long backed {G1} with money, training and weapons.",
		"{G2} is a member of {K1}, according to a report by {M1}.",
		"{P1} is the {R1}.",
		"{NP}, the leader of the {NG}, appeared in a video released {WHEN}.",
		"{RK} {NP}, who commands {G1} units in {L1}, denied the accusations.",
		"{G1} is allied with {G2}, and the two groups share positions near {L1}.",
		"{P2}, the {R2}, said {C2} supported the government in {L1}.",
	},
	{ // background, no relation expected
		"Residents of {L1} said they had heard explosions throughout the night.",
		"Prices of fuel and bread rose sharply in {L1} after the crossing was closed.",
		"The {D1} parliament is expected to debate the matter next month.",
		"Analysts said the escalation risked drawing {C1} deeper into the conflict.",
		"Hospitals in {L1} reported that {N} people had been admitted with injuries.",
		"{M1} could not independently verify the claims.",
		"It was the {ORD} such incident in {L1} this month.",
	},
}

var titles = []string{
	"{C1} strikes {G1} targets near {L1}",
	"{G1} claims attack on {F1}",
	"{C1} and {C2} open talks in {L1}",
	"{G2} announces truce with {K1}",
	"{C1} to withdraw {U} from {C2}",
	"{C1} sends {T} more {U} to {L1}",
	"Commander of {G1} killed in drone strike",
	"{P1} accuses {C2} of backing {G1}",
}

var ordinals = []string{"second", "third", "fourth", "fifth", "sixth"}

// fill replaces the {SLOT}s of t from the cast; fresh values (numbers,
// dates, weapons) are drawn per use.
func (g *generator) fill(t string, c *cast) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}')
		b.WriteString(t[:i])
		slot := t[i+1 : i+j]
		t = t[i+j+1:]
		b.WriteString(g.slot(slot, c))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func demonym(e entry) string {
	if e.demonym != "" {
		return e.demonym
	}
	return e.name
}

func (g *generator) slot(s string, c *cast) string {
	switch s {
	case "G1":
		return c.g1.name
	case "G2":
		return c.g2.name
	case "K1":
		return c.k1.name
	case "C1":
		return c.c1.name
	case "C2":
		return c.c2.name
	case "D1":
		return demonym(c.c1)
	case "D2":
		return demonym(c.c2)
	case "P1":
		return c.p1.name
	case "P2":
		return c.p2.name
	case "R1":
		return c.p1.role
	case "R2":
		return c.p2.role
	case "B1":
		return c.b1.name
	case "M1":
		return c.m1.name
	case "L1":
		return c.l1.name
	case "F1":
		return c.f1.name
	case "NP":
		return c.newPerson
	case "NG":
		return c.newGroup
	case "RK":
		return ranks[g.r.IntN(len(ranks))]
	case "N":
		return g.count()
	case "T":
		return g.troops()
	case "W":
		return weapons[g.r.IntN(len(weapons))]
	case "U":
		return units[g.r.IntN(len(units))]
	case "WHEN":
		return g.when(c.pub)
	case "ORD":
		return ordinals[g.r.IntN(len(ordinals))]
	}
	panic("corpus: unknown template slot " + s)
}

// recast redraws part of the cast, so that a long article moves on to
// other actors as reports do.
func (g *generator) recast(c *cast) {
	switch g.r.IntN(8) {
	case 0:
		c.g2 = g.pick(g.p.groups)
	case 1:
		c.c2 = g.country()
	case 2:
		c.p2 = g.pick(g.p.people)
	case 3:
		c.l1 = g.pick(g.p.cities)
	case 4:
		c.f1 = g.pick(g.p.facilities)
	case 5:
		c.newPerson = g.personName()
	}
}

func (g *generator) article(id string) Article {
	epoch := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := epoch.AddDate(0, 0, g.r.IntN(12*365))
	c := g.newCast(pub)
	title := g.fill(titles[g.r.IntN(len(titles))], c)
	target := 2200 + g.r.IntN(1600)
	var b strings.Builder
	place := strings.ToUpper(c.l1.name)
	fmt.Fprintf(&b, "%s, %s — ", place, dateline(pub))
	b.WriteString(g.fill(g.pick2(0), c))
	for b.Len() < target {
		b.WriteString("\n\n")
		n := 2 + g.r.IntN(3)
		for k := range n {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.fill(g.pick2(g.r.IntN(len(templates))), c))
			if g.r.IntN(4) == 0 {
				g.recast(c)
			}
		}
	}
	return Article{ID: id, Title: title, Text: b.String(), Published: pub.Format("2006-01-02")}
}

// pick2 draws one template of group k.
func (g *generator) pick2(k int) string { return templates[k][g.r.IntN(len(templates[k]))] }
