package eval

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scorePy returns the path of python3 and of the team's score.py
// (../shared/eval/score.py from the repository root), or skips the test.
func scorePy(t *testing.T) (python, script string) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	script = filepath.Join(dir, "..", "shared", "eval", "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("score.py not found: %v", err)
	}
	return python, script
}

// runPy runs score.py with args and returns its stdout and stderr. It runs it
// under two hash seeds and fails the comparison (by returning ok false) when
// they disagree: then score.py's own answer depends on set order.
func runPy(t *testing.T, python, script string, args ...string) (stdout, stderr string, ok bool) {
	t.Helper()
	var outs [2]string
	for i, seed := range []string{"0", "1"} {
		cmd := exec.Command(python, append([]string{script}, args...)...)
		cmd.Env = append(os.Environ(), "PYTHONHASHSEED="+seed, "PYTHONIOENCODING=utf-8")
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		if err := cmd.Run(); err != nil {
			t.Fatalf("score.py %s: %v\n%s", strings.Join(args, " "), err, e.String())
		}
		outs[i] = o.String()
		stderr = e.String()
	}
	return outs[0], stderr, outs[0] == outs[1]
}

// diffCase scores quads (a file) against gold and entities (a directory and a
// file) with score.py and with Score, and compares the text, -v and --json
// outputs and the warnings byte for byte.
func diffCase(t *testing.T, python, script, goldDir, entities, quads string) {
	t.Helper()
	f, err := os.Open(entities)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := LoadRegistry(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := LoadGold(os.DirFS(goldDir))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(quads)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Score(reg, gold, data)
	if err != nil {
		t.Fatal(err)
	}
	text, verbose, js, warnings := goOutputs(t, res, quads)
	base := []string{"--gold", goldDir, "--quads", quads, "--entities", entities}
	for _, c := range []struct {
		flag, got string
	}{
		{"", text}, {"-v", verbose}, {"--json", js},
	} {
		args := base
		if c.flag != "" {
			args = append(append([]string(nil), base...), c.flag)
		}
		want, stderr, ok := runPy(t, python, script, args...)
		if !ok {
			t.Logf("score.py %s: output depends on the hash seed; not compared", c.flag)
			continue
		}
		if diff := cmp.Diff(want, c.got); diff != "" {
			t.Errorf("score.py %s (-python +go):\n%s", c.flag, diff)
		}
		if diff := cmp.Diff(stderr, warnings); diff != "" {
			t.Errorf("score.py %s stderr (-python +go):\n%s", c.flag, diff)
		}
	}
}

// TestDifferential runs score.py on the hand-written fixtures in
// testdata/quads, with the gold and registry of testdata, and compares.
func TestDifferential(t *testing.T) {
	python, script := scorePy(t)
	files, err := filepath.Glob(filepath.Join("testdata", "quads", "*.nq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			diffCase(t, python, script, filepath.Join("testdata", "gold"), filepath.Join("testdata", "entities.tsv"), file)
		})
	}
}

// TestDifferentialDev builds N-Quads from the team's dev gold (read in place
// beside score.py, not copied) — most facts, some optional and negated ones,
// some made up, entities named by canonical name, by alias and by IRI, some
// typed wrongly, some twice — and compares the two scorers on them and on
// the testdata fixtures.
func TestDifferentialDev(t *testing.T) {
	python, script := scorePy(t)
	dir := filepath.Dir(script)
	goldDir, entities := filepath.Join(dir, "dev", "gold"), filepath.Join(dir, "entities.tsv")
	if _, err := os.Stat(goldDir); err != nil {
		t.Skipf("no dev gold: %v", err)
	}
	f, err := os.Open(entities)
	if err != nil {
		t.Skipf("no registry: %v", err)
	}
	reg, err := LoadRegistry(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := LoadGold(os.DirFS(goldDir))
	if err != nil {
		t.Fatal(err)
	}
	nq := filepath.Join(t.TempDir(), "dev.nq")
	if err := os.WriteFile(nq, synthesize(reg, gold), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("synthesized", func(t *testing.T) {
		diffCase(t, python, script, goldDir, entities, nq)
	})
	files, _ := filepath.Glob(filepath.Join("testdata", "quads", "*.nq"))
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			diffCase(t, python, script, goldDir, entities, file)
		})
	}
}

// synthesize writes a plausible, imperfect extraction of the gold.
func synthesize(reg *Registry, gold map[string]Gold) []byte {
	var b strings.Builder
	const ns = "https://actorgraph.dev/ns#"
	n := 0
	node := func(doc, id string) string {
		n++
		name, _ := reg.Name(id)
		var types []string
		for t := range reg.types[id] {
			types = append(types, t)
		}
		sort.Strings(types)
		ty := "Thing"
		if len(types) > 0 {
			ty = types[0]
		}
		if n%7 == 0 {
			ty = "Person"
		}
		iri := fmt.Sprintf("<https://actorgraph.dev/id/%s>", id)
		switch n % 5 {
		case 1: // by name, a separate node per document: duplicates
			iri = fmt.Sprintf("<http://example.org/%s/n%d>", doc, n%3)
			fmt.Fprintf(&b, "%s <http://schema.org/name> %q .\n", iri, name)
		case 2: // by an alias used as a name
			for k, ids := range reg.index {
				if len(ids) == 1 && ids[0] == id && k != normName(name) {
					name = k
					break
				}
			}
			fmt.Fprintf(&b, "%s <http://www.w3.org/2004/02/skos/core#altLabel> %q .\n", iri, name)
		case 3: // by IRI only
		default:
			fmt.Fprintf(&b, "%s <%sname> %q .\n", iri, ns, strings.ToUpper(name))
		}
		fmt.Fprintf(&b, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%s%s> <https://actorgraph.dev/doc/%s> .\n", iri, ns, ty, doc)
		return iri
	}
	pred := func(cls string) string {
		if cls == "attack" {
			return "struck"
		}
		return cls
	}
	for _, doc := range goldOrder(gold) {
		g := gold[doc]
		label := fmt.Sprintf("<https://actorgraph.dev/doc/%s>", doc)
		for k, set := range []map[Fact]bool{g.Facts, g.Optional, g.NotAsserted} {
			var facts []Fact
			for f := range set {
				facts = append(facts, f)
			}
			sort.Slice(facts, func(i, j int) bool { return facts[i].less(facts[j]) })
			for i, f := range facts {
				if k == 0 && i%4 == 3 {
					continue // missed
				}
				s, o := f.Subject, f.Object
				if k == 0 && i%9 == 5 {
					s, o = o, s // wrong direction
				}
				fmt.Fprintf(&b, "%s <%s%s> %s %s .\n", node(doc, s), ns, pred(f.Class), node(doc, o), label)
			}
		}
		fmt.Fprintf(&b, "<http://example.org/%s/stranger> <%sname> \"A Stranger\" .\n", doc, ns)
		fmt.Fprintf(&b, "<http://example.org/%s/stranger> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sPerson> %s .\n", doc, ns, label)
		fmt.Fprintf(&b, "<http://example.org/%s/stranger> <%sthreatened> %s %s .\n", doc, ns, node(doc, "united-states"), label)
	}
	return []byte(b.String())
}

// TestDifferentialRounding compares the figures' formatting (round to four
// decimals for --json, three for the text) with Python's on every ratio of
// small counts and on F1 values built from them.
func TestDifferentialRounding(t *testing.T) {
	python, _ := scorePy(t)
	prog := `
import json
out = []
for tp in range(0, 41):
    for n in range(tp, 61):
        for fn in (0, 1, 3, 7, 13):
            p = tp / n if n else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out.append(json.dumps([round(p, 4), round(f, 4)]) + f" {p:.3f} {f:.3f}")
print("\n".join(out))
`
	cmd := exec.Command(python, "-c", prog)
	want, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for tp := 0; tp <= 40; tp++ {
		for n := tp; n <= 60; n++ {
			for _, fn := range []int{0, 1, 3, 7, 13} {
				s := prf(tp, n-tp, fn)
				fmt.Fprintf(&b, "[%s, %s] %.3f %.3f\n", pyRound4(s.Precision), pyRound4(s.F1), s.Precision, s.F1)
			}
		}
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("rounding (-python +go):\n%s", diff)
	}
}
