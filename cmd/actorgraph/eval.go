package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/eval"
	"github.com/actorgraph/actorgraph/graph"
)

func evalCmd(e *env) *cobra.Command {
	var (
		rf       readFlags
		gold     string
		entities string
		verbose  bool
		asJSON   bool
	)
	cmd := &cobra.Command{
		Use:   "eval --gold DIR [--entities FILE] PATH...",
		Short: "Score extraction against gold annotations",
		Long: `Eval extracts the articles at PATH (or reads N-Quads from .nq files) and scores
the facts and entities against the gold files in DIR (one NAME.gold per
document NAME), the way the team's score.py does, with the same output. The
entity registry is --entities, by default entities.tsv in DIR or beside it.`,
		Example: `  actorgraph eval --gold data/eval/gold data/samples
  actorgraph eval --gold data/eval/gold -v graph.nq`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, paths []string) error {
			opt, err := rf.options()
			if err != nil {
				return err
			}
			if gold == "" {
				return usagef("--gold DIR is required")
			}
			e.extractGC()
			golds, err := eval.LoadGold(os.DirFS(gold))
			if err != nil {
				return fmt.Errorf("gold %s: %w", gold, err)
			}
			regPath := entities
			if regPath == "" {
				if regPath, err = findEntities(gold); err != nil {
					return err
				}
			}
			regFile, err := os.Open(regPath)
			if err != nil {
				return fmt.Errorf("entities: %w", err)
			}
			reg, err := eval.LoadRegistry(regFile)
			regFile.Close()
			if err != nil {
				return fmt.Errorf("entities %s: %w", regPath, err)
			}

			var nq bytes.Buffer
			var articles []string
			for _, p := range paths {
				if ext := strings.ToLower(filepath.Ext(p)); ext == ".nq" || ext == ".nquads" {
					b, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					nq.Write(b)
					continue
				}
				articles = append(articles, p)
			}
			failed := 0
			if len(articles) > 0 {
				p := pipeline{e: e, paths: articles, opt: opt, jobs: rf.jobs,
					encode: graph.AppendNQuads}
				err := p.run(cmd.Context(), func(it item) error {
					if it.err != nil {
						failed++
						fmt.Fprintf(e.stderr, "actorgraph: %s\n", oneLine(it.err))
						return nil
					}
					_, err := nq.Write(it.out)
					return err
				})
				if err != nil {
					return err
				}
			}
			res, err := eval.Score(reg, golds, nq.Bytes())
			if err != nil {
				return fmt.Errorf("score: %w", err)
			}
			if asJSON {
				err = res.WriteJSON(e.stdout)
			} else {
				err = res.Write(e.stdout, verbose)
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
	cmd.Flags().StringVar(&gold, "gold", "", "`DIR` of NAME.gold files")
	cmd.Flags().StringVar(&entities, "entities", "", "entity registry `FILE` (entities.tsv)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list the missed and spurious facts of each document")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	return cmd
}

// findEntities looks for the registry where the shared eval set keeps it:
// in the gold directory or beside it.
func findEntities(gold string) (string, error) {
	for _, p := range []string{filepath.Join(gold, "entities.tsv"), filepath.Join(filepath.Dir(filepath.Clean(gold)), "entities.tsv")} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("no entities.tsv in %s or beside it: give --entities FILE", gold)
}
