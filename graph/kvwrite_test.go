package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// boltDump lists every key and value of a bolt file, nested buckets
// walked, with the timestamps of the log's primitives zeroed (they are
// the time of writing).
func boltDump(t *testing.T, db *bolt.DB) []string {
	t.Helper()
	var out []string
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(fmt.Sprintf("%s/%q", path, k), b.Bucket(k))
			}
			if path == `/"log"` {
				var p proto.Primitive
				if err := p.Unmarshal(v); err != nil {
					return fmt.Errorf("log %x: %w", k, err)
				}
				if p.Timestamp == 0 {
					return fmt.Errorf("log %x: no timestamp", k)
				}
				p.Timestamp = 0
				out = append(out, fmt.Sprintf("%s %x = %+v", path, k, p))
				return nil
			}
			out = append(out, fmt.Sprintf("%s %q = %x", path, k, v))
			return nil
		})
	}
	err := db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(fmt.Sprintf("/%q", name), b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKVWriterLikeCayley runs one sequence of additions through Cayley's
// writer and through kvWriter (removals through Cayley in both) and
// compares the two bolt files key by key: nodes and their IDs, reference
// counts, the log, both index buckets and the counters.
func TestKVWriterLikeCayley(t *testing.T) {
	skipBoltUnderRace(t)
	steps := writerSteps()
	run := func(ours bool) []string {
		qs, _, w, err := openBolt(filepath.Join(t.TempDir(), "indexes.bolt"), true)
		if err != nil {
			t.Fatal(err)
		}
		defer qs.Close()
		if w == nil {
			t.Fatal("no kvWriter for a new store")
		}
		for i, s := range steps {
			if s.del != nil {
				if err := qs.ApplyDeltas(deltas(s.del, cgraph.Delete), cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
			}
			if s.add == nil {
				continue
			}
			before, _ := qs.Stats(context.Background(), true)
			if !ours {
				if err := qs.ApplyDeltas(deltas(s.add, cgraph.Add), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				continue
			}
			n, err := w.add(s.add)
			if err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			after, _ := qs.Stats(context.Background(), true)
			if got, want := int64(n), after.Quads.Size-before.Quads.Size; got != want {
				t.Errorf("step %d: add says %d new quads, the store grew by %d", i, got, want)
			}
		}
		return boltDump(t, w.db)
	}
	cayley, ours := run(false), run(true)
	if len(cayley) < 1000 {
		t.Fatalf("only %d keys written", len(cayley))
	}
	if diff := cmp.Diff(cayley, ours); diff != "" {
		t.Errorf("kvWriter's store differs from Cayley's (-cayley +ours):\n%s", diff)
	}
}

// writerStep adds quads to a store, after removing some.
type writerStep struct{ add, del []quad.Quad }

// writerSteps is a sequence of additions and removals with values given
// twice, quads already stored, quads between stored nodes, deleted and
// re-added quads and nodes, and every value kind.
func writerSteps() []writerStep {
	var docs [][]quad.Quad
	for _, x := range synthetic(14) {
		docs = append(docs, Quads(x))
	}
	cat := func(parts ...[]quad.Quad) []quad.Quad {
		var out []quad.Quad
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	a, p := quad.IRI("https://example.org/a"), quad.IRI("https://example.org/p")
	when := time.Date(2020, 1, 3, 1, 2, 3, 0, time.UTC)
	kinds := []quad.Quad{
		{Subject: a, Predicate: p, Object: quad.Int(5)},
		{Subject: a, Predicate: p, Object: quad.Float(2.5)},
		{Subject: a, Predicate: p, Object: quad.Bool(true)},
		{Subject: a, Predicate: p, Object: quad.String("five")},
		{Subject: a, Predicate: p, Object: quad.LangString{Value: "cinq", Lang: "fr"}},
		{Subject: a, Predicate: p, Object: quad.TypedString{Value: "5", Type: "http://www.w3.org/2001/XMLSchema#integer"}},
		{Subject: a, Predicate: p, Object: quad.Time(when)},
		{Subject: quad.BNode("b1"), Predicate: p, Object: a, Label: quad.IRI("https://example.org/g")},
		{Subject: a, Predicate: p, Object: quad.Int(5)}, // twice in one batch
	}
	// Quads between stored nodes that are not stored themselves, and one
	// that is: neither has a new node, so both are looked up.
	s0, p0, o0, l0 := docs[1][0].Subject, docs[1][0].Predicate, docs[1][0].Object, docs[1][0].Label
	between := []quad.Quad{
		{Subject: o0, Predicate: p0, Object: s0, Label: l0},
		{Subject: s0, Predicate: p0, Object: o0, Label: docs[2][0].Label},
		docs[1][0],
	}
	half := docs[4][:len(docs[4])/2]
	return []writerStep{
		{add: cat(docs[0], docs[1], docs[2], kinds)},
		{add: cat(docs[3], docs[4], docs[5])},
		{add: docs[0]}, // all stored already
		{add: between},
		{del: docs[2]}, // its own nodes go
		{add: docs[2]}, // and come back with new IDs
		{del: half},    // the document's nodes stay
		{add: cat(docs[4], docs[6], docs[7], kinds)},
		{add: cat(docs[8:]...)},
		{add: nil},
	}
}

func deltas(qs []quad.Quad, a cgraph.Procedure) []cgraph.Delta {
	out := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		out[i] = cgraph.Delta{Quad: q, Action: a}
	}
	return out
}

// TestKVWriterOnlyDefaultIndexes: a store whose indexes are not Cayley's
// default ones is left to Cayley's writer.
func TestKVWriterOnlyDefaultIndexes(t *testing.T) {
	skipBoltUnderRace(t)
	db, err := bolt.Open(filepath.Join(t.TempDir(), "x.bolt"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		return b.Put(keyIndexes, []byte(`[{"dirs":[1],"unique":false},{"dirs":[3],"unique":false}]`))
	})
	if err != nil {
		t.Fatal(err)
	}
	if w, err := newKVWriter(db); w != nil || err != nil {
		t.Errorf("newKVWriter on legacy indexes = %v, %v; want nil, nil", w, err)
	}
}

func TestSlab(t *testing.T) {
	var s slab
	var got [][]byte
	for i := range 3000 {
		b := s.alloc(1000)
		for j := range b {
			b[j] = byte(i)
		}
		got = append(got, b)
	}
	for i, b := range got {
		if !bytes.Equal(b, bytes.Repeat([]byte{byte(i)}, 1000)) {
			t.Fatalf("slice %d overwritten", i)
		}
	}
	if u := s.uvarint(300); !bytes.Equal(u, binary.AppendUvarint(nil, 300)) {
		t.Errorf("uvarint(300) = %x", u)
	}
	s.reset()
	if len(s.free) < 2 || s.cur != nil || len(s.used) != 0 {
		t.Errorf("after reset: %d free, %d used", len(s.free), len(s.used))
	}
	if b := s.alloc(slabSize); len(b) != slabSize {
		t.Errorf("a large slice has length %d", len(b))
	}
}
