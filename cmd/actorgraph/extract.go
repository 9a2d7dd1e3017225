package main

import (
	"bufio"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
)

func extractCmd(e *env) *cobra.Command {
	var (
		rf     readFlags
		out    string
		format string
	)
	cmd := &cobra.Command{
		Use:   "extract [PATH...|-]",
		Short: "Extract the graph of articles and write it, without touching a store",
		Long: `Extract reads articles from files, directories (walked for .txt, .md, .html,
.htm, .jsonl and .ndjson files) or standard input ("-", the default) and writes
the quads extracted from them: N-Quads by default, one document after the other
in input order, the same bytes on every run.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, paths []string) error {
			opt, err := rf.options()
			if err != nil {
				return err
			}
			f, err := graph.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			e.extractGC()
			if len(paths) == 0 {
				paths = []string{"-"}
			}
			w, done, err := output(e, out)
			if err != nil {
				return err
			}
			bw := bufio.NewWriter(w)
			failed := 0
			var all []quad.Quad // only for the formats that need the whole graph
			p := pipeline{e: e, paths: paths, opt: opt, jobs: rf.jobs}
			if f == graph.NQuads {
				// N-Quads stream: the workers write each document's
				// N-Quads, and each is written out as soon as it and
				// every document before it are done.
				p.encode = graph.AppendNQuads
			}
			err = p.run(cmd.Context(), func(it item) error {
				if it.err != nil {
					failed++
					fmt.Fprintf(e.stderr, "actorgraph: %s\n", oneLine(it.err))
					return nil
				}
				if f == graph.NQuads {
					_, err := bw.Write(it.out)
					return err
				}
				all = append(all, graph.Quads(it.x)...)
				return nil
			})
			if err == nil && f != graph.NQuads {
				err = graph.Write(bw, f, all, graph.ExportOptions{})
			}
			if err == nil {
				err = bw.Flush()
			}
			if cerr := done(err != nil); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				return errReported
			}
			return nil
		},
	}
	rf.add(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().StringVar(&format, "format", string(graph.NQuads), "output `format`: nquads, jsonld, graphml, dot, svg or png")
	return cmd
}
