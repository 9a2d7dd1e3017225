package extract

import (
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

var (
	pronounSubjects = setOf("he", "she", "it", "they", "we", "officials")
	documentNouns   = setOf("resolution", "motion", "bill", "statement", "letter", "decree", "declaration")
	conflictNouns   = setOf("groups", "men", "conflict", "clashes")
	clauseBreaks    = setOf("and", "said", "says", "announced", "that", "if", "so", "because", "where")
)

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
		if end := i + n; end < len(toks) {
			// "fighting alongside" is another sense than "fighting": the
			// preposition after the verb chooses
			for _, w := range vs {
				if w.Form == v.Form && slicesHas(w.ObjPreps, toks[end].Key) && toks[end].Key != "" {
					v = w
					break
				}
			}
		}
		if v.Lemma == "include" || v.Lemma == "comprise" {
			continue // lists are read by the list rule
		}
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
		if (v.Form == Base || v.Form == Third) && i+n < len(toks) && st.at[i+n] < 0 {
			if _, nn := st.nounAt(i + n); nn > 0 && !toks[i+n].Upper() {
				continue // "rocket attacks", "drone strikes": a modifier of the event noun after it
			}
		}
		if i > 1 && toks[i-2].Key == "what" && pronounSubjects.has(&toks[i-1]) {
			continue // "what he called an unjustified attack": a hedge, no event
		}
		if (v.Form == Base || v.Form == Third) && i+1 < len(toks) && toks[i+1].Key == "of" {
			continue // "head of UNAMI", "attacks of": a noun
		}
		if v.Lemma == "back" && v.Form == Base {
			continue // "came back", "flown back": an adverb far more often than a verb
		}
		if v.Lemma == "head" && i+n < len(toks) && motionWords.has(&toks[i+n]) {
			continue // "fighters headed for Baghdad": going, not leading
		}
		if v.Form == Gerund && v.Predicate == schema.Demanded && i > 1 && documentNouns.has(&toks[i-1]) {
			// "parliament passed a resolution calling on the government
			// to ...": the resolution's author demands it
			subs := st.subjects(i - 1)
			for _, s := range subs {
				for _, o := range st.objects(i+n, v.Predicate, v.ObjPreps) {
					st.emitVerb(v, s, o, st.modality(i, false), "verb-document", i)
				}
			}
			continue
		}
		if i > 0 && v.Form != Past && v.Form != Participle && st.afterDeterminer(i) {
			continue // a noun: "the attack", "their attacks", "an "imminent" attack"
		}
		if (v.Predicate == schema.Killed || v.Predicate == schema.Wounded) && i > 0 && toks[i-1].Kind == Number {
			continue // "16 were killed and 25 wounded": an elliptical passive
		}
		if v.Form == Third || v.Form == Base {
			if _, nn := st.nounAt(i); nn > 0 && i > 0 && (st.at[i-1] >= 0 && !st.takesObject(i+n) || st.nounModifier(i-1) || nounPreps.has(&toks[i-1])) {
				continue // "US-Israeli strikes on", "drone attacks"; but "US strikes Kataib Hezbollah"
			}
		}
		if (v.Form == Past || v.Form == Participle) && i+1 < len(toks) && (toks[i+1].starts&startsMilitia != 0 && v.Lemma == "arm" || conflictNouns.has(&toks[i+1])) && st.at[i+1] < 0 {
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
		if v.Form == Gerund && i > 0 && !beAux.has(&toks[i-1]) && !aspectual.has(&toks[i-1]) && toks[i-1].Text != "," && st.at[i-1] < 0 {
			continue // "focuses on advising", "strikes targeting": not a finite verb
		}
		end := i + n
		if !passive && hasForm(vs, Participle) && end < len(toks) && (toks[end].Key == "in" || toks[end].Key == "by") && i > 0 && st.at[i-1] >= 0 {
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
		if v.Form == Past && hasForm(vs, Participle) && i > 0 && st.at[i-1] < 0 && !st.toks[i-1].Upper() && (st.participial(i) || objectFirstVerbs.hasKey(v.Lemma) && i+1 < len(toks) && slicesHas(v.ObjPreps, toks[i+1].Key)) {
			continue // "sites used by", "a strike attributed to Israel": a participle, not a finite verb
		}
		if v.Form == Participle && !hasForm(vs, Past) && !st.perfectBefore(i) {
			continue // "sites used by", "bases located in": not a finite verb
		}
		subs := st.subjects(i)
		if v.Form == Gerund && i > 1 && toks[i-1].Text == "," && st.lastVerb >= 0 && len(st.lastSubs) > 0 {
			// "The Treasury sanctioned A and B, accusing them of ...": the
			// participle's subject is the clause's
			subs = st.lastSubs
		}
		if v.Form == Gerund && i > 0 && st.at[i-1] >= 0 {
			if speechPredicate(v.Predicate) {
				// "Araghchi wrote to the Security Council demanding that it
				// condemn ...": who wrote demands, not the addressee
				subs = nil
				if st.lastVerb >= 0 {
					subs = st.lastSubs
				}
			} else if id, t := st.actor(st.ms[st.at[i-1]]); t.IsActor() && t != schema.Person {
				// "militias firing drones at Israel": the noun the gerund
				// modifies, whatever governs it ("rein in militias firing")
				subs = []string{id}
			}
		}
		if v.Predicate == schema.LocatedIn {
			subs = st.placeSubject(i) // "The embassy sits inside the Green Zone"
		}
		if i >= 2 && toks[i-1].Key == "and" && st.lastVerb >= 0 && i-st.lastVerb < 20 {
			// "that killed a contractor and wounded several troops": the
			// second verb shares the first one's subject.
			subs = st.lastSubs
		}
		if i >= 2 && (toks[i-1].Key == "it" || toks[i-1].Key == "they") && toks[i-2].Kind == Word && st.at[i-1] < 0 &&
			(st.at[i-2] >= 0 || !toks[i-2].Upper() && st.adjective(i-2) && !clauseBreaks.has(&toks[i-2])) {
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
		if slicesHas(v.ObjPreps, "") {
			// "Kataib Hezbollah, which Washington designated in 2009": the
			// object is what the relative pronoun stands for.
			if sub, obj := st.relativeObject(i); obj != "" {
				st.emitVerb(v, sub, obj, st.modality(i, false), "verb-relative-object", i)
				i = end - 1
				continue
			}
		}
		if len(subs) == 0 && (v.Predicate == schema.Attacked || v.Predicate == schema.Struck || v.Predicate == schema.Killed || v.Predicate == schema.Wounded) {
			subs = st.weaponSubject(i)
			if len(subs) == 0 {
				subs = st.strikeOfRelative(i)
			}
		}
		st.lastVerb, st.lastSubs = i, subs
		st.between(v, i, end)
		if len(subs) == 0 {
			if v.Predicate == schema.Attacked || v.Predicate == schema.Struck {
				// "a drone targeted Harir air base": who did it may be
				// claimed later
				st.d.unclaimed = st.objects(end, v.Predicate, v.ObjPreps)
			}
			continue
		}
		objs := st.objects(end, v.Predicate, v.ObjPreps)
		if phrasalVerbs.hasKey(v.Lemma) && end < len(toks) && !slicesHas(v.ObjPreps, toks[end].Key) && !(end+1 < len(toks) && strings.HasSuffix(toks[end].Key, "ly") && slicesHas(v.ObjPreps, toks[end+1].Key)) {
			objs = nil // "called the raids a response to attacks on": not "called on"
		}
		if transferVerbs.hasKey(v.Lemma) && !st.aidBefore(end, v.ObjPreps) {
			objs = nil // "provided a briefing to", "received a call from": no backing
		}
		if info, _ := v.Predicate.Info(); !info.Event && v.Predicate != schema.BackedBy && len(objs) > 0 {
			// "led a military coalition against the Houthis": a standing
			// relation takes the object right after its verb
			if k := st.mk(st.skipDet(st.skipAdj(end))); k < 0 || !slicesHas(objs, st.ms[k].ID) && !slicesHas(objs, st.actorID(st.ms[k])) {
				objs = nil
			}
		}
		if v.Predicate == schema.Threatened && end+1 < len(toks) && toks[end].Key == "to" {
			// "vowed to continue its fight against Israel"; "vowed to
			// avenge X" threatens not X but whoever killed X
			objs = st.threatTarget(end+1, subs)
		}
		if v.Predicate == schema.Threatened && end < len(toks) && toks[end].Key == "that" {
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
		if info, _ := v.Predicate.Info(); info.Symmetric && len(objs) == 0 && len(subs) == 2 {
			// "Kadhimi and Biden met at the White House", "Iran and Saudi
			// Arabia agreed to restore ties": the parties are the subjects
			st.emitVerb(v, subs[0], subs[1], mod, "verb-parties", i)
		}
		if len(subs) > 0 && st.subj == "" {
			st.subj = subs[0]
		}
		i = end - 1
	}
	st.truces()
}

// relativeObject returns the subject and the object of an object relative
// clause whose verb is toks[i]: "X, which Y attacked", "X, whom US forces
// killed" give Y and X. The verb must have no object of its own after it.
// "that" is left out: after a name it is more often a complementiser ("told
// Iraq that Kataib Hezbollah attacked").
func (st *sent) relativeObject(i int) (subj, obj string) {
	toks := st.toks
	if i+1 < len(toks) && (toks[i+1].Kind == Word && !prepositions.has(&toks[i+1]) && !locPreps.has(&toks[i+1]) && !otherPreps.has(&toks[i+1]) && toks[i+1].Key != "as" || st.mk(i+1) >= 0) {
		return "", "" // something follows that may be the verb's own object
	}
	// The subject: mentions and plain nouns after the pronoun.
	q := i - 1
	for q > 0 && q >= i-5 && (st.at[q] >= 0 || troopNouns.has(&toks[q]) || toks[q].Key == "the") {
		q--
	}
	if q == i-1 || q < 1 || st.mk(q+1) < 0 || toks[q].Key != "which" && toks[q].Key != "whom" {
		return "", ""
	}
	ante := q - 1
	if toks[ante].Text == "," {
		ante--
	}
	a, s := st.mentionAt(ante), st.mentionAt(q+1)
	if a == nil || a.End != ante+1 || s == nil {
		return "", ""
	}
	subj, _ = st.actor(s)
	obj, _ = st.actor(a)
	return subj, obj
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
	st.emitRule(s, v.Predicate, o, mod, rule, v.Lemma, i)
}

// auxBefore reports whether a form of "be" precedes token i (adverbs and a
// coordinated participle may stand between: "were killed and injured").
func (st *sent) auxBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := &st.toks[j]
		if beAux.has(t) {
			return true
		}
		if t.Kind != Word || st.at[j] >= 0 {
			return false
		}
	}
	return false
}

var perfectAux = setOf("has", "have", "had", "having")

func (st *sent) perfectBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if perfectAux.has(&st.toks[j]) {
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

var agentStops = setOf("but", "while", "which", "who")

// agents finds the doers of a passive verb: "by X", "in X strikes", "in a
// drone strike carried out by X".
func (st *sent) agents(from int) []agent {
	var out []agent
	for j := from; j < len(st.toks) && j < from+14; j++ {
		t := &st.toks[j]
		if t.Text == ";" || agentStops.has(t) || st.stop(j) {
			break
		}
		if t.Key == "by" {
			if j > 0 && targetLinks.has(&st.toks[j-1]) {
				continue
			}
			q := j + 1
			for q < len(st.toks) && (determiners.has(&st.toks[q]) || st.toks[q].Kind == Word && !st.toks[q].Upper() && st.at[q] < 0 && q < j+3) {
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
		if t.Key == "in" {
			// "in US-Israeli strikes", "in a US drone strike"
			q := j + 1
			for q < len(st.toks) && determiners.has(&st.toks[q]) {
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

var weaponModifiers = setOf("drone", "missile", "air", "rocket", "retaliatory", "military", "precision")

// skipMods skips modifiers between an agent and an event noun: "drone",
// "missile", "retaliatory".
func (st *sent) skipMods(i int) int {
	for i < len(st.toks) && st.toks[i].Kind == Word && !st.toks[i].Upper() && weaponModifiers.has(&st.toks[i]) {
		if _, n := st.nounAt(i); n > 0 {
			return i
		}
		i++
	}
	return i
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
	return i+1 < len(st.toks) && st.toks[i+1].Key == "by"
}

// afterDeterminer reports whether the word at i follows a determiner or a
// possessive, across quotes and up to two modifiers: "an "imminent" attack",
// "the group's latest attack".
func (st *sent) afterDeterminer(i int) bool {
	for j, k := i-1, 0; j >= 0 && k < 3; j-- {
		t := &st.toks[j]
		if determiners.has(t) || st.possessive(j) {
			return true
		}
		if t.Text == "\"" || t.Text == "“" || t.Text == "”" {
			continue
		}
		if m := st.mentionAt(j); m != nil && m.Kind == DemonymMention && m.End == j+1 {
			j = m.Start // "the Israeli attacks": a demonym is an adjective
			k++
			continue
		}
		if t.Kind != Word || t.Upper() || st.at[j] >= 0 || !st.adjective(j) {
			return false
		}
		k++
	}
	return false
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

var patientStops = setOf("said", "says", "told", "that", "which", "who", "and", "but")

// patientNear reports whether the nearest mention before a passive verb at
// i is its subject: nothing but auxiliaries, adverbs and a modifier noun
// ("members of X were", "X personnel were") stands between them.
func (st *sent) patientNear(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if st.at[j] >= 0 {
			return true
		}
		t := &st.toks[j]
		if t.Text == "," {
			if k := st.parenthetical(j); k >= 0 {
				j = k // ", a deputy commander of the IRGC, was killed"
				continue
			}
		}
		if (t.Key == "which" || t.Key == "who") && j >= 2 && st.toks[j-1].Text == "," && st.at[j-2] >= 0 {
			return true // "the government, which is backed by": the antecedent
		}
		if patientStops.has(t) || t.Kind == Punct && t.Text != "-" && t.Text != ")" {
			return false
		}
		if _, n := st.verbAt(j); n > 0 && !beAux.has(t) {
			return false
		}
		if i-j > 6 {
			return false
		}
	}
	return false
}

// weapons are what "the missiles hit the base" and "the drone struck" name
// as the doer: the actor that fired them, named before.
var weapons = setOf("missile", "missiles", "rocket", "rockets", "drone", "drones", "strike", "strikes", "airstrike", "airstrikes", "attack", "shells", "projectiles", "barrage", "salvo", "bomb", "bombs", "jets", "warplanes", "aircraft")

var weaponAdverbs = setOf("also", "then", "later", "reportedly", "apparently", "had", "have", "has")

// weaponSubject resolves "the missiles hit X" to the doer of the last attack
// the document reported.
func (st *sent) weaponSubject(i int) []string {
	j := i - 1
	for j >= 0 && weaponAdverbs.has(&st.toks[j]) {
		j--
	}
	if j < 1 || !weapons.has(&st.toks[j]) || (st.toks[j-1].Key != "the" && st.toks[j-1].Key != "these" && st.toks[j-1].Key != "those") && st.toks[j-1].Kind != Number {
		return nil
	}
	if len(st.d.lastAttackers) > 0 {
		return slices.Clone(st.d.lastAttackers)
	}
	return nil
}

// strikeOfRelative finds who made the strike a relative clause at i is
// about: "The US carried out strikes, including one in Baghdad that
// killed X": the doer of the strikes the antecedent ("one", "a strike")
// stands for, as a light verb names it.
func (st *sent) strikeOfRelative(i int) []string {
	r := i - 1
	if r < 1 || st.toks[r].Key != "that" && st.toks[r].Key != "which" {
		return nil
	}
	for q := r - 1; q >= 0 && q >= r-8; q-- {
		if st.at[q] >= 0 && st.ms[st.at[q]].Type == schema.Person {
			return nil
		}
		if ns, n := st.nounAt(q); n > 0 && st.at[q] < 0 && (ns[0].Predicate == schema.Attacked || ns[0].Predicate == schema.Struck) {
			// the strikes' doer: a modifier ("American strikes"), else the
			// subject of the light verb ("its forces carried out a strike")
			k := q - 1
			for k >= 0 && st.at[k] < 0 && st.toks[k].Kind == Word && !st.toks[k].Upper() && (eventModifiers.has(&st.toks[k]) || st.adjective(k)) && !lightVerbs.has(&st.toks[k]) && st.toks[k].Key != "out" {
				k--
			}
			if m := st.mentionAt(k); m != nil && m.End == k+1 {
				if id, t := st.actor(m); t.IsActor() && t != schema.Person {
					return []string{id}
				}
				return nil
			}
			if k >= 0 && st.toks[k].Key == "out" {
				k--
			}
			if k >= 1 && lightVerbs.has(&st.toks[k]) {
				if m := st.mentionAt(k - 1); m != nil && m.End == k {
					if id, t := st.actor(m); t.IsActor() {
						return []string{id} // "The US carried out strikes": the subject right before
					}
				}
			}
			return nil
		}
	}
	return nil
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

// placeSubject finds the place a location verb at i is about: the nearest
// place named before it in the clause.
func (st *sent) placeSubject(i int) []string {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if clauseStops.has(&st.toks[j]) || st.toks[j].Text == "," {
			return nil
		}
		if m := st.mentionAt(j); m != nil {
			if m.Type.IsPlace() {
				return []string{m.ID}
			}
			return nil
		}
	}
	return nil
}

// takesObject reports whether the words at i read as a verb's object or
// complement ("strikes Kataib Hezbollah", "calls on the US") rather than
// what follows a noun ("strikes on", "strikes in", "strikes killed").
func (st *sent) takesObject(i int) bool {
	if i >= len(st.toks) {
		return false
	}
	t := &st.toks[i]
	if st.at[i] >= 0 || determiners.has(t) {
		return true
	}
	return (t.Key == "on" || t.Key == "upon") && i+1 < len(st.toks) && st.at[i+1] >= 0 && (st.toks[i-1].Key == "calls" || st.toks[i-1].Key == "call")
}

var ceasefireNouns = setOf("truce", "ceasefire", "cease-fire", "armistice")

// between reads a symmetric verb's parties after "between": "a ceasefire
// agreed between Israel and the Lebanese government", "a truce agreed in
// April 2022 between the coalition and the rebels".
func (st *sent) between(v Verb, i, end int) {
	toks := st.toks
	btw := end
	for btw < len(toks) && btw < end+4 && toks[btw].Key != "between" && toks[btw].Kind != Punct {
		btw++ // "agreed in April 2022 between the coalition and the rebels"
	}
	if btw >= len(toks) || toks[btw].Key != "between" {
		return
	}
	if info, _ := v.Predicate.Info(); info.Symmetric {
		// "a ceasefire agreed between Israel and the Lebanese government"
		if k := st.mk(st.skipDet(btw + 1)); k >= 0 {
			if g := st.group(k); len(g) >= 2 {
				a, _ := st.actor(g[0])
				b, _ := st.actor(g[1])
				p := v.Predicate
				for q := max(i-3, 0); q < i; q++ {
					if ceasefireNouns.has(&toks[q]) {
						p = schema.TruceWith // "a truce agreed between A and B"
					}
				}
				st.emit(a, p, b, st.modality(i, false), "verb-between", i)
			}
		}
	}
}

// speechPredicate reports whether p is said rather than done: a demand,
// an accusation, a threat.
func speechPredicate(p schema.Predicate) bool {
	return p == schema.Demanded || p == schema.Accused || p == schema.Threatened
}

// objectFirstVerbs put their direct object before their preposition
// ("attributed the strike to Israel"): the preposition right after them
// marks a participle ("a strike attributed to Israel").
var objectFirstVerbs = setOf("attribute", "blame")

// phrasalVerbs take their object only right after their particle: "call on X".
var phrasalVerbs = setOf("call")

var motionWords = setOf("for", "to", "toward", "towards", "into", "back", "home", "out", "north", "south", "east", "west", "off", "there", "down", "up")

var (
	// transferVerbs back their object only when what they pass on is aid.
	transferVerbs = setOf("provide", "supply", "resupply", "smuggle", "receive", "obtain", "acquire")
	aidNouns      = setOf("weapons", "weapon", "arms", "training", "funding", "funds", "money", "cash", "financing", "finance", "support", "backing", "aid", "assistance", "equipment", "drones", "missiles", "rockets", "ammunition", "munitions", "explosives", "supplies", "advisers", "advisors", "fighters", "intelligence", "technology", "components", "salaries", "guns", "rifles", "hardware", "materiel", "shelter", "sanctuary", "protection", "logistics", "guidance")
)

// aidBefore reports whether the words from i to the first of preps name
// aid ("weapons and training from"), or the preposition comes first
// ("supplied Hezbollah", "provides to").
func (st *sent) aidBefore(i int, preps []string) bool {
	for j := i; j < len(st.toks) && j < i+10; j++ {
		t := &st.toks[j]
		if slicesHas(preps, t.Key) && t.Key != "" || st.at[j] >= 0 && j == i {
			return j == i || aidNouns.has(t) || st.aidIn(i, j)
		}
		if clauseStops.has(t) || st.stop(j) {
			break
		}
	}
	return st.aidIn(i, min(i+10, len(st.toks)))
}

// aidIn reports whether a noun of aid is among toks[i:j].
func (st *sent) aidIn(i, j int) bool {
	for k := i; k < j; k++ {
		if aidNouns.has(&st.toks[k]) {
			return true
		}
	}
	return false
}
