package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
)

func retractCmd(e *env) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "retract DOC...",
		Short: "Remove documents, and exactly what they contributed, from the store",
		Long: `Retract removes every quad the documents with the given IDs contributed. What
other documents say about the same actors stays. An ID the store does not hold
is an error; the other IDs are still retracted.`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, ids []string) error {
			store, err := openExisting(db)
			if err != nil {
				return err
			}
			defer store.Close()
			failed := false
			for _, id := range ids {
				n, err := store.Retract(cmd.Context(), id)
				switch {
				case errors.Is(err, graph.ErrNotFound):
					fmt.Fprintf(e.stderr, "actorgraph: retract %s: no such document\n", id)
					failed = true
				case err != nil:
					return fmt.Errorf("retract %s: %w", id, err)
				default:
					fmt.Fprintf(e.stdout, "retracted %s (%d quads)\n", id, n)
				}
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	addDBFlag(cmd, &db)
	return cmd
}
