package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

// MentionKind says how a mention was found.
type MentionKind uint8

// Mention kinds.
const (
	NameMention       MentionKind = iota // a gazetteer name or alias
	DemonymMention                       // Iraqi, American: stands for the state
	CollectiveMention                    // Iran-backed militias, pro-Iran factions
	NewNameMention                       // a name the gazetteer lacks, typed by a cue
	AnaphorMention                       // the group, the alliance, it
)

// Mention is a stretch of a sentence that refers to an entity.
type Mention struct {
	Start, End int // token indexes in the sentence, [Start, End)
	ID         string
	Type       schema.EntityType
	Kind       MentionKind
	Text       string // as written
	Metonym    string // the actor a place stands for, when it acts
	Backer     string // for a collective, the state named as its backer ("" when implied)
	Canon      string // canonical name of an entity the gazetteer lacks
	Inner      bool   // inside a list or a title: neither subject nor object of a verb outside it
	Rel        bool   // inside a relative clause or apposition: never the subject of a verb after it
	Umbrella   bool   // an armed umbrella that "the group" after it may refer to
}

// docState is the per-document working state of an extraction.
type docState struct {
	x              *Extractor
	sc             *scratch // the call's reusable memory
	doc            Document
	sents          []Sentence
	ments          [][]*Mention // per sentence, by start
	ents           map[string]*schema.Entity
	order          []string
	names          map[string]string // extra names defined in the document (acronyms, surnames) → ID
	lastOf         typeSlots         // the last entity of each type resolution met
	lastHas        uint16            // the slots of lastOf set, even to ""
	prevLast       typeSlots         // lastOf before the current sentence
	ctx            []sentCtx         // per sentence: recentMark and prevLast as resolution left them
	lastSubj       string            // the last sentence subject, for pronouns
	prevObj        string            // the last actor named in the previous sentence other than its subject
	prevSpeaker    string            // who the previous sentence reports, for "should" demands that go on its report
	recent         []string          // countries in the order last mentioned, most recent last
	recentMark     int               // len(recent) before the current sentence
	lastAttackers  []string          // subjects of the last sentence's attack statements, for "the missiles hit"
	lastAttackSent int               // that sentence
	unclaimed      []string          // targets of the last attack reported without its doer
}

func (d *docState) entity(id string, t schema.EntityType, name string) {
	e, ok := d.ents[id]
	if !ok {
		canon := name
		if g, ok := d.x.gaz.Entry(id); ok {
			canon, t = g.Name, g.Type
		}
		e = d.sc.newEntity(schema.Entity{ID: id, Type: t, Name: canon})
		d.ents[id] = e
		d.order = append(d.order, id)
	}
	if name != "" && name != e.Name {
		for _, a := range e.Aliases {
			if a == name {
				return
			}
		}
		e.Aliases = append(e.Aliases, name)
	}
}

func (d *docState) typeOf(id string) schema.EntityType {
	if e, ok := d.ents[id]; ok {
		return e.Type
	}
	if g, ok := d.x.gaz.Entry(id); ok {
		return g.Type
	}
	return ""
}

// nameOf returns the entity a capitalised token names by a name the
// document defined (an acronym, a surname).
func (d *docState) nameOf(t *Token) (string, bool) {
	if len(d.names) == 0 || !t.Upper() {
		return "", false
	}
	id, ok := d.names[t.Key]
	return id, ok
}

// spanText returns the text of tokens [i, j) of sentence s.
func (d *docState) spanText(s Sentence, i, j int) string {
	return d.doc.Text[s.Tokens[i].Start:s.Tokens[j-1].End]
}

// findMentions finds the mentions of one sentence.
func (d *docState) findMentions(si int) []*Mention {
	s := d.sents[si]
	toks := s.Tokens
	out := d.sc.found[:0] // copied out by Extract (scratch.keep)
	covered := make([]bool, len(toks))
	add := func(m *Mention) {
		for k := m.Start; k < m.End; k++ {
			covered[k] = true
		}
		m.Text = d.spanText(s, m.Start, m.End)
		out = append(out, m)
	}
	for i := 0; i < len(toks); {
		// Collective actors first: "Iran-backed militias", "pro-Iran factions".
		if m, n := d.collective(s, i); m != nil {
			add(m)
			i += n
			continue
		}
		node, n := d.x.gaz.names.longest(toks, i)
		u := 0
		if tx := toks[i].Text; tx[0] >= '1' && tx[0] <= '9' || unitInitials[tx[0]] && (ordinalWords.has(&toks[i]) || romanInitial[tx[0]] && (len(tx) == 1 || romanInitial[tx[1]])) {
			// the test is made at every token: a unit's name starts with a
			// digit, a capitalised ordinal word or a Roman numeral
			u = unitName(toks, i)
		}
		if u > n {
			// "3rd Battalion, 6th Marine Regiment": a numbered unit
			// longer than any gazetteer name here.
			id, t := schema.Slug(d.spanText(s, i, i+u)), schema.GovernmentBody
			if e, ok := d.x.gaz.Entry(id); ok {
				t = e.Type
			}
			add(d.sc.newMention(Mention{Start: i, End: i + u, ID: id, Type: t, Kind: NewNameMention}))
			i += u
			continue
		}
		if node != nil && !d.commonWordMatch(toks[i:i+n]) {
			e := d.x.gaz.entries[node.vals[0].entry]
			add(d.sc.newMention(Mention{Start: i, End: i + n, ID: e.ID, Type: e.Type, Kind: NameMention, Metonym: e.Metonym}))
			i += n
			continue
		}
		if id, ok := d.nameOf(&toks[i]); ok {
			add(d.sc.newMention(Mention{Start: i, End: i + 1, ID: id, Type: d.typeOf(id), Kind: NameMention}))
			i++
			continue
		}
		if node, n := d.x.gaz.demos.longest(toks, i); node != nil && toks[i].Upper() {
			e := d.x.gaz.entries[node.vals[0].entry]
			add(d.sc.newMention(Mention{Start: i, End: i + n, ID: e.ID, Type: e.Type, Kind: DemonymMention}))
			i += n
			continue
		}
		i++
	}
	sortMentions(out)
	out = d.newNames(si, out, covered)
	sortMentions(out)
	return out
}

// unitEchelons are the nouns that end a numbered military unit's name,
// ranked by size: "1st Battalion, 5th Marines" joins a battalion to the
// larger unit it belongs to.
var unitEchelons = map[string]int{
	"platoon": 1, "company": 2, "troop": 2, "battery": 2,
	"battalion": 3, "squadron": 3,
	"regiment": 4, "marines": 4, "infantry": 4, "cavalry": 4, "artillery": 4, "rangers": 4,
	"brigade": 5, "team": 5, "group": 5, "wing": 5,
	"division": 6, "airborne": 6,
	"corps": 7, "force": 7, "fleet": 7, "army": 7,
}

// unitInitials are the first letters of the capitalised ordinal words
// (First ... Twelfth) and of Roman numerals.
var (
	unitInitials = [256]bool{'F': true, 'S': true, 'T': true, 'E': true, 'N': true, 'I': true, 'V': true, 'X': true}
	romanInitial = [256]bool{'I': true, 'V': true, 'X': true}
)

var ordinalWords = setOf("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")

// isOrdinal reports whether t is "3rd", "82nd", "101st", or a capitalised
// ordinal word ("First").
func isOrdinal(t *Token) bool {
	if romanNumeral(t.Text) {
		return true // "I Marine Expeditionary Force", "XVIII Airborne Corps"
	}
	k := t.Key
	if len(k) == 0 || t.Kind != Word {
		return false
	}
	if k[0] < '0' || k[0] > '9' {
		return ordinalWords.has(t) && t.Upper()
	}
	n := 0
	for n < len(k) && k[n] >= '0' && k[n] <= '9' {
		n++
	}
	if n == 0 || n != len(k)-2 {
		return false
	}
	switch k[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// romanNumeral reports whether s is a Roman numeral in capitals up to
// XXX, as corps and expeditionary forces are numbered.
func romanNumeral(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != 'I' && s[i] != 'V' && s[i] != 'X' {
			return false
		}
	}
	return true
}

// unitName returns the length in tokens of a numbered military unit's name
// at toks[i] ("82nd Airborne Division", "2nd Brigade Combat Team", "3rd
// Battalion, 6th Marine Regiment"), or 0. The name is an ordinal and up
// to four capitalised words, the last an echelon noun; a larger unit may
// follow after a comma.
func unitName(toks []Token, i int) int {
	n, rank := unitAt(toks, i)
	if n == 0 {
		return 0
	}
	if j := i + n; j+1 < len(toks) && toks[j].Text == "," {
		if m, r := unitAt(toks, j+1); m > 0 && r > rank {
			n += 1 + m
		}
	}
	return n
}

// unitAt is unitName without the larger unit: the length and the echelon's rank.
func unitAt(toks []Token, i int) (int, int) {
	if !isOrdinal(&toks[i]) {
		return 0, 0
	}
	n, rank := 0, 0
	for j := i + 1; j < len(toks) && j <= i+4 && toks[j].Kind == Word && toks[j].Upper(); j++ {
		if r, ok := unitEchelons[toks[j].Key]; ok {
			n, rank = j+1-i, r
		}
	}
	return n, rank
}

// commonWordMatch rejects a one-word, non-capitalised match of a name that
// is written capitalised in the gazetteer ("us" is not US, "badr" is Badr
// only when capitalised).
func (d *docState) commonWordMatch(toks []Token) bool {
	for i := range toks {
		t := &toks[i]
		if t.Upper() || t.Kind == Number {
			return false
		}
	}
	return true
}

func sortMentions(ms []*Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// collectiveStarts are the lower-case words other than militia nouns a
// collective may start with (Token.starts' startsCollective).
var collectiveStarts = []string{"pro", "armed", "shiite", "shia", "resistance", "radical", "rogue", "paramilitary"}

var (
	alignedParticiples   = setOf("backed", "aligned", "affiliated", "linked", "supported", "sponsored", "allied")
	loyalWords           = setOf("loyal", "allied", "aligned", "affiliated", "linked")
	collectiveAdjectives = setOf("armed", "iraqi", "shiite", "shia", "resistance", "radical", "rogue", "paramilitary")
)

// collective recognises a backer phrase around a militia noun at toks[i]:
// "Iran-backed militias", "pro-Iranian militias", "militias loyal to Tehran",
// "radical Iran-backed militant groups". It returns the mention and the
// number of tokens it covers.
func (d *docState) collective(s Sentence, i int) (*Mention, int) {
	toks := s.Tokens
	lx := d.x.lex
	// Most tokens can start no collective: a backer is capitalised or
	// "pro"; otherwise the phrase starts with a militia noun or modifier
	// (collectiveStarts). A bit test says so for a known token.
	if t := toks[i]; t.starts&startsKnown != 0 && t.starts&(startsMilitia|startsCollective) == 0 && !t.Upper() {
		return nil, 0
	}
	j := i
	// Optional modifiers before the backer: radical, armed, Shiite, Iraqi.
	backer := ""
	k := j
	if k < len(toks) && toks[k].Key == "pro" && k+2 < len(toks) && toks[k+1].Text == "-" {
		if id := d.stateAt(toks, k+2); id != "" {
			backer, k = id, k+3
		}
	} else if k+2 < len(toks) && toks[k+1].Text == "-" && alignedParticiples.has(&toks[k+2]) {
		if id := d.stateAt(toks, k); id != "" { // "Iran-backed": the state last, the dearest test
			backer, k = id, k+3
		}
	}
	if backer != "" {
		// adjectives between the backer and the noun: "Iran-backed armed factions"
		for m := k; m < len(toks) && m < k+3; m++ {
			if _, n := lx.Militias.At(toks, m); n > 0 {
				end := m + n
				if end < len(toks) && toks[end].Upper() && toks[end].Kind == Word {
					return nil, 0 // "the Iran-backed group Kataib Hezbollah": a label of the name
				}
				if !strings.HasSuffix(toks[end-1].Key, "s") {
					if i > 0 && toks[i-1].Key == "the" {
						// "the Iran-backed group": a named group said before
						return &Mention{Start: i, End: end, Type: schema.ArmedGroup, Kind: AnaphorMention, Backer: backer}, end - i
					}
					return nil, 0 // "an Iran-backed militia": a description, no collective
				}
				return d.collectiveMention(s, i, end, backer), end - i
			}
			if toks[m].Kind != Word || toks[m].Upper() && !d.isDemonymOrAdj(toks[m]) {
				break
			}
			if d.groupDemonym(toks[m]) {
				return nil, 0 // "Iran-backed Houthi rebels": the Houthis, not a collective
			}
		}
		return nil, 0
	}
	// "militias loyal to Tehran", "armed factions loyal to Tehran": the
	// noun, optionally after modifiers, then the backer phrase.
	start := i
	for m := i; m < len(toks) && m < i+3; m++ {
		if _, n := lx.Militias.At(toks, m); n > 0 {
			end := m + n
			if end+2 < len(toks) && loyalWords.has(&toks[end]) && (toks[end+1].Key == "to" || toks[end+1].Key == "with") {
				if id := d.stateAt(toks, end+2); id != "" {
					stop := end + 3
					if stop < len(toks) && toks[stop].Text == "-" {
						return nil, 0
					}
					return d.collectiveMention(s, start, stop, id), stop - i
				}
			}
			// A bare plural collective ("the armed factions", "Iraqi
			// militias") names the domain's default collective; a name
			// just before it owns it ("Houthi fighters").
			if defaultCollective[strings.ToLower(d.spanText(s, m, end))] && !(i > 0 && toks[i-1].Upper() && !determiners.has(&toks[i-1]) && i == m) {
				if _, ok := d.x.gaz.Entry(defaultCollectiveID); ok {
					return &Mention{Start: start, End: end, ID: defaultCollectiveID, Type: schema.ArmedGroup, Kind: CollectiveMention}, end - i
				}
			}
			break
		}
		if toks[m].Kind != Word || !collectiveAdjectives.has(&toks[m]) {
			break
		}
	}
	return nil, 0
}

// defaultCollectiveID is the collective that bare militia plurals name in
// this domain: in Iraq and Syria news, "the militias" are the Iran-backed ones.
const defaultCollectiveID = "iran-backed-militias"

var defaultCollective = map[string]bool{
	"militias": true, "militia groups": true, "militia factions": true, "factions": true,
	"armed factions": true, "resistance factions": true, "paramilitary groups": true,
	"militia": false,
}

var sectAdjectives = setOf("shiite", "shia", "sunni", "islamist", "jihadist")

// isDemonymOrAdj reports whether a capitalised token is a demonym or a
// religious adjective that may modify a militia noun.
func (d *docState) isDemonymOrAdj(t Token) bool {
	if sectAdjectives.has(&t) {
		return true
	}
	node, _ := d.x.gaz.demos.longest([]Token{t}, 0)
	return node != nil
}

// stateAt returns the ID of the state named at toks[k] (Iran, Iranian,
// Tehran), or "".
func (d *docState) stateAt(toks []Token, k int) string {
	if k >= len(toks) || !toks[k].Upper() {
		return ""
	}
	one := toks[k : k+1]
	for _, tr := range []*trie{d.x.gaz.names, d.x.gaz.demos} {
		if node, n := tr.longest(one, 0); node != nil && n == 1 {
			e := d.x.gaz.entries[node.vals[0].entry]
			if e.Type == schema.Country {
				return e.ID
			}
			if e.Metonym != "" {
				return e.Metonym
			}
		}
	}
	return ""
}

func (d *docState) collectiveMention(s Sentence, i, end int, backer string) *Mention {
	id := backer + "-backed-militias"
	canon := ""
	if _, ok := d.x.gaz.Entry(id); !ok {
		canon = d.x.gaz.byID[backer].Name + "-backed militias"
	}
	return &Mention{Start: i, End: end, ID: id, Type: schema.ArmedGroup, Kind: CollectiveMention, Backer: backer, Canon: canon}
}

var (
	nameParticles  = setOf("al", "el", "ul", "bin", "ibn")
	nameLinkWords  = setOf("al", "el", "bin", "ibn", "abu", "abd", "of", "for", "the", "and")
	nameJoiners    = setOf("and", "the", "of", "for")
	nameInnerWords = setOf("of", "the", "and", "for", "al")
)

// newNames finds capitalised names the gazetteer lacks and keeps those a
// cue types: a title or role before it, a given name, an organisation head
// noun at its end, an apposition with a role after it.
func (d *docState) newNames(si int, ms []*Mention, covered []bool) []*Mention {
	s := d.sents[si]
	toks := s.Tokens
	lx := d.x.lex
	for i := 0; i < len(toks); i++ {
		if covered[i] || !toks[i].Upper() || toks[i].Kind != Word || toks[i].Key == "s" || notNames.has(&toks[i]) {
			continue
		}
		// A title first: "Maj. Gen. Pat Ryder".
		if rs, n := lx.Roles.At(toks, i); n > 0 && len(rs) > 0 {
			if i+n < len(toks) && toks[i+n].Text == "." {
				n++
			}
			if i+n < len(toks) && toks[i+n].Upper() && toks[i+n].Kind == Word {
				i += n - 1
				continue
			}
		}
		// Extend over capitalised words and name particles (al-, bin, of the).
		j := i
		for j < len(toks) && !covered[j] {
			t := &toks[j]
			if t.Kind == Word && t.Upper() && t.Key != "s" {
				j++
				continue
			}
			if t.Text == "-" && !t.Space && j+1 < len(toks) && !toks[j+1].Space && toks[j+1].Kind == Word {
				j++
				continue
			}
			if nameParticles.has(t) && j > i && j+2 < len(toks) && toks[j+1].Text == "-" && toks[j+2].Upper() && !covered[j+2] {
				j += 2 // "Basim al-Awadi"
				continue
			}
			if nameLinkWords.has(t) && j > i && j+1 < len(toks) && toks[j+1].Upper() && !covered[j+1] {
				if nameJoiners.has(t) && !d.orgLike(toks[i:j]) {
					break
				}
				j++
				continue
			}
			break
		}
		for j > i && (toks[j-1].Text == "-" || nameInnerWords.has(&toks[j-1])) {
			j--
		}
		if j == i {
			continue
		}
		// Strip a leading role or honorific: "Gen. Alexus Grynkewich".
		start := i
		for start < j {
			if _, n := lx.Roles.At(toks, start); n > 0 && start+n < j {
				start += n
				for start < j && toks[start].Text == "." {
					start++
				}
				continue
			}
			break
		}
		if start >= j {
			i = j - 1
			continue
		}
		name := d.spanText(s, start, j)
		t := d.typeNewName(si, toks, i, start, j)
		if t == "" {
			i = j - 1
			continue
		}
		id := schema.Slug(name)
		if e, ok := d.x.gaz.Entry(id); ok {
			t = e.Type
		}
		ms = append(ms, &Mention{Start: start, End: j, ID: id, Type: t, Kind: NewNameMention, Text: name})
		for k := start; k < j; k++ {
			covered[k] = true
		}
		i = j - 1
	}
	return ms
}

var districtNouns = setOf("district", "subdistrict", "governorate", "province", "region", "valley", "mountains")

var orgNameWords = setOf("islamic", "popular", "national", "supreme", "united", "coordinating", "coordination")

func (d *docState) orgLike(toks []Token) bool {
	for _, t := range toks {
		if _, ok := d.x.lex.OrgHeads[t.Key]; ok {
			return true
		}
	}
	return len(toks) > 0 && orgNameWords.has(&toks[0])
}

// typeNewName decides the type of a new name toks[start:end] (toks[i:start]
// being a stripped title), or "" when no cue supports one.
func (d *docState) typeNewName(si int, toks []Token, i, start, end int) schema.EntityType {
	lx := d.x.lex
	// A bare head noun is no name: "the Peshmerga General Command".
	if _, ok := lx.OrgHeads[toks[start].Key]; ok && end-start == 1 {
		return ""
	}
	// An organisation head noun at the end, after a word that names it
	// ("Saraya Awliya al-Dam Brigades"), not a generic office ("Health Ministry").
	if t, ok := lx.OrgHeads[toks[end-1].Key]; ok && end-start >= 2 && !genericOffice.has(&toks[start]) {
		return t
	}
	// A title or honorific before it.
	if start > i {
		return schema.Person
	}
	if start > 0 {
		if rs, n := d.roleEndingAt(toks, start); n > 0 && len(rs) > 0 {
			return schema.Person
		}
	}
	// A given name, with at least one more name.
	if end-start >= 2 && lx.GivenNames[toks[start].Key] {
		return schema.Person
	}
	// An occupation right before it: "the businessman Peshraw Dizayee",
	// "researcher Elizabeth Tsurkov".
	if end-start >= 2 && start > 0 && occupations.has(&toks[start-1]) {
		return schema.Person
	}
	// A title set off before it: "The governor of Nineveh province, Atheel al-Nujaifi".
	if end-start >= 2 && start > 2 && toks[start-1].Text == "," {
		for q := start - 2; q >= 0 && q >= start-7; q-- {
			if rs, n := lx.Roles.At(toks, q); n > 0 && bestRole(rs).Predicate != "" && (q == 0 || (toks[q-1].Key != "a" && toks[q-1].Key != "an")) {
				return schema.Person
			}
		}
	}
	// Apposition: "X, a spokesman for Y", "X, the leader of Y".
	k := end
	if k < len(toks) && toks[k].Text == "," {
		k++
		if k < len(toks) && (toks[k].Key == "a" || toks[k].Key == "an" || toks[k].Key == "the") {
			k++
		}
		for m := k; m < len(toks) && m < k+4; m++ {
			if rs, n := lx.Roles.At(toks, m); n > 0 && rs[0].Predicate != "" {
				return schema.Person
			}
		}
	}
	// "the town of X", "the villages of X, Y and Z".
	if d.settlementList(toks, start) {
		return schema.Location
	}
	// "Amedi district", "the Shaqlawa subdistrict": a place's own head noun after it.
	if end < len(toks) && end-start <= 3 && districtNouns.has(&toks[end]) && !toks[end].Upper() {
		return schema.Location
	}
	// "Camp Loyalty", "Fort Hood": a base.
	if end-start >= 2 && facilityFirst.has(&toks[start]) {
		return schema.Facility
	}
	// "calling themselves X", "known as X".
	if start >= 2 && (toks[start-1].Key == "themselves" || toks[start-1].Key == "itself" || toks[start-2].Key == "known" && toks[start-1].Key == "as") {
		return schema.ArmedGroup
	}
	return ""
}

var facilityFirst = setOf("camp", "fort")

// settlementList reports whether the name at toks[start] follows "the town
// of", or stands in a list of names after "the towns of".
func (d *docState) settlementList(toks []Token, start int) bool {
	for q := start - 1; q >= 1 && q >= start-12; q-- {
		t := &toks[q]
		switch {
		case t.Key == "of":
			return settlementNouns.has(&toks[q-1]) && q == start-1 || settlementPlurals.has(&toks[q-1])
		case t.Text == "," || t.Key == "and" || t.Text == "-" || t.Kind == Word && t.Upper() || nameParticles.has(t):
			continue
		}
		return false
	}
	return false
}

// roleEndingAt finds a role noun that ends right before toks[end].
func (d *docState) roleEndingAt(toks []Token, end int) ([]Role, int) {
	for n := 10; n >= 1; n-- {
		if n > end {
			continue
		}
		rs, m := d.x.lex.Roles.At(toks, end-n)
		if m == n {
			return rs, n
		}
		if m == n-1 && toks[end-1].Text == "." {
			return rs, n
		}
	}
	return nil, 0
}

// trimName strips a trailing possessive from a name.
func trimName(s string) string {
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSuffix(s, "’s")
}

// notNames are capitalised words that never start a name: days, months.
var notNames = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// genericOffice words make an organisation name generic: which country's
// "Health Ministry" the text does not say.
var genericOffice = setOf("health", "foreign", "defense", "defence", "interior", "finance", "oil", "education", "justice", "security", "media", "information", "culture", "electricity", "trade", "planning", "the", "state", "national", "general", "central", "supreme", "joint", "special")

// occupations before a name make it a person's.
var occupations = setOf("researcher", "journalist", "reporter", "businessman", "businesswoman", "contractor", "activist", "analyst", "cleric", "writer", "academic", "scholar", "photographer", "aid", "worker", "doctor", "lawyer", "student", "engineer", "pilot", "soldier", "sergeant", "hostage", "detainee", "blogger", "dissident", "opposition", "candidate", "lawmaker", "mp", "envoy", "negotiator", "mediator", "citizen", "national", "resident", "filmmaker", "author", "economist", "expert", "professor", "archbishop", "imam", "preacher")

// groupDemonym reports whether a token is the adjective of an armed group
// ("Houthi").
func (d *docState) groupDemonym(t Token) bool {
	node, _ := d.x.gaz.demos.longest([]Token{t}, 0)
	return node != nil && d.x.gaz.entries[node.vals[0].entry].Type == schema.ArmedGroup
}

// sentCtx is the document context before a sentence, kept from resolution
// for the relation rules.
type sentCtx struct {
	recentMark int
	prevLast   typeSlots
}

// typeSlots holds one entity ID per entity type, by value: copying it
// costs no allocation.
type typeSlots [10]string

func typeSlot(t schema.EntityType) int {
	switch t {
	case schema.Person:
		return 1
	case schema.Country:
		return 2
	case schema.ArmedGroup:
		return 3
	case schema.Coalition:
		return 4
	case schema.GovernmentBody:
		return 5
	case schema.InternationalOrganization:
		return 6
	case schema.MediaOutlet:
		return 7
	case schema.Location:
		return 8
	case schema.Facility:
		return 9
	}
	return 0
}

func (s *typeSlots) get(t schema.EntityType) string     { return s[typeSlot(t)] }
func (s *typeSlots) set(t schema.EntityType, id string) { s[typeSlot(t)] = id }

// setLast records id as the last entity of type t.
func (d *docState) setLast(t schema.EntityType, id string) {
	i := typeSlot(t)
	d.lastOf[i] = id
	d.lastHas |= 1 << i
}
