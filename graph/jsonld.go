package graph

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
)

// jsonldContext names the prefixes the JSON-LD output compacts keys with.
var jsonldContext = map[string]string{
	"ag":     schema.NS,
	"rdf":    rdfNS,
	"rdfs":   rdfsNS,
	"owl":    owlNS,
	"xsd":    xsdNS,
	"schema": "https://schema.org/",
	"dct":    "http://purl.org/dc/terms/",
}

// compact writes an IRI with one of the context's prefixes, where one fits.
func compact(iri string) string {
	for _, p := range sortedKeys(jsonldContext) {
		if rest, ok := strings.CutPrefix(iri, jsonldContext[p]); ok && rest != "" && !strings.ContainsAny(rest, "/#:") {
			return p + ":" + rest
		}
	}
	return iri
}

// writeJSONLD writes quads as JSON-LD with one named graph per label;
// unlabelled quads go in the default graph. Quad's own writer loses blank
// nodes and is not ordered, so this one is ours: subjects, keys and values
// are sorted, and the same quads give the same bytes.
func writeJSONLD(w io.Writer, qs []quad.Quad) error {
	type subject = map[string][]any
	graphs := map[string]map[string]subject{} // label → subject → key → values
	seen := map[[2]string]bool{}
	for _, q := range qs {
		s, err := ntTerm(q.Subject)
		if err != nil {
			return fmt.Errorf("jsonld: %w", err)
		}
		p := iriOf(q.Predicate)
		if p == "" {
			return fmt.Errorf("jsonld: predicate %v is not an IRI", q.Predicate)
		}
		label := iriOf(q.Label)
		if graphs[label] == nil {
			graphs[label] = map[string]subject{}
		}
		g := graphs[label]
		if g[s] == nil {
			g[s] = subject{"@id": {jsonldID(q.Subject)}}
		}
		key, val := compact(p), any(nil)
		if p == rdfType && iriOf(q.Object) != "" {
			key, val = "@type", compact(iriOf(q.Object))
		} else if val, err = jsonldValue(q.Object); err != nil {
			return fmt.Errorf("jsonld: %w", err)
		}
		o, _ := ntTerm(q.Object)
		if k := [2]string{label + " " + s + " " + p, o}; !seen[k] {
			seen[k] = true
			g[s][key] = append(g[s][key], val)
		}
	}
	nodes := func(g map[string]subject) []any {
		var out []any
		for _, s := range sortedKeys(g) {
			n := map[string]any{}
			for k, vs := range g[s] {
				if k == "@id" {
					n[k] = vs[0]
					continue
				}
				slices.SortFunc(vs, func(a, b any) int { return cmp.Compare(sortKey(a), sortKey(b)) })
				n[k] = vs
			}
			out = append(out, n)
		}
		return out
	}
	var top []any
	if g := graphs[""]; g != nil {
		top = nodes(g)
	}
	for _, label := range sortedKeys(graphs) {
		if label != "" {
			top = append(top, map[string]any{"@id": label, "@graph": nodes(graphs[label])})
		}
	}
	if top == nil {
		top = []any{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"@context": jsonldContext, "@graph": top})
}

func jsonldID(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v.Full())
	case quad.BNode:
		return "_:" + ntBNode(string(v))
	}
	return fmt.Sprint(v)
}

func jsonldValue(v quad.Value) (any, error) {
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		return map[string]string{"@id": jsonldID(v)}, nil
	case quad.String:
		return string(v), nil
	case quad.TypedString:
		return map[string]string{"@value": string(v.Value), "@type": compact(string(v.Type.Full()))}, nil
	case quad.LangString:
		return map[string]string{"@value": string(v.Value), "@language": v.Lang}, nil
	case quad.Int:
		return map[string]string{"@value": strconv.FormatInt(int64(v), 10), "@type": "xsd:integer"}, nil
	}
	t, err := ntTerm(v) // other natives: their typed N-Quads form
	if err != nil {
		return nil, err
	}
	lex, typ, _ := strings.Cut(strings.TrimPrefix(t, `"`), `"^^<`)
	s, err := strconv.Unquote(`"` + lex + `"`)
	if err != nil {
		s = lex
	}
	return map[string]string{"@value": s, "@type": compact(strings.TrimSuffix(typ, ">"))}, nil
}

func sortKey(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
