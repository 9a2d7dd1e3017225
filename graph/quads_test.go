package graph

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/google/go-cmp/cmp"
)

func fixtureQuads() []quad.Quad { return append(Quads(strike), Quads(drawdown)...) }

func TestFixturesValid(t *testing.T) {
	for _, x := range []schema.Extraction{strike, drawdown} {
		if err := x.Validate(); err != nil {
			t.Error(err)
		}
	}
}

func nq(t testing.TB, qs []quad.Quad) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteNQuads(&b, qs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestQuadsGolden(t *testing.T) {
	golden(t, "two-docs.nq", nq(t, fixtureQuads()))
	golden(t, "ontology.nq", nq(t, Ontology()))
}

func TestQuadsContract(t *testing.T) {
	for _, x := range []schema.Extraction{strike, drawdown} {
		qs := Quads(x)
		direct, reified := 0, 0
		for _, q := range qs {
			if got := iriOf(q.Label); got != x.Doc.IRI() {
				t.Errorf("%s: quad %v labelled %q", x.Doc.ID, q, got)
			}
			if isFactPredicate(iriOf(q.Predicate)) && iriOf(q.Object) != "" {
				direct++
			}
			if iriOf(q.Object) == rdfStatement {
				reified++
			}
		}
		wantDirect := 0
		for _, s := range x.Statements {
			if s.Modality.Direct() {
				wantDirect++
			}
		}
		if direct != wantDirect || reified != len(x.Statements) {
			t.Errorf("%s: %d direct edges, %d reified; want %d, %d", x.Doc.ID, direct, reified, wantDirect, len(x.Statements))
		}
		// The order is part of the output: shuffling the input must not change it.
		y := x
		y.Entities = slices.Clone(x.Entities)
		y.Statements = slices.Clone(x.Statements)
		slices.Reverse(y.Entities)
		slices.Reverse(y.Statements)
		if diff := cmp.Diff(qs, Quads(y)); diff != "" {
			t.Errorf("%s: order depends on input order (-want +got):\n%s", x.Doc.ID, diff)
		}
	}
}

func TestDateValue(t *testing.T) {
	tests := []struct {
		in   string
		want quad.Value
	}{
		{"2020-01-03", typed("2020-01-03", xsdDate)},
		{"2020-01", typed("2020-01", xsdGYearMonth)},
		{"2020", typed("2020", xsdGYear)},
		{"early 2020", quad.String("early 2020")},
		{"2020-13", quad.String("2020-13")},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, dateValue(tt.in)); diff != "" {
			t.Errorf("dateValue(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// readNQuads parses N-Quads with quad's reader.
func readNQuads(t testing.TB, b []byte) []quad.Quad {
	t.Helper()
	r := nquads.NewReader(bytes.NewReader(b), false)
	qs, err := quad.ReadAll(r)
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, b)
	}
	return qs
}

func keys(qs []quad.Quad) []string {
	ks := make([]string, len(qs))
	for i, q := range qs {
		ks[i] = quadKey(q)
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}

func TestWriteNQuadsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		qs   []quad.Quad
		want []quad.Quad // nil: qs
	}{
		{"fixtures", fixtureQuads(), nil},
		{"ontology", Ontology(), nil},
		{"escapes", []quad.Quad{
			{Subject: quad.IRI("https://x.org/a b"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String("q\"uote\\ \n\r\t \x01 \x7f é 😀"), Label: quad.IRI("https://x.org/g")},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.LangString{Value: "hi", Lang: "en"}},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.Int(-7)},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.Bool(true)},
		}, []quad.Quad{
			{Subject: quad.IRI("https://x.org/a%20b"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String("q\"uote\\ \n\r\t \x01 \x7f é 😀"), Label: quad.IRI("https://x.org/g")},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.LangString{Value: "hi", Lang: "en"}},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.Int(-7)},
			{Subject: quad.IRI("https://x.org/a"), Predicate: quad.IRI("https://x.org/p"), Object: quad.Bool(true)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == nil {
				tt.want = tt.qs
			}
			out := nq(t, tt.qs)
			if strings.Contains(string(out), "<xsd:") {
				t.Errorf("short datatype IRI in output:\n%s", out)
			}
			if diff := cmp.Diff(keys(tt.want), keys(readNQuads(t, out))); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			if again := nq(t, readNQuads(t, out)); !bytes.Equal(out, again) {
				t.Errorf("not byte-identical after a round trip:\n%s\n%s", out, again)
			}
		})
	}
}

// TestRapper parses our N-Quads with Raptor, a reader stricter than quad's.
func TestRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not on PATH (Debian: apt-get install raptor2-utils)")
	}
	qs := append(fixtureQuads(), Ontology()...)
	qs = append(qs, quad.Quad{Subject: quad.IRI("https://x.org/a b{}"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String("\x01\x7f\"\\\n")})
	path := filepath.Join(t.TempDir(), "out.nq")
	if err := os.WriteFile(path, nq(t, qs), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(rapper, "-q", "-i", "nquads", "-o", "nquads", path).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper: %v\n%s", err, out)
	}
	if got, want := strings.Count(string(out), "\n"), len(keys(qs)); got != want {
		t.Errorf("rapper read %d quads, want %d", got, want)
	}
}

func FuzzWriteNQuads(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"uote", `back\slash`, "line\nbreak\r", "tab\t", "\x00\x1f\x7f", "é😀", "\\u0041", "\xff", "\xff\xffa\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := quad.Quad{Subject: quad.IRI("https://x.org/s"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String(s), Label: quad.IRI("https://x.org/g")}
		got := readNQuads(t, nq(t, []quad.Quad{q}))
		if len(got) != 1 {
			t.Fatalf("read %d quads, want 1", len(got))
		}
		var want strings.Builder // each invalid byte becomes U+FFFD
		for _, r := range s {
			want.WriteRune(r)
		}
		if lit, ok := got[0].Object.(quad.String); !ok || string(lit) != want.String() {
			t.Errorf("round trip of %q gave %#v", s, got[0].Object)
		}
	})
}
