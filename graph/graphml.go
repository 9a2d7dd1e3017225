package graph

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

type graphmlDoc struct {
	XMLName xml.Name     `xml:"graphml"`
	NS      string       `xml:"xmlns,attr"`
	Keys    []graphmlKey `xml:"key"`
	Graph   graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID    string        `xml:"id,attr"`
	Dir   string        `xml:"edgedefault,attr"`
	Nodes []graphmlNode `xml:"node"`
	Edges []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// writeGraphML writes the entity graph: a node per entity (IRI, name, type,
// aliases) and an edge per direct fact and document (predicate, document).
func writeGraphML(w io.Writer, v *view) error {
	doc := graphmlDoc{
		NS: "http://graphml.graphdrawing.org/xmlns",
		Keys: []graphmlKey{
			{"name", "node", "name", "string"},
			{"type", "node", "type", "string"},
			{"iri", "node", "iri", "string"},
			{"aliases", "node", "aliases", "string"},
			{"predicate", "edge", "predicate", "string"},
			{"document", "edge", "document", "string"},
		},
		Graph: graphmlGraph{ID: "actorgraph", Dir: "directed"},
	}
	for _, e := range v.sortedEntities() {
		n := graphmlNode{ID: e.id(), Data: []graphmlData{{"name", e.name()}, {"type", string(e.typ())}, {"iri", e.iri}}}
		if len(e.aliases) > 0 {
			n.Data = append(n.Data, graphmlData{"aliases", strings.Join(sortedKeys(e.aliases), "|")})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, n)
	}
	edges := slices.Clone(v.edges)
	slices.SortFunc(edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.s, b.s), cmp.Compare(a.p, b.p), cmp.Compare(a.o, b.o), cmp.Compare(a.doc, b.doc))
	})
	edges = slices.Compact(edges)
	for i, e := range edges {
		docID, ok := schema.DocIDFromIRI(e.doc)
		if !ok {
			docID = e.doc
		}
		doc.Graph.Edges = append(doc.Graph.Edges, graphmlEdge{
			ID: fmt.Sprintf("e%d", i+1), Source: v.entities[e.s].id(), Target: v.entities[e.o].id(),
			Data: []graphmlData{{"predicate", e.p}, {"document", docID}},
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
