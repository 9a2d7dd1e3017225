package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
)

func exportCmd(e *env) *cobra.Command {
	var (
		db     string
		format string
		out    string
		opt    graph.ExportOptions
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph, or the neighbourhood of one actor, as N-Quads, JSON-LD, GraphML, DOT, SVG or PNG",
		Long: `Export writes the store's graph. N-Quads, JSON-LD and GraphML carry every quad,
provenance included; DOT, SVG and PNG draw the actors and their relations (SVG
and PNG need GraphViz's dot on PATH). --focus keeps the actors within --depth
hops of one actor; --from and --to keep only the events dated in that range.`,
		Example: `  actorgraph export --format nquads -o graph.nq
  actorgraph export --format svg --focus "Kataib Hezbollah" --depth 2 -o kh.svg
  actorgraph export --format dot --from 2020-01 --to 2020-01-31 --provenance`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := graph.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			if opt.Depth < 0 {
				return usagef("--depth %d: want 0 or more", opt.Depth)
			}
			store, err := openExisting(db)
			if err != nil {
				return err
			}
			defer store.Close()
			w, done, err := output(e, out)
			if err != nil {
				return err
			}
			bw := bufio.NewWriter(w)
			err = store.Export(cmd.Context(), bw, f, opt)
			if err == nil {
				err = bw.Flush()
			}
			if cerr := done(err != nil); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("export %s: %w", f, err)
			}
			return nil
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&format, "format", string(graph.NQuads), "`format`: nquads, jsonld, graphml, dot, svg or png")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().StringVar(&opt.Focus, "focus", "", "only the neighbourhood of the actor with this `NAME`, alias or IRI")
	cmd.Flags().IntVar(&opt.Depth, "depth", 1, "with --focus, how many `hops` around the actor")
	cmd.Flags().StringVar(&opt.From, "from", "", "only events on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&opt.To, "to", "", "only events on or before `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().BoolVar(&opt.Provenance, "provenance", false, "dot, svg, png: also draw the documents and statements behind the edges")
	return cmd
}
