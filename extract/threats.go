package extract

import (
	"github.com/actorgraph/actorgraph/schema"
)

var (
	truceNouns     = setOf("cessation", "truce", "ceasefire", "halt")
	hostilityNouns = setOf("operations", "attacks", "shellings", "shelling", "bombing")
)

// truces finds "X agreed to stop attacks targeting Y" and "X announced the
// cessation of its operations against Y".
func (st *sent) truces() {
	toks := st.toks
	for i := 0; i < len(toks); i++ {
		if toks[i].starts&startsRule == 0 {
			continue
		}
		cease := ceaseVerbs.has(&toks[i])
		if !cease && !truceNouns.has(&toks[i]) {
			continue
		}
		// the attack noun after it
		var objs []string
		for q := i + 1; q < len(toks) && q < i+6; q++ {
			if ns, n := st.nounAt(q); n > 0 && (ns[0].Predicate == schema.Attacked || ns[0].Predicate == schema.Struck) || hostilityNouns.has(&toks[q]) {
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
		if mod == schema.Hypothetical && i > 0 && toks[i-1].Key == "to" {
			mod = schema.Asserted // "agreed to stop": the agreement is the truce
		}
		for _, s := range subs {
			for _, o := range objs {
				st.emit(s, schema.TruceWith, o, mod, "truce", i)
			}
		}
	}
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
		if ns, n := st.nounAt(j); n > 0 && st.at[j] < 0 && (ns[0].Predicate == schema.Attacked || ns[0].Predicate == schema.Struck) || st.toks[j].Key == "fight" || st.toks[j].Key == "operations" || st.toks[j].Key == "attacks" {
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
			if out := st.untilLeaves(j+n, subs); len(out) > 0 {
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

var leaveWords = setOf("leave", "leaves", "left", "withdraw", "withdraws", "withdrew", "depart", "departs", "exit", "exits", "quit", "quits")

// untilLeaves reads the target of attacks kept up "until American troops
// leave the country", "until the last American soldier leaves": who must
// leave, within the clause from i.
func (st *sent) untilLeaves(i int, subs []string) []string {
	for j := i; j < len(st.toks) && j < i+6; j++ {
		if st.stop(j) {
			return nil
		}
		if st.toks[j].Key != "until" && st.toks[j].Key != "till" {
			continue
		}
		for q := j + 1; q < len(st.toks) && q < j+7; q++ {
			if leaveWords.has(&st.toks[q]) {
				var out []string
				for r := j + 1; r < q; r++ {
					if m := st.mentionAt(r); m != nil {
						if id, t := st.actor(m); t.IsActor() && !slicesHas(subs, id) && !slicesHas(out, id) {
							out = append(out, id)
						}
						r = m.End - 1
					}
				}
				return out
			}
		}
		return nil
	}
	return nil
}

var (
	keepUpWords = setOf("continue", "continued", "resume", "keep", "step", "escalate", "intensify", "expand")
	willWords   = setOf("would", "will", "could", "may", "might")
)

// threatPhrases are what a threatened party "would" do or undergo.
var threatPhrases = setOf("face", "pay", "suffer", "regret", "bear")

// passiveThreats are threat phrases after "be": "would be held responsible".
var passiveThreats = setOf("held", "punished", "targeted", "hit", "struck", "attacked", "made")

// threatPhraseSubject reads "that America and Britain would pay a heavy
// price", "Tehran would be held fully responsible": the clause's subject is
// the one threatened.
func (st *sent) threatPhraseSubject(i int, subs []string) []string {
	var subj []string
	for j := i; j < len(st.toks) && j < i+10; j++ {
		t := &st.toks[j]
		if st.stop(j) || t.Text == ";" {
			return nil
		}
		if t.Key == "that" {
			subj = nil // "warned at the UN that the US would pay": the clause starts here
			continue
		}
		if k := st.mk(j); k >= 0 && subj == nil && j > 0 && prepositions.has(&st.toks[st.skipDetBack(j)]) {
			j = st.ms[k].End - 1
			continue // "at the UN": where, not who
		}
		if k := st.mk(j); k >= 0 && subj == nil {
			for _, g := range st.group(k) {
				if id, tt := st.actor(g); (tt.IsActor() || g.Type == schema.Facility) && !slicesHas(subs, id) {
					subj = append(subj, id) // "the US embassy would not be safe": a facility too
				}
			}
			j = st.ms[k].End - 1
			for _, g := range st.group(k) {
				j = max(j, g.End-1)
			}
			continue
		}
		if subj != nil && (t.Key == "would" || t.Key == "will") {
			for q := j + 1; q < len(st.toks) && q < j+4; q++ {
				k := st.toks[q].Key
				if threatPhrases.hasKey(k) || passiveThreats.hasKey(k) && st.toks[q-1].Key == "be" {
					return subj
				}
				if k == "safe" && q >= j+3 && st.toks[q-1].Key == "be" && st.toks[q-2].Key == "not" {
					return subj // "the US embassy would not be safe"
				}
			}
			return nil
		}
	}
	return nil
}

var (
	pledgeVerbs = setOf("said", "says", "vowed", "vows", "warned", "warns", "pledged", "promised", "threatened", "announced", "declared")
	vowVerbs    = setOf("said", "says", "vowed", "warned", "told", "added", "declared")
)

// threatOfPlan adds "X threatened Y" when X itself says it will or would
// attack Y: "Harakat al-Nujaba said it would continue operations against
// American forces".
func (st *sent) threatOfPlan(subj, obj string, trigger int) {
	for j := trigger - 1; j >= 0; j-- {
		if !pledgeVerbs.has(&st.toks[j]) {
			continue
		}
		speakers := st.subjects(j)
		if slicesHas(speakers, subj) {
			st.emit(subj, schema.Threatened, obj, schema.Asserted, "planned-attack", j)
		}
		// "Netanyahu said Israel would strike hard if": a leader or
		// spokesperson speaking of what their side will do
		for _, sp := range speakers {
			if sp != subj && st.d.typeOf(sp) == schema.Person && st.speaksFor(sp, subj) {
				st.emit(sp, schema.Threatened, obj, schema.Asserted, "planned-attack", j)
			}
		}
		return
	}
	// A quote before its attribution: "We will target American bases," the group said.
	if st.speaker() == subj {
		for j := trigger + 1; j < len(st.toks); j++ {
			if vowVerbs.has(&st.toks[j]) {
				st.emit(subj, schema.Threatened, obj, schema.Asserted, "planned-attack", j)
				return
			}
		}
	}
}

var (
	beliefVerbs   = setOf("said", "says", "say", "believe", "believed", "concluded")
	holdVerbs     = setOf("holds", "held", "hold", "holding")
	blameAdverbs  = setOf("chiefly", "fully", "directly", "primarily", "solely")
	officialNouns = setOf("officials", "authorities", "leaders", "intelligence")
	insistVerbs   = setOf("said", "says", "added", "stated", "insisted")
)

// responsibility reads accusations phrased as blame: "X holds Y
// responsible", "X said Y bore full responsibility", "groups it said were
// behind the attacks".
func (st *sent) responsibility() {
	toks := st.toks
	for i := range toks {
		if toks[i].starts&startsRule == 0 { // a bit test before copying the token
			continue
		}
		t := &toks[i]
		switch {
		case (t.Key == "hallmarks" || t.Key == "hallmark") && i+2 < len(toks) && toks[i+1].Key == "of":
			// "officials said the strike bore the hallmarks of Kataib Hezbollah"
			y := st.mentionAt(st.skipDet(i + 2))
			if y == nil {
				continue
			}
			for j := i - 1; j >= 0; j-- {
				if beliefVerbs.has(&toks[j]) {
					for _, s := range st.subjects(j) {
						st.emit(s, schema.Accused, st.actorID(y), st.modality(j, false), "hallmarks", i)
					}
					break
				}
			}
		case holdVerbs.has(t) && i+2 < len(toks):
			k := st.mk(st.skipDet(i + 1))
			if k < 0 {
				// "Kataib Hezbollah, which Washington holds responsible"
				q := i + 1
				for q < len(toks) && blameAdverbs.has(&toks[q]) {
					q++
				}
				if q < len(toks) && (toks[q].Key == "responsible" || toks[q].Key == "accountable") && i >= 3 {
					sm := st.mentionAt(i - 1)
					if sm == nil && officialNouns.has(&toks[i-1]) {
						sm = st.mentionAt(i - 2) // "the militia that U.S. officials hold responsible"
					}
					if sm != nil && sm.Start >= 1 && (toks[sm.Start-1].Key == "which" || toks[sm.Start-1].Key == "whom" || toks[sm.Start-1].Key == "that") {
						for _, o := range st.antecedentNP(sm.Start - 1) {
							st.emit(st.actorID(sm), schema.Accused, o, schema.Asserted, "holds-responsible", i)
						}
					}
				}
				continue
			}
			y := st.ms[k]
			q := y.End
			for q < len(toks) && q < y.End+3 && blameAdverbs.has(&toks[q]) {
				q++
			}
			if q < len(toks) && (toks[q].Key == "responsible" || toks[q].Key == "accountable") {
				for _, s := range st.subjects(i) {
					st.emit(s, schema.Accused, st.actorID(y), st.modality(i, false), "holds-responsible", i)
				}
			}
		case (t.Key == "bore" || t.Key == "bears" || t.Key == "bear") && i+2 < len(toks) && (toks[i+1].Key == "responsibility" || toks[i+2].Key == "responsibility"),
			t.Key == "behind" && i > 0 && beAux.has(&toks[i-1]):
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
				if insistVerbs.has(&toks[q]) {
					for _, s := range st.subjects(q) {
						st.emit(s, schema.Accused, st.actorID(y), schema.Asserted, "said-responsible", i)
					}
					break
				}
			}
		}
	}
}

var (
	claimVerbs        = setOf("claimed", "claims", "claim", "claiming")
	claimedModifiers  = setOf("that", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "s", "latest", "deadly", "drone", "rocket", "missile")
	attackTargetPreps = setOf("on", "against", "at", "targeting", "into")
	attackNouns       = setOf("attack", "attacks", "strike", "strikes", "bombing", "assault", "operation", "raid")
)

// targetAfter reports whether an actor or a place is named at i, after
// determiners and up to two modifiers ("on the Ain al-Asad base"; not "on
// Telegram").
func (st *sent) targetAfter(i int) bool {
	m := st.mentionAt(st.skipAdj(st.skipDet(i)))
	if m == nil {
		return false
	}
	_, t := st.actor(m)
	return t.IsActor() || m.Type.IsPlace()
}

// claims reads "X claimed (responsibility for) the attack": X attacked the
// targets of the last attack the document reported without its doer.
func (st *sent) claims() {
	toks := st.toks
	for i := range st.wordsOf(claimVerbs) {
		if len(st.d.unclaimed) == 0 {
			continue
		}
		j := i + 1
		if j+1 < len(toks) && toks[j].Key == "responsibility" && toks[j+1].Key == "for" {
			j += 2
		}
		for j < len(toks) && j < i+6 && (determiners.has(&toks[j]) || claimedModifiers.has(&toks[j]) || st.mk(j) >= 0) {
			j++ // "claimed the Erbil drone attack"
		}
		if j >= len(toks) || !attackNouns.has(&toks[j]) {
			continue
		}
		if toks[j-1].Key == "a" || toks[j-1].Key == "an" || j+1 < len(toks) && attackTargetPreps.has(&toks[j+1]) && st.targetAfter(j+2) {
			continue // "claimed a strike on the Ain al-Asad base": a new attack with its own target
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
	for i := range st.wordsOf(deathVerbs) {
		if i == 0 {
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
		for k := range st.out {
			x := &st.out[k]
			if (x.Predicate == schema.Struck || x.Predicate == schema.Attacked) && x.Modality.Direct() && x.Subject != victim.ID && x.Span == st.s.Span {
				st.emit(x.Subject, schema.Killed, victim.ID, x.Modality, "died-when", i)
				break
			}
		}
	}
}

var deathVerbs = setOf("died", "perished")

var warnVerbs = setOf("said", "says", "warned", "warns", "stated", "added", "declared")

// saidThreats reads a threat phrased in reported speech: "Khazali said U.S.
// forces would pay a heavy price", "Trump said Tehran would be held fully
// responsible".
func (st *sent) saidThreats() {
	for i := range st.wordsOf(warnVerbs) {
		j := i + 1
		if j < len(st.toks) && st.toks[j].Key == "that" {
			j++
		}
		subs := st.subjects(i)
		if i > 0 && st.toks[i-1].Key == "and" && st.lastVerb >= 0 && st.lastVerb < i && len(st.lastSubs) > 0 {
			subs = st.lastSubs // "Trump accused Iran of ... and said Tehran would be held responsible"
		}
		if len(subs) == 0 {
			if id := st.speaker(); id != "" {
				subs = []string{id}
			}
		}
		targets := st.threatPhraseSubject(j, subs)
		if len(targets) == 0 {
			targets = st.responseTarget(j, subs)
		}
		if w := st.keepsUpAttacks(j); len(targets) == 0 && w > 0 {
			// "said it would continue operations against American forces",
			// "said attacks would continue until the last American soldier
			// leaves"; "said that the Houthis would keep targeting ships
			// linked to Israel": the clause's own subject threatens
			if m := st.mentionAt(w - 1); m != nil && m.End == w {
				if id, t := st.actor(m); t.IsActor() && t != schema.Person {
					subs = []string{id}
				}
			}
			from := w
			if w > 0 && (attackNouns.has(&st.toks[w-1]) || st.toks[w-1].Key == "operations") {
				from = w - 1 // "attacks would continue until ..."
			}
			targets = st.threatTarget(from, subs)
		}
		for _, s := range subs {
			for _, o := range targets {
				st.emit(s, schema.Threatened, o, schema.Asserted, "said-threat", i)
			}
		}
	}
}

var (
	responseNouns     = setOf("response", "retaliation", "revenge", "reprisal", "reprisals", "punishment")
	interventionNouns = setOf("intervention", "attack", "aggression", "strike", "strikes", "attacks", "move", "incursion", "invasion", "escalation")
	ifWords           = setOf("if", "should")
)

// responseTarget reads a warned response in the clause from i: "Iran will
// give an appropriate response to the Zionist regime's aggression" (the
// aggressor), "Iran's response would be more severe if Israel made
// another mistake" (who the condition names), "any American military
// intervention would bring irreparable damage" (who would intervene).
func (st *sent) responseTarget(i int, subs []string) []string {
	actorAt := func(k int) string {
		if m := st.mentionAt(k); m != nil && m.Start == k {
			if id, t := st.actor(m); t.IsActor() && !slicesHas(subs, id) {
				return id
			}
		}
		return ""
	}
	for j := i; j < len(st.toks) && j < i+14; j++ {
		t := &st.toks[j]
		if st.stop(j) || t.Text == ";" {
			return nil
		}
		if t.Key == "any" && j+1 < len(st.toks) {
			// "any American military intervention would"
			if m := st.mentionAt(j + 1); m != nil && m.Start == j+1 {
				q := m.End
				for q < len(st.toks) && q < m.End+2 && st.toks[q].Kind == Word && !st.toks[q].Upper() && !interventionNouns.has(&st.toks[q]) {
					q++
				}
				if q+1 < len(st.toks) && interventionNouns.has(&st.toks[q]) && willWords.has(&st.toks[q+1]) {
					if id := actorAt(j + 1); id != "" {
						return []string{id}
					}
				}
			}
			continue
		}
		if !responseNouns.has(t) {
			continue
		}
		for q := j + 1; q < len(st.toks) && q < j+12; q++ {
			if st.stop(q) || st.toks[q].Text == ";" {
				return nil
			}
			if st.toks[q].Key == "to" || st.toks[q].Key == "against" {
				if id := actorAt(st.skipDet(q + 1)); id != "" {
					return []string{id} // "a response to the Zionist regime's aggression"
				}
			}
			if ifWords.has(&st.toks[q]) {
				if id := actorAt(st.skipDet(q + 1)); id != "" {
					return []string{id} // "if Israel made another mistake"
				}
			}
		}
		return nil
	}
	return nil
}

// keepsUpAttacks returns where "would" or "will" stands in a clause from i
// that says attacks will go on ("it would continue operations", "attacks
// would continue"), or -1.
func (st *sent) keepsUpAttacks(i int) int {
	for j := i; j+1 < len(st.toks) && j < i+12; j++ {
		if st.stop(j) {
			return -1
		}
		if willWords.has(&st.toks[j]) && keepUpWords.has(&st.toks[j+1]) {
			return j
		}
	}
	return -1
}

// speaksFor reports whether person p leads, speaks for or serves org, by
// this sentence's statements or the gazetteer's facts.
func (st *sent) speaksFor(p, org string) bool {
	for k := range st.out {
		o := &st.out[k]
		if o.Subject == p && o.Object == org && (o.Predicate == schema.LeaderOf || o.Predicate == schema.SpokespersonFor || o.Predicate == schema.OfficialOf) {
			return true
		}
	}
	return st.d.serves(p, org)
}
