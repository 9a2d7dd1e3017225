package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
)

// view is an in-memory reading of a set of quads: the entities, documents,
// direct edges and reified statements they describe. Write builds one to
// filter quads and to draw the entity graph.
type view struct {
	quads    []quad.Quad
	entities map[string]*entityNode // by IRI
	docs     map[string]*docNode    // by IRI
	stmts    map[string]*stmtNode   // by IRI
	edges    []edge                 // direct facts, one per quad
}

type entityNode struct {
	iri     string
	names   map[string]int // schema:name → number of documents using it
	types   map[string]int // type local name → number of documents
	aliases map[string]bool
	docs    map[string]bool // document IRIs
}

// name is the most used name, ties broken by the smallest.
func (e *entityNode) name() string {
	if n := mostUsed(e.names); n != "" {
		return n
	}
	return strings.TrimPrefix(e.iri, schema.EntityBase)
}

func (e *entityNode) typ() schema.EntityType { return schema.EntityType(mostUsed(e.types)) }

func (e *entityNode) id() string { return strings.TrimPrefix(e.iri, schema.EntityBase) }

func mostUsed(m map[string]int) string {
	best, bn := "", 0
	for k, n := range m {
		if n > bn || n == bn && k < best {
			best, bn = k, n
		}
	}
	return best
}

type docNode struct {
	iri string
	doc schema.Document
}

type stmtNode struct {
	iri  string
	s, o string // entity IRIs
	p    string // predicate local name
	doc  string // document IRI
	f    Fact
}

type edge struct {
	s, p, o string // entity IRIs, predicate local name
	doc     string // document IRI (the quad's label)
}

func newView(qs []quad.Quad) *view {
	v := &view{quads: qs, entities: map[string]*entityNode{}, docs: map[string]*docNode{}, stmts: map[string]*stmtNode{}}
	// First pass: find what each subject is.
	for _, q := range qs {
		if iriOf(q.Predicate) != rdfType {
			continue
		}
		s, o := iriOf(q.Subject), iriOf(q.Object)
		switch {
		case o == agDocument:
			v.docs[s] = &docNode{iri: s}
		case o == rdfStatement:
			v.stmts[s] = &stmtNode{iri: s}
		case strings.HasPrefix(o, schema.NS) && schema.EntityType(localName(o)).Valid():
			e := v.entity(s)
			e.types[localName(o)]++
		}
	}
	for _, q := range qs {
		s, p := iriOf(q.Subject), iriOf(q.Predicate)
		if d := v.docs[s]; d != nil {
			readDocQuad(&d.doc, p, q.Object)
		}
		if st := v.stmts[s]; st != nil {
			switch p {
			case rdfSubject:
				st.s = iriOf(q.Object)
			case rdfPredicate:
				st.p = localName(iriOf(q.Object))
			case rdfObject:
				st.o = iriOf(q.Object)
			case agDocProp:
				st.doc = iriOf(q.Object)
			default:
				readFactQuad(&st.f, p, q.Object)
			}
		}
		if e := v.entities[s]; e != nil {
			switch p {
			case schemaName:
				e.names[literal(q.Object)]++
			case schemaAltName:
				e.aliases[literal(q.Object)] = true
			case agMentionedIn:
				e.docs[iriOf(q.Object)] = true
			}
		}
		if pred := schema.Predicate(localName(p)); strings.HasPrefix(p, schema.NS) && pred.Valid() {
			if o := iriOf(q.Object); o != "" {
				v.edges = append(v.edges, edge{s: s, p: string(pred), o: o, doc: iriOf(q.Label)})
			}
		}
	}
	for iri, d := range v.docs {
		d.doc.ID, _ = schema.DocIDFromIRI(iri)
	}
	for _, e := range v.edges { // an edge names its ends even if no type was stated
		v.entity(e.s)
		v.entity(e.o)
	}
	return v
}

func (v *view) entity(iri string) *entityNode {
	e := v.entities[iri]
	if e == nil {
		e = &entityNode{iri: iri, names: map[string]int{}, types: map[string]int{}, aliases: map[string]bool{}, docs: map[string]bool{}}
		v.entities[iri] = e
	}
	return e
}

func iriOf(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i.Full())
	}
	return ""
}

// literal returns the lexical form of a literal.
func literal(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case nil:
		return ""
	}
	if v, ok := v.Native().(int64); ok {
		return fmt.Sprint(v)
	}
	return fmt.Sprint(v.Native())
}

func intOf(v quad.Value) int {
	switch v := v.(type) {
	case quad.Int:
		return int(v)
	case quad.TypedString:
		if n, ok := v.Native().(int64); ok {
			return int(n)
		}
	}
	return 0
}

func readDocQuad(d *schema.Document, p string, o quad.Value) {
	switch p {
	case dcTitle:
		d.Title = literal(o)
	case agHash:
		d.Hash = literal(o)
	case agSource:
		d.Source = literal(o)
	case schemaURL:
		d.URL = literal(o)
	case agPublished:
		if t, err := time.Parse("2006-01-02", literal(o)); err == nil {
			d.Published = t
		}
	case agBytes:
		d.Bytes = intOf(o)
	}
}

func readFactQuad(f *Fact, p string, o quad.Value) {
	switch p {
	case agModality:
		f.Modality = schema.Modality(literal(o))
	case agEvidence:
		f.Sentence = literal(o)
	case agSpanStart:
		f.Span.Start = intOf(o)
	case agSpanEnd:
		f.Span.End = intOf(o)
	case agRule:
		f.Rule = literal(o)
	case agDate:
		f.Date = literal(o)
	case agDateText:
		f.DateRaw = literal(o)
	case agKilled:
		f.Killed = intOf(o)
	case agWounded:
		f.Wounded = intOf(o)
	case agTroops:
		f.Troops = intOf(o)
	}
}

// resolve finds the entity named by an IRI (with or without angle brackets),
// an ID, a name or an alias, in that order; among several matches of one kind
// the smallest IRI wins.
func (v *view) resolve(name string) (string, error) {
	name = strings.TrimSpace(name)
	if iri := strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">"); v.entities[iri] != nil {
		return iri, nil
	}
	for _, iri := range []string{schema.EntityIRI(name), schema.EntityIRI(schema.Slug(name))} {
		if v.entities[iri] != nil {
			return iri, nil
		}
	}
	var byName, byAlias []string
	for iri, e := range v.entities {
		if e.names[name] > 0 {
			byName = append(byName, iri)
		}
		if e.aliases[name] {
			byAlias = append(byAlias, iri)
		}
	}
	for _, c := range [][]string{byName, byAlias} {
		if len(c) > 0 {
			return slices.Min(c), nil
		}
	}
	return "", fmt.Errorf("entity %q: %w", name, ErrNotFound)
}

// dateRange is a closed range of YYYY-MM-DD strings; "" is open.
type dateRange struct{ from, to string }

func parseRange(from, to string) (dateRange, error) {
	var r dateRange
	if from != "" {
		lo, _, err := dateBounds(from)
		if err != nil {
			return r, fmt.Errorf("from: %w", err)
		}
		r.from = lo
	}
	if to != "" {
		_, hi, err := dateBounds(to)
		if err != nil {
			return r, fmt.Errorf("to: %w", err)
		}
		r.to = hi
	}
	if r.from != "" && r.to != "" && r.from > r.to {
		return r, fmt.Errorf("from %s is after to %s", from, to)
	}
	return r, nil
}

func (r dateRange) open() bool { return r.from == "" && r.to == "" }

// overlaps reports whether the date (YYYY, YYYY-MM or YYYY-MM-DD) falls
// in the range in part; an undated or malformed date never does.
func (r dateRange) overlaps(date string) bool {
	lo, hi, err := dateBounds(date)
	if err != nil {
		return false
	}
	return (r.to == "" || lo <= r.to) && (r.from == "" || hi >= r.from)
}

// dateBounds returns the first and last day a date stands for, as
// YYYY-MM-DD. The last day of a month is written as day 31: the bounds are
// only compared as strings.
func dateBounds(s string) (lo, hi string, err error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	}
	if layout != "" {
		_, err = time.Parse(layout, s)
	}
	if layout == "" || err != nil {
		return "", "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	switch len(s) {
	case 4:
		return s + "-01-01", s + "-12-31", nil
	case 7:
		return s + "-01", s + "-31", nil
	}
	return s, s, nil
}

// filter returns the view of the quads kept by the date range and the focus
// of opt. With neither set it returns v itself.
func (v *view) filter(opt ExportOptions) (*view, error) {
	r, err := parseRange(opt.From, opt.To)
	if err != nil {
		return nil, err
	}
	if r.open() && opt.Focus == "" {
		return v, nil
	}
	dropStmt := map[string]bool{}
	dated := map[edge]bool{} // direct event edges with a statement in range
	for iri, st := range v.stmts {
		info, _ := schema.Predicate(st.p).Info()
		if r.open() || !info.Event {
			continue
		}
		if r.overlaps(st.f.Date) {
			if st.f.Modality.Direct() {
				dated[edge{st.s, st.p, st.o, st.doc}] = true
			}
		} else {
			dropStmt[iri] = true
		}
	}
	dropEdge := func(e edge) bool {
		info, _ := schema.Predicate(e.p).Info()
		return !r.open() && info.Event && !dated[e]
	}

	var keep map[string]bool // entities kept by the focus; nil keeps all
	if opt.Focus != "" {
		focus, err := v.resolve(opt.Focus)
		if err != nil {
			return nil, err
		}
		depth := opt.Depth
		if depth <= 0 {
			depth = 1
		}
		adj := map[string][]string{}
		for _, e := range v.edges {
			if !dropEdge(e) {
				adj[e.s] = append(adj[e.s], e.o)
				adj[e.o] = append(adj[e.o], e.s)
			}
		}
		keep = map[string]bool{focus: true}
		frontier := []string{focus}
		for range depth {
			var next []string
			for _, n := range frontier {
				for _, m := range adj[n] {
					if !keep[m] {
						keep[m] = true
						next = append(next, m)
					}
				}
			}
			frontier = next
		}
	}
	kept := func(iri string) bool { return keep == nil || keep[iri] }
	keptDocs := map[string]bool{}
	for iri := range keep {
		for d := range v.entities[iri].docs {
			keptDocs[d] = true
		}
	}

	var out []quad.Quad
	for _, q := range v.quads {
		s, p, o := iriOf(q.Subject), iriOf(q.Predicate), iriOf(q.Object)
		switch {
		case v.stmts[s] != nil:
			st := v.stmts[s]
			if dropStmt[s] || !kept(st.s) || !kept(st.o) {
				continue
			}
		case v.docs[s] != nil:
			if keep != nil && !keptDocs[s] {
				continue
			}
		case v.entities[s] != nil:
			if !kept(s) {
				continue
			}
			if pred := schema.Predicate(localName(p)); strings.HasPrefix(p, schema.NS) && pred.Valid() && o != "" {
				if !kept(o) || dropEdge(edge{s: s, p: string(pred), o: o, doc: iriOf(q.Label)}) {
					continue
				}
			}
		}
		out = append(out, q)
	}
	return newView(out), nil
}

// sortedEntities returns the entities in ID order.
func (v *view) sortedEntities() []*entityNode {
	es := make([]*entityNode, 0, len(v.entities))
	for _, e := range v.entities {
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b *entityNode) int { return cmp.Compare(a.iri, b.iri) })
	return es
}
