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
	if sh, ok := s.splitNodesFrom(nf.Dir, q); ok {
		return sh, true
	}
	if sh, ok := s.joinNodesFrom(nf.Dir, q); ok {
		return sh, true
	}
	return nf, false
}

// splitNodesFrom plans a hop whose filters are all fixed nodes as the
// union of one planned hop per combination of them.
func (s *plannedStore) splitNodesFrom(result quad.Direction, q shape.Quads) (shape.Shape, bool) {
	combos := []map[quad.Direction]cgraph.Ref{{}}
	for _, f := range q {
		fixed, ok := f.Values.(shape.Fixed)
		if !ok || len(fixed) == 0 || len(combos)*len(fixed) > maxUnion {
			return nil, false
		}
		var next []map[quad.Direction]cgraph.Ref
		for _, c := range combos {
			if _, dup := c[f.Dir]; dup {
				return nil, false
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
		return nil, false // one fixed node each: a QuadsAction, planned as one
	}
	union := make(shape.Union, 0, len(combos))
	for _, filter := range combos {
		part, ok := s.optimizeAction(shape.QuadsAction{Result: result, Filter: filter})
		if !ok {
			return nil, false
		}
		union = append(union, part)
	}
	return union, true
}

// optimizeAction plans a QuadsAction: quads filtered on one fixed node in
// each of several directions.
func (s *plannedStore) optimizeAction(qa shape.QuadsAction) (shape.Shape, bool) {
	if len(qa.Filter) == 1 && len(qa.Save) == 0 {
		// has(P) with no value: only checking a node gets better.
		p, ok := qa.Filter[quad.Predicate].(ckv.Int64Value)
		if !ok || (qa.Result != quad.Subject && qa.Result != quad.Object) {
			return qa, false
		}
		ind := s.leading(qa.Result)
		if ind == nil {
			return qa, false
		}
		return withPredicate{action: qa, store: s, index: *ind, pred: uint64(p)}, true
	}
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

// indexBucket is the name of an index's bucket, as Cayley names it.
func indexBucket(ind ckv.QuadIndex) []byte {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return name
}

// indexKey is the start of an index key: the node IDs in order.
func indexKey(ids ...[]uint64) []byte {
	var key []byte
	for _, part := range ids {
		for _, v := range part {
			key = binary.BigEndian.AppendUint64(key, v)
		}
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
	name, prefix := indexBucket(p.index), indexKey(p.vals)
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
func (it *hopIterator) Lookup() cgraph.Index {
	scan := it.hop.scan
	return &keyCheck{db: scan.store.db, bucket: indexBucket(scan.index), before: scan.vals}
}

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

// eachLive calls fn with each quad listed in an index value that is in
// the log and not deleted (Cayley marks a removed quad in the log and
// leaves its ID in the index lists).
func eachLive(logb *bolt.Bucket, list []byte, fn func(*proto.Primitive)) error {
	var key [8]byte
	for len(list) > 0 {
		id, k := binary.Uvarint(list)
		if k <= 0 {
			return errors.New("bad index list")
		}
		list = list[k:]
		binary.BigEndian.PutUint64(key[:], id)
		v := logb.Get(key[:])
		if v == nil {
			continue
		}
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return fmt.Errorf("quad %d: %w", id, err)
		}
		if !p.Deleted {
			fn(&p)
		}
	}
	return nil
}

// live counts the live quads listed in an index value.
func live(logb *bolt.Bucket, list []byte) (int, error) {
	n := 0
	err := eachLive(logb, list, func(*proto.Primitive) { n++ })
	return n, err
}

// liveUnder counts the live quads listed under the keys of bucket that
// start with prefix, in a read transaction of its own.
func liveUnder(db *bolt.DB, bucket, prefix []byte) (int, error) {
	n := 0
	err := db.View(func(tx *bolt.Tx) error {
		b, logb := tx.Bucket(bucket), tx.Bucket(bucketLog)
		if b == nil || logb == nil {
			return nil
		}
		c := b.Cursor()
		for k, list := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, list = c.Next() {
			m, err := live(logb, list)
			if err != nil {
				return err
			}
			n += m
		}
		return nil
	})
	return n, err
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
		b := tx.Bucket(indexBucket(it.hop.scan.index))
		if b == nil || it.logb == nil {
			it.Close()
			return false
		}
		it.cur, it.prefix = b.Cursor(), indexKey(it.hop.scan.vals)
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

// keyCheck checks a node with one key lookup in its own read
// transaction: the live quads under the keys that start (before, node,
// after) in bucket. As Cayley's HasA, it has one path per live quad.
type keyCheck struct {
	db            *bolt.DB
	bucket        []byte
	before, after []uint64
	result        cgraph.Ref
	paths         int // further paths for NextPath
	err           error
}

func (it *keyCheck) Contains(ctx context.Context, v cgraph.Ref) bool {
	it.result, it.paths = nil, 0
	id, ok := v.(ckv.Int64Value)
	if !ok || it.err != nil {
		return false
	}
	if err := ctx.Err(); err != nil {
		it.err = err
		return false
	}
	var n int
	n, it.err = liveUnder(it.db, it.bucket, indexKey(it.before, []uint64{uint64(id)}, it.after))
	if it.err != nil || n == 0 {
		return false
	}
	it.result, it.paths = v, n-1
	return true
}

func (it *keyCheck) NextPath(context.Context) bool {
	if it.paths == 0 {
		return false
	}
	it.paths--
	return true
}

func (it *keyCheck) Result() cgraph.Ref               { return it.result }
func (it *keyCheck) TagResults(map[string]cgraph.Ref) {}
func (it *keyCheck) Err() error                       { return it.err }
func (it *keyCheck) Close() error                     { return it.err }
func (it *keyCheck) String() string                   { return "KeyCheck" }

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

// joinNodesFrom plans a hop over fixed predicates from the nodes of any
// other shape (g.V(x).in(P).out(Q): the out(Q)) as a join through the
// index: Cayley's plan reads every quad of the predicate, here each node
// of the shape is looked up in turn.
func (s *plannedStore) joinNodesFrom(result quad.Direction, q shape.Quads) (shape.Shape, bool) {
	if len(q) != 2 {
		return nil, false
	}
	var (
		preds []uint64
		from  shape.QuadFilter
	)
	for _, f := range q {
		switch f.Dir {
		case quad.Predicate:
			fixed, ok := f.Values.(shape.Fixed)
			if !ok || preds != nil {
				return nil, false
			}
			for _, v := range fixed {
				id, ok := v.(ckv.Int64Value)
				if !ok {
					return nil, false
				}
				preds = append(preds, uint64(id))
			}
		case quad.Subject, quad.Object:
			if from.Values != nil {
				return nil, false
			}
			from = f
		default:
			return nil, false
		}
	}
	if len(preds) == 0 || from.Values == nil {
		return nil, false
	}
	if _, all := from.Values.(shape.AllNodes); all {
		return nil, false // every node in turn: no better than Cayley's scan
	}
	if result != opposite(from.Dir) {
		return nil, false
	}
	// The two lookups it makes: the keys that start (node, predicate) in
	// the index that leads with the direction followed, and in the one
	// that leads with the other.
	fwd, back := s.leading(from.Dir), s.leading(result)
	if fwd == nil || back == nil {
		return nil, false
	}
	return join{store: s, from: from.Dir, preds: preds, nodes: from.Values, fwd: fwd, back: back}, true
}

// leading returns the index whose first two directions are d and the
// predicate (nil if there is none).
func (s *plannedStore) leading(d quad.Direction) *ckv.QuadIndex {
	for i, ind := range s.indexes {
		if len(ind.Dirs) >= 2 && ind.Dirs[0] == d && ind.Dirs[1] == quad.Predicate {
			return &s.indexes[i]
		}
	}
	return nil
}

// join is the nodes one hop over preds from the nodes of another shape,
// in direction from: in(P) after any path when from is the object.
type join struct {
	store *plannedStore
	from  quad.Direction // the direction the nodes are in
	preds []uint64
	nodes shape.Shape
	// fwd lists (node, P, ...) with node in direction from; back lists
	// (node, P, ...) with node in the other.
	fwd, back *ckv.QuadIndex
}

// BuildIterator implements shape.Shape.
func (j join) BuildIterator(qs cgraph.QuadStore) cgraph.Iterator {
	return cgraph.NewLegacy(&joinIterator{j: j, nodes: cgraph.AsShape(j.nodes.BuildIterator(qs))}, nil)
}

// Optimize implements shape.Shape.
func (j join) Optimize(r shape.Optimizer) (shape.Shape, bool) {
	ns, ok := j.nodes.Optimize(r)
	if ns == nil {
		return nil, true
	}
	j.nodes = ns
	return j, ok
}

type joinIterator struct {
	j     join
	nodes cgraph.IteratorShape
}

func (it *joinIterator) String() string {
	return fmt.Sprintf("Join(%v, %v)", it.j.from, it.j.preds)
}

func (it *joinIterator) Iterate() cgraph.Scanner {
	return &joinNext{j: it.j, nodes: it.nodes.Iterate()}
}

func (it *joinIterator) Lookup() cgraph.Index {
	return &joinContains{j: it.j, nodes: it.nodes.Lookup()}
}

func (it *joinIterator) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	st, err := it.nodes.Stats(ctx)
	// As Cayley's HasA over LinksTo: one result per node, a few key and
	// log reads each.
	return cgraph.IteratorCosts{
		NextCost:     st.NextCost + 4,
		ContainsCost: 8 * (1 + st.ContainsCost),
		Size:         cgraph.Size{Size: st.Size.Size},
	}, err
}

func (it *joinIterator) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) {
	ns, ok := it.nodes.Optimize(ctx)
	if ok {
		return &joinIterator{j: it.j, nodes: ns}, true
	}
	return it, false
}

func (it *joinIterator) SubIterators() []cgraph.IteratorShape {
	return []cgraph.IteratorShape{it.nodes}
}

// nodeIn returns the node in direction d that a key of index ind holds,
// if the key holds that direction.
func nodeIn(ind *ckv.QuadIndex, key []byte, d quad.Direction) (uint64, bool) {
	for i, x := range ind.Dirs {
		if x == d && len(key) >= 8*(i+1) {
			return binary.BigEndian.Uint64(key[8*i:]), true
		}
	}
	return 0, false
}

// step appends to out, for each live quad of node over the join's
// predicates in index ind (which leads with node's direction, then the
// predicate), the quad's node in direction far: from the key where it
// holds it, else from the log entry read for the liveness check.
func (j join) step(tx *bolt.Tx, ind *ckv.QuadIndex, node uint64, far quad.Direction, out []uint64) ([]uint64, error) {
	b, logb := tx.Bucket(indexBucket(*ind)), tx.Bucket(bucketLog)
	if b == nil || logb == nil {
		return out, nil
	}
	c := b.Cursor()
	for _, p := range j.preds {
		prefix := indexKey([]uint64{node, p})
		for k, list := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, list = c.Next() {
			inKey, ok := nodeIn(ind, k, far)
			err := eachLive(logb, list, func(q *proto.Primitive) {
				if ok {
					out = append(out, inKey)
				} else {
					out = append(out, q.GetDirection(far))
				}
			})
			if err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

func opposite(d quad.Direction) quad.Direction {
	if d == quad.Subject {
		return quad.Object
	}
	return quad.Subject
}

// joinNext takes the nodes in turn and yields, for each, the far ends of
// its quads over the predicates, each with the node's paths.
type joinNext struct {
	j      join
	nodes  cgraph.Scanner
	far    []uint64 // the current node's far ends not yet returned
	result cgraph.Ref
	err    error
}

func (it *joinNext) Next(ctx context.Context) bool {
	it.result = nil
	if it.err != nil {
		return false
	}
	for len(it.far) == 0 {
		if !it.nodes.Next(ctx) {
			it.err = it.nodes.Err()
			return false
		}
		id, ok := it.nodes.Result().(ckv.Int64Value)
		if !ok {
			continue
		}
		it.err = it.j.store.db.View(func(tx *bolt.Tx) error {
			var err error
			it.far, err = it.j.step(tx, it.j.fwd, uint64(id), opposite(it.j.from), it.far[:0])
			return err
		})
		if it.err != nil {
			return false
		}
	}
	it.result = ckv.Int64Value(it.far[0])
	it.far = it.far[1:]
	return true
}

// NextPath gives the node's other paths, as Cayley's LinksTo does.
func (it *joinNext) NextPath(ctx context.Context) bool { return it.nodes.NextPath(ctx) }

func (it *joinNext) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }
func (it *joinNext) Result() cgraph.Ref                   { return it.result }
func (it *joinNext) Err() error                           { return it.err }
func (it *joinNext) Close() error                         { return it.nodes.Close() }
func (it *joinNext) String() string                       { return "JoinNext" }

// joinContains checks a node: whether one of its quads over the
// predicates, the other way, ends at a node of the shape. Its paths are
// the shape's paths through each such quad.
type joinContains struct {
	j      join
	nodes  cgraph.Index
	near   []uint64 // the candidates not yet checked
	result cgraph.Ref
	err    error
}

func (it *joinContains) Contains(ctx context.Context, v cgraph.Ref) bool {
	it.result, it.near = nil, it.near[:0]
	id, ok := v.(ckv.Int64Value)
	if !ok || it.err != nil {
		return false
	}
	it.err = it.j.store.db.View(func(tx *bolt.Tx) error {
		var err error
		it.near, err = it.j.step(tx, it.j.back, uint64(id), it.j.from, it.near)
		return err
	})
	if it.err != nil {
		return false
	}
	if it.next(ctx) {
		it.result = v
		return true
	}
	return false
}

// next moves to the next candidate the shape contains.
func (it *joinContains) next(ctx context.Context) bool {
	for len(it.near) > 0 {
		n := it.near[0]
		it.near = it.near[1:]
		if it.nodes.Contains(ctx, ckv.Int64Value(n)) {
			return true
		}
		if it.err = it.nodes.Err(); it.err != nil {
			return false
		}
	}
	return false
}

func (it *joinContains) NextPath(ctx context.Context) bool {
	if it.nodes.NextPath(ctx) {
		return true
	}
	return it.next(ctx)
}

func (it *joinContains) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }
func (it *joinContains) Result() cgraph.Ref                   { return it.result }
func (it *joinContains) Err() error                           { return it.err }
func (it *joinContains) Close() error                         { return it.nodes.Close() }
func (it *joinContains) String() string                       { return "JoinContains" }

// withPredicate is the nodes that have a quad with a predicate, in one
// direction (has(P) with no value: subjects of P). Listing them reads every
// quad, as in Cayley (no index leads with the predicate); checking a node
// looks up the keys (node, P) instead of reading all of the node's quads.
type withPredicate struct {
	action shape.QuadsAction
	store  *plannedStore
	index  ckv.QuadIndex // leads with the direction, then the predicate
	pred   uint64
}

// BuildIterator implements shape.Shape.
func (w withPredicate) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	scan := cgraph.AsShape(w.action.BuildIterator(w.store.QuadStore))
	return cgraph.NewLegacy(&withPredicateIterator{IteratorShape: scan, w: w}, nil)
}

// Optimize implements shape.Shape.
func (w withPredicate) Optimize(shape.Optimizer) (shape.Shape, bool) { return w, false }

// withPredicateIterator is Cayley's iterator with another Lookup.
type withPredicateIterator struct {
	cgraph.IteratorShape
	w withPredicate
}

func (it *withPredicateIterator) Lookup() cgraph.Index {
	return &keyCheck{db: it.w.store.db, bucket: indexBucket(it.w.index), after: []uint64{it.w.pred}}
}

func (it *withPredicateIterator) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	st, err := it.IteratorShape.Stats(ctx)
	st.ContainsCost = 2
	return st, err
}

func (it *withPredicateIterator) Optimize(context.Context) (cgraph.IteratorShape, bool) {
	return it, false
}
func (it *withPredicateIterator) AsLegacy() cgraph.Iterator { return cgraph.NewLegacy(it, nil) }
