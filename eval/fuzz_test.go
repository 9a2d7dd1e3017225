package eval

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addFixtureSeeds seeds a fuzz target with the start of each fixture: short
// seeds keep the minimisation of what the fuzzer finds quick.
func addFixtureSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data[:min(len(data), 512)])
		}
	}
}

// FuzzParseNQuads checks that the tokenizer never panics, that every quad it
// returns has non-empty terms that re-tokenize to themselves, and that the
// scorer and its writers accept whatever it returns.
func FuzzParseNQuads(f *testing.F) {
	addFixtureSeeds(f, "quads/*.nq")
	f.Add([]byte(`<a> <b> "c\"\u00e9"@en <g> .`))
	f.Add([]byte("_:x\u00a0<p> \"\xff\" .\r\n"))
	reg, err := LoadRegistry(strings.NewReader(tinyRegistry))
	if err != nil {
		f.Fatal(err)
	}
	gold := map[string]Gold{"g": {Mentioned: map[string]bool{"iran": true}}, "doc": {}}
	f.Fuzz(func(t *testing.T, data []byte) {
		quads, skipped := ParseNQuads(data)
		for _, q := range quads {
			terms := []string{q.Subject, q.Predicate, q.Object}
			if q.Graph != "" {
				terms = append(terms, q.Graph)
			}
			for _, term := range terms {
				if term == "" || !utf8.ValidString(term) {
					t.Fatalf("bad term %q in %+v", term, q)
				}
			}
			got, ok := tokenizeLine(strings.Join(terms, " ") + " .")
			if !ok || strings.Join(got, "\x00") != strings.Join(terms, "\x00") {
				t.Fatalf("quad %+v re-tokenizes as %q (ok %v)", q, got, ok)
			}
			unescapeLiteral(q.Object)
		}
		for i := 1; i < len(skipped); i++ {
			if skipped[i] <= skipped[i-1] {
				t.Fatalf("skipped lines out of order: %v", skipped)
			}
		}
		res, err := Score(reg, gold, data)
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Write(io.Discard, true); err != nil {
			t.Fatal(err)
		}
		if err := res.WriteJSON(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzParseGold checks that the gold parser never panics and that its errors
// name the file.
func FuzzParseGold(f *testing.F) {
	addFixtureSeeds(f, "gold/*.gold")
	f.Add([]byte("FO a memberOf b\n"))
	f.Add([]byte("M a\rN a alliedWith b # x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGold(strings.NewReader(string(data)), "f.gold")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.gold") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, set := range []map[Fact]bool{g.Facts, g.Optional, g.NotAsserted} {
			for fact := range set {
				if symmetric[fact.Class] && fact.Object < fact.Subject {
					t.Fatalf("symmetric fact not ordered: %v", fact)
				}
			}
		}
	})
}

// FuzzRegistry checks that loading a registry and looking names up never
// panics.
func FuzzRegistry(f *testing.F) {
	addFixtureSeeds(f, "entities.tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := LoadRegistry(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		for _, id := range reg.IDs() {
			reg.Lookup(id)
		}
	})
}
