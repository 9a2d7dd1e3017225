package graph

import (
	"context"
	"errors"
	"strings"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers "gizmo"
)

// QueryError wraps a Gizmo syntax or runtime error, or the expiry of the
// query's deadline, with a clear message (no stack trace).
type QueryError struct {
	Err error
}

func (e *QueryError) Error() string {
	if errors.Is(e.Err, context.DeadlineExceeded) {
		return "gizmo: query timed out"
	}
	if errors.Is(e.Err, context.Canceled) {
		return "gizmo: query cancelled"
	}
	return "gizmo: " + cleanJSError(e.Err.Error())
}

func (e *QueryError) Unwrap() error { return e.Err }

// cleanJSError keeps the first line of a goja error: the rest is a stack
// trace of the script ("at <eval>:1:5(3)").
func cleanJSError(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n")
	msg, _, _ = strings.Cut(msg, " at ")
	return strings.TrimSpace(msg)
}

// Query runs a Gizmo query with at most limit results (limit <= 0: no
// limit). The deadline of ctx is enforced: Cayley v0.7.7's Gizmo honours it
// only through the ctx passed to the iterator's Next. Results are JSON-ready
// values as in Gizmo's JSON output (map[string]any for tagged results,
// "<iri>" strings for IRI nodes, bare strings and numbers for literals);
// nil results (the value of the script's last expression) are dropped.
// Errors are *QueryError.
func (s *Store) Query(ctx context.Context, gizmo string, limit int) ([]any, error) {
	if err := s.readLock(); err != nil {
		return nil, &QueryError{Err: err}
	}
	defer s.mu.RUnlock()
	if err := ctx.Err(); err != nil {
		return nil, &QueryError{Err: err}
	}
	qs := s.gizmo
	if ps, ok := qs.(*plannedStore); ok {
		v := ps.view()
		defer v.close()
		qs = v
	}
	it, err := query.Execute(ctx, qs, "gizmo", gizmo, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, &QueryError{Err: err}
	}
	defer it.Close()
	var out []any
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, &QueryError{Err: err}
	}
	if err := it.Err(); err != nil {
		return nil, &QueryError{Err: err}
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}
