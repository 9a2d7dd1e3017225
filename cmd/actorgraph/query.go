package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/schema"
)

func queryCmd(e *env) *cobra.Command {
	var (
		db      string
		limit   int
		timeout time.Duration
		table   bool
		file    string
	)
	cmd := &cobra.Command{
		Use:   "query [GIZMO|-]",
		Short: "Run a Gizmo query against the store",
		Long: `Query runs a Gizmo (JavaScript) query, given as the argument, read from a file
with -f, or from standard input with "-", and prints its results as one JSON
array, or with --table as an aligned table of the tags. Return results with
.all(), .getLimit(n) or g.emit(value).`,
		Example: `  actorgraph query 'g.V("<https://actorgraph.dev/id/kataib-hezbollah>").out().all()'
  actorgraph query --table -f queries/backers.js`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			var src string
			switch {
			case file != "" && len(a) > 0:
				return usagef("give the query as an argument or with -f, not both")
			case file != "":
				b, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				src = string(b)
			case len(a) == 0:
				return usagef("no query: give it as an argument, with -f FILE, or - for standard input")
			case a[0] == "-":
				b, err := io.ReadAll(e.stdin)
				if err != nil {
					return fmt.Errorf("read query: %w", err)
				}
				src = string(b)
			default:
				src = a[0]
			}
			if strings.TrimSpace(src) == "" {
				return usagef("empty query")
			}
			if limit < 0 {
				return usagef("--limit %d: want 0 (no limit) or more", limit)
			}
			store, err := openExisting(db)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx := cmd.Context()
			if timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, timeout)
				defer cancel()
			}
			res, err := store.Query(ctx, src, limit)
			if err != nil {
				if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
					return fmt.Errorf("query timed out after %v", timeout)
				}
				return err
			}
			// Meta results (the value of the script's last expression)
			// come back as nil.
			res = slices.DeleteFunc(res, func(v any) bool { return v == nil })
			if table {
				return writeTable(e.stdout, res)
			}
			if res == nil {
				res = []any{}
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().IntVar(&limit, "limit", 100, "at most `N` results; 0 for no limit")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "give up after `D` (0 for never)")
	cmd.Flags().BoolVar(&table, "table", false, "print the tagged results as an aligned table")
	cmd.Flags().StringVarP(&file, "file", "f", "", "read the query from `FILE`")
	return cmd
}

// writeTable prints results as a table with a column per tag, "id" first
// and the others sorted. Results that are not tag maps (values given to
// g.emit) get a single "value" column.
func writeTable(w io.Writer, res []any) error {
	cols := map[string]bool{}
	for _, r := range res {
		if m, ok := r.(map[string]any); ok {
			for k := range m {
				cols[k] = true
			}
		} else {
			cols["value"] = true
		}
	}
	var names []string
	for k := range cols {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int {
		if (a == "id") != (b == "id") {
			if a == "id" {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(names, "\t")))
	for _, r := range res {
		m, ok := r.(map[string]any)
		if !ok {
			m = map[string]any{"value": r}
		}
		cells := make([]string, len(names))
		for i, k := range names {
			if v, ok := m[k]; ok {
				cells[i] = cell(v)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	fmt.Fprintf(tw, "(%d results)\n", len(res))
	return tw.Flush()
}

// cell formats one value for a table: strings bare, typed literals by
// their value, IRIs of actorgraph's entities shortened, other values as
// JSON.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return shortIRI(lexical(v))
	case fmt.Stringer:
		return shortIRI(v.String())
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// shortIRI writes actorgraph's IRIs in a table the short way people read
// them: "<https://actorgraph.dev/id/iran>" as "iran", a term as "ag:memberOf".
func shortIRI(s string) string {
	in, ok := strings.CutPrefix(s, "<")
	if !ok || !strings.HasSuffix(in, ">") {
		return strings.ReplaceAll(s, "\n", " ")
	}
	in = strings.TrimSuffix(in, ">")
	for _, p := range []struct{ base, short string }{
		{schema.EntityBase, ""},
		{schema.NS, "ag:"},
		{schema.DocBase, "doc:"},
		{schema.StatementBase, "stmt:"},
	} {
		if rest, ok := strings.CutPrefix(in, p.base); ok {
			return p.short + rest
		}
	}
	return s
}

// lexical returns the value of a literal written in N-Quads syntax, as
// Gizmo's JSON gives typed and language-tagged literals:
// "\"2020-01-03\"^^<http://www.w3.org/2001/XMLSchema#date>" → 2020-01-03.
func lexical(s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	end := strings.LastIndex(s, `"`)
	if end == 0 {
		return s
	}
	rest := s[end+1:]
	if !strings.HasPrefix(rest, "^^<") && !strings.HasPrefix(rest, "@") {
		return s
	}
	if v, err := strconv.Unquote(s[:end+1]); err == nil {
		return v
	}
	return s[1:end]
}
