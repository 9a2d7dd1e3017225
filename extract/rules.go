package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

// roleTarget finds the organisation or state a role at toks[i:i+n] belongs
// to: "of Y", "for Y", "to the Iraqi prime minister", or a demonym, state
// or organisation right before the role ("Iraqi Prime Minister",
// "Hezbollah leader", "NATO's Supreme Allied Commander").
func (st *sent) roleTarget(i, n int) (string, bool) {
	for q := i; q < i+n && q < len(st.toks); q++ {
		if st.toks[q].Is("militia", "militant", "rebel", "opposition", "faction", "insurgent", "jihadist") {
			return "", false // "militia leader": of a militia, whatever state is named
		}
	}
	j := i + n
	for j < len(st.toks) && st.toks[j].Text == "." {
		j++
	}
	if j < len(st.toks) && st.toks[j].Is("of", "for", "to", "at", "in") {
		k := j + 1
		for k < len(st.toks) && determiners[st.toks[k].Key] && st.mk(k) < 0 {
			k++
		}
		if m := st.mentionAt(k); m != nil && m.Start == k && (!m.Type.IsPlace() && m.Type != schema.Person || st.possessive(m.End)) {
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
	if k >= 0 && st.toks[k].Is("government", "state") && st.at[k] < 0 {
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
	for k >= 0 && k >= i-2 && st.toks[k].Kind == Word && !st.toks[k].Upper() && st.at[k] < 0 && !determiners[st.toks[k].Key] && st.adjective(k) {
		if st.toks[k].Is("militia", "militant", "rebel", "opposition", "tribal", "resistance", "faction", "insurgent", "jihadist", "paramilitary") {
			return "", false // "Iraqi militia leader": a leader of a militia, not of Iraq
		}
		k--
	}
	if k >= 0 && (st.toks[k].Key == "s") {
		k--
	}
	if m := st.mentionAt(k); m != nil && m.End == k+1 && m.Type != schema.Person && !m.Type.IsPlace() {
		id, _ := st.actor(m)
		return id, true
	}
	// "Nujaba, whose secretary-general Akram al-Kaabi": the name before "whose".
	if k >= 1 && st.toks[k].Is("whose") && st.toks[k-1].Text == "," {
		if m := st.mentionAt(k - 2); m != nil && m.Type != schema.Person && !m.Type.IsPlace() {
			return st.actorID(m), true
		}
	}
	// "its secretary-general, X": the group last named.
	if k >= 0 && st.toks[k].Is("its") {
		if id := st.d.antecedent(st.ms, k, schema.ArmedGroup); id != "" && id != defaultCollectiveID {
			return id, true
		}
	}
	if m := st.mentionAt(k); m != nil && m.End == k+1 && m.Metonym != "" {
		return m.Metonym, true
	}
	return "", false
}

// roles finds person–role relations: titles before names ("Iraqi Prime
// Minister X", "Hezbollah leader X", "Secretary-General of Y X"),
// appositions after them ("X, a spokesman for Y", "X the Iraqi prime
// minister").
func (st *sent) roles() {
	for _, m := range st.ms {
		st.orgApposition(m)
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
				if target, ok := st.roleTarget(at-n, n); ok && r.Predicate != "" {
					st.emit(m.ID, st.rolePredicate(r, target), target, schema.Asserted, "role-title-comma", m.Start)
					st.markTitle(at-n, m.Start)
				}
			}
		}
		// Title before the name.
		if rs, n := st.d.roleEndingAt(st.toks, m.Start); n > 0 {
			r := bestRole(rs)
			i := m.Start - n
			// "Secretary-General of the Badr Organization Hadi al-Ameri"
			target, ok := st.roleTarget(i, n)
			if !ok && i >= 2 {
				// "Secretary-General of Y X": role, of, Y, then the name.
				if prev := st.mentionAt(m.Start - 1); prev != nil && prev != m {
					_ = prev
				}
			}
			if !ok {
				target, ok = st.roleOfBefore(m.Start)
			}
			if !ok && r.Predicate != "" {
				target, ok = st.knownPost(m.ID, r.Predicate)
			}
			if ok && r.Predicate != "" {
				st.emit(m.ID, st.rolePredicate(r, target), target, schema.Asserted, "role-title", m.Start)
			}
			// "Pentagon press secretary Maj. Gen. Pat Ryder": a rank after the post.
			if rs2, n2 := st.d.roleEndingAt(st.toks, i); n2 > 0 {
				r2 := bestRole(rs2)
				if t2, ok2 := st.roleTarget(i-n2, n2); ok2 && r2.Predicate != "" {
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
		if j < len(st.toks) && st.toks[j].Is("a", "an", "the") {
			j++
		} else if !comma {
			continue
		}
		for q := j; q < len(st.toks) && q < j+8; q++ {
			if st.toks[q].Text == "," || st.toks[q].Text == "." {
				break
			}
			rs, n := st.roleAt(q)
			if n > 0 && q+n+1 < len(st.toks) && st.toks[q+n].Is("and") {
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
				st.emit(m.ID, st.indefiniteRole(st.rolePredicate(r, target), q, target), target, schema.Asserted, "role-apposition", q)
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
		if !st.toks[i].Is("as") || !st.toks[i+1].Is("the", "a", "an") {
			continue
		}
		rs, n := st.roleAt(i + 2)
		if n == 0 {
			continue
		}
		r := bestRole(rs)
		j := i + 2 + n
		if r.Predicate == "" || j >= len(st.toks) || !st.toks[j].Is("of") {
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
	for k >= 0 && determiners[st.toks[k].Key] {
		k--
	}
	if k < 1 || !st.toks[k].Is("of", "for") {
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
	for k >= 0 && determiners[st.toks[k].Key] {
		k--
	}
	return st.d.roleEndingAt(st.toks, k)
}

// knownPost returns the state or body a person holds a post in according to
// the gazetteer, when a title in the text names the post without its
// state ("Secretary of State Mike Pompeo").
func (st *sent) knownPost(id string, p schema.Predicate) (string, bool) {
	e, ok := st.d.x.gaz.Entry(id)
	if !ok {
		return "", false
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

// markTitle marks demonym and organisation mentions inside a title as
// inner, so they are not taken as subjects or objects of verbs.
func (st *sent) markTitle(from, to int) {
	// the title's modifiers run back over names, possessives and modifiers
	// ("top Iranian", "Iraq's caretaker"), never over a verb
	for from > 0 && from > to-8 {
		t := st.toks[from-1]
		if st.at[from-1] >= 0 || st.possessive(from-1) || t.Is("top", "senior", "former", "deputy", "acting", "caretaker", "military", "chief") {
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
				st.emit(m.ID, schema.OperatedBy, id, schema.Asserted, "facility-of", m.Start)
			}
		}
		e := m.End
		if e+2 < len(toks) && toks[e].Text == "-" && !toks[e].Space {
			w := toks[e+1]
			switch {
			case w.Is("led"):
				if next := st.mentionAt(e + 2); next != nil && next.Start == e+2 {
					id, _ := st.actor(m)
					st.emit(id, schema.LeaderOf, next.ID, schema.Asserted, "compound-led", e)
				} else if owner := st.describedBy(m.Start); owner != nil && st.nounAfter(e+2) {
					id, _ := st.actor(m)
					st.emit(id, schema.LeaderOf, owner.ID, schema.Asserted, "apposition-led", e)
				}
			case w.Is("backed", "supported", "sponsored", "funded", "armed", "aligned"):
				id, _ := st.actor(m)
				next := st.mentionAt(e + 2)
				for q := e + 2; next == nil && q < e+4 && q < len(toks) && toks[q].Is("group", "militia", "faction", "movement", "organization", "organisation", "force", "forces", "militant", "armed", "paramilitary", "umbrella", "coalition", "alliance"); q++ {
					next = st.mentionAt(q + 1)
				}
				if next != nil && next.Kind != CollectiveMention && next.Start > e {
					st.emit(next.ID, schema.BackedBy, id, schema.Asserted, "compound-backed", e)
				} else if owner := st.describedBy(m.Start); owner != nil {
					st.emit(owner.ID, schema.BackedBy, id, schema.Asserted, "apposition-backed", e)
				}
			}
		}
		// "ISIS, led by Abu Bakr al-Baghdadi", "The group is led by X"
		if q := e; q+2 < len(toks) && (toks[q].Text == "," || beAux[toks[q].Key]) && toks[q+1].Is("led", "headed", "commanded") {
			by := q + 2
			for by < len(toks) && by < q+6 && !toks[by].Is("by") && toks[by].Text != "," {
				by++ // "led since October by"
			}
			if by >= len(toks) || !toks[by].Is("by") {
				continue
			}
			if y := st.mentionAt(st.skipDet(by + 1)); y != nil && y.Type == schema.Person && m.Type != schema.Person {
				st.emit(y.ID, schema.LeaderOf, m.ID, st.modality(q+1, false), "led-by-person", q+1)
			}
		}
		// "the US-led coalition against ISIS": a coalition formed to fight
		if (m.Type == schema.Coalition || m.Type == schema.ArmedGroup) && e+1 < len(toks) && toks[e].Is("against", "fighting") {
			if y := st.mentionAt(st.skipDet(e + 1)); y != nil && y.Start <= e+2 {
				if yid, yt := st.actor(y); yt.IsActor() {
					st.emit(m.ID, schema.Attacked, yid, schema.Asserted, "coalition-against", e)
				}
			}
		}
		// "The Houthis, backed by Iran, fired"
		if q := e; q+3 < len(toks) && toks[q].Text == "," && toks[q+1].Is("backed", "supported", "funded", "armed") && toks[q+2].Is("by") {
			if y := st.mentionAt(st.skipDet(q + 3)); y != nil && m.Type != schema.Person {
				yid, yt := st.actor(y)
				if yt.IsActor() {
					st.emit(m.ID, schema.BackedBy, yid, schema.Asserted, "backed-by", q+1)
				}
			}
		}
		// "X led by Y", "X backed by Y"
		if e+2 < len(toks) && toks[e].Is("led", "backed", "supported") && toks[e+1].Is("by") || e+3 < len(toks) && toks[e+1].Is("led", "backed") && toks[e+2].Is("by") && toks[e].Kind == Word && !toks[e].Upper() {
			b, verb := e+2, toks[e]
			if toks[e+1].Is("led", "backed") {
				b, verb = e+3, toks[e+1]
			}
			for b < len(toks) && determiners[toks[b].Key] {
				b++
			}
			if y := st.mentionAt(b); y != nil && y.Start == b {
				yid, _ := st.actor(y)
				if verb.Is("led") {
					st.emit(yid, schema.LeaderOf, m.ID, schema.Asserted, "led-by", e)
				} else {
					st.emit(m.ID, schema.BackedBy, yid, schema.Asserted, "backed-by", e)
				}
			}
		}
		_ = k
	}
}

// namedAfter finds "calling themselves X", "known as X", "dubbed X" right
// after a collective mention.
func (st *sent) namedAfter(m *Mention) *Mention {
	j := m.End
	if j < len(st.toks) && st.toks[j].Text == "," {
		j++
	}
	if j+1 < len(st.toks) && (st.toks[j].Is("calling", "call", "calls", "called") && st.toks[j+1].Is("themselves", "itself") || st.toks[j].Is("known", "dubbed", "named")) {
		for q := j + 1; q < len(st.toks) && q < j+5; q++ {
			if n := st.mentionAt(q); n != nil && n != m && n.Type == schema.ArmedGroup || n != nil && n.Type == schema.Coalition {
				return n
			}
		}
	}
	return nil
}

// describedBy returns the named mention that an appositive descriptor
// starting near token i describes: "Kataib Hezbollah, an Iran-backed
// militia", "the PMF—a predominantly Shiite, Iran-backed coalition".
func (st *sent) describedBy(i int) *Mention {
	for j := i - 1; j >= 1 && j >= i-8; j-- {
		t := st.toks[j]
		if st.at[j] >= 0 {
			return nil
		}
		if t.Text != "," && t.Text != "—" && t.Text != "–" && t.Text != "(" && !(t.Text == "-" && t.Space) {
			if t.Kind != Word {
				return nil
			}
			continue
		}
		if !st.toks[j+1].Is("a", "an", "the", "one", "another", "among", "part") {
			if t.Text == "," {
				continue // "a predominantly Shiite, Iran-backed": a list of adjectives
			}
			return nil
		}
		if m := st.mentionAt(j - 1); m != nil && m.End == j && m.Kind != DemonymMention && !m.Type.IsPlace() {
			return m
		}
		return nil
	}
	return nil
}

func (st *sent) nounAfter(i int) bool {
	return i < len(st.toks) && st.toks[i].Kind == Word && !st.toks[i].Upper()
}

// places finds locatedIn relations: "Naples, Italy", "the Green Zone in
// Baghdad", "Erbil, in the Kurdistan region", "Baghdad's Green Zone", and
// names that contain their place ("US Embassy in Baghdad").
func (st *sent) places() {
	toks := st.toks
	for k, m := range st.ms {
		if m.Type != schema.Location && m.Type != schema.Facility {
			continue
		}
		// A name that contains its place: "US Embassy in Baghdad", "Naples, Italy".
		if m.End-m.Start > 1 && st.hasPlaceLink(m) {
			st.nameContainsPlace(m)
		}
		if k+1 >= len(st.ms) {
			continue
		}
		n := st.ms[k+1]
		if n.Type != schema.Location && n.Type != schema.Country || n.Kind == DemonymMention {
			continue
		}
		between := toks[m.End:n.Start]
		var words []string
		for _, t := range between {
			if t.Text == "'" || t.Text == "’" || t.Text == "\"" {
				continue
			}
			words = append(words, t.Key)
		}
		rule := ""
		switch {
		case len(words) == 1 && words[0] == ",":
			// "Naples, Italy" — but not a list "Jordan, Kuwait and Iraq".
			if k+2 < len(st.ms) {
				after := toks[n.End:min(n.End+2, len(toks))]
				if len(after) > 0 && (after[0].Is("and", "or") || after[0].Text == "," && k+2 < len(st.ms) && st.ms[k+2].Start <= n.End+2) {
					continue
				}
			}
			if n.End < len(toks) && toks[n.End].Kind != Punct {
				continue // "the Green Zone, Washington has ...": a new clause
			}
			rule = "place-comma"
		case len(words) >= 1 && (words[0] == "in" || words[0] == "," && len(words) >= 2 && words[1] == "in"):
			ok := true
			for _, w := range words[1:] {
				if w == "in" || w == "," || w == "-" {
					continue
				}
				if !determiners[w] && !placeAdjectives[w] {
					ok = false
				}
			}
			if !ok {
				continue
			}
			rule = "place-in"
		default:
			continue
		}
		if m.ID == n.ID || n.Type == schema.Location && m.Type == schema.Location && st.d.x.contains(m.ID, n.ID) == -1 {
			continue
		}
		st.emit(m.ID, schema.LocatedIn, n.ID, schema.Asserted, rule, m.End)
	}
	// "Tower 22, a logistics support base in northeast Jordan"
	for _, a := range st.ms {
		if a.Type != schema.Location && a.Type != schema.Facility || a.End+3 >= len(toks) || toks[a.End].Text != "," || !toks[a.End+1].Is("a", "an", "the") {
			continue
		}
		for q := a.End + 2; q < len(toks) && q < a.End+9; q++ {
			if toks[q].Text == "," || st.mk(q) >= 0 {
				break
			}
			if toks[q].Is("in", "near", "outside") && toks[q-1].Is("base", "town", "city", "village", "district", "province", "outpost", "garrison", "airport", "port", "camp", "region", "facility", "site", "area", "compound") {
				if toks[q].Is("in") {
					if b := st.placeAfter(q + 1); b != nil && b.ID != a.ID {
						st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-apposition", q)
					}
				}
				break
			}
		}
	}
	// "Erbil, the capital of Iraq's Kurdistan Region"
	for k := 0; k+1 < len(st.ms); k++ {
		a := st.ms[k]
		if a.Type != schema.Location {
			continue
		}
		j := a.End
		if j+3 < len(toks) && toks[j].Text == "," && toks[j+1].Is("the") && toks[j+2].Is("capital", "seat", "largest", "main") {
			q := j + 3
			for q < len(toks) && q < j+6 && !toks[q].Is("of") {
				q++
			}
			if b := st.mentionAt(st.skipDet(q + 1)); q < len(toks) && toks[q].Is("of") && b != nil && (b.Type == schema.Location || b.Type == schema.Country) {
				if st.possessive(b.End) {
					if c := st.mentionAt(b.End + 1); c != nil && c.Type == schema.Location {
						b = c
					}
				}
				st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-capital", j)
			}
		}
	}
	// "Baghdad's Green Zone"
	for k := 0; k+1 < len(st.ms); k++ {
		a, b := st.ms[k], st.ms[k+1]
		if (a.Type == schema.Location || a.Type == schema.Country) && (b.Type == schema.Location || b.Type == schema.Facility) &&
			b.Start == a.End+1 && toks[a.End].Key == "s" {
			st.emit(b.ID, schema.LocatedIn, a.ID, schema.Asserted, "place-possessive", a.End)
		}
	}
}

var placeAdjectives = wordSet("compound", "complex", "headquarters", "facility", "base", "airport", "site", "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "northwestern", "northeastern", "southwestern", "southeastern", "semi", "autonomous", "semi-autonomous", "restive", "neighboring", "neighbouring", "nearby", "capital", "city", "province", "of", "iraqi", "syrian", "kurdish", "volatile", "oil-rich", "oil", "rich", "desert", "border", "so", "called", "so-called")

// contains reports whether the gazetteer places b inside a (1), a inside b
// (-1) or does not know (0).
func (x *Extractor) contains(a, b string) int {
	if x.within(b, a, 6) {
		return 1
	}
	if x.within(a, b, 6) {
		return 0
	}
	return 0
}

func (x *Extractor) within(a, b string, depth int) bool {
	if depth == 0 {
		return false
	}
	e, ok := x.gaz.Entry(a)
	if !ok {
		return false
	}
	for _, in := range e.Facts["in"] {
		if in == b || x.within(in, b, depth-1) {
			return true
		}
	}
	return false
}

// lists finds membership lists: "X, said to include A, B and C", "X,
// which includes A and B", "a coalition ..., which included German,
// French and Italian troops".
func (st *sent) lists() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		among := toks[i].Is("among") && i+1 < len(toks) && toks[i+1].Is("them")
		if !among && !toks[i].Is("include", "includes", "included", "including", "comprising", "comprises", "comprised") {
			continue
		}
		inv := toks[i].Is("including") || among
		trigger := i // the first word of "including" / "among them"
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
		if c := st.mentionAt(trigger - 2); inv && c != nil && c.Kind == CollectiveMention && c.Backer != "" && toks[trigger-1].Text == "," {
			for _, mem := range members {
				if mem.Type == schema.ArmedGroup && mem.Kind == NameMention {
					st.emit(mem.ID, schema.BackedBy, c.Backer, schema.Asserted, "collective-including", i)
				}
			}
		}
		// "several countries including Poland, Spain and Croatia": a
		// generic plural before "including" makes the list the actors,
		// unless a coalition before it draws on them.
		if inv && i > 0 && (toks[i-1].Is("countries", "nations", "states", "allies", "groups", "governments") || i > 1 && toks[i-1].Text == "," && toks[i-2].Is("countries", "nations", "states", "allies", "groups", "governments")) {
			if container == nil || container.Type != schema.Coalition && container.Type != schema.InternationalOrganization {
				continue
			}
		}
		for _, mem := range members {
			if container == nil {
				break
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

// deployments finds "about 2,500 U.S. troops in Iraq and 900 in
// neighboring Syria", "US forces stationed in X", "the United States keeps
// about 2,500 troops in Iraq".
func (st *sent) deployments() {
	toks := st.toks
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		if !toks[i].Is("keeps", "kept", "has", "had", "maintains", "maintained", "deployed", "deploys", "stationed", "stations", "sent", "sends", "keep", "maintain", "have") {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+4 && (toks[j].Kind == Number || toks[j].Is("about", "some", "around", "roughly", "nearly", "approximately", "more", "than", "over", "up", "to", "military")) {
			j++
		}
		if j+1 >= len(toks) || !troopNouns[toks[j].Key] || j == i+1 || !toks[j+1].Is("in", "at", "to") {
			continue
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
		for j < len(toks) && j < m.End+2 && toks[j].Is("military", "combat", "special", "ground", "coalition", "led", "-") {
			j++
		}
		if j >= len(toks) || !troopNouns[toks[j].Key] {
			continue
		}
		count, hasCount := st.countBefore(m.Start)
		q := j + 1
		// "soldiers and airmen are deployed at"
		if q+1 < len(toks) && toks[q].Is("and") && troopNouns[toks[q+1].Key] {
			q += 2
		}
		cue := false
		for q < len(toks) && toks[q].Is("stationed", "based", "deployed", "remaining", "currently", "still", "now", "are", "were", "is", "remain", "remained", "also") {
			cue = cue || toks[q].Is("stationed", "based", "deployed", "remain", "remained", "remaining")
			q++
		}
		if q >= len(toks) || !toks[q].Is("in", "to", "at") {
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
		if r+3 < len(toks) && toks[r].Is("and") && toks[r+1].Is("about", "roughly", "some", "around", "nearly", "another") {
			r++ // "and roughly 900 in Syria"
		}
		if r+2 < len(toks) && toks[r].Is("and") && toks[r+1].Kind == Number && toks[r+2].Is("in") || r+3 < len(toks) && toks[r-1].Is("and") && toks[r].Kind != Number && toks[r+1].Kind == Number && toks[r+2].Is("in") {
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
}

func (st *sent) existential(i int) bool {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		if st.toks[j].Is("there") {
			return true
		}
	}
	return false
}

func (st *sent) placeAfter(i int) *Mention {
	for q := i; q < len(st.toks) && q < i+4; q++ {
		if m := st.mentionAt(q); m != nil {
			if m.Type.IsPlace() || m.Type == schema.Country {
				return m
			}
			return nil
		}
	}
	return nil
}

func (st *sent) emitCount(subj string, p schema.Predicate, obj string, mod schema.Modality, rule string, trigger, count int) {
	n := len(st.out)
	st.emit(subj, p, obj, mod, rule, trigger)
	if len(st.out) > n && count > 0 {
		st.out[len(st.out)-1].Troops = count
	}
}

// verbs applies the verb lexicon: active voice (subject, verb, object) and
// passive voice (patient, be, participle, by agent / in an agent's strike).
func (st *sent) verbs() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != Word || toks[i].Upper() && i > 0 {
			continue
		}
		vs, n := st.verbAt(i)
		if n == 0 || st.at[i] >= 0 {
			continue
		}
		v := pickVerb(vs)
		passive := false
		if st.auxBefore(i) {
			for _, w := range vs {
				if w.Form == Participle {
					v, passive = w, true
					break
				}
			}
		}
		if i > 0 && toks[i-1].Text == "-" && !toks[i-1].Space {
			continue // "state-funded", "Iran-aligned": part of a compound adjective
		}
		if i > 1 && toks[i-2].Is("what") && toks[i-1].Is("he", "she", "it", "they", "we", "officials") {
			continue // "what he called an unjustified attack": a hedge, no event
		}
		if (v.Form == Base || v.Form == Third) && i+1 < len(toks) && toks[i+1].Is("of") {
			continue // "head of UNAMI", "attacks of": a noun
		}
		if v.Lemma == "back" && v.Form == Base {
			continue // "came back", "flown back": an adverb far more often than a verb
		}
		if i > 0 && v.Form != Past && v.Form != Participle && st.afterDeterminer(i) {
			continue // a noun: "the attack", "their attacks", "an "imminent" attack"
		}
		if (v.Predicate == schema.Killed || v.Predicate == schema.Wounded) && i > 0 && toks[i-1].Kind == Number {
			continue // "16 were killed and 25 wounded": an elliptical passive
		}
		if v.Form == Third || v.Form == Base {
			if _, nn := st.nounAt(i); nn > 0 && i > 0 && (st.at[i-1] >= 0 || st.nounModifier(i-1) || nounPreps[toks[i-1].Key]) {
				continue // "US-Israeli strikes", "drone attacks"
			}
		}
		if (v.Form == Past || v.Form == Participle) && i+1 < len(toks) && (toks[i+1].starts&startsMilitia != 0 && v.Lemma == "arm" || toks[i+1].Is("groups", "men", "conflict", "clashes")) && st.at[i+1] < 0 {
			continue // "armed groups", "armed men": an adjective
		}
		if (v.Form == Third || v.Form == Base) && i > 0 && (st.pastVerb(i-1) || toks[i-1].Kind == Number) {
			continue // "struck targets": a noun after a finite verb
		}
		if v.Form == Third && strings.HasSuffix(toks[i].Key, "s") {
			// "revive talks", "militia targets": a plural event noun unless
			// its subject stands right before it ("Iran attacks US bases").
			if _, nn := st.nounAt(i); nn > 0 && (i == 0 || st.at[i-1] < 0 && !(i > 1 && st.at[i-2] >= 0 && toks[i-1].Kind == Word && !toks[i-1].Upper())) {
				continue
			}
		}
		if v.Form == Gerund && i > 0 && !beAux[toks[i-1].Key] && !aspectual[toks[i-1].Key] && toks[i-1].Text != "," && st.at[i-1] < 0 {
			continue // "focuses on advising", "strikes targeting": not a finite verb
		}
		end := i + n
		if !passive && hasForm(vs, Participle) && end < len(toks) && toks[end].Is("in", "by") && i > 0 && st.at[i-1] >= 0 {
			// "Nasrallah killed in Israeli strike": a headline's passive
			if len(st.agents(end)) > 0 {
				for _, w := range vs {
					if w.Form == Participle {
						v, passive = w, true
						break
					}
				}
			}
		}
		if passive {
			patients := st.patients(i)
			if !st.patientNear(i) {
				patients = nil // "Biden said the drone had been launched by ...": the drone, no actor
			}
			agents := st.agents(end)
			if len(agents) == 0 && len(patients) > 0 && end < len(toks) && slicesHas(v.ObjPreps, toks[end].Key) && toks[end].Key != "" {
				// "Hezbollah is allied with Iran": a state, not a passive
				for _, s := range patients {
					for _, o := range st.objects(end, v.Predicate, v.ObjPreps) {
						st.emitVerb(v, s, o, st.modality(i, false), "verb-state", i)
					}
				}
				i = end - 1
				continue
			}
			if len(patients) == 0 || len(agents) == 0 {
				i = end - 1
				continue
			}
			mod := st.modality(i, false)
			for _, a := range agents {
				for _, p := range patients {
					st.emitVerb(v, a.id, p, mod, "passive", i)
					if a.strike && (v.Predicate == schema.Killed || v.Predicate == schema.Wounded) {
						st.emit(a.id, schema.Struck, p, mod, "passive-strike", i)
					}
				}
			}
			i = end - 1
			continue
		}
		if v.Form == Past && hasForm(vs, Participle) && i > 0 && st.at[i-1] < 0 && !st.toks[i-1].Upper() && st.participial(i) {
			continue // "sites used by", "bases located in": a participle, not a finite verb
		}
		if v.Form == Participle && !hasForm(vs, Past) && !st.perfectBefore(i) {
			continue // "sites used by", "bases located in": not a finite verb
		}
		subs := st.subjects(i)
		if i >= 2 && toks[i-1].Is("and") && st.lastVerb >= 0 && i-st.lastVerb < 12 {
			// "that killed a contractor and wounded several troops": the
			// second verb shares the first one's subject.
			subs = st.lastSubs
		}
		if i >= 2 && toks[i-1].Is("it", "they") && toks[i-2].Kind == Word && st.at[i-1] < 0 &&
			(st.at[i-2] >= 0 || !toks[i-2].Upper() && st.adjective(i-2) && !toks[i-2].Is("and", "said", "says", "announced", "that", "if", "so", "because", "where")) {
			// "the militias it backs", "the escalation it directed": a
			// relative clause whose object is the noun before the pronoun.
			if m := st.mentionAt(i - 2); m != nil && m.End == i-1 {
				for _, s := range st.nearestActorBefore(m.Start) {
					o, _ := st.actor(m)
					st.emitVerb(v, s, o, st.modality(i, false), "verb-relative", i)
				}
			}
			i = end - 1
			continue
		}
		if len(subs) == 0 && (v.Predicate == schema.Attacked || v.Predicate == schema.Struck || v.Predicate == schema.Killed || v.Predicate == schema.Wounded) {
			subs = st.weaponSubject(i)
		}
		st.lastVerb, st.lastSubs = i, subs
		if len(subs) == 0 {
			if v.Predicate == schema.Attacked || v.Predicate == schema.Struck {
				// "a drone targeted Harir air base": who did it may be
				// claimed later
				st.d.unclaimed = st.objects(end, v.Predicate, v.ObjPreps)
			}
			continue
		}
		// Truce: "agreed to stop attacks targeting X".
		btw := end
		for btw < len(toks) && btw < end+4 && !toks[btw].Is("between") && toks[btw].Kind != Punct {
			btw++ // "agreed in April 2022 between the coalition and the rebels"
		}
		if info, _ := v.Predicate.Info(); info.Symmetric && btw < len(toks) && toks[btw].Is("between") {
			// "a ceasefire agreed between Israel and the Lebanese government"
			if k := st.mk(st.skipDet(btw + 1)); k >= 0 {
				if g := st.group(k); len(g) >= 2 {
					a, _ := st.actor(g[0])
					b, _ := st.actor(g[1])
					st.emit(a, v.Predicate, b, st.modality(i, false), "verb-between", i)
				}
			}
		}
		objs := st.objects(end, v.Predicate, v.ObjPreps)
		if info, _ := v.Predicate.Info(); !info.Event && v.Predicate != schema.BackedBy && len(objs) > 0 {
			// "led a military coalition against the Houthis": a standing
			// relation takes the object right after its verb
			if k := st.mk(st.skipDet(st.skipAdj(end))); k < 0 || !slicesHas(objs, st.ms[k].ID) && !slicesHas(objs, st.actorID(st.ms[k])) {
				objs = nil
			}
		}
		if v.Predicate == schema.Threatened && len(objs) == 0 && end+1 < len(toks) && toks[end].Is("to") {
			// "vowed to continue its fight against Israel"
			objs = st.threatTarget(end+1, subs)
		}
		if v.Predicate == schema.Threatened && end < len(toks) && toks[end].Is("that") {
			// "warned that the US would hit Iranian sites": the threat is
			// against the object of what it says would happen.
			objs = st.threatTarget(end+1, subs)
		}
		mod := st.modality(i, false)
		for _, s := range subs {
			for _, o := range objs {
				st.emitVerb(v, s, o, mod, "verb", i)
			}
		}
		if len(subs) > 0 && st.subj == "" {
			st.subj = subs[0]
		}
		i = end - 1
	}
	st.truces()
}

func pickVerb(vs []Verb) Verb {
	best := vs[0]
	for _, v := range vs[1:] {
		if v.Form == Past && best.Form != Past {
			best = v
		}
	}
	return best
}

func (st *sent) emitVerb(v Verb, s, o string, mod schema.Modality, rule string, i int) {
	if v.Inverse {
		s, o = o, s
	}
	st.emit(s, v.Predicate, o, mod, rule+"-"+v.Lemma, i)
}

// auxBefore reports whether a form of "be" precedes token i (adverbs and a
// coordinated participle may stand between: "were killed and injured").
func (st *sent) auxBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := st.toks[j]
		if beAux[t.Key] {
			return true
		}
		if t.Kind != Word || st.at[j] >= 0 {
			return false
		}
	}
	return false
}

func (st *sent) perfectBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if st.toks[j].Is("has", "have", "had", "having") {
			return true
		}
		if st.toks[j].Kind != Word || st.at[j] >= 0 {
			return false
		}
	}
	return false
}

type agent struct {
	id     string
	strike bool
}

// agents finds the doers of a passive verb: "by X", "in X strikes", "in a
// drone strike carried out by X".
func (st *sent) agents(from int) []agent {
	var out []agent
	for j := from; j < len(st.toks) && j < from+14; j++ {
		t := st.toks[j]
		if t.Text == ";" || t.Is("but", "while", "which", "who") || st.stop(j) {
			break
		}
		if t.Is("by") {
			if j > 0 && targetLinks[st.toks[j-1].Key] {
				continue
			}
			q := j + 1
			for q < len(st.toks) && (determiners[st.toks[q].Key] || st.toks[q].Kind == Word && !st.toks[q].Upper() && st.at[q] < 0 && q < j+3) {
				q++
			}
			if k := st.mk(q); k >= 0 {
				strike := false
				for _, g := range st.group(k) {
					id, t := st.actor(g)
					if t.IsActor() {
						out = append(out, agent{id: id, strike: strike || out != nil && out[0].strike})
					}
				}
				for p := from; p < j; p++ {
					if ns, n := st.nounAt(p); n > 0 && (ns[0].Predicate == schema.Struck || ns[0].Predicate == schema.Attacked) {
						for a := range out {
							out[a].strike = true
						}
					}
				}
				return out
			}
		}
		if t.Is("in") {
			// "in US-Israeli strikes", "in a US drone strike"
			q := j + 1
			for q < len(st.toks) && determiners[st.toks[q].Key] {
				q++
			}
			if k := st.mk(q); k >= 0 {
				g := st.group(k)
				last := g[len(g)-1]
				if ns, n := st.nounAt(st.skipMods(last.End)); n > 0 && (ns[0].Predicate == schema.Struck || ns[0].Predicate == schema.Attacked) {
					for _, m := range g {
						if id, t := st.actor(m); t.IsActor() {
							out = append(out, agent{id: id, strike: true})
						}
					}
					return out
				}
			}
		}
	}
	return nil
}

// skipMods skips modifiers between an agent and an event noun: "drone",
// "missile", "retaliatory".
func (st *sent) skipMods(i int) int {
	for i < len(st.toks) && st.toks[i].Kind == Word && !st.toks[i].Upper() && st.toks[i].Is("drone", "missile", "air", "rocket", "retaliatory", "military", "precision") {
		if _, n := st.nounAt(i); n > 0 {
			return i
		}
		i++
	}
	return i
}

// truces finds "X agreed to stop attacks targeting Y" and "X announced the
// cessation of its operations against Y".
func (st *sent) truces() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		cease := ceaseVerbs[toks[i].Key]
		if !cease && !toks[i].Is("cessation", "truce", "ceasefire", "halt") {
			continue
		}
		// the attack noun after it
		var objs []string
		for q := i + 1; q < len(toks) && q < i+6; q++ {
			if ns, n := st.nounAt(q); n > 0 && (ns[0].Predicate == schema.Attacked || ns[0].Predicate == schema.Struck) || toks[q].Is("operations", "attacks", "shellings", "shelling", "bombing") {
				_, n := st.nounAt(q)
				if n == 0 {
					n = 1
				}
				objs = st.objects(q+n, schema.Attacked, []string{"targeting", "against", "on", "at"})
				break
			}
		}
		if len(objs) == 0 {
			continue
		}
		subs := st.subjects(i)
		if len(subs) == 0 {
			subs = st.lightSubject(i)
		}
		mod := st.modality(i, true)
		if mod == schema.Hypothetical && i > 0 && toks[i-1].Is("to") {
			mod = schema.Asserted // "agreed to stop": the agreement is the truce
		}
		for _, s := range subs {
			for _, o := range objs {
				st.emit(s, schema.TruceWith, o, mod, "truce", i)
			}
		}
	}
}

// nouns applies the event-noun lexicon: "attacks on X by Y", "a US drone
// strike", "talks between A and B", "X conducted strikes on Y".
func (st *sent) nouns() {
	toks := st.toks
	prevAgents := []string(nil)
	for i := 0; i < len(toks); i++ {
		ns, n := st.nounAt(i)
		if n == 0 || st.at[i] >= 0 || toks[i].Upper() && i > 0 {
			continue
		}
		en := ns[0]
		if _, vn := st.verbAt(i); vn > 0 && i > 0 && !determiners[toks[i-1].Key] && st.at[i-1] < 0 && !toks[i].Is("attacks", "strikes", "talks", "raids") && !strings.HasSuffix(toks[i].Key, "ion") {
			continue
		}
		end := i + n
		p := en.Predicate
		var agents, objs []string
		// Agents: modifiers right before ("US drone attack", "US-Israeli strikes"), possessors, "by X".
		q := i - 1
		for q >= 0 && toks[q].Kind == Word && !toks[q].Upper() && toks[q].Is("drone", "missile", "air", "rocket", "retaliatory", "military", "precision", "deadly", "latest", "new", "first", "recent", "ballistic", "cross") {
			q--
		}
		if q >= 0 && toks[q].Key == "s" {
			q--
		}
		if m := st.mentionAt(q); m != nil && m.End == q+1 && st.agentModifier(m) {
			k := st.at[q]
			for _, g := range st.group(k) {
				if id, t := st.actor(g); t.IsActor() {
					agents = append(agents, id)
				}
			}
		}
		symmetric := p == schema.NegotiatedWith || p == schema.AgreedWith || p == schema.TruceWith
		if p == schema.Attacked && end < len(toks) && toks[end].Is("between") && toks[i].Is("war", "wars", "fighting", "clashes", "conflict", "hostilities") {
			// "the war between Israel and Iran": each attacked the other
			if k := st.mk(st.skipDet(end + 1)); k >= 0 {
				if g := st.group(k); len(g) >= 2 {
					a, _ := st.actor(g[0])
					b, _ := st.actor(g[1])
					mod := st.modality(i, true)
					st.emit(a, p, b, mod, "noun-between", i)
					st.emit(b, p, a, mod, "noun-between", i)
					continue
				}
			}
		}
		if symmetric {
			// "talks between A and B"
			if end < len(toks) && toks[end].Is("between") {
				if k := st.mk(st.skipDet(end + 1)); k >= 0 {
					g := st.group(k)
					if len(g) >= 2 {
						a, _ := st.actor(g[0])
						b, _ := st.actor(g[1])
						st.emit(a, p, b, st.modality(i, true), "noun-between", i)
						continue
					}
				}
			}
		}
		for j := end; j < len(toks) && j < end+12; j++ {
			t := toks[j]
			if t.Text == ";" || t.Is("which", "who", "while", "but") || st.stop(j) {
				break
			}
			if slicesHas(en.AgentPreps, t.Key) && (j == 0 || !targetLinks[toks[j-1].Key]) && len(agents) == 0 {
				q := st.skipDet(j + 1)
				if q+1 < len(toks) && st.mk(q) < 0 && toks[q].Kind == Word && !toks[q].Upper() {
					q++ // "the withdrawal of the last American troops"
				}
				if k := st.mk(q); k >= 0 {
					for _, g := range st.group(k) {
						if id, tt := st.actor(g); tt.IsActor() {
							agents = append(agents, id)
						}
					}
				}
			}
		}
		objs = st.objects(end, p, en.ObjPreps)
		if len(objs) == 0 {
			objs = st.bulletObjects(end)
		}
		if len(agents) == 0 {
			// The subject of a light verb: "X conducted strikes on Y",
			// "A and B held talks", "U.S. and Iraq in talks".
			agents = st.lightSubject(i)
		}
		if len(agents) == 0 && (p == schema.Killed || p == schema.Wounded) {
			agents = prevAgents
		}
		if symmetric && len(objs) == 0 && len(agents) >= 2 {
			st.emit(agents[0], p, agents[1], st.modality(i, true), "noun-parties", i)
			continue
		}
		if en.Inverse {
			for _, a := range agents {
				for _, o := range objs {
					st.emit(o, p, a, st.modality(i, true), "noun-inverse", i)
				}
			}
			continue
		}
		mod := st.modality(i, true)
		for _, a := range agents {
			for _, o := range objs {
				st.emit(a, p, o, mod, "noun", i)
			}
		}
		if len(agents) == 0 && len(objs) > 0 && (p == schema.Attacked || p == schema.Struck) && mod.Direct() {
			st.d.unclaimed = objs
		}
		if len(agents) > 0 && (p == schema.Struck || p == schema.Attacked) {
			prevAgents = agents
		}
		i = end - 1
	}
}

func (st *sent) skipDet(i int) int {
	for i < len(st.toks) && determiners[st.toks[i].Key] {
		i++
	}
	return i
}

// lightSubject finds the subject of a light verb that governs an event
// noun at i: "X conducted strikes", "X retaliated with strikes", "A and B
// held the first round of talks".
func (st *sent) lightSubject(i int) []string {
	symmetric := false
	if ns, n := st.nounAt(i); n > 0 {
		info, _ := ns[0].Predicate.Info()
		symmetric = info.Symmetric
	}
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		if st.toks[j].Is("in") && !symmetric {
			return nil // "killed ... in an airstrike": no doer named
		}
		t := st.toks[j]
		if t.Text == ":" || t.Text == "\"" || t.Text == "“" {
			continue
		}
		if st.at[j] >= 0 || clauseStops[t.Key] || t.Text == "," {
			return nil
		}
		if lightVerbs[t.Key] && (symmetric || !agreementVerbs[t.Key]) {
			return st.subjects(j)
		}
	}
	return nil
}

// nameParts reads relations a multi-word name states about itself: "US-led
// coalition" (the US leads it), "Iranian proxies" or "Iran-aligned groups"
// (Iran backs them, as the gazetteer knows).
func (st *sent) nameParts(m *Mention) {
	e, ok := st.d.x.gaz.Entry(m.ID)
	for q := m.Start; q < m.End; q++ {
		state := st.d.stateAt(st.toks, q)
		if state == "" || state == m.ID {
			continue
		}
		if q+2 < m.End && st.toks[q+1].Text == "-" && st.toks[q+2].Is("led") {
			st.d.entity(state, st.d.typeOf(state), "")
			st.emit(state, schema.LeaderOf, m.ID, schema.Asserted, "name-led", q)
			continue
		}
		if ok && slicesHas(e.Facts["backedBy"], state) {
			st.d.entity(state, st.d.typeOf(state), "")
			st.emit(m.ID, schema.BackedBy, state, schema.Asserted, "name-backed", q)
		}

	}
}

// mk returns the index of the mention covering token i, or -1.
func (st *sent) mk(i int) int {
	if i < 0 || i >= len(st.at) {
		return -1
	}
	return st.at[i]
}

func hasForm(vs []Verb, f VerbForm) bool {
	for _, v := range vs {
		if v.Form == f {
			return true
		}
	}
	return false
}

// participial reports whether a past form at i modifies the noun before it
// ("sites used by", "bases located in") rather than being a finite verb: it
// follows a plain noun and is followed by "by".
func (st *sent) participial(i int) bool {
	return i+1 < len(st.toks) && st.toks[i+1].Is("by")
}

// nounModifier reports whether token i is a word that modifies an event
// noun after it: "drone", "retaliatory", "regular".
func (st *sent) nounModifier(i int) bool {
	return st.toks[i].Is("drone", "missile", "air", "rocket", "retaliatory", "military", "precision", "deadly", "latest", "new", "recent", "ballistic", "regular", "frequent", "repeated", "further", "more", "fresh", "joint")
}

// nameContainsPlace emits locatedIn for a place whose matched name spells
// out a place that contains it, as the gazetteer knows.
func (st *sent) nameContainsPlace(m *Mention) {
	text := " " + strings.ToLower(m.Text) + " "
	id := m.ID
	for depth := 0; depth < 4; depth++ {
		e, ok := st.d.x.gaz.Entry(id)
		if !ok || len(e.Facts["in"]) == 0 {
			return
		}
		id = e.Facts["in"][0]
		pe, ok := st.d.x.gaz.Entry(id)
		if !ok {
			return
		}
		for _, n := range append([]string{pe.Name}, pe.Aliases...) {
			n = strings.ToLower(n)
			if strings.Contains(text, " in "+n+" ") || strings.Contains(text, " in the "+n+" ") || strings.Contains(text, ", "+n+" ") ||
				strings.HasPrefix(text, " "+n+"'s ") || strings.HasPrefix(text, " "+n+"’s ") {
				st.d.entity(pe.ID, pe.Type, "")
				st.emit(m.ID, schema.LocatedIn, pe.ID, schema.Asserted, "name-place", m.Start)
				return
			}
		}
	}
}

var nounPreps = wordSet("with", "of", "in", "on", "by", "amid", "after", "following", "despite", "against", "for", "from", "about")

// headsOfState are the roles that make their holder the leader of a
// state; any other leading role (commander, speaker, chief) held "of" a
// state makes its holder an official of it.
var headsOfState = wordSet("president", "prime minister", "premier", "pm", "king", "emir", "supreme leader", "chancellor", "sultan", "head of state", "head of government", "leader", "monarch", "crown prince")

func (st *sent) rolePredicate(r Role, target string) schema.Predicate {
	if r.Predicate == schema.LeaderOf && st.d.typeOf(target) == schema.Country && !headsOfState[strings.ToLower(r.Name)] {
		return schema.OfficialOf
	}
	return r.Predicate
}

// indefiniteRole adjusts the predicate of a role introduced by "a" or "one
// of": "a senior commander of Harakat al-Nujaba" is one of its commanders,
// a member, not its leader.
func (st *sent) indefiniteRole(p schema.Predicate, roleStart int, target string) schema.Predicate {
	if p == schema.OfficialOf && st.d.typeOf(target) != schema.Country && roleStart > 0 && st.toks[roleStart-1].Is("deputy", "a", "an") {
		return schema.MemberOf // "a deputy commander of the IRGC"
	}
	if p != schema.LeaderOf {
		return p
	}
	j := roleStart - 1
	for j >= 0 && st.toks[j].Is("senior", "top", "deputy", "prominent", "key", "local", "field", "military", "former", "veteran") {
		j--
	}
	if j >= 0 && st.toks[j].Is("a", "an", "another") || roleStart > 0 && st.toks[roleStart-1].Is("deputy") {
		if st.d.typeOf(target) == schema.Country {
			return schema.OfficialOf
		}
		return schema.MemberOf
	}
	return p
}

// titleComma returns where a title set off by a comma before the name at
// token i ends ("prime minister, Adel Abdul Mahdi"), skipping an honorific
// ("Ayatollah"); 0 when there is none.
func (st *sent) titleComma(i int) int {
	j := i
	if rs, n := st.d.roleEndingAt(st.toks, j); n > 0 && bestRole(rs).Predicate == "" {
		j -= n
	}
	if j < 2 || st.toks[j-1].Text != "," {
		return 0
	}
	if rs, n := st.d.roleEndingAt(st.toks, j-1); n > 0 && bestRole(rs).Predicate != "" {
		return j - 1
	}
	return 0
}

// orgApposition reads "Harakat al-Nujaba, another member of the Islamic
// Resistance in Iraq" and "X, a faction of Y": the group belongs to Y.
func (st *sent) orgApposition(m *Mention) {
	if m.Type != schema.ArmedGroup && m.Type != schema.Country && m.Type != schema.GovernmentBody || m.Kind == DemonymMention {
		return
	}
	j := m.End
	if j+3 >= len(st.toks) || st.toks[j].Text != "," || !st.toks[j+1].Is("a", "an", "another", "the", "one", "part") {
		return
	}
	j += 2
	for j < len(st.toks) && j < m.End+5 && st.toks[j].Kind == Word && !st.toks[j].Upper() && !st.toks[j].Is("member", "faction", "part", "wing", "branch", "affiliate", "component", "backbone", "core", "arm", "offshoot", "unit", "brigade", "of") {
		j++
	}
	if j+1 >= len(st.toks) || !st.toks[j].Is("member", "faction", "part", "wing", "branch", "affiliate", "component", "backbone", "core", "arm", "offshoot", "unit", "brigade") {
		return
	}
	j++
	if j < len(st.toks) && st.toks[j].Is("of") {
		j++
	} else {
		return
	}
	y := st.mentionAt(st.skipDet(j))
	if y == nil || y.Type != schema.Coalition && y.Type != schema.ArmedGroup && y.Type != schema.InternationalOrganization {
		return
	}
	st.emit(m.ID, schema.MemberOf, y.ID, schema.Asserted, "apposition-member", m.End)
	y.Inner = true
}

// threatTarget finds the target of a threat in the clause that starts at
// i: the object of its first violent verb or event noun ("that the US
// would hit Iranian sites", "to continue its fight against Israel"), or the
// subject of a threat phrase ("that American forces would face a harsh
// response").
func (st *sent) threatTarget(i int, subs []string) []string {
	if t := st.threatPhraseSubject(i, subs); t != nil {
		return t
	}
	for j := i; j < len(st.toks) && j < i+12; j++ {
		if st.stop(j) || st.toks[j].Text == ";" {
			return nil
		}
		if ns, n := st.nounAt(j); n > 0 && st.at[j] < 0 && (ns[0].Predicate == schema.Attacked || ns[0].Predicate == schema.Struck) || st.toks[j].Is("fight", "operations", "attacks") {
			if n == 0 {
				n = 1
			}
			var out []string
			for _, o := range st.objects(j+n, schema.Attacked, []string{"against", "on", "targeting", "at"}) {
				if !slicesHas(subs, o) {
					out = append(out, o)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		vs, n := st.verbAt(j)
		if n == 0 || st.at[j] >= 0 {
			continue
		}
		v := pickVerb(vs)
		switch v.Predicate {
		case schema.Attacked, schema.Struck, schema.Killed, schema.Wounded, schema.Threatened:
		default:
			continue
		}
		var out []string
		for _, o := range st.objects(j+n, v.Predicate, v.ObjPreps) {
			if !slicesHas(subs, o) {
				out = append(out, o)
			}
		}
		return out
	}
	return nil
}

// bulletObjects reads the objects of an event noun given as a list after a
// colon, one item a line: "the elimination of:\n- Iranian General Qasem
// Soleimani;\n- Abu Mahdi al-Muhandis."
func (st *sent) bulletObjects(i int) []string {
	j := i
	if j < len(st.toks) && st.toks[j].Is("of", "on", "against") {
		j++
	}
	if j >= len(st.toks) || st.toks[j].Text != ":" {
		return nil
	}
	var out []string
	for k := j + 1; k < len(st.toks); k++ {
		t := st.toks[k]
		if !(t.Line && (t.Text == "-" || t.Text == "•" || t.Text == "*")) {
			continue
		}
		// The item's person if it names one ("Leader of the Iraqi militias,
		// Abu Mahdi al-Muhandis"), else its first actor.
		var first, person *Mention
		for q := k + 1; q < len(st.toks) && !st.toks[q].Line; q++ {
			m := st.mentionAt(q)
			if m == nil {
				continue
			}
			q = m.End - 1
			if m.Kind == DemonymMention && st.isTitleAt(m.End) || m.Inner && m.Type != schema.Person {
				continue
			}
			if first == nil {
				first = m
			}
			if person == nil && m.Type == schema.Person {
				person = m
			}
		}
		if person != nil {
			first = person
		}
		if first != nil {
			id, _ := st.actor(first)
			out = append(out, id)
		}
	}
	return out
}

// groupAppositions extends a coordinated group over appositions: "Qasem
// Soleimani, the commander of Iran's Quds Force, and Abu Mahdi al-Muhandis".
func (st *sent) appositionBetween(between []Token) bool {
	n := len(between)
	if n < 4 || n > 14 || between[0].Text != "," || !between[1].Is("the", "a", "an", "its", "his") {
		return false
	}
	if !(between[n-2].Text == "," && between[n-1].Is("and")) {
		return false
	}
	for _, t := range between[2 : n-2] {
		if t.Text == "," || t.Text == ";" || clauseStops[t.Key] {
			return false
		}
	}
	return true
}

// hasPlaceLink reports whether a multi-word name has the shape of a name
// with its place in it: "in", a comma or a possessive inside.
func (st *sent) hasPlaceLink(m *Mention) bool {
	for q := m.Start; q < m.End; q++ {
		if st.toks[q].Is("in", ",") || st.possessive(q) {
			return true
		}
	}
	return false
}

// afterDeterminer reports whether the word at i follows a determiner or a
// possessive, across quotes and up to two modifiers: "an "imminent" attack",
// "the group's latest attack".
func (st *sent) afterDeterminer(i int) bool {
	for j, k := i-1, 0; j >= 0 && k < 3; j-- {
		t := st.toks[j]
		if determiners[t.Key] || st.possessive(j) {
			return true
		}
		if t.Text == "\"" || t.Text == "“" || t.Text == "”" {
			continue
		}
		if t.Kind != Word || t.Upper() || st.at[j] >= 0 || !st.adjective(j) {
			return false
		}
		k++
	}
	return false
}

// agentModifier reports whether a name right before an event noun names
// its doer: "US strike", "Israeli offensive", "Hezbollah attack" do, but
// "the Jordan attack" or "the Erbil attack" name where it happened.
func (st *sent) agentModifier(m *Mention) bool {
	if m.Kind == DemonymMention || m.Kind == CollectiveMention {
		return true
	}
	if m.Type.IsPlace() {
		return false
	}
	if m.Type == schema.Country {
		// "the Jordan attack" names a place; "US strikes", "White House
		// airstrike", "Tehran's attack" name the doer
		e, _ := st.d.x.gaz.Entry(m.ID)
		return isCapsName(m.Text) || st.possessive(m.End) || e == nil || !strings.EqualFold(m.Text, e.Name)
	}
	return true
}

// threatPhrases are what a threatened party "would" do or undergo.
var threatPhrases = wordSet("face", "pay", "suffer", "regret", "bear")

// passiveThreats are threat phrases after "be": "would be held responsible".
var passiveThreats = wordSet("held", "punished", "targeted", "hit", "struck", "attacked", "made")

// threatPhraseSubject reads "that America and Britain would pay a heavy
// price", "Tehran would be held fully responsible": the clause's subject is
// the one threatened.
func (st *sent) threatPhraseSubject(i int, subs []string) []string {
	var subj []string
	for j := i; j < len(st.toks) && j < i+10; j++ {
		t := st.toks[j]
		if st.stop(j) || t.Text == ";" {
			return nil
		}
		if k := st.mk(j); k >= 0 && subj == nil {
			for _, g := range st.group(k) {
				if id, tt := st.actor(g); tt.IsActor() && !slicesHas(subs, id) {
					subj = append(subj, id)
				}
			}
			j = st.ms[k].End - 1
			for _, g := range st.group(k) {
				j = max(j, g.End-1)
			}
			continue
		}
		if subj != nil && t.Is("would", "will") {
			for q := j + 1; q < len(st.toks) && q < j+4; q++ {
				k := st.toks[q].Key
				if threatPhrases[k] || passiveThreats[k] && st.toks[q-1].Is("be") {
					return subj
				}
			}
			return nil
		}
	}
	return nil
}

// threatOfPlan adds "X threatened Y" when X itself says it will or would
// attack Y: "Harakat al-Nujaba said it would continue operations against
// American forces".
func (st *sent) threatOfPlan(subj, obj string, trigger int) {
	for j := trigger - 1; j >= 0; j-- {
		if !st.toks[j].Is("said", "says", "vowed", "vows", "warned", "warns", "pledged", "promised", "threatened", "announced", "declared") {
			continue
		}
		if slicesHas(st.subjects(j), subj) {
			st.emit(subj, schema.Threatened, obj, schema.Asserted, "planned-attack", j)
		}
		return
	}
	// A quote before its attribution: "We will target American bases," the group said.
	if st.speaker() == subj {
		for j := trigger + 1; j < len(st.toks); j++ {
			if st.toks[j].Is("said", "says", "vowed", "warned", "told", "added", "declared") {
				st.emit(subj, schema.Threatened, obj, schema.Asserted, "planned-attack", j)
				return
			}
		}
	}
}

// pastVerb reports whether the token at i is the past form of a lexicon verb.
func (st *sent) pastVerb(i int) bool {
	for _, v := range func() []Verb { vs, _ := st.verbAt(i); return vs }() {
		if v.Form == Past {
			return true
		}
	}
	return false
}

// patientNear reports whether the nearest mention before a passive verb at
// i is its subject: nothing but auxiliaries, adverbs and a modifier noun
// ("members of X were", "X personnel were") stands between them.
func (st *sent) patientNear(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if st.at[j] >= 0 {
			return true
		}
		t := st.toks[j]
		if t.Text == "," {
			if k := st.parenthetical(j); k >= 0 {
				j = k // ", a deputy commander of the IRGC, was killed"
				continue
			}
		}
		if t.Is("said", "says", "told", "that", "which", "who", "and", "but") || t.Kind == Punct && t.Text != "-" && t.Text != ")" {
			return false
		}
		if _, n := st.verbAt(j); n > 0 && !beAux[t.Key] {
			return false
		}
		if i-j > 6 {
			return false
		}
	}
	return false
}

// agreementVerbs govern truces, talks and deals ("announced a truce",
// "signed an agreement"), never attacks ("announced the killing of").
var agreementVerbs = wordSet("announced", "announces", "declared", "declares", "offered", "offers", "reached", "reaches", "signed", "signs", "agreed")

func (st *sent) actorID(m *Mention) string { id, _ := st.actor(m); return id }

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

// responsibility reads accusations phrased as blame: "X holds Y
// responsible", "X said Y bore full responsibility", "groups it said were
// behind the attacks".
func (st *sent) responsibility() {
	toks := st.toks
	for i, t := range toks {
		if t.starts&startsRule == 0 {
			continue
		}
		switch {
		case t.Is("holds", "held", "hold", "holding") && i+2 < len(toks):
			k := st.mk(st.skipDet(i + 1))
			if k < 0 {
				// "Kataib Hezbollah, which Washington holds responsible"
				q := i + 1
				for q < len(toks) && toks[q].Is("chiefly", "fully", "directly", "primarily", "solely") {
					q++
				}
				if q < len(toks) && toks[q].Is("responsible", "accountable") && i >= 3 {
					if sm := st.mentionAt(i - 1); sm != nil && sm.Start >= 1 && toks[sm.Start-1].Is("which", "whom") {
						for _, o := range st.antecedentNP(sm.Start - 1) {
							st.emit(st.actorID(sm), schema.Accused, o, schema.Asserted, "holds-responsible", i)
						}
					}
				}
				continue
			}
			y := st.ms[k]
			q := y.End
			for q < len(toks) && q < y.End+3 && toks[q].Is("chiefly", "fully", "directly", "primarily", "solely") {
				q++
			}
			if q < len(toks) && toks[q].Is("responsible", "accountable") {
				for _, s := range st.subjects(i) {
					st.emit(s, schema.Accused, st.actorID(y), st.modality(i, false), "holds-responsible", i)
				}
			}
		case t.Is("bore", "bears", "bear") && i+2 < len(toks) && (toks[i+1].Is("responsibility") || toks[i+2].Is("responsibility")),
			t.Is("behind") && i > 0 && beAux[toks[i-1].Key]:
			// the one blamed: the mention before; the one blaming: who said it
			var y *Mention
			for q := i - 1; q >= 0 && q >= i-3; q-- {
				if m := st.mentionAt(q); m != nil {
					y = m
					break
				}
			}
			if y == nil {
				continue
			}
			for q := y.Start - 1; q >= 0 && q >= y.Start-4; q-- {
				if toks[q].Is("said", "says", "added", "stated", "insisted") {
					for _, s := range st.subjects(q) {
						st.emit(s, schema.Accused, st.actorID(y), schema.Asserted, "said-responsible", i)
					}
					break
				}
			}
		}
	}
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

// weapons are what "the missiles hit the base" and "the drone struck" name
// as the doer: the actor that fired them, named before.
var weapons = wordSet("missile", "missiles", "rocket", "rockets", "drone", "drones", "strike", "strikes", "airstrike", "airstrikes", "attack", "shells", "projectiles", "barrage", "salvo", "bomb", "bombs", "jets", "warplanes", "aircraft")

// weaponSubject resolves "the missiles hit X" to the doer of the last attack
// the document reported.
func (st *sent) weaponSubject(i int) []string {
	j := i - 1
	for j >= 0 && st.toks[j].Is("also", "then", "later", "reportedly", "apparently") {
		j--
	}
	if j < 1 || !weapons[st.toks[j].Key] || !st.toks[j-1].Is("the", "these", "those") {
		return nil
	}
	if st.d.lastAttacker != "" {
		return []string{st.d.lastAttacker}
	}
	return nil
}

// claims reads "X claimed (responsibility for) the attack": X attacked the
// targets of the last attack the document reported without its doer.
func (st *sent) claims() {
	toks := st.toks
	for i, t := range toks {
		if t.starts&startsRule == 0 {
			continue
		}
		if !t.Is("claimed", "claims", "claim", "claiming") || len(st.d.unclaimed) == 0 {
			continue
		}
		j := i + 1
		if j+1 < len(toks) && toks[j].Is("responsibility") && toks[j+1].Is("for") {
			j += 2
		}
		for j < len(toks) && j < i+6 && (determiners[toks[j].Key] || toks[j].Is("that", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "s", "latest", "deadly", "drone", "rocket", "missile")) {
			j++
		}
		if j >= len(toks) || !toks[j].Is("attack", "attacks", "strike", "strikes", "bombing", "assault", "operation", "raid") {
			continue
		}
		mod := st.modality(i, false)
		if !mod.Direct() {
			continue
		}
		for _, s := range st.subjects(i) {
			for _, o := range st.d.unclaimed {
				st.emit(s, schema.Attacked, o, schema.Claimed, "claimed-attack", i)
			}
		}
	}
}

// deaths reads "X died when Israeli jets bombed a command site": the
// attacker of the sentence killed X.
func (st *sent) deaths() {
	toks := st.toks
	for i, t := range toks {
		if t.starts&startsRule == 0 {
			continue
		}
		if !t.Is("died", "perished") || i == 0 {
			continue
		}
		var victim *Mention
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if m := st.mentionAt(j); m != nil {
				victim = m
				break
			}
		}
		if victim == nil || victim.Type != schema.Person {
			continue
		}
		for _, x := range st.out {
			if (x.Predicate == schema.Struck || x.Predicate == schema.Attacked) && x.Modality.Direct() && x.Subject != victim.ID && x.Span == st.s.Span {
				st.emit(x.Subject, schema.Killed, victim.ID, x.Modality, "died-when", i)
				break
			}
		}
	}
}

// nearestActorBefore returns the actor named last before token i: what "it"
// in "the militias it backs" stands for.
func (st *sent) nearestActorBefore(i int) []string {
	for k := len(st.ms) - 1; k >= 0; k-- {
		m := st.ms[k]
		if m.End > i || m.Inner {
			continue
		}
		if id, t := st.actor(m); t.IsActor() && t != schema.Person {
			return []string{id}
		}
	}
	return nil
}

// ruleTriggers are the words the sentence-wide rules start from; tokens
// without one are skipped at the cost of a bit test.
var ruleTriggers = []string{
	"as", "include", "includes", "included", "including", "comprising", "comprises", "comprised", "among",
	"keeps", "kept", "has", "had", "maintains", "maintained", "deployed", "deploys", "stationed", "stations", "sent", "sends", "keep", "maintain", "have",
	"holds", "held", "hold", "holding", "bore", "bears", "bear", "behind",
	"claimed", "claims", "claim", "claiming", "died", "perished",
	"cessation", "truce", "ceasefire", "halt",
	"stop", "stopped", "stops", "stopping", "halted", "halts", "halting", "cease", "ceased", "ceasing", "suspend", "suspended", "suspends", "suspending", "end", "ended", "ending", "freeze", "froze", "freezing", "pause", "paused", "pausing",
}
