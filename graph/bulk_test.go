package graph

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// dedupSteps drops from steps' additions every quad stored already or
// given before: the store a bulk load makes from steps is the one
// kvWriter makes from these (see bulk.go on reference counts).
func dedupSteps(steps []writerStep) []writerStep {
	// Quads are the same in the store if their values hash the same
	// (quad.Int(5) and "5"^^xsd:integer do not).
	key := func(q quad.Quad) (k [4]cgraph.ValueHash) {
		for d, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				k[d] = cgraph.HashOf(v)
			}
		}
		return k
	}
	stored := map[[4]cgraph.ValueHash]bool{}
	var out []writerStep
	for _, s := range steps {
		for _, q := range s.del {
			delete(stored, key(q))
		}
		var add []quad.Quad
		for _, q := range s.add {
			if k := key(q); !stored[k] {
				stored[k] = true
				add = append(add, q)
			}
		}
		out = append(out, writerStep{add: add, del: s.del})
	}
	return out
}

// freshSteps adds n synthetic documents in batches of 4: what build does.
func freshSteps(n int) []writerStep {
	var steps []writerStep
	xs := synthetic(n)
	for i := 0; i < len(xs); i += 4 {
		var add []quad.Quad
		for _, x := range xs[i:min(i+4, len(xs))] {
			add = append(add, Quads(x)...)
		}
		steps = append(steps, writerStep{add: add})
	}
	return steps
}

// bulkStore is a bolt store being written by runSteps.
type bulkStore struct {
	path string
	qs   cgraph.QuadStore
	db   *bolt.DB
	w    *kvWriter
}

func openBulk(t *testing.T, path string, bulk bool) *bulkStore {
	t.Helper()
	qs, db, w, err := openBolt(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if w == nil {
		t.Fatal("no kvWriter")
	}
	w.bulk = bulk
	return &bulkStore{path: path, qs: qs, db: db, w: w}
}

// run applies steps: removals through Cayley once nothing is pending,
// additions through the writer.
func (s *bulkStore) run(t *testing.T, steps []writerStep) {
	t.Helper()
	for i, st := range steps {
		if st.del != nil {
			if err := s.w.finish(); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			if err := s.qs.ApplyDeltas(deltas(st.del, cgraph.Delete), cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		}
		if _, err := s.w.add(st.add); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

// close closes the store as a killed process leaves it: nothing pending
// is written.
func (s *bulkStore) close(t *testing.T) {
	t.Helper()
	if err := s.qs.Close(); err != nil {
		t.Fatal(err)
	}
}

// dump lists the store's keys once everything pending is written.
func (s *bulkStore) dump(t *testing.T) []string {
	t.Helper()
	if err := s.w.finish(); err != nil {
		t.Fatal(err)
	}
	return boltDump(t, s.db)
}

// smallChunks makes indexPending spill sort runs and commit in many small
// chunks.
func smallChunks(t *testing.T) {
	r, n, i := sortRunRecords, nodeChunk, indexChunk
	sortRunRecords, nodeChunk, indexChunk = 97, 5, 11
	t.Cleanup(func() { sortRunRecords, nodeChunk, indexChunk = r, n, i })
}

func marked(t *testing.T, db *bolt.DB) bool {
	t.Helper()
	var ok bool
	err := db.View(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketMeta).Get(keyBulk) != nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// TestBulkLikeWriter: a store loaded in bulk, its indexes written at the
// end or when a batch needs them, holds what kvWriter (itself checked
// against Cayley) writes batch by batch, key for key.
func TestBulkLikeWriter(t *testing.T) {
	skipBoltUnderRace(t)
	for _, seq := range []struct {
		name  string
		steps []writerStep
	}{
		{"mixed", writerSteps()},
		{"fresh", freshSteps(24)},
		{"capped", freshSteps(24)}, // indexes written whenever 50 nodes are pending
	} {
		for _, small := range []bool{false, true} {
			name := seq.name
			if small {
				name += "/small-chunks"
			}
			t.Run(name, func(t *testing.T) {
				if small {
					smallChunks(t)
				}
				if seq.name == "capped" {
					m := maxPendingNodes
					maxPendingNodes = 50
					t.Cleanup(func() { maxPendingNodes = m })
				}
				dir := t.TempDir()
				ref := openBulk(t, filepath.Join(dir, "ref.bolt"), false)
				defer ref.close(t)
				ref.run(t, dedupSteps(seq.steps))
				want := ref.dump(t)

				got := openBulk(t, filepath.Join(dir, "bulk.bolt"), true)
				defer got.close(t)
				got.run(t, seq.steps[:1])
				if marked(t, got.db) == (seq.name == "capped") {
					t.Fatal("pending indexes after a bulk batch: want them only when not capped")
				}
				got.run(t, seq.steps[1:])
				if diff := cmp.Diff(want, got.dump(t)); diff != "" {
					t.Errorf("bulk store differs (-writer +bulk):\n%s", diff)
				}
				if marked(t, got.db) {
					t.Error("still marked after finish")
				}
			})
		}
	}
}

// TestBulkRecovery: a process killed in the middle of a bulk load, or in
// the middle of writing the pending indexes, leaves a store that the next
// open completes.
func TestBulkRecovery(t *testing.T) {
	skipBoltUnderRace(t)
	smallChunks(t)
	steps := freshSteps(10)
	dir := t.TempDir()
	ref := openBulk(t, filepath.Join(dir, "ref.bolt"), false)
	ref.run(t, steps)
	want := ref.dump(t)
	ref.close(t)

	t.Run("killed while loading", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "indexes.bolt")
		s := openBulk(t, path, true)
		s.run(t, steps[:2])
		s.close(t)
		s = openBulk(t, path, true) // indexes what the first batches left
		if marked(t, s.db) {
			t.Fatal("still marked after open")
		}
		s.run(t, steps[2:])
		if diff := cmp.Diff(want, s.dump(t)); diff != "" {
			t.Errorf("recovered store differs (-writer +bulk):\n%s", diff)
		}
		s.close(t)
	})

	errKilled := errors.New("killed")
	t.Cleanup(func() { afterChunk = nil })
	for k := 1; ; k += 1 + k/4 {
		calls := 0
		kill := func() error {
			if calls++; calls == k {
				return errKilled
			}
			return nil
		}
		path := filepath.Join(t.TempDir(), "indexes.bolt")
		s := openBulk(t, path, true)
		// Stored nodes the pending quads refer to get their counts
		// raised: a step that must not be done twice.
		s.run(t, steps[:1])
		if err := s.w.finish(); err != nil {
			t.Fatal(err)
		}
		s.run(t, steps[1:])
		afterChunk = kill
		err := s.w.finish()
		afterChunk = nil
		if err == nil {
			s.close(t)
			if k < 20 {
				t.Fatalf("only %d chunks", k)
			}
			break
		}
		if !errors.Is(err, errKilled) {
			t.Fatalf("kill after chunk %d: %v", k, err)
		}
		if _, err := s.w.add(steps[0].add); err == nil {
			t.Errorf("kill after chunk %d: the writer takes batches after a failed indexing", k)
		}
		s.close(t)
		s = openBulk(t, path, false)
		if diff := cmp.Diff(want, boltDump(t, s.db)); diff != "" {
			t.Errorf("killed after chunk %d: recovered store differs (-writer +bulk):\n%s", k, diff)
		}
		s.close(t)
	}
}
