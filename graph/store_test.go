package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// backends opens one store per backend for a test.
func backends(*testing.T) map[string]func(*testing.T) *Store {
	open := func(t *testing.T, backend, path string, bulk ...bool) *Store {
		s, err := Open(backend, path, Options{NoSync: true, Bulk: len(bulk) > 0})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return map[string]func(*testing.T) *Store{
		"memory": func(t *testing.T) *Store { return open(t, "memory", "") },
		"bolt": func(t *testing.T) *Store {
			skipBoltUnderRace(t)
			return open(t, "bolt", t.TempDir())
		},
		// Loads leave their indexes pending (bulk.go) until something
		// reads the store.
		"bolt-bulk": func(t *testing.T) *Store {
			skipBoltUnderRace(t)
			return open(t, "bolt", t.TempDir(), true)
		},
	}
}

func skipBoltUnderRace(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("boltdb/bolt v1.3.1 fails -race's checkptr; run with -gcflags=all=-d=checkptr=0")
	}
}

// stored returns the N-Quads of everything in the store.
func stored(t *testing.T, s *Store) string {
	t.Helper()
	qs, err := s.all(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return string(nq(t, qs))
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	changed := strike
	changed.Doc.Hash = "aaaa000000000009"
	changed.Statements = changed.Statements[:2]
	rehashed := drawdown // new hash, same quads but the hash quad
	rehashed.Doc.Hash = "bbbb000000000003"

	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			steps := []struct {
				name  string
				xs    []schema.Extraction
				want  []LoadStatus
				added int
				nq    []quad.Quad // the store afterwards
			}{
				{"add", []schema.Extraction{strike, drawdown}, []LoadStatus{Added, Added}, len(Quads(strike)) + len(Quads(drawdown)), fixtureQuads()},
				{"again", []schema.Extraction{strike, drawdown}, []LoadStatus{Unchanged, Unchanged}, 0, fixtureQuads()},
				{"replace", []schema.Extraction{changed}, []LoadStatus{Replaced}, 1, append(Quads(changed), Quads(drawdown)...)},
				{"rehash", []schema.Extraction{rehashed}, []LoadStatus{Replaced}, 1, append(Quads(changed), Quads(rehashed)...)},
				{"twice in one call", []schema.Extraction{strike, strike}, []LoadStatus{Replaced, Unchanged}, newQuads(Quads(changed), Quads(strike)), append(Quads(strike), Quads(rehashed)...)},
			}
			for _, st := range steps {
				got, added, err := s.Load(ctx, st.xs...)
				if err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				if diff := cmp.Diff(st.want, got); diff != "" {
					t.Errorf("%s: statuses (-want +got):\n%s", st.name, diff)
				}
				if added != st.added {
					t.Errorf("%s: added %d quads, want %d", st.name, added, st.added)
				}
				if diff := cmp.Diff(string(nq(t, st.nq)), stored(t, s)); diff != "" {
					t.Errorf("%s: store (-want +got):\n%s", st.name, diff)
				}
			}
		})
	}
}

// newQuads counts the quads of b not in a.
func newQuads(a, b []quad.Quad) int {
	old := quadSet(a)
	n := 0
	for _, k := range keys(b) {
		if !old[k] {
			n++
		}
	}
	return n
}

func TestRetract(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			if _, _, err := s.Load(ctx, strike, drawdown); err != nil {
				t.Fatal(err)
			}
			n, err := s.Retract(ctx, strike.Doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := len(Quads(strike)); n != want {
				t.Errorf("retracted %d quads, want %d", n, want)
			}
			if diff := cmp.Diff(string(nq(t, Quads(drawdown))), stored(t, s)); diff != "" {
				t.Errorf("store after retract (-want +got):\n%s", diff)
			}
			// United States is still mentioned by the other document.
			x, err := s.Explain(ctx, "United States")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{drawdown.Doc.ID}, x.Documents); diff != "" {
				t.Errorf("documents of United States (-want +got):\n%s", diff)
			}
			// Qasem Soleimani was only in the retracted one.
			if _, err := s.Explain(ctx, "Qasem Soleimani"); !errors.Is(err, ErrNotFound) {
				t.Errorf("Explain(retracted entity) = %v, want ErrNotFound", err)
			}
			if _, err := s.Retract(ctx, strike.Doc.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("second Retract = %v, want ErrNotFound", err)
			}
			if _, err := s.Retract(ctx, drawdown.Doc.ID); err != nil {
				t.Fatal(err)
			}
			if got := stored(t, s); got != "" {
				t.Errorf("store not empty after retracting everything:\n%s", got)
			}
		})
	}
}

func TestReopen(t *testing.T) {
	skipBoltUnderRace(t)
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open("bolt", dir, Options{NoSync: true}) // synced by Close
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Load(ctx, strike, drawdown); err != nil {
		t.Fatal(err)
	}
	if _, err := Open("bolt", dir, Options{}); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second Open of an open store = %v, want an in-use error", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	s, err = Open("bolt", dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(string(nq(t, fixtureQuads())), stored(t, s)); diff != "" {
		t.Errorf("store after reopen (-want +got):\n%s", diff)
	}
	got, _, err := s.Load(ctx, strike)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]LoadStatus{Unchanged}, got); diff != "" {
		t.Errorf("Load after reopen (-want +got):\n%s", diff)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, tt := range []struct{ backend, path, want string }{
		{"memory", "x", "path must be empty"},
		{"bolt", "", "no path"},
		{"mongo", "", "unknown backend"},
	} {
		if _, err := Open(tt.backend, tt.path, Options{}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q, %q) = %v, want error with %q", tt.backend, tt.path, err, tt.want)
		}
	}
}

func loaded(t *testing.T, open func(*testing.T) *Store) *Store {
	t.Helper()
	s := open(t)
	if _, _, err := s.Load(context.Background(), strike, drawdown); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDocumentsAndStats(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := loaded(t, open)
			docs, err := s.Documents(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]schema.Document{strike.Doc, drawdown.Doc}, docs); diff != "" {
				t.Errorf("Documents (-want +got):\n%s", diff)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := Stats{Documents: 2, Entities: 7, Facts: 6, Statements: 8, Quads: len(fixtureQuads())}
			if diff := cmp.Diff(want, st); diff != "" {
				t.Errorf("Stats (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := loaded(t, open)
			tests := []struct {
				name, q string
				limit   int
				want    []any
			}{
				{"nodes", `g.V("<https://actorgraph.dev/id/nato>").out("<https://actorgraph.dev/ns#withdrewFrom>").all()`, 10,
					[]any{map[string]any{"id": "<https://actorgraph.dev/id/iraq>"}}},
				{"tags", `g.V().has("<https://schema.org/name>", "NATO").tag("e").out("<https://schema.org/alternateName>").tag("alias").all()`, 10,
					[]any{map[string]any{"id": "North Atlantic Treaty Organization", "alias": "North Atlantic Treaty Organization", "e": "<https://actorgraph.dev/id/nato>"}}},
				{"emit", `g.emit(g.V("<https://actorgraph.dev/id/iraq>").in("<https://actorgraph.dev/ns#mentionedIn>").count()); g.emit("x")`, 10, nil},
				{"limit", `g.V("<https://actorgraph.dev/id/iraq>").in().all()`, 2, nil},
			}
			for _, tt := range tests {
				got, err := s.Query(ctx, tt.q, tt.limit)
				if err != nil {
					t.Fatalf("%s: %v", tt.name, err)
				}
				switch tt.name {
				case "emit":
					tt.want = []any{int64(0), "x"}
					if len(got) == 2 {
						tt.want[0] = got[0] // the count is checked to be a number below
						if _, ok := got[0].(int64); !ok {
							t.Errorf("emit: count is %T", got[0])
						}
					}
				case "limit":
					if len(got) != 2 {
						t.Errorf("limit: %d results, want 2", len(got))
					}
					continue
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("%s (-want +got):\n%s", tt.name, diff)
				}
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	s := loaded(t, backends(t)["memory"])
	tests := []struct {
		name, q string
		timeout time.Duration
		want    string
		is      error
	}{
		{"syntax", `g.V(.all()`, time.Minute, "gizmo: SyntaxError", nil},
		{"runtime", `g.V().nosuch()`, time.Minute, "gizmo: TypeError", nil},
		{"timeout", `while (true) {}`, 50 * time.Millisecond, "gizmo: query timed out", context.DeadlineExceeded},
		{"expired", `g.V().all()`, -time.Second, "gizmo: query timed out", context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), tt.timeout)
			defer cancel()
			start := time.Now()
			_, err := s.Query(ctx, tt.q, 10)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("error %v (%T) is not a *QueryError", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line starting %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := loaded(t, open)
			for _, q := range []string{"United States", "US", "USA", "united-states", "<https://actorgraph.dev/id/united-states>", "united states"} {
				x, err := s.Explain(ctx, q)
				if err != nil {
					t.Fatalf("Explain(%q): %v", q, err)
				}
				want := Explanation{
					Entity:    schema.Entity{ID: "united-states", Type: schema.Country, Name: "United States", Aliases: []string{"U.S.", "US", "USA"}},
					Documents: []string{"01_soleimani-strike", "09_coalition-drawdown"},
				}
				if diff := cmp.Diff(want.Entity, x.Entity); diff != "" {
					t.Errorf("Explain(%q).Entity (-want +got):\n%s", q, diff)
				}
				if diff := cmp.Diff(want.Documents, x.Documents); diff != "" {
					t.Errorf("Explain(%q).Documents (-want +got):\n%s", q, diff)
				}
				if len(x.Facts) != 5 {
					t.Errorf("Explain(%q): %d facts, want 5: %+v", q, len(x.Facts), x.Facts)
				}
			}
			x, err := s.Explain(ctx, "Qasem Soleimani")
			if err != nil {
				t.Fatal(err)
			}
			want := []Fact{{Subject: "United States", Predicate: "killed", Object: "Qasem Soleimani", SubjectID: "united-states", ObjectID: "qasem-soleimani",
				Doc: "01_soleimani-strike", Sentence: strike.Statements[0].Sentence, Span: strike.Statements[0].Span, Date: "2020-01-03", DateRaw: "on Friday",
				Modality: schema.Asserted, Rule: "killed.verb", Killed: 1}}
			if diff := cmp.Diff(want, x.Facts); diff != "" {
				t.Errorf("facts of Soleimani (-want +got):\n%s", diff)
			}
			if _, err := s.Explain(ctx, "Atlantis"); !errors.Is(err, ErrNotFound) {
				t.Errorf("Explain(unknown) = %v, want ErrNotFound", err)
			}
		})
	}
}
