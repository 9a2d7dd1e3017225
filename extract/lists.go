package extract

import (
	"github.com/actorgraph/actorgraph/schema"
)

var (
	includeVerbs  = setOf("include", "includes", "included", "including", "comprising", "comprises", "comprised")
	memberPlurals = setOf("countries", "nations", "states", "allies", "groups", "governments")
)

// lists finds membership lists: "X, said to include A, B and C", "X,
// which includes A and B", "a coalition ..., which included German,
// French and Italian troops".
func (st *sent) lists() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		among := toks[i].Key == "among" && i+1 < len(toks) && toks[i+1].Key == "them" || toks[i].Key == "such" && i+1 < len(toks) && toks[i+1].Key == "as"
		// "a front that groups A and B", "an alliance grouping A and B"
		groups := toks[i].Key == "grouping" || toks[i].Key == "uniting" || i > 0 && (toks[i].Key == "groups" || toks[i].Key == "unites") && (toks[i-1].Key == "that" || toks[i-1].Key == "which")
		if !among && !groups && !includeVerbs.has(&toks[i]) {
			continue
		}
		inv := toks[i].Key == "including" || among
		trigger := i // the first word of "including" / "among them" / "such as"
		if among {
			i++
		}
		// members: the mentions right after, as a coordinated group
		var members []*Mention
		for q := i + 1; q < len(toks) && q < i+4; q++ {
			if k := st.mk(q); k >= 0 {
				members = st.group(k)
				break
			}
		}
		if len(members) == 0 {
			continue
		}
		// container: the nearest organisation before that can hold such
		// members, skipping the descriptor ("an umbrella organization of
		// mostly Shiite militias that includes")
		_, memType := st.actor(members[0])
		var container *Mention
		for q := i - 1; q >= 0 && q >= i-16; q-- {
			m := st.mentionAt(q)
			if m == nil {
				continue
			}
			ok := m.Type == schema.Coalition || m.Type == schema.InternationalOrganization
			if memType == schema.ArmedGroup && m.Type == schema.ArmedGroup && m.Kind != CollectiveMention {
				ok = true
			}
			if ok && m.Kind != DemonymMention {
				container = m
				break
			}
			q = m.Start
		}
		// "Iran-backed militant groups, including Kataib Hezbollah and
		// Kataib Sayyid al-Shuhada": each is backed the same way.
		c := st.mentionAt(trigger - 1)
		if c == nil && trigger >= 2 && toks[trigger-1].Text == "," {
			c = st.mentionAt(trigger - 2)
		}
		if inv && c != nil && c.Kind == CollectiveMention && c.Backer != "" {
			for _, mem := range members {
				if mem.Type == schema.ArmedGroup && mem.Kind == NameMention {
					st.emit(mem.ID, schema.BackedBy, c.Backer, schema.Asserted, "collective-including", i)
				}
			}
		}
		// "several countries including Poland, Spain and Croatia": a
		// generic plural before "including" makes the list the actors,
		// unless a coalition before it draws on them.
		if inv && i > 0 && (memberPlurals.has(&toks[i-1]) || i > 1 && toks[i-1].Text == "," && memberPlurals.has(&toks[i-2])) {
			if container == nil || container.Type != schema.Coalition && container.Type != schema.InternationalOrganization {
				continue
			}
		}
		for _, mem := range members {
			if container == nil || toks[trigger].Key == "such" {
				break // "factions such as Kataib Hezbollah": examples, not members
			}
			if container.Type == schema.Coalition || container.Type == schema.InternationalOrganization || container.Type == schema.ArmedGroup && mem.Type == schema.ArmedGroup {
				id, _ := st.actor(mem)
				st.emit(id, schema.MemberOf, container.ID, st.modality(i, true), "list-include", i)
			}
			mem.Inner = true
		}
		if container != nil {
			for _, mem := range members {
				mem.Inner = true
			}
		}
	}
}

var (
	keepVerbs       = setOf("keeps", "kept", "has", "had", "maintains", "maintained", "deployed", "deploys", "stationed", "stations", "sent", "sends", "keep", "maintain", "have")
	troopCountWords = setOf("about", "some", "around", "roughly", "nearly", "approximately", "more", "than", "over", "up", "to", "military")
	troopModifiers  = setOf("military", "combat", "special", "ground", "coalition", "led", "-")
	stationedOrAux  = setOf("stationed", "based", "deployed", "remaining", "currently", "still", "now", "are", "were", "is", "remain", "remained", "also")
	stationedWords  = setOf("stationed", "based", "deployed", "remain", "remained", "remaining")
	approxWords     = setOf("about", "roughly", "some", "around", "nearly", "another")
)

// deployments finds "about 2,500 U.S. troops in Iraq and 900 in
// neighboring Syria", "US forces stationed in X", "the United States keeps
// about 2,500 troops in Iraq".
func (st *sent) deployments() {
	toks := st.toks
	st.hosts()
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		if !keepVerbs.has(&toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+4 && (toks[j].Kind == Number || troopCountWords.has(&toks[j])) {
			j++
		}
		if j+1 >= len(toks) || !troopNouns.has(&toks[j]) && !fighterNouns.has(&toks[j]) || j == i+1 && !sendVerbs.has(&toks[i]) || (toks[j+1].Key != "in" && toks[j+1].Key != "at" && toks[j+1].Key != "to") {
			continue // "keeps 2,500 troops in", "sent fighters to"; but "has forces in" needs a count
		}
		place := st.placeAfter(j + 2)
		if place == nil {
			continue
		}
		count, _ := st.countBefore(j)
		for _, s := range st.subjects(i) {
			st.emitCount(s, schema.DeployedIn, place.ID, st.modality(i, false), "deployed-keeps", i, count)
		}
	}
	for k, m := range st.ms {
		id, t := st.actor(m)
		if t != schema.Country && t != schema.Coalition && t != schema.InternationalOrganization {
			continue
		}
		j := m.End
		for j < len(toks) && j < m.End+2 && troopModifiers.has(&toks[j]) {
			j++
		}
		if j >= len(toks) || !troopNouns.has(&toks[j]) {
			continue
		}
		count, hasCount := st.countBefore(m.Start)
		q := j + 1
		// "soldiers and airmen are deployed at"
		if q+1 < len(toks) && toks[q].Key == "and" && troopNouns.has(&toks[q+1]) {
			q += 2
		}
		cue := false
		if q+1 < len(toks) && toks[q].Text == "," {
			// "US troops, about 2,500 of whom are stationed in Iraq"
			for w := q + 2; w < len(toks) && w <= q+6; w++ {
				if whichWhom.has(&toks[w]) && toks[w-1].Key == "of" && st.partitiveAfter(q+1, w-1) {
					q = w + 1
					break
				}
			}
		}
		for q < len(toks) && stationedOrAux.has(&toks[q]) {
			cue = cue || stationedWords.has(&toks[q])
			q++
		}
		if q >= len(toks) || (toks[q].Key != "in" && toks[q].Key != "to" && toks[q].Key != "at") {
			continue
		}
		if !hasCount && !cue && !st.existential(m.Start) {
			// "American forces in Iraq", but not as the target of an attack
			p := st.prepBefore(m)
			if p == "on" || p == "against" || p == "targeting" || p == "at" || p == "of" {
				continue
			}
		}
		place := st.placeAfter(q + 1)
		if place == nil {
			continue
		}
		mod := st.modality(m.Start, false)
		st.emitCount(id, schema.DeployedIn, place.ID, mod, "deployed-troops", m.Start, count)
		// "... and 900 in neighboring Syria"
		r := place.End
		if r+3 < len(toks) && toks[r].Key == "and" && approxWords.has(&toks[r+1]) {
			r++ // "and roughly 900 in Syria"
		}
		if r+2 < len(toks) && toks[r].Key == "and" && toks[r+1].Kind == Number && toks[r+2].Key == "in" || r+3 < len(toks) && toks[r-1].Key == "and" && toks[r].Kind != Number && toks[r+1].Kind == Number && toks[r+2].Key == "in" {
			if toks[r+1].Kind != Number {
				r++
			}
			if p2 := st.placeAfter(r + 3); p2 != nil {
				n2, _ := parseCount(toks[r+1].Text)
				st.emitCount(id, schema.DeployedIn, p2.ID, mod, "deployed-troops", r+1, n2)
			}
		}
		_ = k
	}
	st.unitTroops()
	st.positions()
	st.whereStationed()
	st.underSanctions()
}

var sanctionNouns = setOf("sanctions", "sanction", "indictment", "designation")

// underSanctions reads "X has been under US Treasury sanctions since
// 2008": the sanctioning body accuses X.
func (st *sent) underSanctions() {
	toks := st.toks
	for i := range st.wordsOf(underWords) {
		if i < 1 || i+2 >= len(toks) {
			continue
		}
		m := st.mentionAt(st.skipDet(i + 1))
		if m == nil || m.End >= len(toks) || !sanctionNouns.has(&toks[m.End]) {
			continue
		}
		by, t := st.actor(m)
		if !t.IsActor() {
			continue
		}
		for _, s := range st.subjects(i) {
			st.emit(by, schema.Accused, s, st.modality(i, false), "under-sanctions", i)
		}
	}
}

var (
	whereWords = setOf("where")
	underWords = setOf("under")
)

var whereVerbs = setOf("stationed", "based", "deployed", "garrisoned", "housed", "hosted")

// whereStationed reads "the al-Tanf garrison, where U.S. and coalition
// personnel are stationed", "Erbil, where US diplomats and military
// advisers are based": the actors of the clause are deployed in the
// place before "where".
func (st *sent) whereStationed() {
	toks := st.toks
	for w := range st.wordsOf(whereWords) {
		if w < 2 || w+2 >= len(toks) || toks[w-1].Text != "," {
			continue
		}
		p := st.mentionAt(st.skipParen(w - 2))
		if p == nil || !p.Type.IsPlace() {
			continue
		}
		if f := st.mentionAt(p.Start - 2); p.Start >= 2 && toks[p.Start-1].Key == "in" && f != nil && f.Type == schema.Facility {
			p = f // "Harir air base in Erbil province, where": the base
		}
		var actors []string
		for q := w + 1; q < len(toks) && q < w+12; q++ {
			if st.stop(q) || toks[q].Text == "," {
				break
			}
			if m := st.mentionAt(q); m != nil {
				if id, t := st.actor(m); t.IsActor() && t != schema.Person && !slicesHas(actors, id) {
					actors = append(actors, id)
				}
				q = m.End - 1
				continue
			}
			if whereVerbs.has(&toks[q]) && q > w+1 && (beAux.has(&toks[q-1]) || auxOrAdverbs.has(&toks[q-1])) {
				for _, a := range actors {
					st.emit(a, schema.DeployedIn, p.ID, st.modality(q, false), "where-stationed", q)
				}
				break
			}
		}
	}
}

var (
	sendVerbs     = setOf("sent", "sends", "deployed", "deploys") // of keepVerbs
	positionNouns = setOf("positions", "strongholds", "outposts", "checkpoints", "hideouts", "bases", "posts", "headquarters", "fighters")
	partWords     = setOf("much", "most", "parts", "part", "swathes", "swaths", "areas", "all")
	controlVerbs  = setOf("held", "holds", "hold", "controlled", "controls", "control", "occupied", "occupies")
	fellWords     = setOf("fell", "falls", "fallen")
	// positionStarts: the words after a name that positions() reads on from
	positionStarts = unionOf(positionNouns, controlVerbs, auxOrAdverbs, beAux)
)

// positions reads where an armed actor is from the ground it holds: "Mahdi
// Army positions in Basra", "ISIS has held the city of Fallujah since
// 2014" (deployedIn), and "Tikrit, which fell to ISIL" (the taker attacked
// the place).
func (st *sent) positions() {
	toks := st.toks
	for _, m := range st.ms {
		if m.End+2 >= len(toks) || m.Type == schema.Person {
			continue
		}
		if nt := &toks[m.End]; nt.Text != ")" && nt.Text != "," && !positionStarts.has(nt) {
			continue // most names are followed by none of the words the rules below read
		}
		if m.End+3 < len(toks) && toks[m.End].Text == ")" && positionNouns.has(&toks[m.End+1]) && (toks[m.End+2].Key == "in" || toks[m.End+2].Key == "around") {
			// "Islamic State of Iraq and the Levant (ISIL) positions in"
			if id, t := st.actor(m); t.IsActor() && t != schema.Person {
				if p := st.placeAfter(m.End + 3); p != nil && p.ID != id {
					st.emit(id, schema.DeployedIn, p.ID, st.modality(m.End, false), "positions-in", m.End)
				}
			}
			continue
		}
		if m.End+2 >= len(toks) || m.Type == schema.Person || !positionNouns.has(&toks[m.End]) && !controlVerbs.has(&toks[m.End]) && !auxOrAdverbs.has(&toks[m.End]) && !beAux.has(&toks[m.End]) && toks[m.End].Text != "," {
			continue // tests on the next word first: most names are followed by neither
		}
		id, t := st.actor(m)
		if !t.IsActor() || t == schema.Person {
			continue
		}
		// "Mahdi Army positions in Basra" (but "positions near Erbil" are not in it)
		if positionNouns.has(&toks[m.End]) && (toks[m.End+1].Key == "in" || toks[m.End+1].Key == "around") {
			if p := st.placeAfter(m.End + 2); p != nil && p.ID != id {
				st.emit(id, schema.DeployedIn, p.ID, st.modality(m.End, false), "positions-in", m.End)
			}
			continue
		}
		// "ISIS has held the city of Fallujah"
		q := m.End
		if q+1 < len(toks) && toks[q].Text == "," && (toks[q+1].Key == "who" || toks[q+1].Key == "which") {
			q += 2 // "the Houthis, who control"
		}
		for q < len(toks) && q < m.End+4 && (auxOrAdverbs.has(&toks[q]) || beAux.has(&toks[q])) {
			q++
		}
		if q+1 < len(toks) && controlVerbs.has(&toks[q]) {
			k := st.skipDet(q + 1)
			part := false
			if k+1 < len(toks) && partWords.has(&toks[k]) && toks[k+1].Key == "of" {
				k, part = st.skipDet(k+2), true // "much of", "parts of"
			}
			for k < len(toks) && regionAdjectives.has(&toks[k]) {
				k++ // "northern"
			}
			if k+1 < len(toks) && settlementNouns.has(&toks[k]) && toks[k+1].Key == "of" {
				k += 2 // "the city of"
			}
			// a state only when controlled, or in part: "held Iran responsible" is no ground
			if p := st.mentionAt(k); p != nil && p.Start == k && (p.Type.IsPlace() || p.Type == schema.Country && p.Kind != DemonymMention && (part || !holdVerbs.has(&toks[q]))) {
				st.emit(id, schema.DeployedIn, p.ID, st.modality(q, false), "held-place", q)
			}
		}
	}
	// "Tikrit, which fell to ISIL", "Mosul fell to the Islamic State"
	for i := range st.wordsOf(fellWords) {
		if i < 1 || i+2 >= len(toks) || toks[i+1].Key != "to" {
			continue
		}
		y := st.mentionAt(st.skipDet(i + 2))
		if y == nil {
			continue
		}
		yid, yt := st.actor(y)
		if !yt.IsActor() {
			continue
		}
		r := i - 1
		if r >= 1 && (toks[r].Key == "which" || toks[r].Key == "that") {
			r--
			if toks[r].Text == "," {
				r--
			}
		}
		if p := st.mentionAt(r); p != nil && p.End == r+1 && p.Type.IsPlace() {
			st.emit(yid, schema.Attacked, p.ID, st.modality(i, false), "fell-to", i)
		}
	}
}

var (
	sentWords = setOf("sent", "dispatched", "deployed", "redeployed", "stationed", "based", "flown", "moved")
	sentAux   = setOf("are", "were", "is", "was", "be", "being", "been", "have", "has", "had", "will", "to", "also", "now", "already")
)

// unitTroops reads troops of a unit sent somewhere: "about 750 soldiers
// from the 82nd Airborne Division were being sent to Kuwait".
func (st *sent) unitTroops() {
	toks := st.toks
	for k, m := range st.ms {
		if m.Start < 2 || m.Type != schema.GovernmentBody && m.Type != schema.ArmedGroup {
			continue
		}
		j := m.Start - 1
		for j > 0 && determiners.has(&toks[j]) {
			j--
		}
		if j < 1 || toks[j].Key != "from" && toks[j].Key != "of" || !troopNouns.has(&toks[j-1]) && !fighterNouns.has(&toks[j-1]) {
			continue
		}
		q := m.End
		for q < len(toks) && sentAux.has(&toks[q]) {
			q++
		}
		if q+1 >= len(toks) || !sentWords.has(&toks[q]) || toks[q+1].Key != "to" && toks[q+1].Key != "in" && toks[q+1].Key != "into" {
			continue
		}
		place := st.placeAfter(q + 2)
		if place == nil {
			continue
		}
		count, _ := st.countBefore(j - 1)
		st.emitCount(st.actorID(st.ms[k]), schema.DeployedIn, place.ID, st.modality(q, false), "deployed-unit-troops", q, count)
	}
}

func (st *sent) existential(i int) bool {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		if st.toks[j].Key == "there" {
			return true
		}
	}
	return false
}

func (st *sent) emitCount(subj string, p schema.Predicate, obj string, mod schema.Modality, rule string, trigger, count int) {
	n := len(st.out)
	st.emit(subj, p, obj, mod, rule, trigger)
	if len(st.out) > n && count > 0 {
		st.out[len(st.out)-1].Troops = count
	}
}

var (
	hostVerbs   = setOf("hosts", "hosted", "houses", "housed", "host", "house", "housing", "hosting")
	hostedNouns = setOf("base", "contingent", "mission", "personnel")
)

// hosts reads "the base hosts troops of the US-led coalition", "the airport,
// which houses a base of the coalition": the troops' owner is deployed at
// the place.
func (st *sent) hosts() {
	toks := st.toks
	for i := range st.wordsOf(hostVerbs) {
		var place *Mention
		if ids := st.placeSubject(i); len(ids) > 0 {
			place = st.mentionAt(st.lastMentionBefore(i))
		}
		if place == nil && i >= 2 && (toks[i-1].Key == "which" || toks[i-1].Key == "that") {
			if k := st.lastMentionBefore(i); k >= 0 && st.ms[st.at[k]].Type.IsPlace() {
				place = st.ms[st.at[k]]
			}
		}
		if place == nil {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+5 && st.mk(j) < 0 && (toks[j].Key != "of" && toks[j].Key != "from") {
			j++
		}
		if j+1 >= len(toks) || (toks[j].Key != "of" && toks[j].Key != "from") || !(troopNouns.has(&toks[j-1]) || hostedNouns.has(&toks[j-1])) {
			// "hosts American forces": the owner before the troop noun
			for q := i + 1; q < len(toks) && q < i+4; q++ {
				if m := st.mentionAt(q); m != nil && q+1 < len(toks) && troopNouns.has(&toks[m.End]) {
					st.emit(st.actorID(m), schema.DeployedIn, place.ID, st.modality(i, false), "hosts", i)
					break
				}
			}
			continue
		}
		if m := st.mentionAt(st.skipDet(j + 1)); m != nil {
			if id, typ := st.actor(m); typ.IsActor() {
				st.emit(id, schema.DeployedIn, place.ID, st.modality(i, false), "hosts", i)
			}
		}
	}
}

// lastMentionBefore returns the token index where the last mention before
// token i ends, or -1.
func (st *sent) lastMentionBefore(i int) int {
	for j := i - 1; j >= 0; j-- {
		if st.at[j] >= 0 {
			return j
		}
	}
	return -1
}
