package extract

import (
	"github.com/actorgraph/actorgraph/schema"
	"strings"
)

var (
	backerVerbs  = setOf("backed", "supported", "sponsored", "funded", "armed", "aligned")
	groupHeads   = setOf("group", "militia", "faction", "movement", "organization", "organisation", "force", "forces", "militant", "armed", "paramilitary", "umbrella", "coalition", "alliance")
	armedByVerbs = setOf("backed", "supported", "funded", "armed")
)

// compounds handles "Iran-backed X", "US-led X", "X led by Y", appositive
// descriptors ("X, an Iran-backed militia") and collectives with a backer.
func (st *sent) compounds() {
	toks := st.toks
	for k, m := range st.ms {
		if m.Kind == AnaphorMention && m.Backer != "" {
			st.emit(m.ID, schema.BackedBy, m.Backer, schema.Asserted, "anaphor-backer", m.Start)
		}
		if m.Kind == CollectiveMention && m.Backer != "" {
			st.emit(m.ID, schema.BackedBy, m.Backer, schema.Asserted, "collective-backer", m.Start)
			// "a group of Iran-backed militants, calling themselves X"
			if n := st.namedAfter(m); n != nil {
				st.emit(n.ID, schema.BackedBy, m.Backer, schema.Asserted, "collective-named", n.Start)
			}
			// "Kataib Hezbollah and Asaib Ahl al-Haq ... the two Iran-backed
			// factions": a counted descriptor is about the groups last named.
			for _, id := range st.counted(m) {
				st.emit(id, schema.BackedBy, m.Backer, schema.Asserted, "counted-backer", m.Start)
			}
			// "X, an Iran-backed militia": the descriptor is about X.
			if owner := st.describedBy(m.Start); owner != nil {
				st.emit(owner.ID, schema.BackedBy, m.Backer, schema.Asserted, "apposition-backer", m.Start)
			}
		}
		if m.Kind == NameMention && m.End-m.Start > 1 {
			st.nameParts(m)
		}
		// "Iran's Fordow facility", "the American base at X": a state's facility
		if m.Type == schema.Facility && k > 0 {
			p := st.ms[k-1]
			if id, t := st.actor(p); t == schema.Country && (p.End == m.Start && p.Kind == DemonymMention || p.End+1 == m.Start && st.possessive(p.End)) {
				if militaryFacility(m.Text) || st.possessive(p.End) {
					st.emit(m.ID, schema.OperatedBy, id, schema.Asserted, "facility-of", m.Start)
				} else {
					// "the Yemeni port of Hodeidah": where it is, not who runs it
					st.emit(m.ID, schema.LocatedIn, id, schema.Asserted, "facility-in", m.Start)
				}
			}
		}
		e := m.End
		if e+2 < len(toks) && toks[e].Text == "-" && !toks[e].Space {
			w := toks[e+1]
			switch {
			case w.Key == "led":
				if next := st.mentionAt(e + 2); next != nil && next.Start == e+2 {
					id, _ := st.actor(m)
					st.emit(id, schema.LeaderOf, next.ID, schema.Asserted, "compound-led", e)
				} else if owner := st.describedBy(m.Start); owner != nil && st.nounAfter(e+2) {
					id, _ := st.actor(m)
					st.emit(id, schema.LeaderOf, owner.ID, schema.Asserted, "apposition-led", e)
				}
			case backerVerbs.has(&w):
				id, _ := st.actor(m)
				next := st.mentionAt(e + 2)
				for q := e + 2; next == nil && q < e+4 && q < len(toks) && groupHeads.has(&toks[q]); q++ {
					next = st.mentionAt(q + 1)
				}
				if next != nil && next.Kind != CollectiveMention && next.Start > e {
					st.emit(next.ID, schema.BackedBy, id, schema.Asserted, "compound-backed", e)
				} else if owner := st.describedBy(m.Start); owner != nil {
					st.emit(owner.ID, schema.BackedBy, id, schema.Asserted, "apposition-backed", e)
				}
			}
		}
		st.ledBy(m, e)
		// "the US-led coalition against ISIS": a coalition formed to fight
		if (m.Type == schema.Coalition || m.Type == schema.ArmedGroup) && e+1 < len(toks) && (toks[e].Key == "against" || toks[e].Key == "fighting") {
			if y := st.mentionAt(st.skipDet(e + 1)); y != nil && y.Start <= e+2 {
				if yid, yt := st.actor(y); yt.IsActor() {
					st.emit(m.ID, schema.Attacked, yid, st.modality(m.Start, false), "coalition-against", e) // "working to assemble a coalition against ISIS": planned
				}
			}
		}
		// "The Houthis, backed by Iran, fired"
		if q := e; q+3 < len(toks) && toks[q].Text == "," && armedByVerbs.has(&toks[q+1]) && toks[q+2].Key == "by" {
			if k := st.mk(st.skipDet(q + 3)); k >= 0 && m.Type != schema.Person {
				for _, y := range st.group(k) { // "backed by Iranian militias and Russian air power"
					if yid, yt := st.actor(y); yt.IsActor() {
						st.emit(m.ID, schema.BackedBy, yid, schema.Asserted, "backed-by", q+1)
					}
				}
			}
		}
		// "X led by Y", "X backed by Y"
		if e+2 < len(toks) && (toks[e].Key == "led" || toks[e].Key == "backed" || toks[e].Key == "supported") && toks[e+1].Key == "by" || e+3 < len(toks) && (toks[e+1].Key == "led" || toks[e+1].Key == "backed") && toks[e+2].Key == "by" && toks[e].Kind == Word && !toks[e].Upper() {
			b, verb := e+2, toks[e]
			if toks[e+1].Key == "led" || toks[e+1].Key == "backed" {
				b, verb = e+3, toks[e+1]
			}
			for b < len(toks) && determiners.has(&toks[b]) {
				b++
			}
			if y := st.mentionAt(b); y != nil && y.Start == b {
				yid, _ := st.actor(y)
				if verb.Key == "led" {
					st.emit(yid, schema.LeaderOf, m.ID, schema.Asserted, "led-by", e)
				} else {
					st.emit(m.ID, schema.BackedBy, yid, schema.Asserted, "backed-by", e)
				}
			}
		}
		_ = k
	}
}

// ledBy reads who leads m from the words after it (m ends at e): "ISIS,
// led by Abu Bakr al-Baghdadi", "The group is led by X", "AQI, the
// network led by the Jordanian-born militant X", "a separate mission led
// by NATO".
func (st *sent) ledBy(m *Mention, e int) {
	toks := st.toks
	if m.Type == schema.Person || e+2 >= len(toks) || toks[e].Text != "," && !beAux.has(&toks[e]) {
		return
	}
	lead := e + 1
	if np := st.ledApposition(e + 1); np > 0 && toks[e].Text == "," {
		lead = np
	}
	if !ledWords.has(&toks[lead]) {
		return
	}
	by := lead + 1
	for by < len(toks) && by < lead+5 && toks[by].Key != "by" && toks[by].Text != "," {
		by++ // "led since October by"
	}
	if by >= len(toks) || toks[by].Key != "by" {
		return
	}
	y := st.leaderAfter(by + 1)
	if y == nil || y.Type != schema.Person && !(lead > e+1 && (m.Type == schema.Coalition || m.Type == schema.InternationalOrganization)) {
		return // an organisation leads only a coalition or mission named in an apposition
	}
	yid, _ := st.actor(y)
	rule := "led-by-person"
	if y.Type != schema.Person {
		rule = "led-by-apposition"
	}
	st.emit(yid, schema.LeaderOf, m.ID, st.modality(lead, false), rule, lead)
}

var describeStops = setOf("by", "to", "for", "with", "from", "that", "which", "who", "on", "at", "in", "into", "after", "before", "since", "against")

var frontNouns = setOf("banner", "front", "umbrella", "name", "coalition", "alliance", "network", "grouping", "label", "brand", "cover", "wing", "platform", "group", "organization", "organisation")

var ledWords = setOf("led", "headed", "commanded")

// ledApposition returns where "led" stands in an apposition of a common
// noun right after a name ("the network led by", "a separate non-combat
// mission led by"), or 0.
func (st *sent) ledApposition(i int) int {
	if i >= len(st.toks) || st.toks[i].Key != "a" && st.toks[i].Key != "an" && st.toks[i].Key != "the" {
		return 0
	}
	for j := i + 1; j < len(st.toks) && j <= i+7 && st.at[j] < 0; j++ {
		t := &st.toks[j]
		if ledWords.has(t) {
			if j > i+1 {
				return j
			}
			return 0
		}
		if t.Kind != Word && t.Text != "-" || t.Upper() {
			return 0
		}
	}
	return 0
}

// leaderAfter returns the leader named after "led by" at i: a person after
// descriptions ("the Jordanian-born militant X"), else the first actor.
func (st *sent) leaderAfter(i int) *Mention {
	var first *Mention
	for j := st.skipDet(i); j < len(st.toks) && j < i+7; j++ {
		t := &st.toks[j]
		if m := st.mentionAt(j); m != nil {
			if m.Type == schema.Person {
				return m
			}
			if first == nil && m.Kind != DemonymMention {
				first = m
				if m.Start == st.skipDet(i) {
					return m
				}
			}
			j = m.End - 1
			continue
		}
		if t.Kind != Word && t.Text != "-" || t.Upper() || clauseStops.has(t) || t.Key == "and" || t.Key == "which" || t.Key == "that" {
			break
		}
	}
	return first
}

var callingWords = setOf("calling", "call", "calls", "called")

// namedAfter finds "calling themselves X", "known as X", "dubbed X" right
// after a collective mention.
func (st *sent) namedAfter(m *Mention) *Mention {
	j := m.End
	if j < len(st.toks) && st.toks[j].Text == "," {
		j++
	}
	if j+1 < len(st.toks) && (callingWords.has(&st.toks[j]) && (st.toks[j+1].Key == "themselves" || st.toks[j+1].Key == "itself") || st.toks[j].Key == "known" || st.toks[j].Key == "dubbed" || st.toks[j].Key == "named") {
		for q := j + 1; q < len(st.toks) && q < j+5; q++ {
			if n := st.mentionAt(q); n != nil && n != m && n.Type == schema.ArmedGroup || n != nil && n.Type == schema.Coalition {
				return n
			}
		}
	}
	return nil
}

var describingStarts = setOf("a", "an", "the", "one", "another", "among", "part")

// describedBy returns the named mention that an appositive descriptor
// starting near token i describes: "Kataib Hezbollah, an Iran-backed
// militia", "the PMF—a predominantly Shiite, Iran-backed coalition".
func (st *sent) describedBy(i int) *Mention {
	for j := i - 1; j >= 1 && j >= i-8; j-- {
		t := &st.toks[j]
		if m := st.mentionAt(j); m != nil && m.Type == schema.Country && st.possessive(m.End) && m.End == j+1 {
			j = m.Start // "the most powerful of Iraq's Iran-backed factions"
			continue
		}
		if st.at[j] >= 0 && !st.compoundModifier(st.mentionAt(j)) {
			return nil
		}
		if t.Text != "," && t.Text != "—" && t.Text != "–" && t.Text != "(" && !(t.Text == "-" && t.Space) {
			if t.Kind != Word && !(t.Text == "-" && !t.Space) && st.at[j] < 0 {
				return nil
			}
			if describeStops.has(t) && !frontNouns.has(&st.toks[j-1]) && !(j > 1 && frontNouns.has(&st.toks[j-2])) {
				return nil // "X, a step long sought by Iran-aligned parties"; but "X, a banner used by Iran-backed factions"
			}
			continue
		}
		if !describingStarts.has(&st.toks[j+1]) {
			if t.Text == "," {
				continue // "a predominantly Shiite, Iran-backed": a list of adjectives
			}
			return nil
		}
		q := j - 1
		if st.toks[q].Text == ")" && q > 0 {
			q-- // "the Syrian Democratic Forces (SDF), a ..."
		}
		if m := st.mentionAt(q); m != nil && m.End == q+1 && m.Kind != DemonymMention && !m.Type.IsPlace() {
			return m
		}
		return nil
	}
	return nil
}

func (st *sent) nounAfter(i int) bool {
	return i < len(st.toks) && st.toks[i].Kind == Word && !st.toks[i].Upper()
}

// nameParts reads relations a multi-word name states about itself: "US-led
// coalition" (the US leads it), "Iranian proxies" or "Iran-aligned groups"
// (Iran backs them, as the gazetteer knows).
func (st *sent) nameParts(m *Mention) {
	for q := m.Start; q < m.End; q++ {
		state := st.d.stateAt(st.toks, q)
		if state == "" || state == m.ID {
			continue
		}
		if q+2 < m.End && st.toks[q+1].Text == "-" && st.toks[q+2].Key == "led" {
			st.d.entity(state, st.d.typeOf(state), "")
			st.emit(state, schema.LeaderOf, m.ID, schema.Asserted, "name-led", q)
			continue
		}
		if e, ok := st.d.x.gaz.Entry(m.ID); ok && slicesHas(e.Facts["backedBy"], state) {
			st.d.entity(state, st.d.typeOf(state), "")
			st.emit(m.ID, schema.BackedBy, state, schema.Asserted, "name-backed", q)
		}

	}
}

var sponsoredByVerbs = setOf("backed", "supported", "funded", "armed", "sponsored")

// descriptorBacking reads "the SDF, a Kurdish-led alliance backed by the
// United States": the descriptor's owner is backed by the agent.
func (st *sent) descriptorBacking() {
	toks := st.toks
	for i := 1; i+2 < len(toks); i++ {
		if toks[i+1].Key != "by" || !sponsoredByVerbs.has(&toks[i]) || st.at[i-1] >= 0 {
			continue
		}
		owner := st.describedBy(i)
		if owner == nil {
			continue
		}
		if y := st.mentionAt(st.skipDet(i + 2)); y != nil {
			if id, t := st.actor(y); t.IsActor() {
				st.emit(owner.ID, schema.BackedBy, id, schema.Asserted, "descriptor-backed", i)
			}
		}
	}
}

// militaryFacility reports whether a facility's name says it is a base or
// a mission a state runs abroad.
func militaryFacility(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"base", "embassy", "consulate", "garrison", "outpost", "camp", "nuclear", "facility"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

var countWords = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4}

// counted resolves a collective introduced by a count ("the two
// Iran-backed factions", "both groups") to the armed groups named last, in
// this sentence or the one before, when exactly that many distinct ones
// stand there.
func (st *sent) counted(m *Mention) []string {
	if m.Start == 0 {
		return nil
	}
	n := countWords[st.toks[m.Start-1].Key]
	if n == 0 || m.Start >= 2 && st.toks[m.Start-1].Key != "both" && (st.toks[m.Start-2].Key != "the" && st.toks[m.Start-2].Key != "these" && st.toks[m.Start-2].Key != "those") {
		return nil
	}
	var ids []string
	seen := map[string]bool{}
	take := func(ms []*Mention, before int) bool {
		for k := len(ms) - 1; k >= 0; k-- {
			g := ms[k]
			if g.Start >= before || g.Kind != NameMention || g.Type != schema.ArmedGroup || seen[g.ID] {
				continue
			}
			seen[g.ID] = true
			ids = append(ids, g.ID)
		}
		return len(ids) > 0
	}
	if !take(st.ms, m.Start) && st.si > 0 {
		take(st.d.ments[st.si-1], len(st.d.sents[st.si-1].Tokens))
	}
	if len(ids) != n {
		return nil
	}
	return ids
}
