// Package extract turns article text into statements about actors: it splits
// sentences, finds mentions with the gazetteer and name patterns, resolves
// them to entities and relates them with the lexicon's patterns, with
// modality, dates and counts. It imports schema and the standard library; it
// never imports graph, Cayley, flag or os.Args.
package extract

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/schema"
)

// Extractor holds the loaded gazetteer and lexicon. It is safe for
// concurrent use by several goroutines.
type Extractor struct {
	gaz   *Gazetteer
	lex   *Lexicon
	vocab *vocabTable // every token key of the tables, shared rather than allocated, with its starts bits and ID
}

// New loads the gazetteer (gazetteer/*.tsv) and the lexicon (lexicon/*.tsv)
// from fsys, normally data.FS.
func New(fsys fs.FS) (*Extractor, error) {
	gaz, err := LoadGazetteer(fsys)
	if err != nil {
		return nil, err
	}
	lex, err := LoadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	gaz.dropTitledAliases(lex)
	// The vocabulary: every key of every table and name, with the bits of
	// the tables that start with it (Token.starts), numbered in sorted
	// order so that matching compares the numbers rather than the strings.
	tables := []struct {
		m   matcher
		bit uint16
	}{
		{&lex.Verbs, startsVerb}, {&lex.Nouns, startsNoun}, {&lex.Roles, startsRole}, {&lex.Cues, startsCue},
		{&lex.Militias, startsMilitia}, {&lex.Anaphors, startsAnaphor}, {gaz.names, startsName}, {gaz.demos, startsDemonym},
	}
	vocab := map[string]uint16{}
	for _, t := range tables {
		t.m.index(vocab, t.bit)
	}
	for _, w := range ruleTriggers {
		vocab[w] |= startsRule
	}
	for _, w := range collectiveStarts {
		vocab[w] |= startsCollective
	}
	for w := range setWords {
		vocab[w] |= 0 // numbered for the word sets
	}
	words := make([]string, 0, len(vocab))
	for k := range vocab {
		words = append(words, k)
	}
	sort.Strings(words)
	keys := make(map[string]knownKey, len(words))
	list := make([]knownKey, len(words))
	for i, k := range words {
		list[i] = knownKey{key: k, starts: vocab[k], word: setWords[k], id: uint32(i + 1)}
		keys[k] = list[i]
	}
	for _, t := range tables {
		t.m.compile(keys)
	}
	x := &Extractor{gaz: gaz, lex: lex, vocab: newVocabTable(list)}
	return x, nil
}

// Gazetteer returns the extractor's gazetteer.
func (x *Extractor) Gazetteer() *Gazetteer { return x.gaz }

// Extract extracts the entities and statements of one document. The
// extraction is deterministic: the same document gives the same result.
func (x *Extractor) Extract(doc Document) (schema.Extraction, error) {
	out := schema.Extraction{Doc: doc.Schema()}
	if doc.ID == "" {
		return out, fmt.Errorf("extract: document has no ID")
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.put()
	d := x.newDocState(doc, sc)
	sc.toks = tokenizeInto(sc.toks, doc.Text, x.vocab)
	sc.sents = splitInto(sc.sents, doc.Text, sc.toks)
	if cap(sc.at) < len(sc.toks) {
		sc.at = make([]int, 0, len(sc.toks))
	}
	d.setSentences(sc.sents)
	for si := range d.sents {
		d.mentions(si)
	}
	stmts := sc.stmts[:0]
	for si := range d.sents {
		st := d.newSent(si)
		st.relate()
		if st.subj != "" {
			d.lastSubj = st.subj
		} else if len(st.ms) > 0 {
			for _, m := range st.ms {
				if id, t := st.actor(m); t.IsActor() && t != schema.Person && !m.Inner {
					d.lastSubj = id
					break
				}
			}
		}
		d.prevSpeaker = st.speaker()
		d.prevObj = ""
		for k := len(st.ms) - 1; k >= 0; k-- {
			if id, t := st.actor(st.ms[k]); t.IsActor() && id != d.lastSubj {
				d.prevObj = id
				break
			}
		}
		stmts = append(stmts, st.out...)
	}
	sc.stmts = stmts
	stmts = viaSpokesperson(append([]schema.Statement(nil), stmts...)) // nil for none, as before
	for _, s := range stmts {
		d.entity(s.Subject, d.typeOf(s.Subject), "")
		d.entity(s.Object, d.typeOf(s.Object), "")
	}
	if len(d.order) > 0 {
		out.Entities = make([]schema.Entity, 0, len(d.order))
	}
	for _, id := range d.order {
		e := *d.ents[id]
		sort.Strings(e.Aliases)
		out.Entities = append(out.Entities, e)
	}
	slices.SortFunc(out.Entities, func(a, b schema.Entity) int { return strings.Compare(a.ID, b.ID) })
	out.Statements = stmts
	if err := out.Validate(); err != nil {
		return out, fmt.Errorf("extract %s: %w", doc.ID, err)
	}
	return out, nil
}

var linkPreps = setOf("of", "in", "within", "to")

// resolve links the mentions of sentence si to entities: acronyms defined
// in parentheses, surnames of people named before, anaphors ("the
// coalition", "the country"), and registers every mention's entity with
// the name it was mentioned by.
func (d *docState) resolve(si int, ms []*Mention) []*Mention {
	s := d.sents[si]
	toks := s.Tokens
	d.recentMark = len(d.recent)
	for i, id := range d.lastOf {
		if d.lastHas&(1<<i) != 0 {
			d.prevLast[i] = id
		}
	}
	// "Kataib Hezbollah, the most powerful of the Iran-backed factions,
	// said ... The group's leader": the group the last sentence was
	// about, not the last one it named.
	if si > 0 {
		if id := d.topicGroup(si - 1); id != "" {
			d.prevLast.set(schema.ArmedGroup, id)
		}
	}
	// the relation rules run after every sentence is resolved: they see
	// the context as it stood before this sentence
	d.ctx[si] = sentCtx{recentMark: d.recentMark, prevLast: d.prevLast}
	out := ms[:0]
	for k, m := range ms {
		if m.Kind == AnaphorMention && m.ID == "" {
			// "the Iran-backed group": the last named group, else the collective
			m.ID = d.antecedent(out, m.Start, schema.ArmedGroup)
			if m.ID == "" || m.ID == defaultCollectiveID {
				m.ID = m.Backer + "-backed-militias"
				m.Kind = CollectiveMention
				if _, ok := d.x.gaz.Entry(m.ID); !ok {
					m.Canon = d.x.gaz.byID[m.Backer].Name + "-backed militias"
				}
			}
		}
		// "Popular Mobilization Forces (PMF)": the acronym names the same entity.
		if k > 0 && m.Start >= 1 && toks[m.Start-1].Text == "(" && m.End < len(toks) && toks[m.End].Text == ")" && ms[k-1].End == m.Start-1 && m.End-m.Start == 1 {
			prev := ms[k-1]
			if m.ID != prev.ID && toks[m.Start].AllCaps() {
				m.ID, m.Type, m.Kind, m.Metonym = prev.ID, prev.Type, prev.Kind, prev.Metonym
				d.names[toks[m.Start].Key] = prev.ID
			}
		}
		// A person's surname, later: "Mohie", "Mr. Kadhimi".
		if m.Kind == NewNameMention && m.Type == schema.Person && m.End-m.Start == 1 {
			if id, ok := d.names[toks[m.Start].Key]; ok {
				m.ID = id
			}
		}
		if m.Kind == NewNameMention && m.Type == schema.Person {
			if last := toks[m.End-1]; m.End-m.Start > 1 {
				d.names[last.Key] = m.ID
			}
		}
		if m.Type == schema.Person {
			if e, ok := d.x.gaz.Entry(m.ID); ok {
				last := e.Name[strings.LastIndexByte(e.Name, ' ')+1:]
				if _, taken := d.names[keyOf(last)]; !taken && last != e.Name {
					d.names[keyOf(last)] = m.ID
					if i := strings.LastIndexAny(last, "-"); i > 0 {
						d.names[keyOf(last[i+1:])] = m.ID
					}
				}
			}
		}
		canon := m.Canon
		if canon == "" {
			canon = trimName(m.Text)
		}
		if m.Kind == DemonymMention {
			canon = ""
		}
		d.entity(m.ID, m.Type, canon)
		d.setLast(m.Type, m.ID)
		if d.armedUmbrella(m) {
			// "another member of the Islamic Resistance in Iraq": an
			// umbrella named as what a group belongs to is not the topic
			if m.Umbrella = m.Start == 0 || !linkPreps.has(&toks[d.skipDetBack(toks, m.Start)]); m.Umbrella {
				d.setLast(schema.ArmedGroup, m.ID)
			}
		}
		if id, t := m.ID, m.Type; t == schema.Country || m.Metonym != "" {
			if m.Metonym != "" {
				id = m.Metonym
			}
			d.recent = append(d.recent, id)
		}
		out = append(out, m)
	}
	// A surname mention found before the full name was (rare) or a new
	// one-word name that is a known surname.
	for _, m := range out {
		if m.Kind == NewNameMention && m.End-m.Start == 1 {
			if id, ok := d.names[toks[m.Start].Key]; ok && id != m.ID {
				m.ID = id
			}
		}
	}
	return d.anaphors(si, out)
}

// anaphors adds mentions for definite descriptions that refer back to an
// actor of their type: "the country", "the coalition", "the alliance".
func (d *docState) anaphors(si int, ms []*Mention) []*Mention {
	s := d.sents[si]
	toks := s.Tokens
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			covered[k] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if covered[i] || covered[i+1] {
			continue
		}
		// bare "coalition" names the US-led coalition when no other coalition was named
		if toks[i].Key == "coalition" && !toks[i].Upper() && !(i+1 < len(toks) && toks[i+1].Key == "of") && !(i > 1 && toks[i-2].Text == "-") {
			id := d.coalitionLedBy(ms, i)
			if last := d.lastOf.get(schema.Coalition); id == "" && last != "" && strings.Contains(strings.ToLower(d.ents[last].Name), "coalition") {
				id = last // "the coalition" after a named coalition, not after any umbrella
			}
			if id == "" {
				id = defaultCoalitionID
			}
			if _, ok := d.x.gaz.Entry(id); ok || d.ents[id] != nil {
				start := i
				if i > 0 && (toks[i-1].Key == "international" || toks[i-1].Key == "military" || toks[i-1].Key == "multinational") {
					start = i - 1
				}
				m := &Mention{Start: start, End: i + 1, ID: id, Type: d.typeOf(id), Kind: AnaphorMention, Text: d.spanText(s, start, i+1)}
				ms = append(ms, m)
				d.entity(id, m.Type, "")
				continue
			}
		}
		// "its fighters", "their positions": the last named armed group.
		if (toks[i].Key == "its" || toks[i].Key == "their") && targetNouns.has(&toks[i+1]) {
			// "its" is one named group; "their" may be a collective
			if id := d.antecedentOf(ms, i, schema.ArmedGroup, toks[i].Key == "its"); id != "" && id != defaultCollectiveID {
				ms = append(ms, &Mention{Start: i, End: i + 1, ID: id, Type: schema.ArmedGroup, Kind: AnaphorMention, Text: toks[i].Text})
			}
			continue
		}
		// "Government and political leaderships have ...": the government of
		// the state in context
		if toks[i].Key == "government" && i == 0 && toks[i].Upper() {
			if id := d.mainCountry(); id != "" {
				ms = append(ms, &Mention{Start: i, End: i + 1, ID: id, Type: schema.Country, Kind: AnaphorMention, Text: toks[i].Text})
				continue
			}
		}
		// bare "parliament": the parliament of the state in context
		if toks[i].Key == "parliament" && !toks[i].Upper() && !(i > 0 && (toks[i-1].Upper() || toks[i-1].Key == "s")) {
			if id := d.stateBody(ms, i, "parliament"); id != "" {
				ms = append(ms, &Mention{Start: i, End: i + 1, ID: id, Type: d.typeOf(id), Kind: AnaphorMention, Text: toks[i].Text})
				d.entity(id, d.typeOf(id), "")
				continue
			}
		}
		if toks[i].Key != "the" {
			continue
		}
		// "the embassy", "the base": the facility of that kind named last
		if facilityHeads.has(&toks[i+1]) && (i+2 >= len(toks) || !toks[i+2].Upper() && !covered[i+2]) {
			if id := d.lastFacility(toks[i+1].Key); id != "" {
				ms = append(ms, &Mention{Start: i, End: i + 2, ID: id, Type: schema.Facility, Kind: AnaphorMention, Text: d.spanText(s, i, i+2)})
				continue
			}
		}
		ts, n := d.x.lex.Anaphors.At(toks, i)
		if n == 0 {
			continue
		}
		for _, t := range ts {
			if t != schema.Country && t != schema.Coalition && t != schema.ArmedGroup {
				continue // only types whose last mention is a safe antecedent
			}
			// "the group": a named group, never a plural collective ("the
			// group said" after "channels close to Iraqi militias")
			id := d.antecedentOf(ms, i, t, t == schema.ArmedGroup)
			if t == schema.ArmedGroup && id == defaultCollectiveID {
				continue // "the group" after "militias" only is no named group
			}
			if t == schema.Coalition && toks[i+n-1].Key == "coalition" {
				// "the coalition": one led by a state just named, a named
				// coalition, else the US-led one
				id = d.coalitionLedBy(ms, i)
				if last := d.antecedent(ms, i, t); id == "" && last != "" && strings.Contains(strings.ToLower(d.ents[last].Name), "coalition") {
					id = last
				}
				if id == "" {
					id = defaultCoalitionID
				}
			}
			if t == schema.Country {
				id = d.antecedentCountry(toks, ms, i)
				if id == "" && (toks[i+n-1].Key == "government" || toks[i+n-1].Key == "administration") {
					// "Iraq's parliament ... calling on the government": the
					// state whose body acts, when no other state is in view
					for k := len(ms) - 1; k >= 0; k-- {
						if c := ms[k]; c.End <= i && (c.Type == schema.Country || c.Metonym != "") {
							id = c.ID
							if c.Metonym != "" {
								id = c.Metonym
							}
							break
						}
					}
				}
				// "the government of Prime Minister X": X's country
				if q := i + n; q+1 < len(toks) && toks[q].Key == "of" {
					if c := d.countryOfPersonAt(ms, q+1); c != "" {
						id = c
					}
				}
			}
			if id == "" {
				continue
			}
			ms = append(ms, &Mention{Start: i, End: i + n, ID: id, Type: t, Kind: AnaphorMention, Text: d.spanText(s, i, i+n), Inner: false})
			break
		}
	}
	sortMentions(ms)
	return ms
}

// defaultCoalitionID is the coalition a bare "the coalition" names in this
// domain when the document named no other.
const defaultCoalitionID = "us-led-coalition"

// antecedentCountry resolves "the country" at token i: the country named
// most recently that the sentence has not named before i (a country is not
// "the country" in its own clause: "the U.S. military withdrew from the
// country").
func (d *docState) antecedentCountry(toks []Token, ms []*Mention, i int) string {
	var cands []string
	subject := map[string]bool{}
	for _, m := range ms {
		if m.Start >= i {
			continue
		}
		id := m.ID
		if m.Metonym != "" {
			id = m.Metonym
		}
		if d.typeOf(id) != schema.Country {
			continue
		}
		prev := toks[max(m.Start-1, 0)]
		relHead := m.End+1 < i && toks[m.End].Text == "," && (toks[m.End+1].Key == "which" || toks[m.End+1].Key == "who") // "the United States, which still has troops in the country"
		if relHead || m.Start == 0 || !prepositions.has(&prev) && !determiners.has(&prev) || determiners.has(&prev) && (m.Start == 1 || !prepositions.has(&toks[m.Start-2])) {
			// the nearest subject or modifier is the clause's own actor,
			// not an antecedent
			subject = map[string]bool{id: true}
			continue
		}
		cands = append(cands, id)
	}
	for k := len(cands) - 1; k >= 0; k-- {
		if !subject[cands[k]] {
			return cands[k]
		}
	}
	for k := d.recentMark - 1; k >= 0; k-- {
		if !subject[d.recent[k]] {
			return d.recent[k]
		}
	}
	return ""
}

var prepositions = setOf("in", "inside", "against", "on", "to", "from", "into", "with", "of", "at", "near", "across", "for", "by", "over", "toward", "towards", "within", "throughout", "about")

// targetNouns are what strikes hit and casualty counts count: "its
// fighters", "the group's sites".
var targetNouns = setOf("fighters", "members", "sites", "positions", "bases", "base", "headquarters", "facilities", "facility", "commanders", "commander", "leaders", "leader", "forces", "troops", "depots", "convoy", "convoys", "targets", "compound", "militants", "operatives", "officials", "personnel")

// antecedent returns the entity an anaphor of type t at token i refers to:
// the last mention of that type before it in the sentence, else the last
// one before the sentence.
func (d *docState) antecedent(ms []*Mention, i int, t schema.EntityType) string {
	return d.antecedentOf(ms, i, t, false)
}

// antecedentOf is antecedent; named skips collectives in the sentence, for
// a singular group ("the group", "its").
func (d *docState) antecedentOf(ms []*Mention, i int, t schema.EntityType, named bool) string {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.End <= i && (m.Type == t || t == schema.ArmedGroup && m.Umbrella) && m.Kind != AnaphorMention && m.Kind != DemonymMention && !(named && m.Kind == CollectiveMention) {
			return m.ID
		}
	}
	return d.prevLast.get(t)
}

// topicGroup returns the armed group a sentence is about: its first
// actor, when that is a named group not governed by a preposition.
func (d *docState) topicGroup(si int) string {
	toks := d.sents[si].Tokens
	for _, m := range d.ments[si] {
		if m.Type.IsPlace() || m.Kind == DemonymMention {
			continue
		}
		if m.Kind != NameMention && m.Kind != NewNameMention || m.Type != schema.ArmedGroup && !m.Umbrella {
			return ""
		}
		if m.Start > 0 && prepositions.has(&toks[d.skipDetBack(toks, m.Start)]) {
			return ""
		}
		return m.ID
	}
	return ""
}

func (d *docState) skipDetBack(toks []Token, j int) int {
	q := j - 1
	for q > 0 && determiners.has(&toks[q]) {
		q--
	}
	return max(q, 0)
}

// armedUmbrella reports whether m names a coalition of armed groups that
// "the group" may refer to (gazetteer kind=armed).
func (d *docState) armedUmbrella(m *Mention) bool {
	if m.Type != schema.Coalition {
		return false
	}
	e, ok := d.x.gaz.Entry(m.ID)
	return ok && e.Kind == "armed"
}

// setSentences sets the document's sentences and the per-sentence slots
// resolution fills.
func (d *docState) setSentences(sents []Sentence) {
	d.sents = sents
	d.sc.ments = grow(d.sc.ments, len(sents))
	d.sc.ctx = grow(d.sc.ctx, len(sents))
	d.ments, d.ctx = d.sc.ments, d.sc.ctx
}

// scratch is memory that one Extract call uses and the next one reuses:
// the document's tokens and sentences and per-sentence tables. Nothing in
// an Extraction points into it (its strings point into the text or are
// built anew). Reusing it halves what extraction allocates, and so the
// collector's share of the time.
type scratch struct {
	toks  []Token
	sents []Sentence
	ments [][]*Mention
	ctx   []sentCtx
	at    []int // token → mention tables of the sentences, carved in turn
	// found is where a sentence's mentions are gathered (findMentions,
	// resolve); mptrs is where keep copies them to, sentence by sentence.
	found []*Mention
	mptrs []*Mention
	sent  sent // the sentence the relation rules work on (newSent)
	stmts []schema.Statement
	// mentions and ents are the slabs newMention and newEntity carve from
	// (their values are pointed to, so never moved).
	mentions slab[Mention]
	ents     slab[schema.Entity]
	// doc is the call's document state, its maps and order list cleared
	// and kept from call to call.
	doc docState
}

// slab hands out values that stay where they are, carved from chunks of
// slabChunk kept from call to call; next is the chunk in use.
type slab[T any] struct {
	chunks [][]T
	next   int
}

// slabChunk is how many values a chunk of a slab holds.
const slabChunk = 256

// add returns a pointer to a copy of v carved from the slab.
func (sl *slab[T]) add(v T) *T {
	for sl.next < len(sl.chunks) && len(sl.chunks[sl.next]) == slabChunk {
		sl.next++
	}
	if sl.next == len(sl.chunks) {
		sl.chunks = append(sl.chunks, make([]T, 0, slabChunk))
	}
	c := append(sl.chunks[sl.next], v)
	sl.chunks[sl.next] = c
	return &c[len(c)-1]
}

// reset clears the slab for the next call, or drops it past
// scratchMax/slabChunk chunks: one huge document does not pin it.
func (sl *slab[T]) reset() {
	if len(sl.chunks) > scratchMax/slabChunk {
		sl.chunks = nil
	}
	for i, c := range sl.chunks {
		clear(c)
		sl.chunks[i] = c[:0]
	}
	sl.next = 0
}

// newEntity returns a new entity carved from the scratch's slab.
func (sc *scratch) newEntity(e schema.Entity) *schema.Entity { return sc.ents.add(e) }

// newMention returns a copy of m carved from the scratch's slab.
func (sc *scratch) newMention(m Mention) *Mention { return sc.mentions.add(m) }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// scratchMax is the most tokens a scratch keeps between calls: one huge
// document does not pin its memory.
const scratchMax = 1 << 16

func (sc *scratch) put() {
	if cap(sc.toks) > scratchMax {
		*sc = scratch{}
	}
	// Drop the strings and pointers. A call fills these tables from the
	// start and only up to their length, which put then clears: what lies
	// past the length is still clear from the calls before (clearing the
	// capacity cleared, document after document, the longest document's
	// tokens).
	clear(sc.toks)
	clear(sc.sents)
	clear(sc.ments)
	clear(sc.ctx)
	clear(sc.stmts)
	clear(sc.mptrs)
	clear(sc.found[:cap(sc.found)]) // reused sentence by sentence: dirty past its length
	sc.toks, sc.sents, sc.ments, sc.ctx, sc.at, sc.stmts = sc.toks[:0], sc.sents[:0], sc.ments[:0], sc.ctx[:0], sc.at[:0], sc.stmts[:0]
	sc.found, sc.mptrs = sc.found[:0], sc.mptrs[:0]
	out, groups := sc.sent.out[:0], sc.sent.groups[:0]
	clear(out[:cap(out)])
	clear(groups[:cap(groups)])
	sc.sent = sent{out: out, groups: groups}
	sc.mentions.reset()
	ents, names, order := sc.doc.ents, sc.doc.names, sc.doc.order
	if len(ents) > scratchMax/16 {
		ents, names = nil, nil
	}
	clear(ents)
	clear(names)
	clear(order[:cap(order)])
	sc.doc = docState{ents: ents, names: names, order: order[:0]}
	sc.ents.reset()
	scratchPool.Put(sc)
}

// grow returns s resized to n zero elements, reusing its memory.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// mentions finds and resolves the mentions of sentence si, and keeps
// them as d.ments[si].
func (d *docState) mentions(si int) {
	ms := d.resolve(si, d.findMentions(si))
	d.ments[si] = d.sc.keep(ms)
	d.sc.found = ms[:0]
}

// keep returns a copy of ms carved from the scratch's table of mention
// pointers, its capacity its length. A full table is replaced by a
// larger one; the slices carved from it stay where they are.
func (sc *scratch) keep(ms []*Mention) []*Mention {
	if len(ms) == 0 {
		return nil
	}
	if cap(sc.mptrs)-len(sc.mptrs) < len(ms) {
		sc.mptrs = make([]*Mention, 0, max(2*cap(sc.mptrs), len(ms), 256))
	}
	k := len(sc.mptrs)
	sc.mptrs = append(sc.mptrs, ms...)
	return sc.mptrs[k:len(sc.mptrs):len(sc.mptrs)]
}

// ints returns n ints from the scratch's table, or new ones.
func (sc *scratch) ints(n int) []int {
	if cap(sc.at)-len(sc.at) < n {
		return make([]int, n)
	}
	k := len(sc.at)
	sc.at = sc.at[:k+n]
	return sc.at[k : k+n : k+n]
}

// newDocState returns the scratch's document state, set for doc.
func (x *Extractor) newDocState(doc Document, sc *scratch) *docState {
	d := &sc.doc
	d.x, d.doc, d.sc = x, doc, sc
	if d.ents == nil {
		d.ents, d.names = map[string]*schema.Entity{}, map[string]string{}
	}
	return d
}

// countryOfPersonAt returns the country the gazetteer says the person named
// at or after token i (past a title) serves, or "".
func (d *docState) countryOfPersonAt(ms []*Mention, i int) string {
	for _, m := range ms {
		if m.Start < i || m.Start > i+4 || m.Type != schema.Person {
			continue
		}
		e, ok := d.x.gaz.Entry(m.ID)
		if !ok {
			return ""
		}
		for _, key := range []string{"leaderOf", "officialOf"} {
			if c := e.Fact(key); c != "" && d.typeOf(c) == schema.Country {
				return c
			}
		}
		return ""
	}
	return ""
}

// coalitionLedBy resolves a bare "coalition" at token i to the coalition
// the gazetteer says is run by a state named just before it in the
// sentence ("Saudi Arabia, which led a military coalition").
func (d *docState) coalitionLedBy(ms []*Mention, i int) string {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.End > i || m.Type != schema.Country {
			continue
		}
		for _, e := range d.x.gaz.Entries() {
			if e.Type == schema.Coalition && slicesHas(e.Facts["operatedBy"], m.ID) {
				return e.ID
			}
		}
		return ""
	}
	return ""
}

// stateBody returns the gazetteer body run by the state in context at token
// i whose name has the given head ("parliament" → Iraqi parliament).
func (d *docState) stateBody(ms []*Mention, i int, head string) string {
	state := ""
	for k := len(ms) - 1; k >= 0 && state == ""; k-- {
		if m := ms[k]; m.End <= i && (m.Type == schema.Country || m.Metonym != "") {
			state = m.ID
			if m.Metonym != "" {
				state = m.Metonym
			}
		}
	}
	if state == "" && d.recentMark > 0 {
		state = d.recent[d.recentMark-1]
	}
	if state == "" {
		return ""
	}
	for _, e := range d.x.gaz.Entries() {
		if e.Type == schema.GovernmentBody && slicesHas(e.Facts["operatedBy"], state) && strings.Contains(strings.ToLower(e.Name), head) {
			return e.ID
		}
	}
	return ""
}

// facilityHeads are the nouns "the embassy", "the base" and the like refer
// back with.
var facilityHeads = setOf("embassy", "base", "airbase", "airport", "consulate", "garrison", "outpost", "facility", "compound", "plant", "port", "camp")

// lastFacility returns the facility mentioned last in the document whose
// name contains the head noun.
func (d *docState) lastFacility(head string) string {
	for k := len(d.order) - 1; k >= 0; k-- {
		e := d.ents[d.order[k]]
		if e.Type == schema.Facility && strings.Contains(strings.ToLower(e.Name), head) {
			return e.ID
		}
	}
	return ""
}

// mainCountry returns the state the document has named most often so far
// (the latest on a tie): whose "Government" a bare mention means.
func (d *docState) mainCountry() string {
	count := map[string]int{}
	best, n := "", 0
	for _, id := range d.recent[:d.recentMark] {
		count[id]++
		if count[id] >= n {
			best, n = id, count[id]
		}
	}
	return best
}

// viaSpokesperson adds, for each threat, accusation or demand a spokesperson
// made, the same statement by the organisation they speak for in the
// document: "Its military spokesman, Yahya Saree, warned that the US would
// pay a heavy price" is the Houthis' threat.
func viaSpokesperson(stmts []schema.Statement) []schema.Statement {
	speaksFor := map[string]string{}
	for _, s := range stmts {
		if s.Predicate == schema.SpokespersonFor && speaksFor[s.Subject] == "" {
			speaksFor[s.Subject] = s.Object
		}
	}
	if len(speaksFor) == 0 {
		return stmts
	}
	type key struct {
		s, o string
		p    schema.Predicate
	}
	have := map[key]bool{}
	for _, s := range stmts {
		have[key{s.Subject, s.Object, s.Predicate}] = true
	}
	out := stmts
	for _, s := range stmts {
		org := speaksFor[s.Subject]
		if org == "" || org == s.Object || s.Predicate != schema.Threatened && s.Predicate != schema.Accused && s.Predicate != schema.Demanded {
			continue
		}
		if k := (key{org, s.Object, s.Predicate}); !have[k] {
			have[k] = true
			s.Subject, s.Rule = org, s.Rule+"+spokesperson"
			out = append(out, s)
		}
	}
	return out
}
