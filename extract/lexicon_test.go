package extract

import (
	"testing"
	"testing/fstest"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/google/go-cmp/cmp"
)

func TestLexiconLookups(t *testing.T) {
	lx := testExtractor(t).lex
	verb := func(s string) Verb {
		vs, n := lx.Verbs.At(Tokenize(s), 0)
		if n == 0 {
			t.Fatalf("%q: no verb", s)
		}
		return pickVerb(vs)
	}
	if v := verb("withdrew from"); v.Predicate != schema.WithdrewFrom || v.Form != Past || !cmp.Equal(v.ObjPreps, []string{"from"}) {
		t.Errorf("withdrew: %+v", v)
	}
	if v := verb("backs"); v.Predicate != schema.BackedBy || !v.Inverse {
		t.Errorf("backs: %+v", v)
	}
	if rs, n := lx.Roles.At(Tokenize("Secretary-General of"), 0); n == 0 || bestRole(rs).Predicate != schema.LeaderOf {
		t.Errorf("Secretary-General: %v %d", rs, n)
	}
	for _, tc := range []struct {
		text string
		want RoleLeads
	}{{"Prime Minister", LeadsState}, {"premier", LeadsState}, {"Crown Prince", LeadsState}, {"parliament speaker", LeadsBody}, {"commander", LeadsOther}, {"Secretary-General", LeadsOther}, {"Lt. Gen.", LeadsRank}} {
		if rs, n := lx.Roles.At(Tokenize(tc.text), 0); n == 0 || bestRole(rs).Leads != tc.want {
			t.Errorf("%s: %+v %d, want leads %d", tc.text, rs, n, tc.want)
		}
	}
	if cs, n := lx.Cues.At(Tokenize("as long as the"), 0); n != 3 || cs[0].Modality != "conditional" {
		t.Errorf("as long as: %v %d", cs, n)
	}
}

func TestLexiconErrors(t *testing.T) {
	base := fstest.MapFS{
		"lexicon/verbs.tsv":       {Data: []byte("attacked\tattack\tattacks\tattacked\tattacked\tattacking\t-\n")},
		"lexicon/nouns.tsv":       {Data: []byte("attacked\tattack\ton\tby\n")},
		"lexicon/roles.tsv":       {Data: []byte("leaderOf\tleader\tleaders\tstate\n")},
		"lexicon/cues.tsv":        {Data: []byte("negated\tnot\tbefore\n")},
		"lexicon/collectives.tsv": {Data: []byte("militia\tmilitias\tArmedGroup\n")},
	}
	if _, err := LoadLexicon(base); err != nil {
		t.Fatal(err)
	}
	bad := fstest.MapFS{}
	for k, v := range base {
		bad[k] = v
	}
	bad["lexicon/verbs.tsv"] = &fstest.MapFile{Data: []byte("bombed\tbomb\tbombs\tbombed\tbombed\tbombing\t-\n")}
	if _, err := LoadLexicon(bad); err == nil || err.Error() != `lexicon verbs.tsv:1: unknown predicate "bombed"` {
		t.Errorf("got %v", err)
	}
	bad["lexicon/verbs.tsv"] = base["lexicon/verbs.tsv"]
	bad["lexicon/roles.tsv"] = &fstest.MapFile{Data: []byte("leaderOf\tleader\tleaders\tcountry\n")}
	if _, err := LoadLexicon(bad); err == nil || err.Error() != `lexicon roles.tsv:1: leads "country": want state, body, rank or -` {
		t.Errorf("got %v", err)
	}
}

func FuzzLexicon(f *testing.F) {
	f.Add("attacked\tattack\tattacks\tattacked\tattacked\tattacking\ton; at\n")
	f.Fuzz(func(t *testing.T, verbs string) {
		fsys := fstest.MapFS{
			"lexicon/verbs.tsv":       {Data: []byte(verbs)},
			"lexicon/nouns.tsv":       {Data: []byte("")},
			"lexicon/roles.tsv":       {Data: []byte("")},
			"lexicon/cues.tsv":        {Data: []byte("")},
			"lexicon/collectives.tsv": {Data: []byte("")},
		}
		lx, err := LoadLexicon(fsys)
		if err != nil {
			return
		}
		toks := Tokenize(verbs)
		for i := range toks {
			if _, n := lx.Verbs.At(toks, i); i+n > len(toks) {
				t.Fatalf("match of %d tokens at %d runs past %d", n, i, len(toks))
			}
		}
	})
}
