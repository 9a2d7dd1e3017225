package extract

import (
	"iter"
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

// sent is one sentence with its mentions, as the relation rules see it.
type sent struct {
	d         *docState
	si        int
	s         Sentence
	toks      []Token
	ms        []*Mention
	at        []int // token index → mention index, -1 where none
	out       []schema.Statement
	subj      string // the main subject found, for pronouns in the next sentence
	claim     bool   // the sentence attributes its content to a source
	claimDone bool   // claim is computed
	spk       string // speaker(), once computed
	spkDone   bool
	has       uint16 // the ruleBits of the ruleWords sets the sentence has a word of
	// the last verb the verb rule read, and its subjects, for a verb
	// coordinated with it
	lastVerb int
	lastSubs []string
	dates    []Date // found on first use
	// groups[k] is group(k), once computed: many rules ask for the same
	// mention's group. Shared, so never to be changed in place.
	groups [][]*Mention
}

func (d *docState) newSent(si int) *sent {
	s := d.sents[si]
	if si < len(d.ctx) {
		d.recentMark, d.prevLast = d.ctx[si].recentMark, d.ctx[si].prevLast
	}
	// One sent per call, reused sentence after sentence: its statements
	// are copied out before the next (Extract), and its memory kept
	// (scratch.put clears it).
	st := &d.sc.sent
	*st = sent{d: d, si: si, s: s, toks: s.Tokens, ms: d.ments[si], at: d.sc.ints(len(s.Tokens)), lastVerb: -1, out: st.out[:0], groups: grow(st.groups, len(d.ments[si]))}
	for i := range st.at {
		st.at[i] = -1
		if w := st.toks[i].word; int(w) < len(ruleMask) {
			st.has |= ruleMask[w] // a token made without the vocabulary has no word number, and triggers no rule (wordsOf)
		}
	}
	for k, m := range st.ms {
		for i := m.Start; i < m.End; i++ {
			st.at[i] = k
		}
	}
	return st
}

// wordsOf yields the indexes of the sentence's tokens that are words of
// set and rule triggers (Token.starts has startsRule, so a token made
// without the vocabulary never is); for a set of ruleWords, a sentence
// with no word of it is skipped without a pass.
func (st *sent) wordsOf(set *wordSet) iter.Seq[int] {
	return func(yield func(int) bool) {
		if set.ruleBit != 0 && st.has&set.ruleBit == 0 {
			return
		}
		for i := range st.toks {
			if st.toks[i].starts&startsRule != 0 && set.has(&st.toks[i]) && !yield(i) {
				return
			}
		}
	}
}

// actor returns the ID a mention stands for as an actor: a capital that
// acts stands for its state.
func (st *sent) actor(m *Mention) (string, schema.EntityType) {
	if m.Type.IsPlace() && m.Metonym != "" {
		return m.Metonym, st.d.typeOf(m.Metonym)
	}
	return m.ID, m.Type
}

// emit records a statement if the schema allows it.
func (st *sent) emit(subj string, p schema.Predicate, obj string, mod schema.Modality, rule string, trigger int) {
	st.emitRule(subj, p, obj, mod, rule, "", trigger)
}

// emitRule is emit for a rule named in two parts, rule-sub ("verb-attack"),
// joined only for a statement kept: most candidates are not.
func (st *sent) emitRule(subj string, p schema.Predicate, obj string, mod schema.Modality, rule, sub string, trigger int) {
	if subj == "" || obj == "" || subj == obj {
		return
	}
	info, _ := p.Info()
	stT, obT := st.d.typeOf(subj), st.d.typeOf(obj)
	if !info.Allows(stT, obT) {
		return
	}
	if (p == schema.Threatened || p == schema.Attacked || p == schema.Struck) && stT == schema.Person && obT == schema.Country && st.d.serves(subj, obj) {
		return // "Erdogan warned that Turkish troops could arrive": his own state's troops
	}
	if mod == schema.Asserted && st.reported() {
		mod = schema.Claimed
	}
	for k := range st.out {
		o := &st.out[k]
		if o.Subject == subj && o.Predicate == p && o.Object == obj && o.Modality == mod {
			return
		}
	}
	if sub != "" {
		rule += "-" + sub
	}
	s := schema.Statement{
		Subject: subj, Predicate: p, Object: obj, Modality: mod, Rule: rule,
		Span:     st.s.Span,
		Sentence: st.d.doc.Text[st.s.Span.Start:st.s.Span.End],
	}
	if info.Event {
		st.d.dateAndCounts(st, &s, trigger)
	}
	st.out = append(st.out, s)
	if (p == schema.Attacked || p == schema.Struck) && mod.Direct() {
		if st.d.lastAttackSent != st.si+1 {
			st.d.lastAttackers, st.d.lastAttackSent = nil, st.si+1
		}
		if !slicesHas(st.d.lastAttackers, subj) {
			st.d.lastAttackers = append(st.d.lastAttackers, subj)
		}
	}
	if (p == schema.Attacked || p == schema.Struck) && (mod == schema.Planned || mod == schema.Threat || mod == schema.Conditional || mod == schema.Hypothetical && st.wouldIf(trigger)) {
		st.threatOfPlan(subj, obj, trigger)
	}
}

// serves reports whether the gazetteer has the person id lead or serve
// the actor (a state, an organisation).
func (d *docState) serves(id, actor string) bool {
	e, ok := d.x.gaz.Entry(id)
	return ok && (slices.Contains(e.Facts["leaderOf"], actor) || slices.Contains(e.Facts["officialOf"], actor))
}

// mentionAt returns the mention covering token i, or nil.
func (st *sent) mentionAt(i int) *Mention {
	if i < 0 || i >= len(st.at) || st.at[i] < 0 {
		return nil
	}
	return st.ms[st.at[i]]
}

var (
	determiners = setOf("the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "some", "all", "several", "two", "three")
	locPreps    = setOf("in", "inside", "near", "across", "outside", "at", "throughout", "around", "from", "into", "within", "along", "towards", "toward", "over", "between", "to", "via")
	clauseStops = setOf(";", ":", "but", "while", "after", "because", "although", "though", "when", "whereas", "before", "since", "until", "as", "—", "–")
	beAux       = setOf("is", "are", "was", "were", "been", "being", "be", "got", "get", "gets")
	lightVerbs  = setOf("agree", "agrees", "exerted", "exerts", "exert", "applied", "put", "piled", "maintained", "maintains", "extended", "extends", "observed", "observing", "honored", "honoured", "respected", "conducted", "conducts", "conduct", "carried", "carries", "carry", "launched", "launches", "launch", "initiated", "initiates", "waged", "wages", "stepped", "retaliated", "resumed", "resumes", "continued", "began", "begins", "started", "starts", "mounted", "mounts", "staged", "stages", "held", "holds", "hold", "announced", "announces", "declared", "declares", "offered", "offers", "reached", "reaches", "signed", "signs", "agreed", "ordered", "orders", "claimed", "executed", "undertook", "in", "with", "has", "have", "had")
	aspectual   = setOf("began", "begin", "begins", "started", "start", "starts", "continued", "continue", "continues", "continuing", "managed", "resumed", "went", "proceeded")
	ceaseVerbs  = setOf("stop", "stopped", "stops", "stopping", "halt", "halted", "halts", "halting", "cease", "ceased", "ceasing", "suspend", "suspended", "suspends", "suspending", "end", "ended", "ending", "freeze", "froze", "freezing", "pause", "paused", "pausing")
	troopNouns  = setOf("troops", "soldiers", "forces", "personnel", "servicemembers", "marines", "advisers", "advisors", "trainers", "contingent", "members", "airmen", "sailors", "garrison")
	targetLinks = setOf("used", "operated", "controlled", "held", "run", "affiliated", "associated", "linked", "belonging", "tied", "allied", "aligned", "loyal")
)

// inPP reports whether mention m sits in a prepositional phrase of one of
// the given prepositions: "in the western Anbar province".
func (st *sent) prepBefore(m *Mention) string {
	i := m.Start - 1
	for i >= 0 && (determiners.has(&st.toks[i]) || st.toks[i].Kind == Word && !st.toks[i].Upper() && st.at[i] < 0 && i >= m.Start-3 && st.adjective(i)) {
		i--
	}
	if i >= 0 && st.toks[i].Upper() && st.at[i] < 0 {
		// a title between the preposition and the name: "of Prime Minister X"
		if _, n := st.d.roleEndingAt(st.toks, i+1); n > 0 {
			i -= n
			for i >= 0 && determiners.has(&st.toks[i]) {
				i--
			}
		}
	}
	if i < 0 {
		return ""
	}
	// "in Iraq and Syria": a conjunct shares the preposition of the first.
	// ", Syria and Iraq": inside a list, a comma does too.
	midList := m.End < len(st.toks) && (st.toks[m.End].Key == "," || st.toks[m.End].Key == "and" || st.toks[m.End].Key == "or")
	if (st.toks[i].Key == "and" || st.toks[i].Key == "or" || st.toks[i].Text == "," && midList) && i > 0 {
		if prev := st.mentionAt(i - 1); prev != nil && prev != m {
			return st.prepBefore(prev)
		}
	}
	return st.toks[i].Key
}

// group returns the mentions coordinated with mention k: "A, B and C",
// "US-Israeli". The slice is shared: callers must not change it (its
// capacity is its length, so append copies).
func (st *sent) group(k int) []*Mention {
	if g := st.groups[k]; g != nil {
		return g
	}
	g := st.makeGroup(k)
	st.groups[k] = g[:len(g):len(g)]
	return st.groups[k]
}

// makeGroup computes group(k): the raw coordination, with a possessed
// name standing for its possessor.
func (st *sent) makeGroup(k int) []*Mention {
	g := st.rawGroup(k)
	// "Yemen's Houthi militia": the possessed name stands in the group
	for q, m := range g {
		if st.possessive(m.End) {
			if n := st.mentionAt(m.End + 1); n != nil {
				g[q] = n
			}
		}
	}
	if len(g) < 2 {
		return g
	}
	// A list joined only by commas is no coordination ("According to the
	// Health Ministry, Israeli strikes"): it needs an "and" or "or", but
	// for a headline's "Israel, Hezbollah agree".
	for q := g[0].End; q < g[len(g)-1].Start; q++ {
		if st.toks[q].Key == "and" || st.toks[q].Key == "or" || st.toks[q].Text == "-" {
			return g
		}
	}
	if st.headline() && len(g) == 2 && g[0].Start == 0 {
		return g
	}
	return []*Mention{st.ms[k]}
}

var rawGroupNouns = setOf("militias", "militiamen", "officials", "government", "army")

func (st *sent) rawGroup(k int) []*Mention {
	out := []*Mention{st.ms[k]}
	for j := k - 1; j >= 0; j-- {
		a, b := st.ms[j], out[0]
		if a.End > b.Start {
			break
		}
		between := st.toks[a.End:b.Start]
		ok := false
		switch len(between) {
		case 1:
			ok = between[0].Key == "," || between[0].Key == "and" || between[0].Key == "-" || between[0].Text == "-"
		case 2:
			ok = between[0].Text == "," && between[1].Key == "and" || between[0].Key == "and" && determiners.has(&between[1])
		}
		if !ok && b.Type == schema.Person {
			// "PMF chairman Falih al-Fayyadh and Badr Organization leader
			// Hadi al-Ameri": a titled person before this one's title
			if c, jc := st.titledPersonBefore(j, b); c != nil {
				a, j, ok = c, jc, true
			}
		}
		if !ok || a.Inner != b.Inner {
			break
		}
		out = append([]*Mention{a}, out...)
	}
	for j := k + 1; j < len(st.ms); j++ {
		a, b := out[len(out)-1], st.ms[j]
		if a.End > b.Start {
			break
		}
		between := st.toks[a.End:b.Start]
		if a.Kind == DemonymMention && len(between) > 1 && (troopNouns.has(&between[0]) || weapons.has(&between[0]) || rawGroupNouns.has(&between[0])) {
			between = between[1:] // "Iranian forces and Iran-backed militants"
			if len(between) > 1 && (between[0].Key == "power" || between[0].Key == "forces") {
				between = between[1:]
			}
		}
		ok := false
		switch len(between) {
		case 1:
			ok = between[0].Key == "," || between[0].Key == "and" || between[0].Text == "-"
		case 2:
			ok = between[0].Text == "," && between[1].Key == "and" || between[0].Key == "and" && determiners.has(&between[1])
		default:
			ok = a.Type == schema.Person && b.Type == schema.Person && st.appositionBetween(between)
		}
		if !ok && a.Type == schema.Person && b.Start > a.End && st.toks[a.End].Text == "," {
			// "Qasem Soleimani, the commander of Iran's Quds Force, and Abu
			// Mahdi al-Muhandis": the next person past an apposition
			for j2 := j + 1; j2 < len(st.ms) && st.ms[j2].Start <= a.End+15; j2++ {
				if c := st.ms[j2]; c.Type == schema.Person && st.appositionBetween(st.toks[a.End:c.Start]) {
					b, j, ok = c, j2, true
					break
				}
			}
		}
		if !ok {
			break
		}
		out = append(out, b)
	}
	return out
}

// subjects finds the actors that do what the word at i says: the nearest
// actor mention to its left in the same clause, with those coordinated
// with it; a pronoun right before falls back to the sentence's or the
// previous sentence's subject.
func (st *sent) subjects(i int) []string { return st.subjectsOf(i, false) }

// patients finds who undergoes a passive verb at i: like subjects, but "of"
// phrases count ("members of the PMF were killed").
func (st *sent) patients(i int) []string { return st.subjectsOf(i, true) }

var (
	auxOrAdverbs       = setOf("has", "have", "had", "also", "reportedly", "allegedly", "later", "then", "still")
	perfectOrEver      = setOf("has", "have", "had", "ever")
	clauseConjunctions = setOf("as", "after", "before", "since", "until", "when", "while")
	militaryBranches   = setOf("aircraft", "fighters", "navy", "army", "military")
	reportVerbs        = setOf("said", "says", "told", "announced", "stated", "reported", "confirmed", "added")
)

func (st *sent) subjectsOf(i int, passive bool) []string {
	// A relative clause: "the missile attack that struck Erbil" has the
	// attack as subject (so no actor); "a US drone attack that killed" has
	// the attack's doer; "the United States, which keeps" its antecedent.
	r := i - 1
	for r >= 0 && (beAux.has(&st.toks[r]) || auxOrAdverbs.has(&st.toks[r])) {
		r--
	}
	if m := st.mentionAt(r); m != nil && m.Start > 0 && st.toks[m.Start-1].Key == "whose" {
		if id, t := st.actor(m); t.IsActor() {
			return []string{id} // "Sadr, whose Mahdi Army fought"
		}
	}
	if w := st.whoseBefore(r); w > 0 {
		return st.whoseSubject(w, r)
	}
	if r >= 3 && whichWhom.has(&st.toks[r]) && st.toks[r-1].Key == "of" {
		// "US troops, about 2,500 of whom are stationed in Iraq": the
		// part is of the noun before the comma
		for q := r - 2; q >= 1 && q >= r-5; q-- {
			if st.toks[q].Text == "," {
				if st.partitiveRelative(q+1) || st.toks[q+1].Kind == Word && st.partitiveAfter(q+1, r-1) {
					return st.antecedentNP(q + 1)
				}
				break
			}
		}
	}
	if r >= 1 && (st.toks[r].Key == "that" || st.toks[r].Key == "which" || st.toks[r].Key == "who") && (!passive || st.toks[r].Key != "that") {
		return st.antecedentNP(r) // "the government, which is backed by": also a passive's patient
	}
	for j := i - 1; j >= 0; j-- {
		t := &st.toks[j]
		if t.Text == "," && st.onlyAdverbs(j+1, i) {
			// jump over a parenthetical set off by commas right before the
			// verb: ", led since October by Naim Qassem,"
			if k := st.parenthetical(j); k >= 0 {
				j = k
				continue
			}
		}
		if clauseStops.has(t) && !(t.Key == "as" && j+1 < len(st.toks) && st.toks[j+1].Key == "well") && !(t.Key == "since" && j > 0 && perfectOrEver.has(&st.toks[j-1])) {
			if clauseConjunctions.has(t) && st.pronounBetween(j, i) {
				return st.pronoun(j)
			}
			break
		}
		if (t.Key == "it" || t.Key == "they") && st.at[j] < 0 && j >= i-4 {
			return st.pronoun(j)
		}
		if (t.Key == "its" || t.Key == "their") && st.at[j] < 0 && j >= i-4 && j+1 < i && (weapons.has(&st.toks[j+1]) || troopNouns.has(&st.toks[j+1]) || militaryBranches.has(&st.toks[j+1])) {
			// "CENTCOM said its aircraft had struck": the owner of the forces
			if id := st.speaker(); id != "" {
				return []string{id}
			}
			return st.pronoun(j)
		}
		if reportVerbs.has(t) && st.at[j] < 0 && !(j+1 < len(st.toks) && (st.toks[j+1].Key == "to" || st.toks[j+1].Key == "on" || st.toks[j+1].Key == "in")) {
			// "Saree said 73 strikes had killed five fighters": who said it
			// is not who did it; but "X said ..., and warned that": the
			// same speaker goes on
			if i > 0 && st.toks[i-1].Key == "and" && speechVerbs.has(&st.toks[i]) {
				return st.subjectsOf(j, passive)
			}
			break
		}
		if t.Key == "we" && st.at[j] < 0 && j >= i-4 {
			// "We will target American bases," the group said.
			if id := st.speaker(); id != "" {
				return []string{id}
			}
			return nil
		}
		if (t.Key == "he" || t.Key == "she") && st.at[j] < 0 && j >= i-4 {
			if id := st.d.antecedent(st.ms, j, schema.Person); id != "" {
				return []string{id}
			}
			return nil
		}
		k := st.at[j]
		if k < 0 {
			continue
		}
		m := st.ms[k]
		if m.Inner || m.Rel || st.compoundModifier(m) || st.nonStateDemonym(m) {
			j = m.Start
			continue
		}
		id, typ := st.actor(m)
		if !typ.IsActor() {
			j = m.Start
			continue
		}
		p := st.prepBefore(m)
		if (p == "of" || p == "from" && (typ == schema.GovernmentBody || typ == schema.ArmedGroup)) && st.memberOf(m) {
			p = "" // "Fighters of the Islamic State overran Mosul", "soldiers from the 82nd Airborne Division"
		}
		if locPreps.hasKey(p) || p == "of" && m.Kind != DemonymMention && !passive || p == "by" || p == "with" || p == "against" || p == "on" || otherPreps.hasKey(p) {
			j = m.Start
			continue
		}
		if st.inRelativeClause(m, i) {
			return nil // "mourners angered by attacks that killed members of KH had set fire"
		}
		var ids []string
		for _, g := range st.group(k) {
			if gid, gt := st.actor(g); gt.IsActor() {
				ids = append(ids, gid)
			}
		}
		if len(ids) == 0 {
			ids = []string{id}
		}
		return ids
	}
	if i < 6 {
		for j := 0; j < i; j++ {
			if st.toks[j].Key == "it" || st.toks[j].Key == "they" {
				return st.pronoun(j)
			}
		}
	}
	return nil
}

func (st *sent) pronounBetween(a, b int) bool {
	for j := a + 1; j < b && j <= a+3; j++ {
		if st.toks[j].Key == "it" || st.toks[j].Key == "they" {
			return true
		}
	}
	return false
}

// pronoun resolves "it" or "they" at token j: the nearest actor mention
// before it in the sentence, else the previous sentence's subject.
func (st *sent) pronoun(j int) []string {
	for k := len(st.ms) - 1; k >= 0; k-- {
		m := st.ms[k]
		if m.End > j || m.Inner || m.Rel || st.objectOfVerb(m) {
			continue
		}
		if id, t := st.actor(m); t.IsActor() && t != schema.Person {
			var ids []string
			for _, g := range st.group(k) {
				if gid, gt := st.actor(g); gt.IsActor() && gt != schema.Person {
					ids = append(ids, gid)
				}
			}
			if len(ids) == 0 {
				ids = []string{id}
			}
			return ids
		}
	}
	if st.si > 0 && st.d.lastSubj != "" {
		return []string{st.d.lastSubj}
	}
	return nil
}

var (
	objectStops = setOf("which", "who", "saying", "citing", "said")
	baseNouns   = setOf("base", "bases", "garrison", "outpost", "embassy", "consulate")
)

// objects finds the entities an event at i is done to: the first mentions
// after it in the clause, after one of preps when given. Places in a
// locative phrase are skipped unless the predicate takes a place.
func (st *sent) objects(i int, p schema.Predicate, preps []string) (out []string) {
	wantPlace := p == schema.WithdrewFrom || p == schema.DeployedIn || p == schema.LocatedIn
	fallback := ""
	defer func() {
		if len(out) == 0 && fallback != "" {
			out = []string{fallback}
		}
	}()
	if i < len(st.toks) && (st.toks[i].Key == "it" || st.toks[i].Key == "them") && (p == schema.Accused || p == schema.Attacked || p == schema.Struck || p == schema.Threatened) {
		// "Iran and Syria have blamed it for the attack": the actor named
		// last before the verb's own subject
		return st.objectPronoun(i)
	}
	start := i
	viaPrep := "" // the preposition the object follows: a name right after it is the object
	if len(preps) > 0 && !(len(preps) == 1 && preps[0] == "") {
		found := false
		for j := i; j < len(st.toks) && j < i+8; j++ {
			if clauseStops.has(&st.toks[j]) && st.toks[j].Key != "as" || st.stop(j) {
				break
			}
			for _, pr := range preps {
				if pr != "" && st.matchPhrase(j, pr) {
					n := 1 + strings.Count(pr, " ")
					start, found, viaPrep = j+n, true, st.toks[j+n-1].Key
					break
				}
			}
			if found {
				break
			}
			if st.at[j] >= 0 && j >= i {
				if slicesHas(preps, "") {
					found = true // a direct object: scan from the verb
				}
				break
			}
		}
		if !found {
			return nil
		}
	}
	for j := start; j < len(st.toks); j++ {
		t := &st.toks[j]
		if clauseStops.has(t) && t.Key != "as" || objectStops.has(t) || st.stop(j) {
			break
		}
		if t.Key == "that" && j > start && st.toks[j-1].Kind == Word && !st.toks[j-1].Upper() && st.at[j-1] < 0 && (militantNouns.has(&st.toks[j-1]) || militiaNouns.has(&st.toks[j-1])) {
			break // "blamed Shiite militias that have been killing American troops": a relative clause about the object
		}
		if t.Text == "," && j+1 < len(st.toks) && strings.HasSuffix(st.toks[j+1].Key, "ing") && st.mk(j+1) < 0 {
			break // ", killing two members of ...": a new clause
		}
		if t.Text == "," && j+2 < len(st.toks) && st.toks[j+1].Key == "and" && st.toks[j+2].Kind == Word && !st.toks[j+2].Upper() && !determiners.has(&st.toks[j+2]) && st.mk(j+2) < 0 && !st.adjective(j+2) {
			break // ", and warned that ...": a new clause
		}
		k := st.at[j]
		if k < 0 {
			continue
		}
		m := st.ms[k]
		if st.nonStateDemonym(m) && (st.toks[m.End].Key == "territory" || st.toks[m.End].Key == "soil" || st.toks[m.End].Key == "airspace") && (p == schema.Attacked || p == schema.Struck) && fallback == "" {
			fallback = st.actorID(m) // "strikes that targeted locations inside Iraqi territory"
		}
		if m.Inner || st.compoundModifier(m) && !st.heldBy(m) || st.nonStateDemonym(m) {
			j = m.End - 1
			continue
		}
		if j-start > 12 && !st.linkedTarget(start, j) {
			break // too far from its verb to be its object
		}
		prep := st.prepBefore(m)
		if prep == "at" && (p == schema.Threatened || p == schema.Accused || p == schema.Demanded) {
			j = m.End - 1
			continue // "warned at the UN that": where it was said
		}
		if otherPreps.hasKey(prep) && prep != viaPrep && prep != "for" {
			j = m.End - 1
			continue // "arms the groups through the Quds Force": an instrument, not the object
		}
		if q := st.skipDetBack(m.Start); prep == "to" && m.Type == schema.Country && q >= 1 && targetLinks.has(&st.toks[q-1]) {
			prep = "" // "ships linked to Israel": whose, not where
		}
		isPlace := m.Type.IsPlace() || m.Type == schema.Country && locPreps.hasKey(prep)
		if !wantPlace && locPreps.hasKey(prep) && isPlace && (j > start || prep != "") && prep != viaPrep {
			if fallback == "" && (m.Type.IsPlace() && p == schema.Struck && prep == "in" || m.Type == schema.Country && prep == "inside") {
				fallback = m.ID // "bombed a command site in Beirut's suburbs": the place, if nothing else
			}
			j = m.End - 1
			continue
		}
		if st.possessive(m.End) && m.End+1 < len(st.toks) && st.toks[m.End+1].Kind == Word && !targetNouns.has(&st.toks[st.skipAdj(m.End+1)]) {
			j = m.End
			continue // "Iran's allies": the possessor is not the object
		}
		viaPrep = ""
		if p == schema.Threatened && m.Type == schema.Location {
			j = m.End - 1
			continue // "threatened an operation east of the Euphrates": no one threatened
		}
		if m.Kind == DemonymMention && m.End < len(st.toks) && st.isTitleAt(m.End) {
			j = m.End - 1
			continue
		}
		var ids []string
		g := st.group(k)
		last := g[len(g)-1]
		// "groups used by Iran-backed militias, including Kataib Hezbollah
		// and Kataib Sayyid al-Shuhada": the named members too.
		if last.Kind == CollectiveMention && last.End+2 < len(st.toks) && st.toks[last.End].Text == "," && st.toks[last.End+1].Key == "including" {
			if k2 := st.mk(st.skipDet(last.End + 2)); k2 >= 0 {
				g = append(g, st.group(k2)...)
			}
		}
		for _, g := range g {
			if g.Inner && g.Kind != NameMention {
				continue
			}
			id := g.ID
			if !wantPlace && !(g.Type.IsPlace() && (p == schema.Attacked || p == schema.Struck)) {
				id, _ = st.actor(g) // "Washington" is the US; "seized Sanaa" is the city
			}
			ids = append(ids, id)
			// "the US base of al-Tanf", "the American base at Ain al-Asad":
			// the base is a target too
			if (p == schema.Attacked || p == schema.Struck) && st.d.typeOf(id) == schema.Country && g.End+2 < len(st.toks) && baseNouns.has(&st.toks[g.End]) && (st.toks[g.End+1].Key == "of" || st.toks[g.End+1].Key == "at" || st.toks[g.End+1].Key == "in") {
				if b := st.mentionAt(st.skipDet(g.End + 2)); b != nil && b.Type.IsPlace() {
					ids = append(ids, b.ID)
				}
			}
		}
		return ids
	}
	return nil
}

func slicesHas(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (st *sent) matchPhrase(j int, phrase string) bool {
	for k := j; ; k++ {
		w, rest, more := strings.Cut(phrase, " ")
		if k >= len(st.toks) || st.toks[k].Key != w {
			return false
		}
		if !more {
			return true
		}
		phrase = rest
	}
}

// isRoleAt reports whether a role noun starts at token i, or after one
// modifier ("senior official").
func (st *sent) isRoleAt(i int) bool {
	return st.roleLen(i) > 0
}

var rankWords = setOf("top", "senior", "former", "deputy", "acting", "chief", "military", "foreign", "defense", "defence")

func (st *sent) roleLen(i int) int {
	for k := i; k < len(st.toks) && k < i+2; k++ {
		if rs, n := st.roleAt(k); n > 0 && len(rs) > 0 {
			return k - i + n
		}
		if st.toks[k].Kind != Word || st.at[k] >= 0 || !rankWords.has(&st.toks[k]) {
			return 0
		}
	}
	return 0
}

// isTitleAt reports whether a title starts at token i and a person's name
// follows it: "General Qasem Soleimani".
func (st *sent) isTitleAt(i int) bool {
	n := st.roleLen(i)
	if n == 0 {
		return false
	}
	j := i + n
	if j < len(st.toks) && st.toks[j].Text == "." {
		j++
	}
	m := st.mentionAt(j)
	return m != nil && m.Type == schema.Person
}

// modality decides how the sentence presents the event whose trigger is
// at token i.
func (st *sent) cueAt(j int) ([]Cue, int) { return st.d.x.lex.Cues.At(st.toks, j) }

var conditionWords = setOf("until", "unless", "once", "before", "when", "whether")

func (st *sent) modality(i int, ignorePlanned bool) schema.Modality {
	mod := schema.Asserted
	// Clause cues anywhere before the trigger: if, unless, as long as.
	for j := 0; j < i; j++ {
		if cs, n := st.cueAt(j); n > 0 {
			for _, c := range cs {
				if c.Position == "clause" && c.Modality == "conditional" {
					return schema.Conditional
				}
			}
			j += n - 1
		}
	}
	// Before-cues in the few words before the trigger, in its clause.
	from := i - 6
	if from < 0 {
		from = 0
	}
	for j := i - 1; j >= from; j-- {
		t := &st.toks[j]
		if clauseStops.has(t) || t.Text == "," && j < i-2 {
			break
		}
		if st.at[j] >= 0 && j < i-1 {
			// a mention between the cue and the trigger: the cue belongs
			// to another verb unless it is the subject right before.
			if st.mentionAt(j).End != i && !beAux.has(&st.toks[st.mentionAt(j).End]) {
				break
			}
		}
		cs, n := st.cueAt(j)
		if n == 0 || j+n > i {
			continue
		}
		for _, c := range cs {
			switch c.Position {
			case "before", "denial":
			default:
				continue
			}
			m := cueModality(c.Modality)
			if m == schema.Planned && ignorePlanned {
				continue
			}
			if rank(m) > rank(mod) {
				mod = m
			}
		}
	}
	// A present-tense verb after "until", "unless", "once", "before": not yet.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if conditionWords.has(&st.toks[j]) {
			if vs, n := st.verbAt(i); n > 0 && (vs[0].Form == Base || vs[0].Form == Third) {
				return schema.Hypothetical
			}
		}
	}
	// An infinitive: "to withdraw" happens only if what governs it says so.
	if mod == schema.Asserted && i > 0 && st.toks[i-1].Key == "to" && !(i > 1 && aspectual.has(&st.toks[i-2])) && !ignorePlanned {
		mod = schema.Hypothetical
	}
	return mod
}

func cueModality(s string) schema.Modality {
	switch s {
	case "negated", "denied":
		return schema.Negated
	case "hypothetical":
		return schema.Hypothetical
	case "planned":
		return schema.Planned
	case "conditional":
		return schema.Conditional
	case "threatened":
		return schema.Threat
	}
	return schema.Asserted
}

func rank(m schema.Modality) int {
	switch m {
	case schema.Negated:
		return 6
	case schema.Conditional:
		return 5
	case schema.Threat:
		return 4
	case schema.Hypothetical:
		return 3
	case schema.Planned:
		return 2
	case schema.Claimed:
		return 1
	}
	return 0
}

// relate runs every rule over the sentence.
func (st *sent) relate() {
	st.relativeClauses()
	st.roles()
	st.compounds()
	st.descriptorBacking()
	st.places()
	st.lists()
	st.deployments()
	st.verbs()
	st.claims()
	st.shouldDemands()
	st.saidThreats()
	st.responsibility()
	st.asRole()
	st.nouns()
	st.deaths()
}

var (
	obligationModals = setOf("should", "must")
	epistemicAfter   = setOf("be", "have", "not") // "must be held to account", "must have known", "should not"
)

// shouldDemands reads a reported obligation as a demand: "The Iraqi
// government should urgently investigate the abuses, Human Rights Watch
// said" and "Khamenei said the United States must stop its support": the
// speaker demanded it of the subject of "should" or "must".
func (st *sent) shouldDemands() {
	toks := st.toks
	for i := range st.wordsOf(obligationModals) {
		if i < 1 || i+1 >= len(toks) || epistemicAfter.has(&toks[i+1]) {
			continue
		}
		m := st.mentionAt(i - 1)
		if m == nil || m.End != i || m.Kind == DemonymMention {
			continue
		}
		id, t := st.actor(m)
		if !t.IsActor() {
			continue
		}
		if b := st.skipDetBack(m.Start); b >= 0 && b < m.Start && !(b == 0 && determiners.has(&toks[0])) && toks[b].Text != "," && toks[b].Key != "that" && !speakerVerbs.has(&toks[b]) {
			continue // "governments that train Iraqi forces should": not the clause's subject
		}
		sp := st.speaker()
		if sp == "" && st.d.prevSpeaker != "" && !st.reported() {
			sp = st.d.prevSpeaker // the report goes on: "X, HRW said today. The government should ..."
		}
		if sp == "" || sp == id {
			continue // the speaker's own name is no demand's object
		}
		st.emit(sp, schema.Demanded, id, schema.Asserted, "should-demand", i)
	}
}

// reported reports whether the sentence attributes its content to a source.
func (st *sent) reported() bool {
	if st.claimDone {
		return st.claim
	}
	st.claimDone = true
	for j := range st.toks {
		if cs, n := st.cueAt(j); n > 0 {
			for _, c := range cs {
				if c.Position == "reporting" {
					st.claim = true
					return true
				}
			}
		}
	}
	return false
}

var adjectiveStops = setOf("of", "by", "on", "against", "with", "targeting", "and", "or", "it", "they", "that", "which", "who", "what", "for", "said")

// adjective reports whether the lower-case word at i can stand between a
// preposition and a name: not a preposition, verb, pronoun or conjunction.
func (st *sent) adjective(i int) bool {
	t := &st.toks[i]
	if locPreps.has(t) || clauseStops.has(t) || otherPreps.has(t) || prepositions.has(t) || adjectiveStops.has(t) {
		return false
	}
	_, n := st.verbAt(i)
	return n == 0
}

// possessive reports whether token i is a possessive 's.
func (st *sent) possessive(i int) bool {
	if i <= 0 || i >= len(st.toks) || st.toks[i].Space {
		return false
	}
	t := &st.toks[i]
	if t.Key == "s" && len(t.Text) > 1 {
		return true // "Iran's"
	}
	// "the Houthis' spokesman": a lone apostrophe after a plural
	return (t.Text == "'" || t.Text == "’") && strings.HasSuffix(st.toks[i-1].Key, "s") && st.at[i-1] >= 0 && i+1 < len(st.toks) && st.toks[i+1].Kind == Word && !st.toks[i+1].Upper()
}

// stop reports whether token j is a full stop that ends the sentence (not
// the dot of an abbreviation such as "Maj." or "Jan.").
func (st *sent) stop(j int) bool {
	t := &st.toks[j]
	if t.Text != "." && t.Text != "!" && t.Text != "?" {
		return false
	}
	return j == 0 || !abbreviations[st.toks[j-1].Key] || j == len(st.toks)-1
}

// skipAdj skips up to two lower-case modifiers: "southern front".
func (st *sent) skipAdj(i int) int {
	for k := 0; k < 2 && i+1 < len(st.toks) && st.toks[i].Kind == Word && !st.toks[i].Upper() && !targetNouns.has(&st.toks[i]) && st.at[i] < 0; k++ {
		i++
	}
	return min(i, len(st.toks)-1)
}

var fighterNouns = setOf("fighters", "militants", "gunmen", "units")

// memberOf reports whether mention m follows "fighters of", "members of",
// "forces of", "soldiers from": the members act for the group.
func (st *sent) memberOf(m *Mention) bool {
	i := m.Start - 1
	for i >= 0 && determiners.has(&st.toks[i]) {
		i--
	}
	return i >= 1 && (st.toks[i].Key == "of" || st.toks[i].Key == "from") && (troopNouns.has(&st.toks[i-1]) || fighterNouns.has(&st.toks[i-1]))
}

var (
	relativePronouns = setOf("which", "who", "whose", "whom")
	indefiniteStarts = setOf("the", "a", "an", "another", "one")
)

// relativeClauses marks the mentions of a relative clause set off by
// commas (", which relies on an alliance that includes the factions,") as
// inner: they are not the subject of the verb after it.
func (st *sent) relativeClauses() {
	for i := 0; i+2 < len(st.toks); i++ {
		if st.toks[i].Text != "," {
			continue
		}
		relative := relativePronouns.has(&st.toks[i+1])
		// an apposition after a name: ", the most powerful of Iraq's factions,"
		apposition := i > 0 && st.mk(i-1) >= 0 && indefiniteStarts.has(&st.toks[i+1]) && st.mk(i+2) < 0 && !st.toks[i+2].Upper()
		if !relative && !apposition {
			continue
		}
		end := i + 2
		for end < len(st.toks) && end < i+25 && st.toks[end].Text != "," && !st.stop(end) {
			end++
		}
		if end >= len(st.toks) || st.toks[end].Text != "," {
			continue // the clause runs to the end: nothing after it to protect
		}
		for q := i + 2; q < end; q++ {
			if m := st.mentionAt(q); m != nil && m.Start > i+1 {
				m.Rel = true
			}
		}
		i = end - 1
	}
}

var speakerVerbs = setOf("said", "says", "saying", "told", "added", "stated", "announced", "warned", "insisted", "declared")

// speaker returns who the sentence quotes: the actor next to its reporting
// verb ("..., X said", "said X", "X told reporters").
func (st *sent) speaker() string {
	if !st.spkDone {
		st.spk, st.spkDone = st.findSpeaker(), true
	}
	return st.spk
}

// findSpeaker is speaker, computed.
func (st *sent) findSpeaker() string {
	for j := range st.wordsOf(speakerVerbs) {
		if m := st.mentionAt(j + 1); m != nil && m.Start == j+1 {
			if id, tt := st.actor(m); tt.IsActor() {
				return id
			}
		}
		for q := j - 1; q >= 0 && q >= j-4; q-- {
			if m := st.mentionAt(q); m != nil {
				if p := st.prepBefore(m); p == "to" || p == "at" {
					break // "Iran's mission to the United Nations said": the UN is not the speaker
				}
				if id, tt := st.actor(m); tt.IsActor() {
					return id
				}
				break
			}
			if st.toks[q].Text == "\"" || st.toks[q].Text == "”" {
				break
			}
			if st.toks[q].Text == "," {
				if k := st.parenthetical(q); k > 0 && q == j-1 {
					// "Kataib Hezbollah, the most powerful of the factions, said"
					if m := st.mentionAt(k - 1); m != nil && m.End == k {
						if id, tt := st.actor(m); tt.IsActor() {
							return id
						}
					}
				}
				break
			}
		}
	}
	return ""
}

var (
	partitiveWords = setOf("several", "some", "many", "most", "all", "both", "each", "none", "one", "two", "three", "few", "half", "dozens", "hundreds", "thousands")
	whichWhom      = setOf("which", "whom")
)

// whoseBefore returns where "whose" stands in "X, whose militia fought":
// before the noun ending at r and at most two modifiers, or 0.
func (st *sent) whoseBefore(r int) int {
	for w := r - 1; w >= 1 && w >= r-3; w-- {
		if st.toks[w].Key == "whose" {
			return w
		}
		if st.at[w] >= 0 || st.toks[w].Kind != Word || st.toks[w].Upper() {
			return 0
		}
	}
	return 0
}

// whoseSubject is the subject of a verb after "X, whose <noun>" (the noun
// ending at r): X's forces act for X ("Iran, whose forces"), a person's
// militia is the group the gazetteer has the person lead ("Sadr, whose
// militia fought"); anything else of X is not X.
func (st *sent) whoseSubject(w, r int) []string {
	n := st.toks[r]
	if !troopNouns.has(&n) && !fighterNouns.has(&n) && !militiaNouns.has(&n) {
		return nil // "whose office said"
	}
	ids := st.antecedentNP(w)
	var out []string
	for _, id := range ids {
		if st.d.typeOf(id) != schema.Person {
			out = append(out, id)
			continue
		}
		if e, ok := st.d.x.gaz.Entry(id); ok {
			for _, g := range e.Facts["leaderOf"] {
				if st.d.typeOf(g) == schema.ArmedGroup {
					out = append(out, g)
					break
				}
			}
		}
	}
	return out
}

var militiaNouns = setOf("militia", "militias", "group", "movement", "organization", "organisation", "faction", "army", "men", "followers", "loyalists", "gunmen", "units", "brigades")

// partitiveAfter reports whether toks[i:of] is a count before "of which"
// or "of whom": "about 2,500", "nearly half".
func (st *sent) partitiveAfter(i, of int) bool {
	for q := i; q < of; q++ {
		if t := st.toks[q]; t.Kind != Number && !partitiveWords.has(&t) && !approxWords.has(&t) && !countHedges.has(&t) {
			return false
		}
	}
	return of > i
}

var countHedges = setOf("almost", "over", "more", "than", "at", "least", "up", "to", "only", "just")

// partitiveRelative reports whether a relative clause of the "several of
// which", "most of whom" kind starts at i.
func (st *sent) partitiveRelative(i int) bool {
	return i+2 < len(st.toks) && (partitiveWords.has(&st.toks[i]) || st.toks[i].Kind == Number) && st.toks[i+1].Key == "of" && whichWhom.has(&st.toks[i+2])
}

var parentheticalStarts = setOf("which", "who", "whose", "led", "backed", "known", "based", "headed", "founded", "supported", "a", "an", "the", "another", "one")

// parenthetical returns the index of the comma that opens a parenthetical
// phrase closed by the comma at j (a participle, relative clause or
// apposition after a name), or -1.
func (st *sent) parenthetical(j int) int {
	// a name right before the comma at k: "Kataib Hezbollah,", "the
	// Islamic Resistance in Iraq (IRI),"
	nameBefore := func(k int) bool {
		return st.mk(k-1) >= 0 || k >= 2 && st.toks[k-1].Text == ")" && st.mk(k-2) >= 0
	}
	for k := j - 1; k > 0 && k >= j-24; k-- {
		if st.toks[k].Text != "," {
			continue
		}
		if k+1 >= j {
			return -1
		}
		n := st.toks[k+1]
		if parentheticalStarts.has(&n) || st.partitiveRelative(k+1) {
			if nameBefore(k) {
				return k
			}
			return -1
		}
		if m := st.mentionAt(k + 1); m != nil && m.Start == k+1 && st.possessive(m.End) && nameBefore(k) {
			if p := st.mentionAt(k - 1); p == nil || p.Type.IsActor() {
				return k // "Ali al-Sistani, Iraq's top Shiite cleric, called"
			}
		}
		if st.mk(k+1) >= 0 && k+1 > j-16 {
			continue // a list inside the parenthetical: "that groups A, B and C,"
		}
		return -1
	}
	return -1
}

// onlyAdverbs reports whether tokens [a, b) are lower-case words with no
// mention: auxiliaries and adverbs between a subject and its verb.
func (st *sent) onlyAdverbs(a, b int) bool {
	for q := a; q < b; q++ {
		if st.toks[q].Kind != Word || st.toks[q].Upper() || st.at[q] >= 0 {
			return false
		}
	}
	return b-a <= 3
}

func (st *sent) verbAt(i int) ([]Verb, int) { return st.d.x.lex.Verbs.At(st.toks, i) }

func (st *sent) nounAt(i int) ([]EventNoun, int) { return st.d.x.lex.Nouns.At(st.toks, i) }

func (st *sent) roleAt(i int) ([]Role, int) { return st.d.x.lex.Roles.At(st.toks, i) }

// objectOfVerb reports whether a mention is the direct object of a verb
// ("pressing the factions"): such a mention is rarely what a later "it"
// or "they" refers to.
func (st *sent) objectOfVerb(m *Mention) bool {
	i := m.Start - 1
	for i >= 0 && determiners.has(&st.toks[i]) {
		i--
	}
	if i < 0 || st.toks[i].Upper() {
		return false
	}
	_, n := st.verbAt(i)
	return n > 0
}

var modifierParticiples = setOf("aligned", "backed", "led", "affiliated", "linked", "allied", "supported", "funded", "sponsored", "based", "made", "controlled", "run", "held", "owned")

// compoundModifier reports whether a mention only modifies a compound
// adjective: "Iran-aligned", "US-led", "Iran-backed".
func (st *sent) compoundModifier(m *Mention) bool {
	e := m.End
	return e+1 < len(st.toks) && st.toks[e].Text == "-" && !st.toks[e].Space &&
		modifierParticiples.has(&st.toks[e+1])
}

// linkedTarget reports whether the words between a verb's object position
// and a far mention link them: "sites used by", "positions affiliated with".
func (st *sent) linkedTarget(a, b int) bool {
	for q := a; q < b; q++ {
		if targetLinks.has(&st.toks[q]) {
			return true
		}
	}
	return false
}

var antecedentPreps = setOf("of", "by", "on", "against")

// antecedentNP returns the actors of the noun phrase right before the
// relative pronoun at r: "the United States, which", "a US drone attack
// that", or none for "the missile attack that".
func (st *sent) antecedentNP(r int) []string {
	j := r - 1
	if j >= 0 && st.toks[j].Text == "," {
		j--
	}
	for ; j >= 0 && j >= r-6; j-- {
		t := &st.toks[j]
		if k := st.at[j]; k >= 0 {
			m := st.ms[k]
			if m.Inner || st.compoundModifier(m) {
				j = m.Start
				continue
			}
			if (m.Type.IsPlace() || m.Type == schema.Country) && locPreps.hasKey(st.prepBefore(m)) {
				return nil // "one in Baghdad that killed": where, not what
			}
			var ids []string
			for _, g := range st.group(k) {
				if id, tt := st.actor(g); tt.IsActor() {
					ids = append(ids, id)
				}
			}
			return ids
		}
		if determiners.has(t) || t.Kind == Punct || locPreps.has(t) || antecedentPreps.has(t) {
			return nil
		}
		if _, n := st.verbAt(j); n > 0 && !st.afterDeterminer(j) {
			if _, nn := st.nounAt(j); nn == 0 {
				return nil
			}
		}
	}
	return nil
}

var controlParticiples = setOf("held", "controlled", "run", "occupied")

// heldBy reports whether a compound names whose area a target is:
// "Houthi-held areas", "militia-controlled districts".
func (st *sent) heldBy(m *Mention) bool {
	e := m.End
	return e+1 < len(st.toks) && controlParticiples.has(&st.toks[e+1])
}

// nonState are nouns after which a demonym does not name the state: "Syrian
// opposition", "Iraqi people", "Kurdish fighters".
var nonState = setOf("opposition", "rebels", "rebel", "people", "civilians", "citizens", "territory", "soil", "sovereignty", "tribes", "protesters", "public", "media", "airspace", "border", "borders", "economy", "refugees", "nationals", "national", "workers", "journalist", "journalists", "activists", "lawmakers", "politicians", "parties", "factions", "militias", "militants", "jihadists", "insurgents", "villages", "cities", "towns", "waters", "resistance", "groups", "fighters", "gunmen", "tribesmen", "clerics", "students")

func (st *sent) nonStateDemonym(m *Mention) bool {
	return m.Kind == DemonymMention && m.End < len(st.toks) && nonState.has(&st.toks[m.End])
}

// mk returns the index of the mention covering token i, or -1.
func (st *sent) mk(i int) int {
	if i < 0 || i >= len(st.at) {
		return -1
	}
	return st.at[i]
}

func (st *sent) actorID(m *Mention) string { id, _ := st.actor(m); return id }

// ruleTriggers are the words the sentence-wide rules start from; tokens
// without one are skipped at the cost of a bit test.
var ruleTriggers = []string{
	"as", "such", "include", "includes", "included", "including", "comprising", "comprises", "comprised", "among", "groups", "grouping", "unites", "uniting",
	"keeps", "kept", "has", "had", "maintains", "maintained", "deployed", "deploys", "stationed", "stations", "sent", "sends", "keep", "maintain", "have",
	"holds", "held", "hold", "holding", "bore", "bears", "bear", "behind", "hallmarks", "hallmark",
	"claimed", "claims", "claim", "claiming", "died", "perished",
	"said", "says", "warned", "warns", "stated", "added", "declared", "saying", "told", "announced", "insisted",
	"should", "must", "where", "under", "fell", "falls", "fallen",
	"hosts", "hosted", "houses", "housed", "host", "house", "housing", "hosting",
	"cessation", "truce", "ceasefire", "halt",
	"stop", "stopped", "stops", "stopping", "halted", "halts", "halting", "cease", "ceased", "ceasing", "suspend", "suspended", "suspends", "suspending", "end", "ended", "ending", "freeze", "froze", "freezing", "pause", "paused", "pausing",
}

// otherPreps are prepositions whose object is never the subject of a verb
// after it.
var otherPreps = setOf("under", "through", "despite", "amid", "during", "without", "among", "like", "via", "for", "about", "per", "beyond", "following")

// inRelativeClause reports whether a mention sits inside a relative clause
// ("attacks that killed 25 members of Kataib Hezbollah") that closes before
// the verb at i: it is the object of the clause's verb, not the subject of i.
func (st *sent) inRelativeClause(m *Mention, i int) bool {
	for j := m.Start - 1; j >= 0 && j >= m.Start-6; j-- {
		t := &st.toks[j]
		if t.Text == "," || t.Kind == Punct {
			return false
		}
		if (t.Key == "that" || t.Key == "which" || t.Key == "who") && j+1 < m.Start {
			if _, n := st.verbAt(j + 1); n > 0 {
				return true
			}
		}
	}
	return false
}

// objectPronoun resolves "it" or "them" right after a verb ending at i: the
// nearest actor before the verb's subject, else the previous sentence's.
func (st *sent) objectPronoun(i int) []string {
	subj := map[string]bool{}
	for _, id := range st.subjects(i - 1) {
		subj[id] = true
	}
	for k := len(st.ms) - 1; k >= 0; k-- {
		m := st.ms[k]
		if m.End > i || m.Inner || m.Rel {
			continue
		}
		if id, t := st.actor(m); t.IsActor() && !subj[id] && !st.inSubjectGroup(k, subj) {
			return []string{id}
		}
	}
	if st.d.prevObj != "" && !subj[st.d.prevObj] {
		return []string{st.d.prevObj}
	}
	return nil
}

func (st *sent) inSubjectGroup(k int, subj map[string]bool) bool {
	for _, g := range st.group(k) {
		if subj[st.actorID(g)] {
			return true
		}
	}
	return false
}

// headline reports whether the sentence is a headline: a line with no
// final punctuation.
func (st *sent) headline() bool {
	last := st.toks[len(st.toks)-1]
	return last.Kind == Word || last.Kind == Number
}

// speechVerbs report, warn or accuse: a speech verb coordinated with "said"
// shares its speaker.
var speechVerbs = setOf("said", "warned", "added", "vowed", "threatened", "accused", "blamed", "demanded", "urged", "called", "denied", "insisted", "stressed", "declared", "announced")

// wouldIf reports whether the clause of token i is a conditional
// consequence: "would strike hard if", "would target US interests if".
func (st *sent) wouldIf(i int) bool {
	would := false
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if st.toks[j].Key == "would" || st.toks[j].Key == "will" {
			would = true
		}
	}
	if !would {
		return false
	}
	for j := i + 1; j < len(st.toks) && j < i+16; j++ {
		if st.toks[j].Key == "if" || st.toks[j].Key == "unless" {
			return true
		}
		if st.toks[j].Text == ";" || st.toks[j].Text == "." {
			return false
		}
	}
	return false
}

// titledPersonBefore finds, for person b whose title holds mentions
// st.ms[..j], the person joined to it by "and" before that title.
func (st *sent) titledPersonBefore(j int, b *Mention) (*Mention, int) {
	_, n := st.d.roleEndingAt(st.toks, b.Start)
	if n == 0 {
		return nil, 0
	}
	for q := j; q >= 0; q-- {
		c := st.ms[q]
		if c.Type == schema.Person && !c.Inner {
			if c.End >= b.Start-n || st.toks[c.End].Key != "and" {
				return nil, 0
			}
			for t := c.End + 1; t < b.Start-n; t++ {
				if k := st.at[t]; k < 0 || !st.ms[k].Inner {
					return nil, 0
				}
			}
			return c, q
		}
		if !c.Inner {
			return nil, 0
		}
	}
	return nil, 0
}
