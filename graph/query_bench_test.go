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
	s := openBench(b, backend, false)
	b.Cleanup(func() { s.Close() })
	if _, _, err := s.Load(context.Background(), xs...); err != nil {
		b.Fatal(err)
	}
	return s
}

func benchmarkQuery(b *testing.B, backend string) {
	s := queryStore(b, backend)
	ctx := context.Background()
	for _, q := range ExampleQueries {
		b.Run(q.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Query(ctx, q.Gizmo, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQueryMemory(b *testing.B) { benchmarkQuery(b, "memory") }
func BenchmarkQueryBolt(b *testing.B)   { benchmarkQuery(b, "bolt") }
