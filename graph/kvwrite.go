package graph

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// kvWriter adds quads to a bolt store in Cayley v0.7.7's kv layout,
// writing what Cayley's own writer (kv.QuadStore.ApplyDeltas with
// IgnoreDup, bloom filters off) writes, key for key, in one transaction:
//
//   - bucket "v" h0 h1 maps a value's hash (SHA-1 of its N-Quads term;
//     h0, h1 its first bytes) to the node's ID, a uvarint;
//   - bucket "n" h0 h1 maps the hash to the node's reference count;
//   - bucket "log" maps a big-endian ID to a proto.Primitive: a node
//     (Value set) or a quad (Subject, Predicate, Object, Label IDs);
//   - buckets "sp" (subject ID, predicate ID) and "ops" (object,
//     predicate, subject) map big-endian ID tuples to the uvarint list of
//     the IDs of the quads that have them, in increasing order;
//   - bucket "meta" holds "horizon" (the last ID given out) and "size"
//     (the number of quads), little-endian.
//
// New nodes get IDs in the order of their hashes, then the new quads in
// input order, as Cayley gives them; a quad already stored, or given
// twice, is skipped, and (as in Cayley) still counts as a reference to its
// nodes. TestKVWriterLikeCayley compares every key and value with what
// Cayley's writer stores.
//
// It does the same work in less time: values are hashed once per batch,
// not once per occurrence; nodes are looked up and written in hash order,
// one bucket lookup per run of nodes that share a bucket; index entries
// are sorted in a flat slice, not gathered in maps of strings; and all
// that a transaction writes comes from a few reused slabs, not one
// allocation per key. Removals still go through Cayley.
type kvWriter struct {
	db *bolt.DB

	byValue map[quad.Value]int32       // a batch's values: index in nodes
	byHash  map[cgraph.ValueHash]int32 // the same, by hash
	nodes   []kvNode
	order   []int32    // nodes, in hash order
	refs    [][4]int32 // per quad: node index per direction, -1 for none
	seen    map[[4]uint64]struct{}
	entries []indexEntry
	slab    slab

	// Bulk mode (see bulk.go): nodes and quads go to the log only, their
	// entries in "v", "n", "sp" and "ops" are left pending.
	bulk      bool
	pending   bool                        // meta's keyBulk is set
	pendFrom  uint64                      // its value: IDs above it are pending
	pendNodes map[cgraph.ValueHash]uint64 // the pending nodes' IDs
	broken    error                       // indexing failed: the writer is unusable
}

type kvNode struct {
	hash  cgraph.ValueHash
	val   quad.Value
	ref   int64
	id    uint64
	isNew bool
}

// indexEntry is one quad ID to append to the list under key in an index
// bucket (ind: 0 "ops", 1 "sp", the order Cayley flushes them in).
type indexEntry struct {
	key [3]uint64 // the IDs the key is made of: 3 for "ops", 2 for "sp"
	id  uint64
	ind int8
}

var (
	bucketMeta = []byte("meta")
	bucketLog  = []byte(appendOnly)
	indexNames = [2][]byte{[]byte("ops"), []byte("sp")}
	keyHorizon = []byte("horizon")
	keySize    = []byte("size")
	keyIndexes = []byte("indexes")
)

// newKVWriter returns a writer for db if the store's indexes are Cayley's
// default ones (subject-predicate and object-predicate-subject), the only
// layout it writes; nil otherwise, and Cayley's writer is used.
func newKVWriter(db *bolt.DB) (*kvWriter, error) {
	want, err := json.Marshal(ckv.DefaultQuadIndexes)
	if err != nil {
		return nil, err
	}
	same := false
	err = db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			same = bytes.Equal(b.Get(keyIndexes), want)
		}
		return nil
	})
	if err != nil || !same {
		return nil, err
	}
	return &kvWriter{
		db:        db,
		pendNodes: map[cgraph.ValueHash]uint64{},
		byValue:   map[quad.Value]int32{},
		byHash:    map[cgraph.ValueHash]int32{},
		seen:      map[[4]uint64]struct{}{},
	}, nil
}

// add writes qs in one transaction and returns the number of quads that
// were new. In bulk mode, a batch that needs the pending indexes (a quad
// between stored nodes, which may be stored itself) has them written
// first.
func (w *kvWriter) add(qs []quad.Quad) (int, error) {
	if len(qs) == 0 {
		return 0, nil
	}
	if w.broken != nil {
		return 0, w.broken
	}
	defer w.reset()
	w.collect(qs)
	for {
		tx, err := w.db.Begin(true)
		if err != nil {
			return 0, err
		}
		n, err := w.write(tx, qs)
		if errors.Is(err, errNeedIndex) {
			tx.Rollback()
			if err := w.finish(); err != nil {
				return 0, err
			}
			for i := range w.nodes {
				w.nodes[i].id, w.nodes[i].isNew = 0, false
			}
			clear(w.seen)
			w.entries = w.entries[:0]
			w.slab.reset()
			continue
		}
		if err != nil {
			tx.Rollback()
			return 0, err
		}
		if err := tx.Commit(); err != nil {
			return 0, err
		}
		if w.bulk {
			w.pending = true
			for i := range w.nodes {
				if n := &w.nodes[i]; n.isNew {
					w.pendNodes[n.hash] = n.id
				}
			}
			if len(w.pendNodes) > maxPendingNodes {
				// Memory stays bounded: the map, and indexPending's
				// list of nodes, grow with the nodes pending.
				if err := w.finish(); err != nil {
					return 0, err
				}
			}
		}
		return n, nil
	}
}

// finish writes the pending entries (indexPending) and leaves nothing
// pending. If that fails the store stays marked, to be indexed when it is
// next opened, and the writer refuses further batches.
func (w *kvWriter) finish() error {
	if !w.pending {
		return nil
	}
	w.pendNodes = nil // in "v" from now on; and its memory is the sort's
	if err := indexPending(w.db, sortDir(w.db)); err != nil {
		w.broken = fmt.Errorf("index pending quads: %w", err)
		return w.broken
	}
	w.pending, w.pendFrom = false, 0
	w.pendNodes = map[cgraph.ValueHash]uint64{}
	return nil
}

// knows reports whether v is a node of the store, pending or not.
func (w *kvWriter) knows(v quad.Value) (bool, error) {
	h := cgraph.HashOf(v)
	if _, ok := w.pendNodes[h]; ok {
		return true, nil
	}
	found := false
	err := w.db.View(func(tx *bolt.Tx) error {
		found = storedID(&hashBuckets{tx: tx, prefix: 'v'}, &h) != 0
		return nil
	})
	return found, err
}

// storedID returns the ID of the node with hash h in the "v" buckets, 0
// if there is none.
func storedID(ids *hashBuckets, h *cgraph.ValueHash) uint64 {
	if b, _ := ids.of(h); b != nil {
		if v := b.Get(h[:]); len(v) != 0 {
			id, _ := binary.Uvarint(v)
			return id
		}
	}
	return 0
}

// reset empties the per-batch state, keeping its memory.
func (w *kvWriter) reset() {
	clear(w.byValue)
	clear(w.byHash)
	clear(w.seen)
	clear(w.nodes) // drop the values
	w.nodes, w.order, w.refs, w.entries = w.nodes[:0], w.order[:0], w.refs[:0], w.entries[:0]
	w.slab.reset()
}

// collect finds the batch's distinct values and what each quad refers to.
func (w *kvWriter) collect(qs []quad.Quad) {
	for _, q := range qs {
		var r [4]int32
		for d, dir := range quad.Directions {
			r[d] = w.node(q.Get(dir))
		}
		w.refs = append(w.refs, r)
	}
	for i := range w.nodes {
		w.order = append(w.order, int32(i))
	}
	slices.SortFunc(w.order, func(a, b int32) int {
		return bytes.Compare(w.nodes[a].hash[:], w.nodes[b].hash[:])
	})
}

// node returns the index of v's node, counting one more reference; -1 for
// nil. Two values with the same N-Quads term are one node, the first
// seen, as in Cayley.
func (w *kvWriter) node(v quad.Value) int32 {
	if v == nil {
		return -1
	}
	memo := mapKey(v)
	if memo {
		if i, ok := w.byValue[v]; ok {
			w.nodes[i].ref++
			return i
		}
	}
	h := cgraph.HashOf(v)
	i, ok := w.byHash[h]
	if !ok {
		i = int32(len(w.nodes))
		w.nodes = append(w.nodes, kvNode{hash: h, val: v})
		w.byHash[h] = i
	}
	if memo {
		w.byValue[v] = i
	}
	w.nodes[i].ref++
	return i
}

// mapKey reports whether v can be a map key: the value kinds of
// cayleygraph/quad, all of which are.
func mapKey(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode, quad.String, quad.TypedString, quad.LangString,
		quad.Int, quad.Float, quad.Bool:
		return true
	}
	return false
}

func (w *kvWriter) write(tx *bolt.Tx, qs []quad.Quad) (int, error) {
	meta := tx.Bucket(bucketMeta)
	logb := tx.Bucket(bucketLog)
	var index [2]*bolt.Bucket
	for i, name := range indexNames {
		index[i] = tx.Bucket(name)
	}
	if meta == nil || logb == nil || index[0] == nil || index[1] == nil {
		return 0, errors.New("not a Cayley kv store: missing buckets")
	}
	logb.FillPercent = 1 // its keys only grow (see appendOnly)
	horizon := metaInt(meta, keyHorizon)
	first := horizon + 1 // the first ID this batch gives out
	if w.bulk && !w.pending {
		w.pendFrom = horizon
		buf := w.slab.alloc(8)
		binary.LittleEndian.PutUint64(buf, horizon)
		if err := meta.Put(keyBulk, buf); err != nil {
			return 0, err
		}
	}
	// In bulk mode on a store that was empty, every node is pending.
	onlyPending := w.bulk && w.pendFrom == 0

	// Nodes: look up each hash; give the new ones IDs in hash order.
	var newNodes int
	ids := hashBuckets{tx: tx, prefix: 'v'}
	for _, i := range w.order {
		n := &w.nodes[i]
		if id, ok := w.pendNodes[n.hash]; ok {
			n.id = id
		} else if !onlyPending {
			n.id = storedID(&ids, &n.hash)
		}
		if n.id == 0 {
			n.isNew = true
			newNodes++
		}
	}
	if newNodes > 0 {
		start := horizon + 1
		horizon += uint64(newNodes)
		now := time.Now()
		ids.create = true
		for _, i := range w.order {
			n := &w.nodes[i]
			if !n.isNew {
				continue
			}
			n.id = start
			start++
			if !w.bulk {
				b, err := ids.of(&n.hash)
				if err != nil {
					return 0, err
				}
				if err := b.Put(n.hash[:], w.slab.uvarint(n.id)); err != nil {
					return 0, err
				}
			}
			val, err := pquads.MarshalValue(n.val)
			if err != nil {
				return 0, fmt.Errorf("value %v: %w", n.val, err)
			}
			p := proto.Primitive{ID: n.id, Value: val, Timestamp: now.UnixNano()}
			if err := w.putLog(logb, &p); err != nil {
				return 0, err
			}
		}
	}
	// Reference counts (in bulk mode, left for indexPending).
	refs := hashBuckets{tx: tx, prefix: 'n', create: true}
	counted := w.order
	if w.bulk {
		counted = nil
	}
	for _, i := range counted {
		n := &w.nodes[i]
		b, err := refs.of(&n.hash)
		if err != nil {
			return 0, err
		}
		count := n.ref
		if !n.isNew {
			if v := b.Get(n.hash[:]); v != nil {
				old, _ := binary.Uvarint(v)
				count += int64(old)
			}
		}
		if count <= 0 {
			if err := b.Delete(n.hash[:]); err != nil {
				return 0, err
			}
			continue
		}
		if err := b.Put(n.hash[:], w.slab.uvarint(uint64(count))); err != nil {
			return 0, err
		}
	}

	// Quads: skip those given twice or already stored.
	links := make([]proto.Primitive, 0, len(qs))
	for qi := range qs {
		var link proto.Primitive
		var key [4]uint64
		mustBeNew := false
		for d, dir := range quad.Directions {
			i := w.refs[qi][d]
			if i < 0 {
				continue
			}
			n := &w.nodes[i]
			mustBeNew = mustBeNew || n.isNew
			link.SetDirection(dir, n.id)
			key[d] = n.id
		}
		if _, dup := w.seen[key]; dup {
			continue
		}
		w.seen[key] = struct{}{}
		if !mustBeNew {
			if w.pending {
				return 0, errNeedIndex
			}
			ok, err := hasLink(logb, index, &link)
			if err != nil {
				return 0, err
			}
			if ok {
				continue
			}
		}
		links = append(links, link)
	}
	if len(links) == 0 {
		return 0, w.putMeta(meta, keyHorizon, horizon)
	}
	now := time.Now()
	for i := range links {
		p := &links[i]
		horizon++
		p.ID = horizon
		p.Timestamp = now.UnixNano()
		if !w.bulk {
			w.entries = append(w.entries, entryFor(0, p.ID, p.Object, p.Predicate, p.Subject))
			w.entries = append(w.entries, entryFor(1, p.ID, p.Subject, p.Predicate))
		}
		if err := w.putLog(logb, p); err != nil {
			return 0, err
		}
	}
	if err := w.putMeta(meta, keyHorizon, horizon); err != nil {
		return 0, err
	}
	size := metaInt(meta, keySize) + uint64(len(links))
	if err := w.putMeta(meta, keySize, size); err != nil {
		return 0, err
	}
	// Index lists: each key's new IDs appended to its stored list, in
	// key order. A key with an ID given out in this batch is not stored.
	slices.SortFunc(w.entries, func(a, b indexEntry) int {
		if a.ind != b.ind {
			return int(a.ind) - int(b.ind)
		}
		for i := range a.key {
			if c := cmp.Compare(a.key[i], b.key[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.id, b.id)
	})
	var keyBuf [24]byte
	for i := 0; i < len(w.entries); {
		e := &w.entries[i]
		j := i + 1
		for j < len(w.entries) && w.entries[j].ind == e.ind && w.entries[j].key == e.key {
			j++
		}
		b := index[e.ind]
		key := e.bytes(keyBuf[:0])
		var old []byte
		if !e.fresh(first) {
			old = b.Get(key)
		}
		buf := w.slab.alloc(len(old) + binary.MaxVarintLen64*(j-i))[:0]
		buf = append(buf, old...)
		for _, x := range w.entries[i:j] {
			buf = binary.AppendUvarint(buf, x.id)
		}
		if err := b.Put(key, buf); err != nil {
			return 0, err
		}
		i = j
	}
	return len(links), nil
}

// fresh reports whether e's key holds an ID given out from first on: a
// node new in this batch, which no stored quad has.
func (e *indexEntry) fresh(first uint64) bool {
	return e.key[0] >= first || e.key[1] >= first || e.key[2] >= first
}

// bytes appends e's key: its IDs, big-endian.
func (e *indexEntry) bytes(buf []byte) []byte {
	n := 3
	if e.ind == 1 {
		n = 2
	}
	for _, x := range e.key[:n] {
		buf = binary.BigEndian.AppendUint64(buf, x)
	}
	return buf
}

// entryFor is the entry of quad id under the key made of ids.
func entryFor(ind int8, id uint64, ids ...uint64) indexEntry {
	e := indexEntry{ind: ind, id: id}
	copy(e.key[:], ids)
	return e
}

// hashBuckets finds the bucket that holds a hash among Cayley's 65,536
// with one prefix letter ("v" IDs, "n" reference counts), named by the
// letter and the hash's first two bytes. Hashes taken in order share a
// lookup per bucket.
type hashBuckets struct {
	tx     *bolt.Tx
	prefix byte
	create bool // create a missing bucket; else of returns nil for it

	name [3]byte
	b    *bolt.Bucket
	set  bool // name and b are those of the last hash
}

func (h *hashBuckets) of(hash *cgraph.ValueHash) (*bolt.Bucket, error) {
	if h.set && h.name[1] == hash[0] && h.name[2] == hash[1] && (h.b != nil || !h.create) {
		return h.b, nil
	}
	h.name = [3]byte{h.prefix, hash[0], hash[1]}
	h.b, h.set = h.tx.Bucket(h.name[:]), true
	if h.b == nil && h.create {
		var err error
		if h.b, err = h.tx.CreateBucket(h.name[:]); err != nil {
			h.set = false
			return nil, err
		}
	}
	return h.b, nil
}

// hasLink reports whether the quad p (IDs only) is stored and not
// deleted: Cayley's check without bloom filters, the intersection of the
// quad's two index lists, each candidate read from the log.
func hasLink(logb *bolt.Bucket, index [2]*bolt.Bucket, p *proto.Primitive) (bool, error) {
	ops := entryFor(0, 0, p.Object, p.Predicate, p.Subject)
	sp := entryFor(1, 0, p.Subject, p.Predicate)
	var buf [24]byte
	a, err := decodeIDs(index[0].Get(ops.bytes(buf[:0])))
	if err != nil {
		return false, err
	}
	c, err := decodeIDs(index[1].Get(sp.bytes(buf[:0])))
	if err != nil {
		return false, err
	}
	both := intersectSorted(c, a)
	var key [8]byte
	for i := len(both) - 1; i >= 0; i-- {
		binary.BigEndian.PutUint64(key[:], both[i])
		v := logb.Get(key[:])
		if v == nil {
			return false, fmt.Errorf("quad %d: in the index, not in the log", both[i])
		}
		var prim proto.Primitive
		if err := prim.Unmarshal(v); err != nil {
			return false, fmt.Errorf("quad %d: %w", both[i], err)
		}
		if !prim.Deleted && prim.IsSameLink(p) {
			return true, nil
		}
	}
	return false, nil
}

func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return out, errors.New("bad index list")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// intersectSorted returns what sorted a and b both hold, as Cayley's
// intersectSortedUint64 does (a's order, each match once).
func intersectSorted(a, b []uint64) []uint64 {
	var c []uint64
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) {
			break
		}
		if b[j] == x {
			c = append(c, x)
			j++
		}
	}
	return c
}

func (w *kvWriter) putLog(logb *bolt.Bucket, p *proto.Primitive) error {
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], p.ID)
	buf := w.slab.alloc(p.ProtoSize())
	if _, err := p.MarshalTo(buf); err != nil {
		return err
	}
	return logb.Put(key[:], buf)
}

func metaInt(meta *bolt.Bucket, key []byte) uint64 {
	v := meta.Get(key)
	if len(v) < 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

func (w *kvWriter) putMeta(meta *bolt.Bucket, key []byte, v uint64) error {
	if metaInt(meta, key) == v {
		return nil // as Cayley, which adds 0 by writing nothing
	}
	buf := w.slab.alloc(8)
	binary.LittleEndian.PutUint64(buf, v)
	return meta.Put(key, buf)
}

// slab hands out byte slices that stay valid until reset, which is how
// long bolt holds the values it is given (until the commit). Its memory
// is reused by the next transaction.
type slab struct {
	cur  []byte
	used [][]byte // filled since the last reset
	free [][]byte
}

const slabSize = 1 << 20

func (s *slab) alloc(n int) []byte {
	if n > slabSize/4 {
		return make([]byte, n)
	}
	if len(s.cur)+n > cap(s.cur) {
		if s.cur != nil {
			s.used = append(s.used, s.cur)
		}
		if k := len(s.free); k > 0 {
			s.cur, s.free = s.free[k-1][:0], s.free[:k-1]
		} else {
			s.cur = make([]byte, 0, slabSize)
		}
	}
	b := s.cur[len(s.cur) : len(s.cur)+n : len(s.cur)+n]
	s.cur = s.cur[:len(s.cur)+n]
	return b
}

func (s *slab) uvarint(x uint64) []byte {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], x)
	b := s.alloc(n)
	copy(b, tmp[:n])
	return b
}

func (s *slab) reset() {
	if s.cur != nil {
		s.used = append(s.used, s.cur)
		s.cur = nil
	}
	s.free = append(s.free, s.used...)
	clear(s.used)
	s.used = s.used[:0]
}
