package graph

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/actorgraph/actorgraph/schema"
)

// synthetic builds n documents of 20 entities and 30 statements each,
// drawn from a shared pool of 500 entities so that documents overlap.
func synthetic(n int) []schema.Extraction {
	types := schema.EntityTypes
	preds := []schema.Predicate{schema.Attacked, schema.AlliedWith, schema.Demanded, schema.Accused, schema.NegotiatedWith}
	xs := make([]schema.Extraction, n)
	for d := range xs {
		id := fmt.Sprintf("doc-%05d", d)
		x := schema.Extraction{Doc: schema.Document{ID: id, Title: "Synthetic report " + id, Hash: schema.Hash(id), Bytes: 4000}}
		for i := range 20 {
			k := (d*7 + i*13) % 500
			x.Entities = append(x.Entities, schema.Entity{ID: fmt.Sprintf("entity-%d", k), Type: types[k%4], Name: fmt.Sprintf("Entity %d", k),
				Aliases: []string{fmt.Sprintf("E%d", k)}})
		}
		for i := range 30 {
			s, o := x.Entities[i%20], x.Entities[(i*3+1)%20]
			if s.ID == o.ID {
				continue
			}
			m := schema.Asserted
			if i%4 == 0 {
				m = schema.Threat
			}
			x.Statements = append(x.Statements, schema.Statement{Subject: s.ID, Predicate: preds[i%len(preds)], Object: o.ID, Modality: m,
				Sentence: fmt.Sprintf("%s said something about \"%s\" on day %d.", s.Name, o.Name, i), Span: schema.Span{Start: i * 100, End: i*100 + 60},
				Rule: "bench", Date: fmt.Sprintf("2020-%02d-%02d", i%12+1, i%28+1), Killed: i % 3})
		}
		xs[d] = x
	}
	return xs
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func BenchmarkQuadsNQuads(b *testing.B) {
	xs := synthetic(100)
	var cw countWriter
	for _, x := range xs {
		if err := WriteNQuads(&cw, Quads(x)); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range xs {
			if err := WriteNQuads(io.Discard, Quads(x)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAppendNQuads is BenchmarkQuadsNQuads by the path actorgraph
// extract takes: straight from the extraction to N-Quads bytes.
func BenchmarkAppendNQuads(b *testing.B) {
	xs := synthetic(100)
	var buf []byte
	for _, x := range xs {
		buf = AppendNQuads(buf, x)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range xs {
			buf = AppendNQuads(buf[:0], x)
		}
	}
}

// benchmarkLoad loads 100 synthetic documents in batches of 25 into a new
// store. In bulk mode the indexes are written when the store closes, so
// closing it is timed.
func benchmarkLoad(b *testing.B, backend string, bulk bool) {
	ctx := context.Background()
	xs := synthetic(100)
	nq := 0
	var cw countWriter
	for _, x := range xs {
		qs := Quads(x)
		nq += len(qs)
		WriteNQuads(&cw, qs)
	}
	b.SetBytes(cw.n) // N-Quads bytes loaded per iteration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s := openBench(b, backend, bulk)
		b.StartTimer()
		for i := 0; i < len(xs); i += 25 { // batches of 25 documents
			if _, _, err := s.Load(ctx, xs[i:min(i+25, len(xs))]...); err != nil {
				b.Fatal(err)
			}
		}
		if !bulk {
			b.StopTimer()
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(nq)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

func BenchmarkLoadMemory(b *testing.B)   { benchmarkLoad(b, "memory", false) }
func BenchmarkLoadBolt(b *testing.B)     { benchmarkLoad(b, "bolt", false) }
func BenchmarkLoadBoltBulk(b *testing.B) { benchmarkLoad(b, "bolt", true) }

// openBench opens an empty store of the backend for a benchmark: bolt in a
// temporary directory, without fsync.
func openBench(b *testing.B, backend string, bulk bool) *Store {
	b.Helper()
	path := ""
	if backend == "bolt" {
		path = b.TempDir()
	}
	s, err := Open(backend, path, Options{NoSync: true, Bulk: bulk})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
