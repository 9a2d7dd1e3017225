package graph

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
)

// Explanation is what the graph knows about an entity.
type Explanation struct {
	Entity    schema.Entity // most used name and type; Aliases: every other name, sorted
	Documents []string      // IDs of the documents mentioning it, sorted
	Facts     []Fact        // statements it is subject or object of, by date, document and span
}

// Fact is one reified statement with its provenance.
type Fact struct {
	Subject, Predicate, Object string // names
	SubjectID, ObjectID        string
	Doc, Sentence              string // document ID, evidence sentence
	Span                       schema.Span
	Date, DateRaw              string
	Modality                   schema.Modality
	Rule                       string
	Killed, Wounded, Troops    int
}

// Explain returns what the graph knows about an entity found by IRI, ID,
// name or alias (in that order). ErrNotFound if there is none.
func (s *Store) Explain(ctx context.Context, name string) (Explanation, error) {
	if err := s.readLock(); err != nil {
		return Explanation{}, fmt.Errorf("explain: %w", err)
	}
	defer s.mu.RUnlock()
	iri, err := s.resolve(ctx, name)
	if err != nil {
		return Explanation{}, fmt.Errorf("explain: %w", err)
	}
	var qs []quad.Quad
	add := func(q quad.Quad) error { qs = append(qs, q); return nil }
	if err := s.each(ctx, quad.Subject, quad.IRI(iri), add); err != nil {
		return Explanation{}, fmt.Errorf("explain %s: %w", name, err)
	}
	var stmts []quad.Value
	err = s.each(ctx, quad.Object, quad.IRI(iri), func(q quad.Quad) error {
		if p := iriOf(q.Predicate); p == rdfSubject || p == rdfObject {
			stmts = append(stmts, q.Subject)
		}
		return nil
	})
	if err != nil {
		return Explanation{}, fmt.Errorf("explain %s: %w", name, err)
	}
	ends := map[string]bool{}
	for _, st := range stmts {
		err := s.each(ctx, quad.Subject, st, func(q quad.Quad) error {
			if p := iriOf(q.Predicate); p == rdfSubject || p == rdfObject {
				ends[iriOf(q.Object)] = true
			}
			return add(q)
		})
		if err != nil {
			return Explanation{}, fmt.Errorf("explain %s: %w", name, err)
		}
	}
	delete(ends, iri)
	for _, e := range sortedKeys(ends) { // their names and types
		err := s.each(ctx, quad.Subject, quad.IRI(e), func(q quad.Quad) error {
			if p := iriOf(q.Predicate); p == rdfType || p == schemaName {
				return add(q)
			}
			return nil
		})
		if err != nil {
			return Explanation{}, fmt.Errorf("explain %s: %w", name, err)
		}
	}
	return newView(qs).explain(iri), nil
}

func (v *view) explain(iri string) Explanation {
	e := v.entities[iri]
	x := Explanation{Entity: schema.Entity{ID: e.id(), Type: e.typ(), Name: e.name()}}
	for n := range e.names {
		if n != x.Entity.Name {
			e.aliases[n] = true
		}
	}
	delete(e.aliases, x.Entity.Name)
	x.Entity.Aliases = sortedKeys(e.aliases)
	for _, d := range sortedKeys(e.docs) {
		if id, ok := schema.DocIDFromIRI(d); ok {
			x.Documents = append(x.Documents, id)
		}
	}
	nameOf := func(iri string) string {
		if e := v.entities[iri]; e != nil {
			return e.name()
		}
		return strings.TrimPrefix(iri, schema.EntityBase)
	}
	for _, st := range v.stmts {
		if st.s != iri && st.o != iri {
			continue
		}
		f := st.f
		f.SubjectID = strings.TrimPrefix(st.s, schema.EntityBase)
		f.ObjectID = strings.TrimPrefix(st.o, schema.EntityBase)
		f.Subject, f.Object, f.Predicate = nameOf(st.s), nameOf(st.o), st.p
		f.Doc, _ = schema.DocIDFromIRI(st.doc)
		x.Facts = append(x.Facts, f)
	}
	slices.SortFunc(x.Facts, func(a, b Fact) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(a.ObjectID, b.ObjectID),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Modality, b.Modality))
	})
	return x
}

// resolve finds an entity in the store by IRI, ID, name or alias, through
// the object index for names. Among several matches of one kind the smallest
// IRI wins.
func (s *Store) resolve(ctx context.Context, name string) (string, error) {
	name = strings.TrimSpace(name)
	isEntity := func(iri string) (bool, error) {
		found := false
		err := s.each(ctx, quad.Subject, quad.IRI(iri), func(q quad.Quad) error {
			if iriOf(q.Predicate) == agMentionedIn {
				found = true
			}
			return nil
		})
		return found, err
	}
	for _, iri := range []string{
		strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">"),
		schema.EntityIRI(name),
		schema.EntityIRI(schema.Slug(name)),
	} {
		if ok, err := isEntity(iri); err != nil || ok {
			return iri, err
		}
	}
	for _, p := range []string{schemaName, schemaAltName} {
		var found []string
		err := s.each(ctx, quad.Object, quad.String(name), func(q quad.Quad) error {
			if iriOf(q.Predicate) == p {
				found = append(found, iriOf(q.Subject))
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		if len(found) > 0 {
			return slices.Min(found), nil
		}
	}
	return "", fmt.Errorf("entity %q: %w", name, ErrNotFound)
}

// Export writes the whole graph, or the neighbourhood of opt.Focus, in
// format f (see Write for the options). The neighbourhood is gathered by a
// breadth-first walk in Go, one start node per step: on bolt a Gizmo path
// with a predicate hop after in() scans every quad of the predicate.
func (s *Store) Export(ctx context.Context, w io.Writer, f Format, opt ExportOptions) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	if _, err := parseRange(opt.From, opt.To); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := s.readLock(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var qs []quad.Quad
	var err error
	if opt.Focus == "" {
		qs, err = s.all(ctx)
	} else {
		qs, err = s.neighbourhood(ctx, opt.Focus, max(opt.Depth, 1))
	}
	s.mu.RUnlock()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return Write(w, f, qs, opt)
}

func (s *Store) all(ctx context.Context) ([]quad.Quad, error) {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	var qs []quad.Quad
	for it.Next(ctx) {
		qs = append(qs, s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return qs, ctx.Err()
}

func isFactPredicate(p string) bool {
	rest, ok := strings.CutPrefix(p, schema.NS)
	return ok && schema.Predicate(rest).Valid()
}

// neighbourhood returns the quads describing the entities within depth
// direct-fact hops of the focus: their own quads, their documents' quads,
// and the statements linking two of them.
func (s *Store) neighbourhood(ctx context.Context, focus string, depth int) ([]quad.Quad, error) {
	start, err := s.resolve(ctx, focus)
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{start: true}
	out := map[string][]quad.Quad{} // entity → its out-quads
	frontier := []string{start}
	for d := 0; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, e := range frontier {
			visit := func(n string) {
				if d < depth && n != "" && !keep[n] {
					keep[n] = true
					next = append(next, n)
				}
			}
			err := s.each(ctx, quad.Subject, quad.IRI(e), func(q quad.Quad) error {
				out[e] = append(out[e], q)
				if isFactPredicate(iriOf(q.Predicate)) {
					visit(iriOf(q.Object))
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			if d == depth {
				continue
			}
			err = s.each(ctx, quad.Object, quad.IRI(e), func(q quad.Quad) error {
				if isFactPredicate(iriOf(q.Predicate)) {
					visit(iriOf(q.Subject))
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		frontier = next
	}
	var qs []quad.Quad
	docs := map[string]bool{}
	for _, e := range sortedKeys(keep) {
		for _, q := range out[e] {
			qs = append(qs, q)
			if iriOf(q.Predicate) == agMentionedIn {
				docs[iriOf(q.Object)] = true
			}
		}
	}
	for _, d := range sortedKeys(docs) {
		err := s.each(ctx, quad.Subject, quad.IRI(d), func(q quad.Quad) error {
			if iriOf(q.Label) == d {
				qs = append(qs, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, e := range sortedKeys(keep) {
		var stmts []quad.Value
		err := s.each(ctx, quad.Object, quad.IRI(e), func(q quad.Quad) error {
			if iriOf(q.Predicate) == rdfSubject {
				stmts = append(stmts, q.Subject)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, st := range stmts {
			var sq []quad.Quad
			inside := true
			err := s.each(ctx, quad.Subject, st, func(q quad.Quad) error {
				if iriOf(q.Predicate) == rdfObject && !keep[iriOf(q.Object)] {
					inside = false
				}
				sq = append(sq, q)
				return nil
			})
			if err != nil {
				return nil, err
			}
			if inside {
				qs = append(qs, sq...)
			}
		}
	}
	return qs, nil
}
