package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// plannedStore is a bolt store as Gizmo sees it: Cayley's kv quad store,
// with a better plan for a hop that fixes a node and a predicate.
//
// Cayley v0.7.7 reads such a hop (in(P), out(P), has(P, x)) from an index
// only when the filter fixes every direction of that index: a hop into x
// over P fixes object and predicate, two of the "ops" index's three
// directions, so Cayley reads every quad whose object is x from the log and
// drops those with another predicate. For an actor named in thousands of
// statements that is thousands of log reads for a few dozen edges. Here the
// hop reads the index keys that start with the fixed directions (x, P): the
// same prefix scan Cayley does for one fixed direction, one level deeper.
type plannedStore struct {
	*ckv.QuadStore
	db      *bolt.DB
	indexes []ckv.QuadIndex
}

// newPlannedStore wraps qs (the kv quad store over db) with the index
// layout recorded in db's meta bucket.
func newPlannedStore(qs *ckv.QuadStore, db *bolt.DB) (*plannedStore, error) {
	var inds []ckv.QuadIndex
	err := db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if b == nil {
			return nil
		}
		raw := b.Get(keyIndexes)
		if raw == nil {
			return nil
		}
		return json.Unmarshal(raw, &inds)
	})
	if err != nil {
		return nil, fmt.Errorf("read index layout: %w", err)
	}
	return &plannedStore{QuadStore: qs, db: db, indexes: inds}, nil
}

// OptimizeShape implements shape.Optimizer. A set of quads filtered on
// fixed nodes in two or more directions, all of them the leading
// directions of one index, becomes a scan of that index's keys under
// their prefix. Anything else keeps Cayley's generic plan (the kv store's
// own one builds iterators that need the unwrapped store).
func (s *plannedStore) OptimizeShape(sh shape.Shape) (shape.Shape, bool) {
	switch sh := sh.(type) {
	case shape.QuadsAction:
		return s.optimizeAction(sh)
	case shape.NodesFrom:
		return s.optimizeNodesFrom(sh)
	}
	return sh, false
}

// maxUnion bounds the hops a filter on several fixed nodes is split into.
const maxUnion = 64

// optimizeNodesFrom splits a hop whose filters fix several nodes in a
// direction (out([P1, P2]) from x) into one hop per combination, if each
// of them is read from an index: the same quads, as their union.
func (s *plannedStore) optimizeNodesFrom(nf shape.NodesFrom) (shape.Shape, bool) {
	q, ok := nf.Quads.(shape.Quads)
	if !ok || len(q) < 2 {
		return nf, false
	}
	combos := []map[quad.Direction]cgraph.Ref{{}}
	for _, f := range q {
		fixed, ok := f.Values.(shape.Fixed)
		if !ok || len(fixed) == 0 || len(combos)*len(fixed) > maxUnion {
			return nf, false
		}
		var next []map[quad.Direction]cgraph.Ref
		for _, c := range combos {
			if _, dup := c[f.Dir]; dup {
				return nf, false
			}
			for _, v := range fixed {
				m := make(map[quad.Direction]cgraph.Ref, len(c)+1)
				for d, x := range c {
					m[d] = x
				}
				m[f.Dir] = v
				next = append(next, m)
			}
		}
		combos = next
	}
	if len(combos) < 2 {
		return nf, false // one fixed node each: a QuadsAction, planned as one
	}
	union := make(shape.Union, 0, len(combos))
	for _, filter := range combos {
		part, ok := s.optimizeAction(shape.QuadsAction{Result: nf.Dir, Filter: filter})
		if !ok {
			return nf, false
		}
		union = append(union, part)
	}
	return union, true
}

// optimizeAction plans a QuadsAction: quads filtered on one fixed node in
// each of several directions.
func (s *plannedStore) optimizeAction(qa shape.QuadsAction) (shape.Shape, bool) {
	if len(qa.Filter) < 2 {
		return qa, false
	}
	ind, vals, ok := s.prefixFor(qa.Filter)
	if !ok {
		return qa, false
	}
	scan := prefixScan{store: s, index: ind, vals: vals}
	if len(qa.Save) == 0 && len(vals) < len(ind.Dirs) && ind.Dirs[len(vals)] == qa.Result {
		// The nodes wanted are the next part of the keys.
		return hop{scan}, true
	}
	return qa.SimplifyFrom(scan), true
}

// prefixFor returns the index whose leading directions are exactly the
// filtered ones, and the filter's node IDs in that order.
func (s *plannedStore) prefixFor(filter map[quad.Direction]cgraph.Ref) (ckv.QuadIndex, []uint64, bool) {
	for _, ind := range s.indexes {
		if len(ind.Dirs) < len(filter) {
			continue
		}
		vals := make([]uint64, 0, len(filter))
		for _, d := range ind.Dirs[:len(filter)] {
			v, ok := filter[d].(ckv.Int64Value)
			if !ok {
				break
			}
			vals = append(vals, uint64(v))
		}
		if len(vals) == len(filter) {
			return ind, vals, true
		}
	}
	return ckv.QuadIndex{}, nil, false
}

// prefixScan is the shape of the quads under one key prefix of an index.
type prefixScan struct {
	store *plannedStore
	index ckv.QuadIndex
	vals  []uint64
}

// BuildIterator implements shape.Shape.
func (p prefixScan) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	inner := ckv.NewQuadIterator(p.store.QuadStore, p.index, p.vals).AsShape()
	return (&countedScan{IteratorShape: inner, scan: p}).AsLegacy()
}

// Optimize implements shape.Shape.
func (p prefixScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return p, false }

// bucket is the name of the index's bucket; prefix is the start of its
// keys under the scan.
func (p prefixScan) bucket() []byte {
	name := make([]byte, len(p.index.Dirs))
	for i, d := range p.index.Dirs {
		name[i] = d.Prefix()
	}
	return name
}

func (p prefixScan) prefix(extra ...uint64) []byte {
	key := make([]byte, 0, 8*(len(p.vals)+len(extra)))
	for _, v := range p.vals {
		key = binary.BigEndian.AppendUint64(key, v)
	}
	for _, v := range extra {
		key = binary.BigEndian.AppendUint64(key, v)
	}
	return key
}

// maxCounted bounds the index entries counted for a scan's size: past it,
// the scan is simply "large" for the planner.
const maxCounted = 4096

// countedScan is Cayley's kv quad iterator over an index prefix with its
// size counted from the index: Cayley guesses half the store for any
// prefix, and an intersection (has) picks which side to iterate by size.
type countedScan struct {
	cgraph.IteratorShape
	scan prefixScan
	size *cgraph.Size
}

// Stats implements cgraph.IteratorShape.
func (c *countedScan) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	st, err := c.IteratorShape.Stats(ctx)
	if err != nil {
		return st, err
	}
	if c.size == nil {
		sz, err := c.scan.count()
		if err != nil {
			return st, err
		}
		c.size = &sz
	}
	st.Size = *c.size
	return st, nil
}

// Optimize implements cgraph.IteratorShape.
func (c *countedScan) Optimize(context.Context) (cgraph.IteratorShape, bool) { return c, false }

// AsLegacy implements cgraph.IteratorShapeCompat.
func (c *countedScan) AsLegacy() cgraph.Iterator { return cgraph.NewLegacy(c, nil) }

func (c *countedScan) String() string {
	return fmt.Sprintf("PrefixScan(%v, %v)", c.scan.index.Dirs, c.scan.vals)
}

// count counts the quad IDs listed under the prefix, up to maxCounted.
func (p prefixScan) count() (cgraph.Size, error) {
	name, prefix := p.bucket(), p.prefix()
	var n int64
	err := p.store.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(name)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			for _, x := range v { // one uvarint ends at each byte below 0x80
				if x < 0x80 {
					n++
				}
			}
			if n > maxCounted {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return cgraph.Size{}, fmt.Errorf("count index %s: %w", name, err)
	}
	if n > maxCounted {
		// Large: at least this many, likely many more.
		return cgraph.Size{Size: max(n, p.store.Size()/int64(2*max(1, len(p.vals))))}, nil
	}
	// Not exact: the lists may still hold removed quads.
	return cgraph.Size{Size: n}, nil
}

// hop is the nodes one step from fixed nodes over the index: the next
// direction of the keys under the scan's prefix (in(P) from x: the
// subjects in the "ops" keys that start with x, P). As Cayley's HasA, it
// yields a node once per stored quad; unlike it, it reads each node from
// the key, and checks one with a key lookup instead of reading all of the
// node's quads from the log.
type hop struct{ scan prefixScan }

// BuildIterator implements shape.Shape.
func (h hop) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	return cgraph.NewLegacy(&hopIterator{hop: h}, nil)
}

// Optimize implements shape.Shape.
func (h hop) Optimize(shape.Optimizer) (shape.Shape, bool) { return h, false }

// hopIterator implements cgraph.IteratorShape for a hop.
type hopIterator struct {
	hop  hop
	size *cgraph.Size
}

func (it *hopIterator) String() string {
	return fmt.Sprintf("Hop(%v, %v)", it.hop.scan.index.Dirs, it.hop.scan.vals)
}

func (it *hopIterator) Iterate() cgraph.Scanner { return &hopNext{hop: it.hop} }
func (it *hopIterator) Lookup() cgraph.Index    { return &hopContains{hop: it.hop} }

func (it *hopIterator) Stats(context.Context) (cgraph.IteratorCosts, error) {
	if it.size == nil {
		sz, err := it.hop.scan.count()
		if err != nil {
			return cgraph.IteratorCosts{}, err
		}
		it.size = &sz
	}
	// A key and a log read per result; a key and a log read per check
	// (Cayley's HasA: the node's quads from the log, costed at 60).
	return cgraph.IteratorCosts{NextCost: 2, ContainsCost: 2, Size: *it.size}, nil
}

func (it *hopIterator) Optimize(context.Context) (cgraph.IteratorShape, bool) { return it, false }
func (it *hopIterator) SubIterators() []cgraph.IteratorShape                  { return nil }

// live reports how many of the quads listed in an index value are in the
// log and not deleted (Cayley marks a removed quad in the log and leaves
// its ID in the index lists).
func live(logb *bolt.Bucket, list []byte) (int, error) {
	n := 0
	var key [8]byte
	for len(list) > 0 {
		id, k := binary.Uvarint(list)
		if k <= 0 {
			return n, errors.New("bad index list")
		}
		list = list[k:]
		binary.BigEndian.PutUint64(key[:], id)
		v := logb.Get(key[:])
		if v == nil {
			continue
		}
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return n, fmt.Errorf("quad %d: %w", id, err)
		}
		if !p.Deleted {
			n++
		}
	}
	return n, nil
}

// hopNext scans the keys under the prefix in one read transaction, held
// until the scan ends or is closed.
type hopNext struct {
	hop    hop
	tx     *bolt.Tx
	cur    *bolt.Cursor
	logb   *bolt.Bucket
	prefix []byte
	key    []byte // the current key; nil before the first
	rest   int    // live quads of the current key not yet returned
	result cgraph.Ref
	done   bool
	err    error
}

func (it *hopNext) Next(ctx context.Context) bool {
	it.result = nil
	if it.done || it.err != nil {
		return false
	}
	if it.tx == nil {
		tx, err := it.hop.scan.store.db.Begin(false)
		if err != nil {
			it.err = err
			return false
		}
		it.tx, it.logb = tx, tx.Bucket(bucketLog)
		b := tx.Bucket(it.hop.scan.bucket())
		if b == nil || it.logb == nil {
			it.Close()
			return false
		}
		it.cur, it.prefix = b.Cursor(), it.hop.scan.prefix()
	}
	for it.rest == 0 {
		if err := ctx.Err(); err != nil {
			it.err = err
			return false
		}
		var k, v []byte
		if it.key == nil {
			k, v = it.cur.Seek(it.prefix)
		} else {
			k, v = it.cur.Next()
		}
		if k == nil || !bytes.HasPrefix(k, it.prefix) || len(k) < len(it.prefix)+8 {
			it.Close()
			return false
		}
		it.key = k
		if it.rest, it.err = live(it.logb, v); it.err != nil {
			return false
		}
	}
	it.rest--
	it.result = ckv.Int64Value(binary.BigEndian.Uint64(it.key[len(it.prefix):]))
	return true
}

func (it *hopNext) Close() error {
	if it.tx != nil {
		it.tx.Rollback()
		it.tx, it.cur, it.logb = nil, nil, nil
	}
	it.done = true
	return nil
}

func (it *hopNext) Result() cgraph.Ref               { return it.result }
func (it *hopNext) NextPath(context.Context) bool    { return false }
func (it *hopNext) TagResults(map[string]cgraph.Ref) {}
func (it *hopNext) Err() error                       { return it.err }
func (it *hopNext) String() string                   { return "HopNext" }

// hopContains checks a node with one key lookup in its own read
// transaction. As Cayley's HasA, it has one path per live quad.
type hopContains struct {
	hop    hop
	result cgraph.Ref
	paths  int // further paths for NextPath
	err    error
}

func (it *hopContains) Contains(ctx context.Context, v cgraph.Ref) bool {
	it.result, it.paths = nil, 0
	id, ok := v.(ckv.Int64Value)
	if !ok || it.err != nil {
		return false
	}
	if err := ctx.Err(); err != nil {
		it.err = err
		return false
	}
	scan := it.hop.scan
	key := scan.prefix(uint64(id))
	n := 0
	it.err = scan.store.db.View(func(tx *bolt.Tx) error {
		b, logb := tx.Bucket(scan.bucket()), tx.Bucket(bucketLog)
		if b == nil || logb == nil {
			return nil
		}
		c := b.Cursor()
		for k, list := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, list = c.Next() {
			m, err := live(logb, list)
			if err != nil {
				return err
			}
			n += m
		}
		return nil
	})
	if it.err != nil || n == 0 {
		return false
	}
	it.result, it.paths = v, n-1
	return true
}

func (it *hopContains) NextPath(context.Context) bool {
	if it.paths == 0 {
		return false
	}
	it.paths--
	return true
}

func (it *hopContains) Result() cgraph.Ref               { return it.result }
func (it *hopContains) TagResults(map[string]cgraph.Ref) {}
func (it *hopContains) Err() error                       { return it.err }
func (it *hopContains) Close() error                     { return it.err }
func (it *hopContains) String() string                   { return "HopContains" }

// queryView is the store one Gizmo query runs on: the planned store, with
// node values read in one read transaction for the whole query and kept
// for its length (Cayley opens a transaction per value and reads a node
// again each time a query meets it).
type queryView struct {
	*plannedStore
	mu     sync.Mutex
	tx     *bolt.Tx
	logb   *bolt.Bucket
	names  map[ckv.Int64Value]quad.Value
	closed bool
}

func (s *plannedStore) view() *queryView {
	return &queryView{plannedStore: s, names: map[ckv.Int64Value]quad.Value{}}
}

// NameOf implements cgraph.QuadStore.
func (v *queryView) NameOf(ref cgraph.Ref) quad.Value {
	id, ok := ref.(ckv.Int64Value)
	if !ok || id == 0 {
		return v.plannedStore.NameOf(ref)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if val, ok := v.names[id]; ok {
		return val
	}
	if v.closed {
		return v.plannedStore.NameOf(ref)
	}
	if v.tx == nil {
		tx, err := v.db.Begin(false)
		if err != nil {
			return v.plannedStore.NameOf(ref)
		}
		v.tx, v.logb = tx, tx.Bucket(bucketLog)
	}
	if v.logb == nil {
		return nil
	}
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], uint64(id))
	raw := v.logb.Get(key[:])
	if raw == nil {
		return nil
	}
	var p proto.Primitive
	if err := p.Unmarshal(raw); err != nil || !p.IsNode() {
		return nil
	}
	val, err := pquads.UnmarshalValue(p.Value)
	if err != nil {
		return nil
	}
	v.names[id] = val
	return val
}

// close ends the view's transaction; values asked for later are read as
// Cayley reads them.
func (v *queryView) close() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.closed = true
	if v.tx != nil {
		v.tx.Rollback()
		v.tx, v.logb = nil, nil
	}
}
