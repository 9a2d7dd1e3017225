package graph

import (
	"bytes"
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/corpus"
	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/schema"
)

// readmeQueries are README.md's Gizmo examples with their concrete names
// (cmd/agbench runs the same ones on a large bolt store).
var readmeQueries = []struct{ name, gizmo string }{
	{"members", `g.V("<https://actorgraph.dev/id/islamic-resistance-in-iraq>").in("<https://actorgraph.dev/ns#memberOf>").unique().all()`},
	{"backers", `g.V("<https://actorgraph.dev/id/iran>").in("<https://actorgraph.dev/ns#backedBy>").unique().all()`},
	{"struck", `var rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ag = "https://actorgraph.dev/ns#";
function one(node, pred) { return g.V(node).out("<" + pred + ">").toValue(); }
var rows = [];
g.V("<https://actorgraph.dev/id/kataib-hezbollah>").in("<" + rdf + "object>")
  .has("<" + rdf + "predicate>", "<" + ag + "struck>").forEach(function (st) {
    rows.push({
      subject: one(st.id, rdf + "subject"),
      date: one(st.id, ag + "date") || "",
      modality: one(st.id, ag + "modality"),
      document: one(st.id, ag + "document"),
    });
  });
rows.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
rows.forEach(function (r) { g.emit(r); });`},
	{"evidence", `var rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ag = "https://actorgraph.dev/ns#";
function one(node, pred) { return g.V(node).out("<" + pred + ">").toValue(); }
g.V("<https://actorgraph.dev/id/kataib-hezbollah>").in("<" + rdf + "subject>")
  .has("<" + rdf + "predicate>", "<" + ag + "memberOf>")
  .has("<" + rdf + "object>", "<https://actorgraph.dev/id/islamic-resistance-in-iraq>")
  .forEach(function (st) {
    g.emit({
      document: one(st.id, ag + "document"),
      modality: one(st.id, ag + "modality"),
      rule: one(st.id, ag + "rule"),
      sentence: one(st.id, ag + "evidence"),
    });
  });`},
	{"path", `var from = "<https://actorgraph.dev/id/kataib-hezbollah>", to = "<https://actorgraph.dev/id/israel>";
var entity = "<https://actorgraph.dev/id/", maxDepth = 4;
var parent = {}, frontier = [from];
parent[from] = null;
for (var depth = 0; depth < maxDepth && frontier.length && !(to in parent); depth++) {
  var next = [];
  frontier.forEach(function (n) {
    g.V(n).both().toArray().forEach(function (m) {
      if (m.indexOf(entity) === 0 && !(m in parent)) { parent[m] = n; next.push(m); }
    });
  });
  frontier = next;
}
var path = [];
for (var n = (to in parent) ? to : null; n; n = parent[n]) path.unshift(n);
g.emit(path);`},
}

// queryStore loads 200 generated articles (seed 1, about 60k quads) and
// the samples into a fresh store.
func queryStore(b *testing.B, backend string) *Store {
	b.Helper()
	x, err := extract.New(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := corpus.Generate(1, 200, &buf); err != nil {
		b.Fatal(err)
	}
	docs, errs := extract.ReadDocuments("corpus.jsonl", &buf, extract.ReadOptions{})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	xs := make([]schema.Extraction, 0, len(docs))
	for _, d := range docs {
		xr, err := x.Extract(d)
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, xr)
	}
	path := ""
	if backend == "bolt" {
		path = b.TempDir()
	}
	s, err := Open(backend, path, Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, _, err := s.Load(context.Background(), xs...); err != nil {
		b.Fatal(err)
	}
	return s
}

func benchmarkQuery(b *testing.B, backend string) {
	s := queryStore(b, backend)
	ctx := context.Background()
	for _, q := range readmeQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Query(ctx, q.gizmo, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQueryMemory(b *testing.B) { benchmarkQuery(b, "memory") }
func BenchmarkQueryBolt(b *testing.B)   { benchmarkQuery(b, "bolt") }
