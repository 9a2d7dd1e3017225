package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
)

func explainCmd(e *env) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "explain NAME",
		Short: "Show what the graph knows about an actor, and the evidence for each fact",
		Long: `Explain finds the actor with the given name, alias or ID and prints its type,
ID and aliases, the documents that mention it and every fact about it with its
modality, date, source document and the sentence it was read from.`,
		Example: `  actorgraph explain "Kataib Hezbollah"
  actorgraph explain KH`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			name := strings.Join(a, " ")
			store, err := openExisting(db)
			if err != nil {
				return err
			}
			defer store.Close()
			ex, err := store.Explain(cmd.Context(), name)
			if errors.Is(err, graph.ErrNotFound) {
				return fmt.Errorf("explain %q: no such actor in %s", name, db)
			}
			if err != nil {
				return fmt.Errorf("explain %q: %w", name, err)
			}
			writeExplanation(e.stdout, ex)
			return nil
		},
	}
	addDBFlag(cmd, &db)
	return cmd
}

func writeExplanation(w io.Writer, ex graph.Explanation) {
	en := ex.Entity
	fmt.Fprintf(w, "%s\n", en.Name)
	fmt.Fprintf(w, "  type:      %s\n", en.Type)
	fmt.Fprintf(w, "  id:        %s\n", en.ID)
	if len(en.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases:   %s\n", strings.Join(en.Aliases, "; "))
	}
	docs := slices.Clone(ex.Documents)
	slices.Sort(docs)
	fmt.Fprintf(w, "  documents: %d", len(docs))
	if len(docs) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(docs, ", "))
	}
	fmt.Fprintln(w)
	facts := slices.Clone(ex.Facts)
	slices.SortFunc(facts, func(a, b graph.Fact) int {
		return cmp.Or(
			cmp.Compare(a.Date, b.Date),
			cmp.Compare(a.Doc, b.Doc),
			cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Predicate, b.Predicate),
			cmp.Compare(a.Object, b.Object),
			cmp.Compare(a.Modality, b.Modality),
			cmp.Compare(a.Rule, b.Rule),
		)
	})
	fmt.Fprintf(w, "\n%d facts\n", len(facts))
	for _, f := range facts {
		fmt.Fprintf(w, "\n  %s %s %s\n", f.Subject, f.Predicate, f.Object)
		meta := []string{string(f.Modality)}
		if f.Date != "" {
			d := f.Date
			if f.DateRaw != "" {
				d += fmt.Sprintf(" (%q)", f.DateRaw)
			}
			meta = append(meta, d)
		}
		for _, n := range []struct {
			label string
			n     int
		}{{"killed", f.Killed}, {"wounded", f.Wounded}, {"troops", f.Troops}} {
			if n.n > 0 {
				meta = append(meta, fmt.Sprintf("%s %d", n.label, n.n))
			}
		}
		fmt.Fprintf(w, "    %s\n", strings.Join(meta, ", "))
		src := fmt.Sprintf("%s, bytes %s", f.Doc, f.Span)
		if f.Rule != "" {
			src += ", rule " + f.Rule
		}
		fmt.Fprintf(w, "    source: %s\n", src)
		if f.Sentence != "" {
			fmt.Fprintf(w, "    %q\n", f.Sentence)
		}
	}
}
