package extract

import "github.com/actorgraph/actorgraph/schema"

var (
	militantNouns          = setOf("militia", "militant", "rebel", "opposition", "faction", "insurgent", "jihadist")
	rolePreps              = setOf("of", "for", "to", "at", "in")
	groupAdjectives        = setOf("rival", "powerful", "main", "armed", "militant", "hardline", "influential", "largest", "local")
	affiliationParticiples = setOf("backed", "aligned", "allied", "affiliated", "linked", "supported", "sponsored")
	envoyNouns             = setOf("ambassador", "ambassadors", "envoy", "envoys", "embassy")
	militantModifiers      = setOf("militia", "militant", "rebel", "opposition", "tribal", "resistance", "faction", "insurgent", "jihadist", "paramilitary")
)

// roleTarget finds the organisation or state a role at toks[i:i+n] belongs
// to: "of Y", "for Y", "to the Iraqi prime minister", or a demonym, state
// or organisation right before the role ("Iraqi Prime Minister",
// "Hezbollah leader", "NATO's Supreme Allied Commander").
func (st *sent) roleTarget(i, n int) (string, bool) {
	for q := i; q < i+n && q < len(st.toks); q++ {
		if militantNouns.has(&st.toks[q]) {
			return "", false // "militia leader": of a militia, whatever state is named
		}
	}
	j := i + n
	for j < len(st.toks) && st.toks[j].Text == "." {
		j++
	}
	if j < len(st.toks) && rolePreps.has(&st.toks[j]) {
		k := j + 1
		for k < len(st.toks) && determiners.has(&st.toks[k]) && st.mk(k) < 0 {
			k++
		}
		for a := 0; a < 2 && k+1 < len(st.toks) && st.mk(k) < 0 && groupAdjectives.has(&st.toks[k]); a++ {
			k++ // "leader of the rival Asaib Ahl al-Haq group"
		}
		if m := st.mentionAt(k); m != nil && m.Start == k && m.End+1 < len(st.toks) && st.toks[m.End].Text == "-" && affiliationParticiples.has(&st.toks[m.End+1]) {
			k = m.End + 2 // "leader of the Iran-backed Asaib Ahl al-Haq": the group, not its backer
		}
		// "the military spokesman for Prime Minister X": X's state
		if rs, n2 := st.roleAt(k); n2 > 0 && bestRole(rs).Leads == LeadsState {
			if p := st.mentionAt(k + n2); p != nil && p.Start == k+n2 && p.Type == schema.Person {
				if c := st.d.countryOfPersonAt(st.ms, p.Start); c != "" {
					return c, true
				}
			}
		}
		// "the US commander in Iraq": where the post is, not whose
		inPlace := false
		if m := st.mentionAt(k); m != nil && st.toks[j].Key == "in" && (m.Type == schema.Country || m.Metonym != "") {
			inPlace = true
		}
		// "Iran's ambassador to Syria": the host, not the sender
		if st.toks[j].Key == "to" && envoyNouns.has(&st.toks[i+n-1]) && i > 0 {
			inPlace = true
		}
		if m := st.mentionAt(k); m != nil && !inPlace && m.Start == k && (!m.Type.IsPlace() && m.Type != schema.Person || st.possessive(m.End) || m.Type == schema.Location && m.Metonym == "" && st.headOfPlace(i, n)) {
			// "head of Iraq's Popular Mobilization Forces": the possessed organisation
			if st.possessive(m.End) {
				if n := st.mentionAt(m.End + 1); n != nil {
					m = n
				}
			}
			id, _ := st.actor(m)
			// "adviser to the Iraqi prime minister": the state of the role.
			if m.Kind == DemonymMention && st.isRoleAt(m.End) {
				return id, true
			}
			if m.Kind == DemonymMention {
				return "", false
			}
			return id, true
		}
	}
	// Before the role: "Iraqi", "U.S.", "Hezbollah", "NATO's", "top Iranian".
	k := i - 1
	if k >= 0 && (st.toks[k].Key == "government" || st.toks[k].Key == "state") && st.at[k] < 0 {
		// "government spokesman Basim al-Awadi": the state in context
		if k > 0 && st.mk(k-1) >= 0 {
			if m := st.mentionAt(k - 1); m.Type == schema.Country || m.Metonym != "" {
				return st.actorID(m), true
			}
		}
		if c := st.contextCountry(k); c != "" {
			return c, true
		}
	}
	if k >= 2 && st.toks[k].Key == "and" && st.toks[k-1].Kind == Word && !st.toks[k-1].Upper() {
		// "the Houthis' chief negotiator and spokesman": the first post's owner
		k -= 2
		for k >= 0 && st.toks[k].Kind == Word && !st.toks[k].Upper() && st.at[k] < 0 && k >= i-5 {
			k--
		}
	}
	for k >= 0 && k >= i-2 && st.toks[k].Kind == Word && !st.toks[k].Upper() && st.at[k] < 0 && !determiners.has(&st.toks[k]) && (st.toks[k].Key != "whose" && st.toks[k].Key != "its" && st.toks[k].Key != "their") && st.adjective(k) {
		if militantModifiers.has(&st.toks[k]) {
			return "", false // "Iraqi militia leader": a leader of a militia, not of Iraq
		}
		k--
	}
	if k >= 0 && st.possessive(k) {
		k--
	}
	if m := st.mentionAt(k); m != nil && m.End == k+1 && m.Type != schema.Person && !m.Type.IsPlace() {
		id, _ := st.actor(m)
		return id, true
	}
	// "Kurdistan Region Prime Minister X", "Basra Governor X": a region's
	// own head; other posts ("Baghdad police chief") do not belong to the place.
	if m := st.mentionAt(k); m != nil && m.End == k+1 && m.Type == schema.Location && st.headOfPlace(i, n) {
		return st.actorID(m), true
	}
	// "Nujaba, whose secretary-general Akram al-Kaabi": the name before "whose".
	if k >= 1 && st.toks[k].Key == "whose" && st.toks[k-1].Text == "," {
		if m := st.mentionAt(k - 2); m != nil && m.Type != schema.Person && !m.Type.IsPlace() {
			return st.actorID(m), true
		}
	}
	// "its secretary-general, X": the group last named.
	if k >= 0 && st.toks[k].Key == "its" {
		if id := st.d.antecedent(st.ms, k, schema.ArmedGroup); id != "" && id != defaultCollectiveID {
			return id, true
		}
	}
	if m := st.mentionAt(k); m != nil && m.End == k+1 && m.Metonym != "" {
		return m.Metonym, true
	}
	return "", false
}

var (
	roleVerbStops = setOf("has", "have", "had", "will", "would", "said", "says")
	roleLinkWords = setOf("of", "for", "to", "at", "in", "and", "with")
)

// roles finds person–role relations: titles before names ("Iraqi Prime
// Minister X", "Hezbollah leader X", "Secretary-General of Y X"),
// appositions after them ("X, a spokesman for Y", "X the Iraqi prime
// minister").
func (st *sent) roles() {
	for _, m := range st.ms {
		st.orgApposition(m)
		st.patronApposition(m)
		st.ownGroup(m)
	}
	for k, m := range st.ms {
		if m.Type != schema.Person {
			continue
		}
		// Title before the name, maybe set off by a comma and an
		// honorific: "Iraq's caretaker prime minister, Adel Abdul Mahdi",
		// "Iran's supreme leader, Ayatollah Ali Khamenei".
		if at := st.titleComma(m.Start); at > 0 {
			if rs, n := st.d.roleEndingAt(st.toks, at); n > 0 {
				r := bestRole(rs)
				target, ok := st.roleTarget(at-n, n)
				if !ok && r.Predicate != "" && r.Leads == LeadsState {
					// "The Prime Minister and Commander-in-Chief of the
					// Armed Forces, Mr. X": the state the gazetteer knows X leads
					target, ok = st.knownPost(m.ID, r)
				}
				if ok && r.Predicate != "" {
					// "a senior Kataib Hezbollah commander, X": one of its commanders
					st.emit(m.ID, st.indefiniteRole(st.rolePredicate(r, target), at-n, target), target, schema.Asserted, "role-title-comma", m.Start)
					st.markTitle(at-n, m.Start)
				}
			}
		}
		// Title before the name.
		if rs, n := st.d.roleEndingAt(st.toks, m.Start); n > 0 {
			r := bestRole(rs)
			i := m.Start - n
			// "Ayatollah Seyed Ali Khamenei": honorifics in a row read as one.
			for r.Predicate == "" {
				rs2, n2 := st.d.roleEndingAt(st.toks, i)
				if n2 == 0 || bestRole(rs2).Predicate != "" {
					break
				}
				i -= n2
				n += n2
			}
			// "Secretary-General of the Badr Organization Hadi al-Ameri"
			target, ok := st.roleTarget(i, n)
			if !ok {
				target, ok = st.roleOfBefore(m.Start)
			}
			if !ok && r.Predicate != "" {
				target, ok = st.unnamedMinistry(m.ID, r, i)
			}
			if !ok && r.Predicate != "" {
				target, ok = st.knownPost(m.ID, r)
			}
			if ok && r.Predicate != "" {
				p := st.rolePredicate(r, target)
				st.emit(m.ID, p, target, schema.Asserted, "role-title", m.Start)
				st.regionGovernment(m.ID, p, target, i, n)
			}
			// "Pentagon press secretary Maj. Gen. Pat Ryder": a rank after the post.
			if rs2, n2 := st.d.roleEndingAt(st.toks, i); n2 > 0 {
				r2 := bestRole(rs2)
				t2, ok2 := st.roleTarget(i-n2, n2)
				if !ok2 && !ok && r2.Predicate != "" {
					// "Supreme Leader Ayatollah Ali Khamenei": the post the
					// gazetteer knows the person holds
					t2, ok2 = st.knownPost(m.ID, r2)
				}
				if ok2 && r2.Predicate != "" {
					p2 := st.rolePredicate(r2, t2)
					if ok && t2 == target {
						// "IRGC chief commander Major General X": one post,
						// named by its strongest title
						p1 := st.rolePredicate(r, target)
						st.dropStatement(m.ID, target)
						if roleRank(p1) > roleRank(p2) {
							p2 = p1
						}
					}
					st.emit(m.ID, p2, t2, schema.Asserted, "role-title", m.Start)
				}
				i -= n2
			}
			st.markTitle(i, m.Start)
		} else if target, ok := st.roleOfBefore(m.Start); ok {
			rs, _ := st.roleOfRole(m.Start)
			if p := bestRole(rs).Predicate; p != "" {
				st.emit(m.ID, p, target, schema.Asserted, "role-title-of", m.Start)
			}
		}
		// Apposition after the name: ", a spokesman for Y", " the Iraqi prime minister".
		j := m.End
		comma := false
		if j < len(st.toks) && st.toks[j].Text == "," {
			j++
			comma = true
		}
		if j < len(st.toks) && (st.toks[j].Key == "a" || st.toks[j].Key == "an" || st.toks[j].Key == "the") {
			j++
		} else if !comma {
			continue
		}
		for q := j; q < len(st.toks) && q < j+8; q++ {
			if st.toks[q].Text == "," || st.toks[q].Text == "." {
				break
			}
			if st.toks[q].Kind == Word && !st.toks[q].Upper() && (beAux.has(&st.toks[q]) || roleVerbStops.has(&st.toks[q])) {
				break // "X, had met PUK leaders": a verb, no apposition
			}
			rs, n := st.roleAt(q)
			if n > 0 && q+n < len(st.toks) && st.toks[q+n].Kind == Word && !st.toks[q+n].Upper() && !roleLinkWords.has(&st.toks[q+n]) {
				q += n - 1 // "chief negotiator": the role word only modifies the noun after it
				continue
			}
			if n > 0 && q+n+1 < len(st.toks) && st.toks[q+n].Key == "and" {
				if rs2, n2 := st.roleAt(q + n + 1); n2 > 0 && roleRank(bestRole(rs2).Predicate) > roleRank(bestRole(rs).Predicate) {
					q += n // "chief negotiator and spokesman": the second names the post
					continue
				}
			}
			if n == 0 {
				continue
			}
			r := bestRole(rs)
			target, ok := st.roleTarget(q, n)
			if ok && r.Predicate != "" && k >= 0 {
				p := st.indefiniteRole(st.rolePredicate(r, target), q, target)
				st.emit(m.ID, p, target, schema.Asserted, "role-apposition", q)
				st.regionGovernment(m.ID, p, target, q, n)
				st.markInner(q, q+n+6)
			}
			break
		}
	}
}

// asRole handles "X came back as the leader of a coalition": the clause's
// subject holds the role in the organisation.
func (st *sent) asRole() {
	for i := 0; i+3 < len(st.toks); i++ {
		if st.toks[i].starts&startsRule == 0 {
			continue
		}
		if st.toks[i].Key != "as" || (st.toks[i+1].Key != "the" && st.toks[i+1].Key != "a" && st.toks[i+1].Key != "an") {
			continue
		}
		rs, n := st.roleAt(i + 2)
		if n == 0 {
			continue
		}
		r := bestRole(rs)
		j := i + 2 + n
		if r.Predicate == "" || j >= len(st.toks) || st.toks[j].Key != "of" {
			continue
		}
		obj := st.mentionAt(st.skipDet(j + 1))
		if obj == nil || obj.Type == schema.Person {
			continue
		}
		subs := st.subjects(i)
		if len(subs) == 0 && st.subj != "" {
			subs = []string{st.subj}
		}
		for _, s := range subs {
			st.emit(s, r.Predicate, obj.ID, st.modality(i, false), "as-role", i)
		}
	}
}

// roleOfBefore handles "Secretary-General of the Badr Organization Hadi
// al-Ameri": a role, of, an organisation, right before the name.
func (st *sent) roleOfBefore(name int) (string, bool) {
	prev := st.mentionAt(name - 1)
	if prev == nil || prev.Type == schema.Person || prev.Type.IsPlace() {
		return "", false
	}
	k := prev.Start - 1
	for k >= 0 && determiners.has(&st.toks[k]) {
		k--
	}
	if k < 1 || (st.toks[k].Key != "of" && st.toks[k].Key != "for") {
		return "", false
	}
	if _, n := st.d.roleEndingAt(st.toks, k); n == 0 {
		return "", false
	}
	id, _ := st.actor(prev)
	return id, true
}

func (st *sent) roleOfRole(name int) ([]Role, int) {
	prev := st.mentionAt(name - 1)
	if prev == nil {
		return nil, 0
	}
	k := prev.Start - 1
	for k >= 0 && determiners.has(&st.toks[k]) {
		k--
	}
	return st.d.roleEndingAt(st.toks, k)
}

// knownPost returns the state or body a person holds a post in according to
// the gazetteer, when a title in the text names the post without its
// state ("Secretary of State Mike Pompeo").
func (st *sent) knownPost(id string, r Role) (string, bool) {
	p := r.Predicate
	e, ok := st.d.x.gaz.Entry(id)
	if !ok {
		return "", false
	}
	if r.Leads == LeadsBody {
		// "Speaker X": the assembly the gazetteer says X leads
		for _, v := range e.Facts["leaderOf"] {
			if t, ok := st.d.x.gaz.Entry(v); ok && t.Type == schema.GovernmentBody {
				return v, true
			}
		}
	}
	for _, key := range []string{string(p), "officialOf", "leaderOf"} {
		if v := e.Fact(key); v != "" {
			if t, ok := st.d.x.gaz.Entry(v); ok && t.Type == schema.Country {
				return v, true
			}
		}
	}
	return "", false
}

func bestRole(rs []Role) Role {
	for _, r := range rs {
		if r.Predicate != "" {
			return r
		}
	}
	if len(rs) > 0 {
		return rs[0]
	}
	return Role{}
}

var titleModifiers = setOf("top", "senior", "former", "deputy", "acting", "caretaker", "military", "chief")

// markTitle marks demonym and organisation mentions inside a title as
// inner, so they are not taken as subjects or objects of verbs.
func (st *sent) markTitle(from, to int) {
	// the title's modifiers run back over names, possessives and modifiers
	// ("top Iranian", "Iraq's caretaker"), never over a verb
	for from > 0 && from > to-8 {
		t := &st.toks[from-1]
		if st.at[from-1] >= 0 || st.possessive(from-1) || titleModifiers.has(t) {
			from--
			continue
		}
		break
	}
	for q := from; q < to; q++ {
		if m := st.mentionAt(q); m != nil && m.End <= to && m.Type != schema.Person {
			m.Inner = true
		}
	}
}

func (st *sent) markInner(from, to int) {
	for q := from; q < to && q < len(st.toks); q++ {
		if st.toks[q].Text == "," || st.toks[q].Text == "." {
			break
		}
		if m := st.mentionAt(q); m != nil {
			m.Inner = true
		}
	}
}

// rolePredicate is the relation a role held of target gives: only a role
// at the head of a state (roles.tsv's leads column) makes its holder the
// leader of a state; any other leading role (commander, speaker, chief)
// held "of" a state makes its holder an official of it.
func (st *sent) rolePredicate(r Role, target string) schema.Predicate {
	if r.Predicate == schema.LeaderOf && st.d.typeOf(target) == schema.Country && r.Leads != LeadsState {
		return schema.OfficialOf
	}
	return r.Predicate
}

var portfolioWords = setOf("regional", "country", "research", "program", "programme", "programs", "communications", "media", "advocacy", "area", "sector", "provincial", "operations")

var rankAdjectives = setOf("senior", "top", "deputy", "prominent", "key", "local", "field", "military", "former", "veteran", "founding", "leading", "high-ranking", "mid-level", "notorious", "powerful")

// portfolioHead reports whether the role starting at roleStart heads one
// region or portfolio of target, not target itself: "Middle East director
// at Human Rights Watch", "regional director". Such a head is an official.
func (st *sent) portfolioHead(roleStart int, target string) bool {
	if roleStart == 0 || st.d.typeOf(target) == schema.Country {
		return false
	}
	m := st.mentionAt(roleStart - 1)
	if m != nil && (m.Type == schema.Location || m.Type == schema.Country) && m.ID != target || portfolioWords.has(&st.toks[roleStart-1]) {
		return true
	}
	// "the top Marine commander in western Iraq": the post is one region's.
	if _, n := st.roleAt(roleStart); n > 0 {
		k := roleStart + n
		if k < len(st.toks) && st.toks[k].Key == "in" {
			k++
			for k < len(st.toks) && st.mk(k) < 0 && (determiners.has(&st.toks[k]) || regionAdjectives.has(&st.toks[k])) {
				k++
			}
			if p := st.mentionAt(k); p != nil && p.Start == k && (p.Type.IsPlace() || p.Type == schema.Country) && p.ID != target && !st.d.x.within(target, p.ID, 1) {
				return true // not "the Hezbollah leader in Lebanon", its home
			}
		}
	}
	return false
}

// subUnitHead reports whether the role at roleStart heads a part of the
// organisation named after it, not the organisation: "the commander of
// Hezbollah's southern front".
func (st *sent) subUnitHead(roleStart int) bool {
	_, n := st.roleAt(roleStart)
	k := roleStart + n
	if n == 0 || k >= len(st.toks) || st.toks[k].Key != "of" {
		return false
	}
	m := st.mentionAt(st.skipDet(k + 1))
	if m == nil || !st.possessive(m.End) || m.End+1 >= len(st.toks) {
		return false
	}
	t := &st.toks[m.End+1]
	return t.Kind == Word && !t.Upper() && st.at[m.End+1] < 0
}

var regionAdjectives = setOf("northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "far", "rural")

// indefiniteRole adjusts the predicate of a role set off before or after a
// name: a role introduced by "a" or "one of" ("a senior commander of
// Harakat al-Nujaba" is one of its commanders, a member, not its leader),
// and a portfolio's head (portfolioHead), an official.
func (st *sent) indefiniteRole(p schema.Predicate, roleStart int, target string) schema.Predicate {
	if p == schema.OfficialOf && st.d.typeOf(target) != schema.Country && roleStart > 0 && (st.toks[roleStart-1].Key == "deputy" || st.toks[roleStart-1].Key == "a" || st.toks[roleStart-1].Key == "an") {
		return schema.MemberOf // "a deputy commander of the IRGC"
	}
	if p != schema.LeaderOf {
		return p
	}
	if st.portfolioHead(roleStart, target) {
		return schema.OfficialOf
	}
	if st.subUnitHead(roleStart) {
		return schema.MemberOf // "the commander of Hezbollah's southern front"
	}
	j := roleStart - 1
	for j >= 0 && (rankAdjectives.has(&st.toks[j]) || st.at[j] >= 0) {
		j-- // "a senior Kataib Hezbollah commander"
	}
	if j >= 0 && (st.toks[j].Key == "a" || st.toks[j].Key == "an" || st.toks[j].Key == "another") || roleStart > 0 && st.toks[roleStart-1].Key == "deputy" {
		if st.d.typeOf(target) == schema.Country {
			return schema.OfficialOf
		}
		return schema.MemberOf
	}
	return p
}

// titleComma returns where a title set off by a comma before the name at
// token i ends ("prime minister, Adel Abdul Mahdi"), skipping honorifics
// and ranks ("Ayatollah", "Lt. Gen."); 0 when there is none.
func (st *sent) titleComma(i int) int {
	j := i
	for a := 0; a < 3; a++ { // "His Excellency Mr. X", "Lt. Gen. X": honorifics and ranks in a row
		rs, n := st.d.roleEndingAt(st.toks, j)
		if r := bestRole(rs); n == 0 || r.Predicate != "" && r.Leads != LeadsRank {
			break
		}
		j -= n
	}
	if j < 2 || st.toks[j-1].Text != "," || st.introEndsAt(j-1) {
		return 0
	}
	if rs, n := st.d.roleEndingAt(st.toks, j-1); n > 0 && bestRole(rs).Predicate != "" {
		return j - 1
	}
	// "Iran's ambassador to Syria, X", "the commander of the Quds Force
	// (IRGC-QF), X": the role ends before the preposition
	e := st.skipParen(j - 2)
	if p := st.mentionAt(e); p != nil && p.End == e+1 && p.Type != schema.Person {
		if q := st.skipDetBack(p.Start); q > 0 && (st.toks[q].Key == "to" || st.toks[q].Key == "of" || st.toks[q].Key == "for") {
			if rs, n := st.d.roleEndingAt(st.toks, q); n > 0 && bestRole(rs).Predicate != "" {
				return q
			}
		}
	}
	return 0
}

var (
	copulas        = setOf("is", "was", "are", "remains")
	membershipDets = setOf("a", "an", "another", "the", "one", "part")
	partNounsOf    = setOf("member", "faction", "part", "wing", "branch", "affiliate", "component", "backbone", "core", "arm", "offshoot", "unit", "brigade", "of")
	partNouns      = setOf("member", "faction", "part", "wing", "branch", "affiliate", "component", "backbone", "core", "arm", "offshoot", "unit", "brigade")
	// "one of the most powerful militias within the PMF"
	oneOfNouns  = setOf("members", "factions", "militias", "groups", "units", "components", "brigades", "wings", "affiliates")
	withinPreps = setOf("of", "within", "in", "inside")
)

// orgApposition reads "Harakat al-Nujaba, another member of the Islamic
// Resistance in Iraq", "X, a faction of Y", "X, one of the militias within
// Y" and "X, the largest Y faction": the group belongs to Y.
func (st *sent) orgApposition(m *Mention) {
	if m.Type != schema.ArmedGroup && m.Type != schema.Country && m.Type != schema.GovernmentBody || m.Kind == DemonymMention {
		return
	}
	j := m.End
	if j < len(st.toks) && st.toks[j].Text == ")" && m.Start > 0 && st.toks[m.Start-1].Text == "(" {
		j++ // "the People's Protection Units (YPG), the backbone of the SDF"
	}
	if j+3 < len(st.toks) && st.toks[j].Text == "," && (st.toks[j+1].Key == "which" || st.toks[j+1].Key == "that") && copulas.has(&st.toks[j+2]) {
		j += 2 // "Kataib Hezbollah, which is part of the PMF"
	}
	if j+3 >= len(st.toks) || st.toks[j].Text != "," && !copulas.has(&st.toks[j]) || !membershipDets.has(&st.toks[j+1]) {
		return
	}
	oneOf := st.toks[j+1].Key == "one" && st.toks[j+2].Key == "of"
	j += 2
	if st.toks[j-1].Key == "part" {
		j-- // "which is part of Y": "part" is the part noun
	}
	if oneOf {
		j = st.skipDet(j + 1)
	}
	start := j
	for j < len(st.toks) && j < start+4 && st.toks[j].Kind == Word && !st.toks[j].Upper() && st.at[j] < 0 && !partNounsOf.has(&st.toks[j]) && !oneOfNouns.has(&st.toks[j]) {
		j++
	}
	var y *Mention
	if p := st.mentionAt(j); p != nil && p.Start == j && p.Kind != DemonymMention && p.End < len(st.toks) && (partNouns.has(&st.toks[p.End]) || oneOf && oneOfNouns.has(&st.toks[p.End])) {
		y = p // "the largest PMF faction", "one of the PMF's brigades"
	} else {
		if j+1 >= len(st.toks) || !partNouns.has(&st.toks[j]) && !(oneOf && oneOfNouns.has(&st.toks[j])) {
			return
		}
		j++
		// "a unit in Y", "one of the militias within Y"; but "part in" is no membership
		if j < len(st.toks) && (st.toks[j].Key == "of" || (oneOf || st.toks[j-1].Key != "part") && withinPreps.has(&st.toks[j])) {
			j++
		} else {
			return
		}
		k := st.skipDet(j)
		if c := st.mentionAt(k); c != nil && c.Start == k && c.Type == schema.Country && st.possessive(c.End) {
			// "part of Iraq's state-sanctioned Popular Mobilization Forces"
			k = c.End + 1
			for q := 0; q < 4 && k+1 < len(st.toks) && st.at[k] < 0 && (st.toks[k].Kind == Word && !st.toks[k].Upper() || st.toks[k].Text == "-" && !st.toks[k].Space); q++ {
				k++
			}
		}
		y = st.mentionAt(k)
		if y != nil && y.Start != k {
			y = nil
		}
	}
	if y == nil || y.Type != schema.Coalition && y.Type != schema.ArmedGroup && y.Type != schema.InternationalOrganization {
		return
	}
	st.emit(m.ID, schema.MemberOf, y.ID, schema.Asserted, "apposition-member", m.End)
	y.Inner = true
}

var (
	patronNouns   = setOf("patron", "patrons", "backer", "backers", "sponsor", "sponsors", "supporter", "supporters", "benefactor", "benefactors", "paymaster", "paymasters", "protector")
	proxyNouns    = setOf("proxy", "proxies", "client", "clients", "surrogate", "surrogates")
	allyNouns     = setOf("ally", "allies", "partner", "partners")
	allyModifiers = setOf("ground", "military", "strategic", "security", "regional", "local")
)

// patronApposition reads who backs whom said in passing, after a comma:
// "Iran, Hezbollah's main patron," and "Iran, the chief sponsor of the
// militias" (the second backedBy the first); "Hezbollah, Iran's proxy in
// Lebanon" (the first backedBy the second); "Syria, Iran's closest ally"
// (allied).
func (st *sent) patronApposition(m *Mention) {
	if m.Kind == DemonymMention || m.Type == schema.Person || m.Type.IsPlace() && m.Metonym == "" {
		return
	}
	j := m.End
	if j+2 >= len(st.toks) || st.toks[j].Text != "," && !copulas.has(&st.toks[j]) {
		return // ", Hezbollah's main patron" or "was the main partner of"
	}
	j++
	var y *Mention
	if p := st.mentionAt(j); p != nil && p.Start == j && st.possessive(p.End) {
		y, j = p, p.End+1 // "Hezbollah's main patron"
	} else if st.toks[j].Key == "the" || st.toks[j].Key == "a" {
		j++ // "the main backer of Y"
	} else {
		return
	}
	for a := 0; a < 3 && j < len(st.toks) && st.toks[j].Kind == Word && !st.toks[j].Upper() && st.at[j] < 0 && (st.adjective(j) || allyModifiers.has(&st.toks[j])) && !patronNouns.has(&st.toks[j]) && !proxyNouns.has(&st.toks[j]) && !allyNouns.has(&st.toks[j]); a++ {
		j++ // "main", "chief", "closest", "main ground"
	}
	if j >= len(st.toks) {
		return
	}
	noun := st.toks[j]
	if y == nil {
		if j+1 >= len(st.toks) || st.toks[j+1].Key != "of" {
			return
		}
		y = st.mentionAt(st.skipDet(j + 2))
		if y == nil || y.Start != st.skipDet(j+2) || y.Type == schema.Person || y.Type.IsPlace() && y.Metonym == "" {
			return
		}
	}
	x, _ := st.actor(m)
	yID, _ := st.actor(y)
	switch {
	case patronNouns.has(&noun):
		st.emit(yID, schema.BackedBy, x, schema.Asserted, "apposition-patron", j)
	case proxyNouns.has(&noun):
		st.emit(x, schema.BackedBy, yID, schema.Asserted, "apposition-patron", j)
	case allyNouns.has(&noun):
		st.emit(x, schema.AlliedWith, yID, schema.Asserted, "apposition-patron", j)
	default:
		return
	}
	y.Inner = true
}

// dropStatement removes the statements linking s to o found so far in the
// sentence.
func (st *sent) dropStatement(s, o string) {
	kept := st.out[:0]
	for _, x := range st.out {
		if x.Subject != s || x.Object != o {
			kept = append(kept, x)
		}
	}
	st.out = kept
}

// roleRank orders the predicates a title can give: a leader's post beats
// an official's.
func roleRank(p schema.Predicate) int {
	switch p {
	case schema.LeaderOf:
		return 3
	case schema.SpokespersonFor:
		return 2
	case schema.OfficialOf:
		return 1
	}
	return 0
}

// contextCountry returns the state a sentence is about at token i: the
// nearest state (or capital standing for one) named before i, else the one
// named last before the sentence.
func (st *sent) contextCountry(i int) string {
	for k := len(st.ms) - 1; k >= 0; k-- {
		m := st.ms[k]
		if m.End > i {
			continue
		}
		if id, t := st.actor(m); t == schema.Country {
			return id
		}
	}
	if n := st.d.recentMark; n > 0 {
		return st.d.recent[n-1]
	}
	return ""
}

var introWords = setOf("speaking", "addressing", "writing", "talking", "commenting", "responding", "referring", "at", "in", "during", "after", "before", "on", "marking", "following")

// introEndsAt reports whether the comma at c ends an introductory phrase
// that opens the sentence ("Speaking at a ceremony marking the death of
// the former commander of the Quds Force, Araghchi said"): the name after
// it is the clause's subject, not the title's holder. The title must hang
// on a noun of the phrase ("of the former commander").
func (st *sent) introEndsAt(c int) bool {
	if !introWords.has(&st.toks[0]) {
		return false
	}
	for q := 1; q < c; q++ {
		if st.toks[q].Text == "," {
			return false
		}
	}
	for q := c - 1; q > 0; q-- {
		if _, n := st.d.roleEndingAt(st.toks, q+1); n > 0 {
			k := q - n
			for k > 0 && (determiners.has(&st.toks[k]) || rankAdjectives.has(&st.toks[k]) || st.at[k] >= 0) {
				k--
			}
			return st.toks[k].Key == "of"
		}
	}
	return false
}

// unnamedMinistry reads a ministry named without its state before the
// role at i ("Foreign Ministry spokesman X"): the ministry of the state
// the gazetteer says X serves, else of the state in context, if the
// gazetteer has it.
func (st *sent) unnamedMinistry(person string, r Role, i int) (string, bool) {
	if i < 2 || st.toks[i-1].Key != "ministry" || st.at[i-1] >= 0 || st.at[i-2] >= 0 || !st.toks[i-2].Upper() {
		return "", false
	}
	state, ok := st.knownPost(person, r)
	if !ok {
		state = st.contextCountry(i - 2)
	}
	if id := st.d.x.gaz.Ministry(state, st.toks[i-2].Key); id != "" {
		return id, true
	}
	return "", false
}

var headOfGovernmentTitles = setOf("prime", "premier")

// regionGovernment adds, for the head of a region's government ("Kurdistan
// Region Prime Minister X" leads the region), that X leads the region's
// government as well, when the gazetteer has one.
func (st *sent) regionGovernment(person string, p schema.Predicate, region string, i, n int) {
	if p != schema.LeaderOf || st.d.typeOf(region) != schema.Location {
		return
	}
	for q := i; q < i+n && q < len(st.toks); q++ {
		if headOfGovernmentTitles.has(&st.toks[q]) {
			if gov := st.d.x.gaz.Government(region); gov != "" {
				st.emit(person, schema.LeaderOf, gov, schema.Asserted, "role-region-government", i)
			}
			return
		}
	}
}

var headOfPlaceTitles = setOf("president", "premier", "governor", "prime")

// headOfPlace reports whether the role at toks[i:i+n] heads a territory:
// president, prime minister, premier or governor.
func (st *sent) headOfPlace(i, n int) bool {
	for q := i; q < i+n && q < len(st.toks); q++ {
		if headOfPlaceTitles.has(&st.toks[q]) {
			return true
		}
	}
	return false
}

var contrastStops = setOf(";", "but", "while", "whereas")

// ownGroup reads "Sadr ordered his Mahdi Army militia": a group that is a
// person's own is the group the person leads.
func (st *sent) ownGroup(m *Mention) {
	if m.Type != schema.ArmedGroup || m.Kind != NameMention || m.Start == 0 || (st.toks[m.Start-1].Key != "his" && st.toks[m.Start-1].Key != "her" && st.toks[m.Start-1].Key != "whose") {
		return
	}
	if st.toks[m.Start-1].Key == "whose" {
		// "Sadr, whose Mahdi Army fought": the name right before
		if p := st.mentionAt(m.Start - 3); m.Start >= 3 && p != nil && st.toks[m.Start-2].Text == "," && p.Type == schema.Person {
			st.emit(p.ID, schema.LeaderOf, m.ID, schema.Asserted, "own-group", m.Start)
		}
		return
	}
	for q := m.Start - 2; q >= 0; q-- {
		if contrastStops.has(&st.toks[q]) {
			return
		}
		if p := st.mentionAt(q); p != nil && p.End == q+1 && !(p.Type == schema.Person && st.possessive(p.End)) {
			if p.Type == schema.Person && !p.Inner {
				st.emit(p.ID, schema.LeaderOf, m.ID, schema.Asserted, "own-group", m.Start)
			}
			if p.Type == schema.Person {
				return
			}
			q = p.Start
		}
	}
}

// skipParen returns e, or the token before a parenthesis that ends at e:
// "the United Nations Assistance Mission for Iraq (UNAMI)".
func (st *sent) skipParen(e int) int {
	if e < 2 || st.toks[e].Text != ")" {
		return e
	}
	for q := e - 1; q > 0 && q >= e-4; q-- {
		if st.toks[q].Text == "(" {
			return q - 1
		}
	}
	return e
}
