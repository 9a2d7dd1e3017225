package extract

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/actorgraph/actorgraph/data"
	"github.com/google/go-cmp/cmp"
)

// TestGazetteerData checks the embedded gazetteer: it loads, and every ID
// an attribute names exists.
func TestGazetteerData(t *testing.T) {
	x := testExtractor(t)
	g := x.Gazetteer()
	if g.Len() < 500 {
		t.Errorf("gazetteer has %d entries, want hundreds", g.Len())
	}
	for _, e := range g.Entries() {
		for key, ids := range e.Facts {
			if key == "from" || key == "to" {
				continue
			}
			for _, id := range ids {
				if _, ok := g.Entry(id); !ok {
					t.Errorf("%s: %s=%s names no entry", e.Source, key, id)
				}
			}
		}
		for _, id := range append(e.NoMerge, e.Metonym) {
			if _, ok := g.Entry(id); id != "" && !ok {
				t.Errorf("%s: %q names no entry", e.Source, id)
			}
		}
	}
}

// TestGazetteerOffices checks the lookups of a state's ministry and a
// region's government that the role rules use.
func TestGazetteerOffices(t *testing.T) {
	g := testExtractor(t).Gazetteer()
	tests := []struct{ state, office, want string }{
		{"iran", "foreign", "iranian-foreign-ministry"},
		{"iraq", "Foreign", ""}, // keys are lower case
		{"iraq", "defence", "iraqi-ministry-of-defense"},
		{"united-kingdom", "defense", "uk-ministry-of-defence"},
		{"iraq", "health", ""},
		{"", "foreign", ""},
	}
	for _, tt := range tests {
		if got := g.Ministry(tt.state, tt.office); got != tt.want {
			t.Errorf("Ministry(%q, %q) = %q, want %q", tt.state, tt.office, got, tt.want)
		}
	}
	if got := g.Government("kurdistan-region"); got != "kurdistan-regional-government" {
		t.Errorf("Government(kurdistan-region) = %q", got)
	}
	if got := g.Government("iraq"); got != "" {
		t.Errorf("Government(iraq) = %q, want none: the state is its own government", got)
	}
	for name, want := range map[string]string{"Iranian Foreign Ministry": "foreign", "Ministry of Foreign Affairs": "foreign", "UK Ministry of Defence": "defense", "Ministry": "", "Foreign Office": ""} {
		if got := ministryOffice(name); got != want {
			t.Errorf("ministryOffice(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestGazetteerMatch(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		want []string // "text=id" for each name mention
	}{
		{"Mustafa al-Kadhimi met Mustafa Al Kadhimi", []string{"Mustafa al-Kadhimi=mustafa-al-kadhimi", "Mustafa Al Kadhimi=mustafa-al-kadhimi"}},
		{"Kata'ib Hizballah and Kataib Hezbollah", []string{"Kata'ib Hizballah=kataib-hezbollah", "Kataib Hezbollah=kataib-hezbollah"}},
		{"the Iraqi parliament voted", []string{"Iraqi parliament=iraqi-parliament"}},
		{"let us see what is done", nil},
		{"US forces and IS fighters", []string{"US=united-states", "IS=islamic-state"}},
		{"the Islamic Resistance in Iraq said", []string{"Islamic Resistance in Iraq=islamic-resistance-in-iraq"}},
		{"the U.S. Embassy in Baghdad", []string{"U.S. Embassy in Baghdad=us-embassy-in-baghdad"}},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, x.vocab)
		var got []string
		for i := 0; i < len(toks); {
			node, n := x.gaz.names.longest(toks, i)
			if node == nil {
				i++
				continue
			}
			e := x.gaz.entries[node.vals[0].entry]
			got = append(got, tt.text[toks[i].Start:toks[i+n-1].End]+"="+e.ID)
			i += n
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestGazetteerErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"columns", "a\tCountry\tA\n", "gazetteer x.tsv:1: 3 columns, want 5"},
		{"type", "a\tPlanet\tA\t\t\n", `gazetteer x.tsv:1: unknown entity type "Planet"`},
		{"duplicate", "a\tCountry\tA\t\t\na\tCountry\tA\t\t\n", `gazetteer x.tsv:2: ID "a" already defined at x.tsv:1`},
		{"attribute", "a\tCountry\tA\t\tin\n", `gazetteer x.tsv:1: attribute "in" is not key=value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadGazetteer(fstest.MapFS{"gazetteer/x.tsv": {Data: []byte(tt.data)}})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

func FuzzGazetteer(f *testing.F) {
	f.Add("kataib-hezbollah\tArmedGroup\tKataib Hezbollah\tKH; Kata'ib Hizballah\tbackedBy=iran; nomerge=hezbollah|iraq\n")
	f.Add("# comment\n\na\tCountry\tA\t\tdemonym=Ay|Ays\n")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := LoadGazetteer(fstest.MapFS{"gazetteer/x.tsv": {Data: []byte(data)}})
		if err != nil {
			return
		}
		for _, e := range g.Entries() {
			if err := e.Entity.Validate(); err != nil {
				t.Fatalf("accepted an invalid entry: %v", err)
			}
			if !strings.Contains(data, e.ID) {
				t.Fatalf("entry %q not in the input", e.ID)
			}
		}
	})
}

// TestCompiledMatching checks that matching by key IDs, which tokens from
// the extractor's tokenizer take, finds what matching by key strings finds,
// at every token of the samples and of hyphenated and dotted names.
// withSamples returns texts followed by the texts of data/samples.
func withSamples(t *testing.T, texts ...string) []string {
	t.Helper()
	files, err := fs.Glob(data.FS, "samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("samples: %d files, %v", len(files), err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(data.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func TestCompiledMatching(t *testing.T) {
	x := testExtractor(t)
	texts := withSamples(t,
		"Kata'ib Hizballah and the al-Nujaba movement; the U.S.-led coalition's Combined Joint Task Force - Operation Inherent Resolve struck.",
		"Iraqi and Iranian-backed fighters of the Popular Mobilization Forces, the P.M.F., were said to have fired rockets.",
	)
	type hit struct {
		Table string
		At, N int
		Node  bool
	}
	withIDs, noIDs := 0, 0
	for _, text := range texts {
		compiled := tokenize(text, x.vocab) // IDs set
		plain := Tokenize(text)             // no IDs: string matching
		if len(compiled) != len(plain) {
			t.Fatalf("%d tokens with the vocabulary, %d without", len(compiled), len(plain))
		}
		var got, want []hit
		match := func(toks []Token, i int) []hit {
			var hs []hit
			for _, tr := range []struct {
				name string
				tr   *trie
			}{{"names", x.gaz.names}, {"demos", x.gaz.demos}} {
				node, n := tr.tr.longest(toks, i)
				hs = append(hs, hit{tr.name, i, n, node != nil})
			}
			lx := x.lex
			for _, p := range []struct {
				name string
				at   func([]Token, int) int
			}{
				{"verbs", func(ts []Token, i int) int { _, n := lx.Verbs.At(ts, i); return n }},
				{"nouns", func(ts []Token, i int) int { _, n := lx.Nouns.At(ts, i); return n }},
				{"roles", func(ts []Token, i int) int { _, n := lx.Roles.At(ts, i); return n }},
				{"cues", func(ts []Token, i int) int { _, n := lx.Cues.At(ts, i); return n }},
				{"militias", func(ts []Token, i int) int { _, n := lx.Militias.At(ts, i); return n }},
				{"anaphors", func(ts []Token, i int) int { _, n := lx.Anaphors.At(ts, i); return n }},
			} {
				hs = append(hs, hit{p.name, i, p.at(toks, i), false})
			}
			return hs
		}
		for i := range compiled {
			if compiled[i].id != 0 {
				withIDs++
			}
			if plain[i].starts&startsKnown == 0 {
				noIDs++
			}
			got = append(got, match(compiled, i)...)
			want = append(want, match(plain, i)...)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("matching by IDs differs from matching by keys (-keys +IDs):\n%s", diff)
		}
	}
	if withIDs == 0 || noIDs == 0 {
		t.Fatalf("tokens with IDs: %d, without: %d; want both", withIDs, noIDs)
	}
}
