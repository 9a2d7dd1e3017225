package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/schema"
)

// crashEnv names the variable that makes build exit with code 3, without
// closing the store, after that many committed batches: the tests use it
// to check that a killed build leaves a store that opens and that a re-run
// completes.
const crashEnv = "ACTORGRAPH_CRASH_AFTER"

func buildCmd(e *env) *cobra.Command {
	var (
		rf    readFlags
		db    string
		batch int
	)
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract articles and load them into the store",
		Long: `Build reads articles like extract does and loads what they say into the store,
one transaction per batch of documents; the indexes are written at the end, in
one pass. A document already in the store is replaced when its text changed and
left alone otherwise, so building twice from the same files changes nothing.
Documents that cannot be read are reported and skipped; the others are still
loaded, and the exit code is 1. A killed build keeps every committed batch: the
next command to open the store writes the indexes it had left.`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, paths []string) error {
			opt, err := rf.options()
			if err != nil {
				return err
			}
			if batch < 1 {
				return usagef("--batch %d: want at least 1", batch)
			}
			crashAfter := 0
			if v := e.getenv(crashEnv); v != "" {
				if crashAfter, err = strconv.Atoi(v); err != nil {
					return fmt.Errorf("%s=%q: not a number", crashEnv, v)
				}
			}
			// bolt's transactions make short-lived garbage too; the
			// heap limit is for their dirty pages. A batch of 128
			// documents was the fastest at 10M quads (256 made the
			// collector run against the limit).
			e.tuneGC(400, 384<<20)
			start := time.Now()
			ctx := cmd.Context()
			// No fsync per batch: a killed build still leaves every
			// committed batch in the file, and Close syncs it.
			// Bulk: the indexes are written once, in key order, when the
			// documents are in (or when a document already stored needs
			// them); a killed build's next open writes them.
			store, err := graph.Open("bolt", db, graph.Options{NoSync: true, Bulk: true})
			if err != nil {
				return fmt.Errorf("open store %s: %w", db, err)
			}
			defer store.Close()

			bar := progressbar.NewOptions(-1,
				progressbar.OptionSetWriter(e.stderr),
				progressbar.OptionSetVisibility(isTerminal(e.stderr)),
				progressbar.OptionSetDescription("building"),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish(),
			)
			var (
				pending []schema.Extraction
				counts  [3]int // by graph.LoadStatus
				failed  int
				commits int
			)
			flush := func() error {
				if len(pending) == 0 {
					return nil
				}
				statuses, _, err := store.Load(ctx, pending...)
				if err != nil {
					return fmt.Errorf("load batch of %d documents from %s: %w", len(pending), pending[0].Doc.Source, err)
				}
				for _, s := range statuses {
					if int(s) >= 0 && int(s) < len(counts) {
						counts[s]++
					}
				}
				bar.Add(len(pending))
				pending = pending[:0]
				commits++
				if crashAfter > 0 && commits == crashAfter {
					// A simulated kill: no Close, no summary.
					fmt.Fprintf(e.stderr, "actorgraph: %s=%d: exiting after %d batches\n", crashEnv, crashAfter, commits)
					os.Exit(exitCrash)
				}
				return nil
			}
			p := pipeline{e: e, paths: paths, opt: opt, jobs: rf.jobs}
			err = p.run(ctx, func(it item) error {
				if it.err != nil {
					failed++
					bar.Clear()
					fmt.Fprintf(e.stderr, "actorgraph: %s\n", oneLine(it.err))
					return nil
				}
				pending = append(pending, it.x)
				if len(pending) >= batch {
					return flush()
				}
				return nil
			})
			if err == nil {
				err = flush()
			}
			bar.Finish()
			if err != nil {
				return err
			}
			st, err := store.Stats(ctx)
			if err != nil {
				return fmt.Errorf("stats: %w", err)
			}
			added, replaced, unchanged := counts[graph.Added], counts[graph.Replaced], counts[graph.Unchanged]
			fmt.Fprintf(e.stdout, "built %d documents (%d added, %d replaced, %d unchanged, %d failed): %d entities, %d facts, %d quads in %.1fs\n",
				added+replaced+unchanged+failed, added, replaced, unchanged, failed,
				st.Entities, st.Facts, st.Quads, time.Since(start).Seconds())
			if failed > 0 {
				return errReported
			}
			return nil
		},
	}
	rf.add(cmd)
	addDBFlag(cmd, &db)
	cmd.Flags().IntVar(&batch, "batch", 128, "load `N` documents per transaction")
	return cmd
}
