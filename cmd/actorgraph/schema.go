package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/schema"
)

func schemaCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the ontology: entity types and predicates",
		Long: `Schema prints the graph contract: as N-Quads (RDFS classes and properties with
their domain, range, CAMEO and PLOVER codes), or with --format table as tables
of entity types and predicates for people.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "nquads":
				bw := bufio.NewWriter(e.stdout)
				if err := graph.WriteNQuads(bw, graph.Ontology()); err != nil {
					return err
				}
				return bw.Flush()
			case "table":
				return writeSchemaTable(e.stdout)
			}
			return usagef("--format %q: want nquads or table", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "nquads", "`format`: nquads or table")
	return cmd
}

func writeSchemaTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tACTOR\tDESCRIPTION")
	for _, t := range schema.EntityTypes {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t, yes(t.IsActor()), t.Description())
	}
	fmt.Fprintln(tw)
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PREDICATE\tDOMAIN\tRANGE\tSYMMETRIC\tEVENT\tCAMEO\tPLOVER\tDESCRIPTION")
	for _, p := range schema.Predicates() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Name, types(p.Domain), types(p.Range),
			yes(p.Symmetric), yes(p.Event), dash(p.CAMEO), dash(p.PLOVER), p.Description)
	}
	return tw.Flush()
}

// types writes a list of types compactly; the full list of actors or of
// organisations is common, so it gets a name.
func types(ts []schema.EntityType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ",")
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "-"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
