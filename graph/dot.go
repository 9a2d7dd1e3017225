package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/goccy/go-graphviz"
)

// nodeStyle is how an entity type is drawn.
type nodeStyle struct{ shape, fill string }

// typeStyles is a ColorBrewer Set3 palette, one colour and shape per type.
var typeStyles = map[schema.EntityType]nodeStyle{
	schema.Person:                    {"ellipse", "#8dd3c7"},
	schema.Country:                   {"doubleoctagon", "#fdb462"},
	schema.ArmedGroup:                {"box", "#fb8072"},
	schema.Coalition:                 {"hexagon", "#bebada"},
	schema.GovernmentBody:            {"component", "#80b1d3"},
	schema.InternationalOrganization: {"octagon", "#b3de69"},
	schema.MediaOutlet:               {"note", "#fccde5"},
	schema.Location:                  {"house", "#d9d9d9"},
	schema.Facility:                  {"cylinder", "#ffffb3"},
}

var unknownStyle = nodeStyle{"ellipse", "#ffffff"}

// sfdpAbove is the node count above which the dot layout takes minutes
// (measured: 400 nodes, 2.5–3.5 min) and sfdp is used instead (0.16 s).
const sfdpAbove = 150

func layoutFor(v *view, provenance bool) string {
	n := len(v.entities)
	if provenance {
		n += len(v.docs) + len(v.stmts)
	}
	if n > sfdpAbove {
		return "sfdp"
	}
	return "dot"
}

// dotID quotes a DOT ID or label. Backslash is escaped too, so that no
// label escape (\n, \l, \N) is read into names.
func dotID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotEdge is one drawn fact: every document stating s p o, merged.
type dotEdge struct {
	s, p, o string // node IDs and predicate
	docs    []string
}

// writeDOT draws the entity graph: one node per entity, one edge per
// distinct direct fact, and with provenance the documents and statements.
func writeDOT(w io.Writer, v *view, provenance bool, layout string) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	font := dotID("DejaVu Sans")
	p("digraph actorgraph {\n")
	p("\tgraph [fontname=%s, rankdir=LR, overlap=false, splines=true];\n", font)
	p("\tnode [fontname=%s, style=filled, fontsize=11];\n", font)
	p("\tedge [fontname=%s, fontsize=9, color=\"#555555\"];\n", font)
	if layout != "dot" {
		p("\tlayout=%s;\n", layout)
	}

	ents := v.sortedEntities()
	present := map[schema.EntityType]bool{}
	for _, e := range ents {
		st, ok := typeStyles[e.typ()]
		if !ok {
			st = unknownStyle
		} else {
			present[e.typ()] = true
		}
		tip := string(e.typ())
		if len(e.aliases) > 0 {
			tip += "; also " + strings.Join(sortedKeys(e.aliases), ", ")
		}
		p("\t%s [label=%s, shape=%s, fillcolor=%s, tooltip=%s];\n", dotID(e.id()), dotID(e.name()), st.shape, dotID(st.fill), dotID(tip))
	}

	merged := map[[3]string]*dotEdge{}
	for _, e := range v.edges {
		s, o := v.entities[e.s].id(), v.entities[e.o].id()
		if info, _ := schema.Predicate(e.p).Info(); info.Symmetric && o < s {
			s, o = o, s
		}
		k := [3]string{s, e.p, o}
		if merged[k] == nil {
			merged[k] = &dotEdge{s: s, p: e.p, o: o}
		}
		if id, ok := schema.DocIDFromIRI(e.doc); ok && !slices.Contains(merged[k].docs, id) {
			merged[k].docs = append(merged[k].docs, id)
		}
	}
	edges := make([]*dotEdge, 0, len(merged))
	for _, e := range merged {
		slices.Sort(e.docs)
		edges = append(edges, e)
	}
	slices.SortFunc(edges, func(a, b *dotEdge) int {
		return cmp.Or(cmp.Compare(a.s, b.s), cmp.Compare(a.p, b.p), cmp.Compare(a.o, b.o))
	})
	for _, e := range edges {
		info, _ := schema.Predicate(e.p).Info()
		attrs := []string{"label=" + dotID(e.p)}
		if info.Event {
			attrs = append(attrs, `color="#b2182b"`, `fontcolor="#b2182b"`)
		}
		if info.Symmetric {
			attrs = append(attrs, "dir=none")
		}
		n := len(e.docs)
		attrs = append(attrs, fmt.Sprintf("penwidth=%.1f", min(1+0.5*float64(max(n-1, 0)), 5)))
		attrs = append(attrs, "tooltip="+dotID(fmt.Sprintf("%s %s %s: %d document(s): %s", e.s, e.p, e.o, n, strings.Join(e.docs, ", "))))
		p("\t%s -> %s [%s];\n", dotID(e.s), dotID(e.o), strings.Join(attrs, ", "))
	}

	if provenance {
		writeProvenance(bw, v, ents)
	}

	if len(present) > 0 {
		p("\tsubgraph cluster_legend {\n\t\tlabel=\"Legend\"; style=dashed; color=\"#999999\";\n")
		for _, t := range schema.EntityTypes {
			if present[t] {
				st := typeStyles[t]
				p("\t\t%s [label=%s, shape=%s, fillcolor=%s];\n", dotID("legend:"+string(t)), dotID(string(t)), st.shape, dotID(st.fill))
			}
		}
		p("\t}\n")
	}
	p("}\n")
	return bw.Flush()
}

func writeProvenance(bw *bufio.Writer, v *view, ents []*entityNode) {
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	docIRIs := sortedKeys(v.docs)
	for _, iri := range docIRIs {
		d := v.docs[iri].doc
		label := cmp.Or(d.Title, d.ID)
		p("\t%s [label=%s, shape=folder, fillcolor=\"#ffffff\", tooltip=%s];\n", dotID("doc:"+d.ID), dotID(label), dotID(d.ID))
	}
	for _, e := range ents {
		for _, d := range sortedKeys(e.docs) {
			if dn := v.docs[d]; dn != nil {
				p("\t%s -> %s [style=dotted, color=\"#bbbbbb\", arrowhead=none, tooltip=\"mentionedIn\"];\n", dotID(e.id()), dotID("doc:"+dn.doc.ID))
			}
		}
	}
	for _, iri := range sortedKeys(v.stmts) {
		st := v.stmts[iri]
		se, oe := v.entities[st.s], v.entities[st.o]
		if se == nil || oe == nil {
			continue
		}
		id := "stmt:" + strings.TrimPrefix(iri, schema.StatementBase)
		label := st.p + "\n" + string(st.f.Modality)
		if st.f.Date != "" {
			label += " " + st.f.Date
		}
		p("\t%s [label=%s, shape=box, style=\"dashed,filled\", fillcolor=\"#f5f5f5\", fontsize=8, tooltip=%s];\n", dotID(id), dotID(label), dotID(st.f.Sentence))
		p("\t%s -> %s [style=dashed, arrowhead=none, color=\"#999999\"];\n", dotID(se.id()), dotID(id))
		p("\t%s -> %s [style=dashed, color=\"#999999\"];\n", dotID(id), dotID(oe.id()))
		if dn := v.docs[st.doc]; dn != nil {
			p("\t%s -> %s [style=dotted, color=\"#bbbbbb\"];\n", dotID(id), dotID("doc:"+dn.doc.ID))
		}
	}
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// writeSVG renders in process with go-graphviz (Graphviz compiled to wasm).
func writeSVG(w io.Writer, v *view, provenance bool) error {
	layout := layoutFor(v, provenance)
	var buf bytes.Buffer
	if err := writeDOT(&buf, v, provenance, layout); err != nil {
		return err
	}
	ctx := context.Background()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(buf.Bytes())
	if err != nil {
		return fmt.Errorf("svg: parse dot: %w", err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(layout))
	if err := gv.Render(ctx, g, graphviz.SVG, w); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	return nil
}

// errNoDot is returned for PNG export without GraphViz installed:
// go-graphviz's own PNG rasteriser draws broken images.
var errNoDot = errors.New("png export needs GraphViz's dot on PATH (Debian: apt-get install graphviz)")

// writePNG renders through the dot binary.
func writePNG(w io.Writer, v *view, provenance bool) error {
	dot, err := exec.LookPath("dot")
	if err != nil {
		return errNoDot
	}
	layout := layoutFor(v, provenance)
	var in bytes.Buffer
	if err := writeDOT(&in, v, provenance, layout); err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd := exec.Command(dot, "-Tpng", "-K"+layout)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = &in, w, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("png: dot: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
