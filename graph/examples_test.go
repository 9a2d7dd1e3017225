package graph

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/schema"
	"github.com/google/go-cmp/cmp"
)

// TestExamplesInReadme checks that ExampleQueries are README.md's Gizmo
// examples, word for word, and that the path example walks every fact
// predicate.
func TestExamplesInReadme(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range ExampleQueries {
		if !strings.Contains(string(readme), "```js\n"+q.Gizmo+"\n```") {
			t.Errorf("%s: not a code block of README.md", q.Name)
		}
	}
	var path string
	for _, q := range ExampleQueries {
		if q.Name == "path" {
			path = q.Gizmo
		}
	}
	list := regexp.MustCompile(`(?s)var facts = \[(.*?)\]`).FindStringSubmatch(path)
	if list == nil {
		t.Fatal("path: no facts list")
	}
	var got, want []string
	for _, m := range regexp.MustCompile(`"(\w+)"`).FindAllStringSubmatch(list[1], -1) {
		got = append(got, m[1])
	}
	for _, p := range schema.Predicates() {
		want = append(want, string(p.Name))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("path: facts are not schema's predicates (-schema +path):\n%s", diff)
	}
}

// TestExamplesOnSamples runs the examples on a store of data/samples:
// each runs, and the path example prints what README.md says it prints.
func TestExamplesOnSamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	said := regexp.MustCompile("On the samples this prints `([^`]*)`").FindSubmatch(readme)
	if said == nil {
		t.Fatal("README.md does not say what the path example prints")
	}
	x, err := extract.New(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "data", "samples")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var xs []schema.Extraction
	for _, f := range files {
		if !extract.IsDocument(f.Name()) {
			continue
		}
		fh, err := os.Open(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		docs, errs := extract.ReadDocuments(f.Name(), fh, extract.ReadOptions{})
		fh.Close()
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		for _, d := range docs {
			xr, err := x.Extract(d)
			if err != nil {
				t.Fatal(err)
			}
			xs = append(xs, xr)
		}
	}
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			if _, _, err := s.Load(ctx, xs...); err != nil {
				t.Fatal(err)
			}
			for _, q := range ExampleQueries {
				got, err := s.Query(ctx, q.Gizmo, 100)
				if err != nil {
					t.Fatalf("%s: %v", q.Name, err)
				}
				if q.Name != "path" {
					continue
				}
				var ids []string
				if len(got) == 1 {
					for _, n := range got[0].([]any) {
						ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(n.(string), "<"+schema.EntityBase), ">"))
					}
				}
				if diff := cmp.Diff(string(said[1]), strings.Join(ids, " → ")); diff != "" {
					t.Errorf("path on the samples (-README +got):\n%s", diff)
				}
			}
		})
	}
}
