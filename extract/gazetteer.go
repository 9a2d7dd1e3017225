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

// Entry is one gazetteer entity with its names and background facts.
type Entry struct {
	schema.Entity
	Demonyms []string            // adjectives and demonyms that denote it: Iraqi, Iraqis
	Metonym  string              // ID of the actor this place stands for when it acts
	Facts    map[string][]string // background facts: in, backedBy, memberOf, leaderOf, officialOf, ...
	NoMerge  []string            // IDs it must never be merged with
	Role     string
	Kind     string // "armed" for an umbrella of armed groups
	Source   string // file:line it was read from
}

// Fact returns the first value of a background fact, or "".
func (e *Entry) Fact(key string) string {
	if v := e.Facts[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Gazetteer is the set of known entities and the names they go by, indexed
// for matching in token streams.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]*Entry
	names   *trie // aliases and canonical names
	demos   *trie // demonyms
	// governments: a region's own government, by the region's ID (the
	// first GovernmentBody "... Government" entry in it)
	governments map[string]string
	// ministries: a state's ministries by state ID and office word
	// ("iran|foreign": "iranian-foreign-ministry")
	ministries map[string]string
}

// Ministry returns the ID of the ministry of a state for an office word
// ("foreign", "defense", "interior"), or "".
func (g *Gazetteer) Ministry(state, office string) string {
	return g.ministries[state+"|"+normOffice(office)]
}

// normOffice folds an office word's spellings: "defence" is "defense".
func normOffice(w string) string {
	if w == "defence" {
		return "defense"
	}
	return w
}

// ministryOffice returns the office word of a ministry's name: "Iranian
// Foreign Ministry" and "Ministry of Foreign Affairs" give "foreign",
// "UK Ministry of Defence" "defense"; "" when the name is no ministry's.
func ministryOffice(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	for i, w := range ws {
		if w != "ministry" {
			continue
		}
		if i+2 < len(ws) && ws[i+1] == "of" {
			return normOffice(ws[i+2])
		}
		if i > 0 {
			return normOffice(ws[i-1])
		}
	}
	return ""
}

// Government returns the ID of the government of the region with the ID
// ("kurdistan-region": "kurdistan-regional-government"), or "".
func (g *Gazetteer) Government(region string) string { return g.governments[region] }

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns the entry with the given ID.
func (g *Gazetteer) Entry(id string) (*Entry, bool) {
	e, ok := g.byID[id]
	return e, ok
}

// Entries returns every entry in load order.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// LoadGazetteer reads gazetteer/*.tsv from fsys, in file-name order. The
// format is described in data/gazetteer/FORMAT.md.
func LoadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	files, err := fs.Glob(fsys, "gazetteer/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	sort.Strings(files)
	g := &Gazetteer{byID: map[string]*Entry{}, names: newTrie(), demos: newTrie()}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		if err := g.parse(f, string(b)); err != nil {
			return nil, err
		}
	}
	// Dangling references (a fact naming no entry) are tolerated: the
	// gazetteer is written by several hands; resolution ignores them.
	g.index()
	return g, nil
}

func (g *Gazetteer) parse(file, text string) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := fmt.Sprintf("%s:%d", path.Base(file), n)
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			return fmt.Errorf("gazetteer %s: %d columns, want 5", pos, len(cols))
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		t, err := schema.ParseEntityType(cols[1])
		if err != nil {
			return fmt.Errorf("gazetteer %s: %w", pos, err)
		}
		e := &Entry{Entity: schema.Entity{ID: cols[0], Type: t, Name: cols[2]}, Facts: map[string][]string{}, Source: pos}
		if err := e.Entity.Validate(); err != nil {
			return fmt.Errorf("gazetteer %s: %w", pos, err)
		}
		if old, dup := g.byID[e.ID]; dup {
			return fmt.Errorf("gazetteer %s: ID %q already defined at %s", pos, e.ID, old.Source)
		}
		for _, a := range splitList(cols[3], ";") {
			if a != e.Name {
				e.Aliases = append(e.Aliases, a)
			}
		}
		for _, kv := range splitList(cols[4], ";") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return fmt.Errorf("gazetteer %s: attribute %q is not key=value", pos, kv)
			}
			vals := splitList(v, "|")
			switch k = strings.TrimSpace(k); k {
			case "demonym":
				e.Demonyms = append(e.Demonyms, vals...)
			case "metonym":
				e.Metonym = strings.TrimSpace(v)
			case "nomerge":
				e.NoMerge = append(e.NoMerge, vals...)
			case "role":
				e.Role = strings.TrimSpace(v)
			case "kind":
				e.Kind = strings.TrimSpace(v)
			default:
				e.Facts[k] = append(e.Facts[k], vals...)
			}
		}
		g.entries = append(g.entries, e)
		g.byID[e.ID] = e
	}
	return sc.Err()
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (g *Gazetteer) index() {
	g.governments = map[string]string{}
	g.ministries = map[string]string{}
	for _, e := range g.entries {
		if office, state := ministryOffice(e.Name), e.Fact("operatedBy"); e.Type == schema.GovernmentBody && office != "" && state != "" {
			if _, dup := g.ministries[state+"|"+office]; !dup {
				g.ministries[state+"|"+office] = e.ID
			}
		}
		if in := e.Fact("in"); in != "" && e.Type == schema.GovernmentBody && strings.HasSuffix(e.Name, " Government") {
			if _, dup := g.governments[in]; !dup {
				g.governments[in] = e.ID
			}
		}
	}
	for i, e := range g.entries {
		g.names.add(e.Name, i)
		for _, a := range e.Aliases {
			g.names.add(a, i)
		}
		for _, d := range e.Demonyms {
			g.demos.add(d, i)
		}
	}
}

// trie indexes token-key sequences. Hyphens inside names are skipped, so
// "al-Kadhimi", "al Kadhimi" and "Al-Kadhimi" are one key.
type trie struct {
	root *trieNode
	bit  uint16 // this trie's bit in Token.starts
	// first: root.next by the key's ID (compile), for tokens that have IDs
	first []*trieNode
}

type trieNode struct {
	next map[string]*trieNode
	kids []trieKid // next by the key's ID, sorted (compile)
	vals []trieVal
}

// trieKid is a child of a compiled trie node.
type trieKid struct {
	id uint32
	n  *trieNode
}

// kid returns the child for the key with the ID, or nil.
func (n *trieNode) kid(id uint32) *trieNode {
	kids := n.kids
	if len(kids) > 8 {
		i := sort.Search(len(kids), func(i int) bool { return kids[i].id >= id })
		if i < len(kids) && kids[i].id == id {
			return kids[i].n
		}
		return nil
	}
	for _, k := range kids {
		if k.id == id {
			return k.n
		}
	}
	return nil
}

func (tr *trie) index(vocab map[string]uint16, bit uint16) {
	tr.bit = bit
	for first := range tr.root.next {
		vocab[first] |= bit
	}
	var walk func(n *trieNode)
	walk = func(n *trieNode) {
		for k, c := range n.next {
			vocab[k] |= 0 // present, no bit of its own
			walk(c)
		}
	}
	walk(tr.root)
}

func (tr *trie) compile(vocab map[string]knownKey) {
	var walk func(n *trieNode)
	walk = func(n *trieNode) {
		n.kids = n.kids[:0]
		for k, c := range n.next {
			n.kids = append(n.kids, trieKid{id: vocab[k].id, n: c})
			walk(c)
		}
		sort.Slice(n.kids, func(i, j int) bool { return n.kids[i].id < n.kids[j].id })
	}
	walk(tr.root)
	tr.first = nil
	for _, k := range tr.root.kids {
		if int(k.id) >= len(tr.first) {
			tr.first = append(tr.first, make([]*trieNode, int(k.id)+1-len(tr.first))...)
		}
		tr.first[k.id] = k.n
	}
}

type trieVal struct {
	entry int
	exact []string // token texts (dots dropped) that must match exactly: all-caps names
}

func newTrie() *trie { return &trie{root: &trieNode{}} }

// matchTokens drops the tokens that matching ignores: hyphens and dots.
func matchTokens(toks []Token) []Token {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Kind == Punct && (t.Text == "-" || t.Text == "." || t.Text == "‐" || t.Text == "–") {
			continue
		}
		out = append(out, t)
	}
	return out
}

func (tr *trie) add(name string, entry int) {
	toks := matchTokens(Tokenize(name))
	if len(toks) > 0 && toks[0].Key == "the" && len(toks) > 1 {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return
	}
	n := tr.root
	caps := isCapsName(name)
	var exact []string
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[t.Key]
		if c == nil {
			c = &trieNode{}
			n.next[t.Key] = c
		}
		n = c
		if caps {
			exact = append(exact, strings.ReplaceAll(t.Text, ".", ""))
		}
	}
	for i, v := range n.vals {
		if v.entry == entry {
			if exact == nil {
				n.vals[i].exact = nil // "NATO" and "Nato": any case matches
			}
			return
		}
	}
	n.vals = append(n.vals, trieVal{entry: entry, exact: exact})
}

// isCapsName reports whether a name is written in capitals only (an
// acronym such as IRGC or U.S.), which then matches case-sensitively.
func isCapsName(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0 && letters <= 8
}

// longest finds the longest name starting at toks[i]; it returns the node
// and the number of tokens matched, counting the hyphens and dots inside
// the name that matching skips ("al-Kadhimi", "U.S.").
func (tr *trie) longest(toks []Token, i int) (*trieNode, int) {
	m := toks[i].starts
	if m&startsKnown != 0 && m&tr.bit == 0 {
		return nil, 0
	}
	if m&startsKnown != 0 && tr.first != nil {
		return tr.longestID(toks, i)
	}
	n := tr.root
	var best *trieNode
	bestLen := 0
	for j := i; j < len(toks); j++ {
		if j > i && skippable(&toks[j]) {
			continue
		}
		c := n.next[toks[j].Key]
		if c == nil {
			break
		}
		n = c
		if len(n.vals) > 0 && n.accepts(toks[i:j+1]) {
			best, bestLen = n, j+1-i
		}
	}
	return best, bestLen
}

// longestID is longest for tokens whose IDs are set, with the trie
// compiled.
func (tr *trie) longestID(toks []Token, i int) (*trieNode, int) {
	id := toks[i].id
	if int(id) >= len(tr.first) || tr.first[id] == nil {
		return nil, 0
	}
	n := tr.first[id]
	var best *trieNode
	bestLen := 0
	for j := i; ; {
		if len(n.vals) > 0 && n.accepts(toks[i:j+1]) {
			best, bestLen = n, j+1-i
		}
		for j++; j < len(toks) && skippable(&toks[j]); j++ {
		}
		if j >= len(toks) || len(n.kids) == 0 {
			break
		}
		c := n.kid(toks[j].id)
		if c == nil {
			break
		}
		n = c
	}
	return best, bestLen
}

// skippable reports whether matching ignores the token: a hyphen or dot
// inside a name.
func skippable(t *Token) bool {
	return t.Kind == Punct && !t.Space && (t.Text == "-" || t.Text == "." || t.Text == "‐" || t.Text == "–")
}

func (n *trieNode) accepts(toks []Token) bool {
	for _, v := range n.vals {
		if v.matches(toks) {
			return true
		}
	}
	return false
}

func (v trieVal) matches(toks []Token) bool {
	if v.exact == nil {
		return true
	}
	k := 0
	for j := range toks {
		t := &toks[j]
		if j > 0 && skippable(t) {
			continue
		}
		if k >= len(v.exact) || strings.ReplaceAll(t.Text, ".", "") != v.exact[k] {
			return false
		}
		k++
	}
	return true
}

// dropTitledAliases removes person aliases that start with a title
// ("President Joe Biden"): the title is evidence of a role, which the
// relation rules read, so the name must match without it.
func (g *Gazetteer) dropTitledAliases(lx *Lexicon) {
	changed := false
	for _, e := range g.entries {
		if e.Type != schema.Person {
			continue
		}
		kept := e.Aliases[:0]
		for _, a := range e.Aliases {
			toks := Tokenize(a)
			if rs, n := lx.Roles.At(toks, 0); n > 0 && n < len(toks) && len(rs) > 0 {
				changed = true
				continue
			}
			kept = append(kept, a)
		}
		e.Aliases = kept
	}
	if changed {
		g.names, g.demos = newTrie(), newTrie()
		g.index()
	}
}
