package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

var (
	pluralEventNouns = setOf("attacks", "strikes", "talks", "raids")
	eventModifiers   = setOf("drone", "missile", "air", "rocket", "retaliatory", "military", "precision", "deadly", "latest", "new", "first", "recent", "ballistic", "cross")
	warNouns         = setOf("war", "wars", "fighting", "clashes", "conflict", "hostilities")
	clauseLinks      = setOf("which", "who", "while", "but")
)

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
		if _, vn := st.verbAt(i); vn > 0 && i > 0 && !determiners.has(&toks[i-1]) && st.at[i-1] < 0 && !st.possessive(i-1) && !pluralEventNouns.has(&toks[i]) && !strings.HasSuffix(toks[i].Key, "ion") {
			continue // a verb ("militias support"), not a noun ("Iran's support")
		}
		end := i + n
		p := en.Predicate
		var agents, objs []string
		// Agents: modifiers right before ("US drone attack", "US-Israeli strikes"), possessors, "by X".
		q := i - 1
		for q >= 0 && toks[q].Kind == Word && !toks[q].Upper() && eventModifiers.has(&toks[q]) {
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
		if p == schema.Attacked && end < len(toks) && toks[end].Key == "between" && warNouns.has(&toks[i]) {
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
			if end < len(toks) && toks[end].Key == "between" {
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
			t := &toks[j]
			if t.Text == ";" || clauseLinks.has(t) || st.stop(j) {
				break
			}
			if slicesHas(en.AgentPreps, t.Key) && (j == 0 || !targetLinks.has(&toks[j-1])) && len(agents) == 0 {
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
	for i < len(st.toks) && determiners.has(&st.toks[i]) {
		i++
	}
	return i
}

// skipDetBack returns the index of the token before toks[j], past the
// determiners right before j.
func (st *sent) skipDetBack(j int) int { return st.d.skipDetBack(st.toks, j) }

var blameWords = setOf("responsible", "blame", "blamed", "blames", "blaming", "accused", "accuses", "accusing", "condemned", "condemns", "denied", "denies")

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
		if st.toks[j].Key == "in" && !symmetric {
			return nil // "killed ... in an airstrike": no doer named
		}
		t := &st.toks[j]
		if t.Text == ":" || t.Text == "\"" || t.Text == "“" {
			continue
		}
		if st.at[j] >= 0 || clauseStops.has(t) || t.Text == "," || blameWords.has(t) {
			return nil // "hold the militia responsible for the strike": whose strike is the accusation
		}
		if lightVerbs.has(t) && (symmetric || !agreementVerbs.has(t)) {
			return st.subjects(j)
		}
	}
	return nil
}

var attackModifiers = setOf("drone", "missile", "air", "rocket", "retaliatory", "military", "precision", "deadly", "latest", "new", "recent", "ballistic", "regular", "frequent", "repeated", "further", "more", "fresh", "joint")

// nounModifier reports whether token i is a word that modifies an event
// noun after it: "drone", "retaliatory", "regular".
func (st *sent) nounModifier(i int) bool {
	return attackModifiers.has(&st.toks[i])
}

var nounPreps = setOf("with", "of", "in", "on", "by", "amid", "after", "following", "despite", "against", "for", "from", "about")

// bulletObjects reads the objects of an event noun given as a list after a
// colon, one item a line: "the elimination of:\n- Iranian General Qasem
// Soleimani;\n- Abu Mahdi al-Muhandis."
func (st *sent) bulletObjects(i int) []string {
	j := i
	if j < len(st.toks) && (st.toks[j].Key == "of" || st.toks[j].Key == "on" || st.toks[j].Key == "against") {
		j++
	}
	if j >= len(st.toks) || st.toks[j].Text != ":" {
		return nil
	}
	var out []string
	for k := j + 1; k < len(st.toks); k++ {
		t := &st.toks[k]
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

var appositionDets = setOf("the", "a", "an", "its", "his")

// groupAppositions extends a coordinated group over appositions: "Qasem
// Soleimani, the commander of Iran's Quds Force, and Abu Mahdi al-Muhandis".
func (st *sent) appositionBetween(between []Token) bool {
	n := len(between)
	if n < 4 || n > 14 || between[0].Text != "," || !appositionDets.has(&between[1]) {
		return false
	}
	if !(between[n-2].Text == "," && between[n-1].Key == "and") {
		return false
	}
	for _, t := range between[2 : n-2] {
		if t.Text == "," || t.Text == ";" || clauseStops.has(&t) {
			return false
		}
	}
	return true
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

// agreementVerbs govern truces, talks and deals ("announced a truce",
// "signed an agreement"), never attacks ("announced the killing of").
var agreementVerbs = setOf("announced", "announces", "declared", "declares", "offered", "offers", "reached", "reaches", "signed", "signs", "agreed")
