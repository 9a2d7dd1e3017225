package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

// VerbForm says which inflection of a verb a word is.
type VerbForm uint8

// Verb forms, in the column order of verbs.tsv.
const (
	Base VerbForm = iota
	Third
	Past
	Participle
	Gerund
)

// Verb is one sense of a verb from the lexicon.
type Verb struct {
	Predicate schema.Predicate
	Inverse   bool // "A backs B" gives B backedBy A
	Lemma     string
	Form      VerbForm
	ObjPreps  []string // "" for a direct object
}

// EventNoun is a noun that names an event of a predicate.
type EventNoun struct {
	Predicate  schema.Predicate
	Inverse    bool
	ObjPreps   []string
	AgentPreps []string
}

// Role is a role noun or title.
type Role struct {
	Predicate schema.Predicate // "" for honorifics
	Name      string
	Leads     RoleLeads // what the role is at the head of, if roles.tsv says
}

// RoleLeads is roles.tsv's leads column: what a role is at the head of.
type RoleLeads uint8

// What a role leads.
const (
	LeadsOther RoleLeads = iota // "-": nothing the rules treat apart
	LeadsState                  // "state": head of state or government, crown prince
	LeadsBody                   // "body": head of an assembly (speaker)
	LeadsRank                   // "rank": a military rank, not a post
)

// Cue is a modality cue.
type Cue struct {
	Modality string // as in cues.tsv: negated, hypothetical, planned, conditional, claimed, denied, threatened
	Position string // before, clause, reporting, denial
}

// Lexicon holds the word lists the relation and modality rules read, each
// indexed as a phrase table over token keys.
type Lexicon struct {
	Verbs      phrases[Verb]
	Nouns      phrases[EventNoun]
	Roles      phrases[Role]
	Cues       phrases[Cue]
	Militias   phrases[schema.EntityType]
	Anaphors   phrases[schema.EntityType]
	Backers    []string // shapes with X for the backer
	GivenNames map[string]bool
	OrgHeads   map[string]schema.EntityType
}

// phrases maps token-key sequences to values, for longest-match lookups.
type phrases[V any] struct {
	first map[string][]phrase[V] // by first key, longest first
	bit   uint16                 // this table's bit in Token.starts
	byID  [][]phrase[V]          // first by the first key's ID (compile), for tokens that have IDs
}

type phrase[V any] struct {
	keys []string
	ids  []uint32 // the keys' IDs (compile)
	vals []V
}

func (p *phrases[V]) index(vocab map[string]uint16, bit uint16) {
	p.bit = bit
	for first, list := range p.first {
		vocab[first] |= bit
		for _, ph := range list {
			for _, k := range ph.keys {
				vocab[k] |= 0 // present, no bit of its own
			}
		}
	}
}

func (p *phrases[V]) compile(vocab map[string]knownKey) {
	p.byID = nil
	for k, list := range p.first {
		id := vocab[k].id
		if int(id) >= len(p.byID) {
			p.byID = append(p.byID, make([][]phrase[V], int(id)+1-len(p.byID))...)
		}
		for i := range list {
			ph := &list[i]
			ph.ids = make([]uint32, len(ph.keys))
			for j, k := range ph.keys {
				ph.ids[j] = vocab[k].id
			}
		}
		p.byID[id] = list
	}
}

func (p *phrases[V]) add(text string, v V) {
	keys := phraseKeys(text)
	if len(keys) == 0 {
		return
	}
	if p.first == nil {
		p.first = map[string][]phrase[V]{}
	}
	list := p.first[keys[0]]
	for i := range list {
		if equalKeys(list[i].keys, keys) {
			list[i].vals = append(list[i].vals, v)
			return
		}
	}
	list = append(list, phrase[V]{keys: keys, vals: []V{v}})
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].keys) > len(list[j].keys) })
	p.first[keys[0]] = list
}

func phraseKeys(text string) []string {
	var keys []string
	for _, t := range Tokenize(text) {
		if t.Text == "-" {
			continue
		}
		keys = append(keys, t.Key)
	}
	return keys
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// At returns the values of the longest phrase starting at toks[i] and the
// number of tokens it covers (hyphens inside count but are not matched).
func (p *phrases[V]) At(toks []Token, i int) ([]V, int) {
	if i < 0 || i >= len(toks) {
		return nil, 0
	}
	m := toks[i].starts
	if m&startsKnown != 0 && m&p.bit == 0 {
		return nil, 0 // no phrase of this table starts with the word
	}
	if m&startsKnown != 0 && p.byID != nil {
		return p.atID(toks, i)
	}
	for _, ph := range p.first[toks[i].Key] {
		j, k := i, 0
		for k < len(ph.keys) && j < len(toks) {
			if toks[j].Text == "-" && j > i {
				j++
				continue
			}
			if toks[j].Key != ph.keys[k] {
				break
			}
			j++
			k++
		}
		if k == len(ph.keys) {
			return ph.vals, j - i
		}
	}
	return nil, 0
}

// atID is At for tokens whose IDs are set, with the table compiled.
func (p *phrases[V]) atID(toks []Token, i int) ([]V, int) {
	id := toks[i].id
	if int(id) >= len(p.byID) {
		return nil, 0
	}
	list := p.byID[id]
	for x := range list {
		ph := &list[x]
		j, k := i+1, 1 // the first key is the token's: the list is indexed by it
		for k < len(ph.ids) && j < len(toks) {
			if toks[j].Text == "-" {
				j++
				continue
			}
			if toks[j].id != ph.ids[k] {
				break
			}
			j++
			k++
		}
		if k == len(ph.ids) {
			return ph.vals, j - i
		}
	}
	return nil, 0
}

// LoadLexicon reads lexicon/*.tsv from fsys. The formats are described in
// data/lexicon/README.md.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{GivenNames: map[string]bool{}, OrgHeads: map[string]schema.EntityType{}}
	read := func(name string, cols int, fn func(c []string) error) error {
		b, err := fs.ReadFile(fsys, path.Join("lexicon", name))
		if err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			c := strings.Split(line, "\t")
			for len(c) < cols {
				c = append(c, "")
			}
			if len(c) > cols {
				return fmt.Errorf("lexicon %s:%d: %d columns, want %d", name, n, len(c), cols)
			}
			for i := range c {
				c[i] = strings.TrimSpace(c[i])
			}
			if err := fn(c); err != nil {
				return fmt.Errorf("lexicon %s:%d: %w", name, n, err)
			}
		}
		return sc.Err()
	}
	pred := func(s string) (schema.Predicate, bool, error) {
		inv := strings.HasSuffix(s, "-inverse")
		p, err := schema.ParsePredicate(strings.TrimSuffix(s, "-inverse"))
		return p, inv, err
	}
	err := read("verbs.tsv", 7, func(c []string) error {
		p, inv, err := pred(c[0])
		if err != nil {
			return err
		}
		if c[1] == "" {
			return fmt.Errorf("verb with no lemma")
		}
		var preps []string
		for _, pr := range splitList(c[6], ";") {
			if pr == "-" {
				pr = ""
			}
			preps = append(preps, pr)
		}
		for f := Base; f <= Gerund; f++ {
			lx.Verbs.add(c[1+int(f)], Verb{Predicate: p, Inverse: inv, Lemma: c[1], Form: f, ObjPreps: preps})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("nouns.tsv", 4, func(c []string) error {
		p, inv, err := pred(c[0])
		if err != nil {
			return err
		}
		n := EventNoun{Predicate: p, Inverse: inv, ObjPreps: splitList(c[2], ";"), AgentPreps: splitList(c[3], ";")}
		for _, w := range splitList(c[1], ";") {
			lx.Nouns.add(w, n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("roles.tsv", 4, func(c []string) error {
		r := Role{Name: c[1]}
		switch c[3] {
		case "state":
			r.Leads = LeadsState
		case "body":
			r.Leads = LeadsBody
		case "rank":
			r.Leads = LeadsRank
		case "-":
		default:
			return fmt.Errorf("leads %q: want state, body, rank or -", c[3])
		}
		if c[0] != "-" {
			p, _, err := pred(c[0])
			if err != nil {
				return err
			}
			r.Predicate = p
		}
		lx.Roles.add(c[1], r)
		for _, v := range splitList(c[2], ";") {
			lx.Roles.add(v, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("cues.tsv", 3, func(c []string) error {
		lx.Cues.add(strings.ReplaceAll(c[1], "n't", "not"), Cue{Modality: c[0], Position: c[2]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("collectives.tsv", 3, func(c []string) error {
		switch c[0] {
		case "militia":
			lx.Militias.add(c[1], schema.ArmedGroup)
		case "anaphor":
			t, err := schema.ParseEntityType(c[2])
			if err != nil {
				return err
			}
			lx.Anaphors.add(c[1], t)
		case "backer":
			lx.Backers = append(lx.Backers, c[1])
		default:
			return fmt.Errorf("unknown kind %q", c[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(fsys, "lexicon/names.tsv"); err == nil {
		err = read("names.tsv", 2, func(c []string) error {
			switch c[0] {
			case "given":
				for _, n := range splitList(c[1], ";") {
					lx.GivenNames[keyOf(n)] = true
				}
			default:
				t, err := schema.ParseEntityType(c[0])
				if err != nil {
					return err
				}
				for _, n := range splitList(c[1], ";") {
					if _, dup := lx.OrgHeads[keyOf(n)]; !dup {
						lx.OrgHeads[keyOf(n)] = t
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// Bits of Token.starts: which tables have a phrase or name that starts with
// the token's key. Marking a document's tokens once turns most lookups of
// the rules into a bit test.
const (
	startsKnown uint16 = 1 << iota
	startsVerb
	startsNoun
	startsRole
	startsCue
	startsMilitia
	startsAnaphor
	startsName
	startsDemonym
	startsRule       // a word some sentence-wide rule starts from
	startsCollective // a lower-case word other than a militia noun that may start a collective
)

// matcher is a lexicon table or a gazetteer trie, as New indexes it.
type matcher interface {
	// index takes bit as the table's bit in Token.starts, adds every key
	// of the table to vocab and sets bit on the keys its entries start
	// with.
	index(vocab map[string]uint16, bit uint16)
	// compile numbers the table's keys with the vocabulary, which must
	// have them all (index), so that tokens with IDs match by number. The
	// table must not change afterwards.
	compile(vocab map[string]knownKey)
}
