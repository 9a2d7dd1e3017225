// Package graph owns everything Cayley: it turns extractions into quads,
// opens, loads and queries the quad store, and exports the graph as N-Quads,
// JSON-LD, GraphML, DOT, SVG and PNG. It is the only package of actorgraph
// that imports Cayley; it imports schema and must not import extract, data or
// cmd.
package graph

import (
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

// Format is an export format.
type Format string

// The export formats.
const (
	NQuads  Format = "nquads"
	JSONLD  Format = "jsonld"
	GraphML Format = "graphml"
	DOT     Format = "dot"
	SVG     Format = "svg"
	PNG     Format = "png"
)

// Formats lists every format in a fixed order.
var Formats = []Format{NQuads, JSONLD, GraphML, DOT, SVG, PNG}

// ParseFormat returns the Format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want nquads, jsonld, graphml, dot, svg or png)", s)
}

// ExportOptions select what Write and Export write.
type ExportOptions struct {
	Focus      string // entity name, alias or IRI; "" for the whole graph
	Depth      int    // hops around Focus (default 1 when Focus is set)
	From, To   string // keep only event facts dated within [From, To]: YYYY, YYYY-MM or YYYY-MM-DD; "" = open
	Provenance bool   // DOT/SVG/PNG: also draw documents and statements
}

// ErrNotFound is returned, wrapped, for a document or entity that is not there.
var ErrNotFound = errors.New("not found")

// Write writes quads in format f. nquads/jsonld/graphml write the quads;
// dot/svg/png draw the entity graph.
//
// With opt.Focus set only the entities within opt.Depth direct-fact hops of
// the focus are kept, with their documents and the statements between them.
// With opt.From or opt.To set, event facts (direct edges and reified
// statements) are kept only when dated within the range; standing relations
// stay.
func Write(w io.Writer, f Format, qs []quad.Quad, opt ExportOptions) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	if opt.Focus == "" && opt.From == "" && opt.To == "" && f == NQuads {
		return WriteNQuads(w, qs)
	}
	v, err := newView(qs).filter(opt)
	if err != nil {
		return err
	}
	switch f {
	case NQuads:
		return WriteNQuads(w, v.quads)
	case JSONLD:
		return writeJSONLD(w, v.quads)
	case GraphML:
		return writeGraphML(w, v)
	case DOT:
		return writeDOT(w, v, opt.Provenance, layoutFor(v, opt.Provenance))
	case SVG:
		return writeSVG(w, v, opt.Provenance)
	default:
		return writePNG(w, v, opt.Provenance)
	}
}
