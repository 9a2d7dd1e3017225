package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad/pquads"
)

// Deferred indexing, for bulk loads.
//
// A kvWriter in bulk mode writes a batch's nodes and quads to the log
// only, with the horizon and size, and keeps the IDs of the nodes it gave
// out in memory. What Cayley's layout spreads over the whole file (node
// IDs and reference counts in 2 × 65,536 hash-prefix buckets, the "sp"
// and "ops" index lists) is left pending and written once, in key order,
// by indexPending: a batch then dirties a few pages at the end of the log
// instead of pages all over the file.
//
// While something is pending, meta's keyBulk holds the horizon at which
// it began: every ID above it is in the log but not yet in "v", "n", "sp"
// or "ops". indexPending rebuilds those entries from the log alone, so a
// process killed in the middle of a bulk load loses nothing it committed:
// the next open finds the marker and indexes the rest. It writes in
// chunks, one transaction each, and records in keyBulkStep (in the same
// transaction) how far it got, so a kill during indexing resumes where it
// stopped; the last chunk removes both keys.
//
// The reference counts it writes are exact: one per quad and direction.
// Cayley's writer also counts the references of a quad it skips as a
// duplicate; a store loaded in bulk therefore has, for such nodes, the
// counts Cayley would have given without the duplicates
// (TestBulkLikeWriter).
var (
	keyBulk     = []byte("actorgraph.bulk")
	keyBulkStep = []byte("actorgraph.bulkstep")
)

// errNeedIndex: a batch has a quad whose nodes are all stored, so whether
// the quad is stored too must be read from indexes that are pending.
var errNeedIndex = errors.New("pending index needed")

// The sizes indexPending works with; tests make them small.
var (
	sortRunRecords = 1 << 20 // index entries sorted in memory before a spill
	nodeChunk      = 1 << 16 // nodes per transaction
	indexChunk     = 1 << 18 // index keys per transaction
	// maxPendingNodes is how many nodes a bulk load leaves pending
	// before it writes the indexes: about 100 bytes each in memory
	// (map and indexPending's list), 8M nodes being some 60M quads.
	maxPendingNodes = 1 << 23

	// afterChunk, if set, is called after each chunk's commit; an error
	// stops indexPending there (tests: a kill in the middle).
	afterChunk func() error
)

// indexStep is how far indexPending got: its phase (0 nodes, 1 "ops",
// 2 "sp") and the last key written in it.
type indexStep struct {
	phase byte
	last  []byte
}

func (s indexStep) done(phase byte, key []byte) bool {
	return phase < s.phase || phase == s.phase && s.last != nil && bytes.Compare(key, s.last) <= 0
}

// pendNode is a node whose "v" or "n" entry is pending.
type pendNode struct {
	hash  cgraph.ValueHash
	isNew bool   // above the marker: no entry yet
	refs  uint32 // references from pending quads
	id    uint64
}

// indexPending writes what the log holds above meta's keyBulk to the
// node and index buckets, then removes the marker; it does nothing when
// there is none. Temporary sort files go to dir.
func indexPending(db *bolt.DB, dir string) error {
	var from uint64
	var step indexStep
	marked := false
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		if v := meta.Get(keyBulk); len(v) == 8 {
			marked, from = true, binary.LittleEndian.Uint64(v)
		}
		if v := meta.Get(keyBulkStep); len(v) > 0 {
			step = indexStep{phase: v[0], last: bytes.Clone(v[1:])}
		}
		return nil
	})
	if err != nil || !marked {
		return err
	}
	ops := &runSorter{dir: dir, width: 4}
	sp := &runSorter{dir: dir, width: 3}
	defer ops.close()
	defer sp.close()
	nodes, err := scanPending(db, from, ops, sp)
	if err != nil {
		return fmt.Errorf("index pending quads: %w", err)
	}
	if err := writeNodes(db, nodes, step); err != nil {
		return fmt.Errorf("index pending nodes: %w", err)
	}
	nodes = nil
	for phase, r := range []*runSorter{ops, sp} {
		if err := writeIndex(db, byte(phase+1), r, from, step); err != nil {
			return fmt.Errorf("index pending quads: %w", err)
		}
	}
	return db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := meta.Delete(keyBulk); err != nil {
			return err
		}
		return meta.Delete(keyBulkStep)
	})
}

// scanPending reads the log above from: the new nodes, with their hashes,
// and every quad's references and index entries. It returns the nodes
// whose entries change, new and old, sorted by hash.
func scanPending(db *bolt.DB, from uint64, ops, sp *runSorter) ([]pendNode, error) {
	var nodes []pendNode // new ones, by ID
	// block[b] is the index in nodes of the first node with an ID at
	// least from + b<<idBlockBits: a node is found by a binary search in
	// its block.
	const idBlockBits = 5
	var block []int32
	old := map[uint64]uint32{}
	ref := func(id uint64) error {
		switch {
		case id == 0:
		case id <= from:
			old[id]++
		default:
			b := (id - from) >> idBlockBits
			if b >= uint64(len(block)) {
				return fmt.Errorf("node %d: not in the log before its quad", id)
			}
			end := int32(len(nodes))
			if b+1 < uint64(len(block)) {
				end = block[b+1]
			}
			in := nodes[block[b]:end]
			i, ok := slices.BinarySearchFunc(in, id, func(n pendNode, id uint64) int { return cmp.Compare(n.id, id) })
			if !ok {
				return fmt.Errorf("node %d: not in the log before its quad", id)
			}
			in[i].refs++
		}
		return nil
	}
	err := db.View(func(tx *bolt.Tx) error {
		logb := tx.Bucket(bucketLog)
		if logb == nil {
			return errors.New("no log")
		}
		var seek [8]byte
		binary.BigEndian.PutUint64(seek[:], from+1)
		c := logb.Cursor()
		var p proto.Primitive
		for k, v := c.Seek(seek[:]); k != nil; k, v = c.Next() {
			p.Reset()
			if err := p.Unmarshal(v); err != nil {
				return fmt.Errorf("log %x: %w", k, err)
			}
			if p.Deleted {
				continue
			}
			if p.IsNode() {
				val, err := pquads.UnmarshalValue(p.Value)
				if err != nil {
					return fmt.Errorf("node %d: %w", p.ID, err)
				}
				for b := (p.ID - from) >> idBlockBits; uint64(len(block)) <= b; {
					block = append(block, int32(len(nodes)))
				}
				nodes = append(nodes, pendNode{hash: cgraph.HashOf(val), id: p.ID, isNew: true})
				continue
			}
			for _, id := range [4]uint64{p.Subject, p.Predicate, p.Object, p.Label} {
				if err := ref(id); err != nil {
					return err
				}
			}
			if err := ops.add([4]uint64{p.Object, p.Predicate, p.Subject, p.ID}); err != nil {
				return err
			}
			if err := sp.add([4]uint64{p.Subject, p.Predicate, p.ID}); err != nil {
				return err
			}
		}
		// The old nodes a pending quad refers to: their hashes from
		// their values in the log.
		var key [8]byte
		for id, refs := range old {
			binary.BigEndian.PutUint64(key[:], id)
			v := logb.Get(key[:])
			if v == nil {
				return fmt.Errorf("node %d: not in the log", id)
			}
			p.Reset()
			if err := p.Unmarshal(v); err != nil {
				return fmt.Errorf("node %d: %w", id, err)
			}
			val, err := pquads.UnmarshalValue(p.Value)
			if err != nil {
				return fmt.Errorf("node %d: %w", id, err)
			}
			nodes = append(nodes, pendNode{hash: cgraph.HashOf(val), id: id, refs: refs})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(nodes, func(a, b pendNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	return nodes, nil
}

// writeNodes writes the nodes' IDs (new ones) and reference counts, in
// hash order, nodeChunk nodes per transaction.
func writeNodes(db *bolt.DB, nodes []pendNode, step indexStep) error {
	for len(nodes) > 0 && step.done(0, nodes[0].hash[:]) {
		nodes = nodes[1:]
	}
	var mem slab // what bolt holds until the commit
	for len(nodes) > 0 {
		chunk := nodes[:min(nodeChunk, len(nodes))]
		nodes = nodes[len(chunk):]
		mem.reset()
		err := db.Update(func(tx *bolt.Tx) error {
			ids := hashBuckets{tx: tx, prefix: 'v', create: true}
			refs := hashBuckets{tx: tx, prefix: 'n', create: true}
			for i := range chunk {
				n := &chunk[i]
				if n.isNew {
					b, err := ids.of(&n.hash)
					if err != nil {
						return err
					}
					b.FillPercent = 0.9
					if err := b.Put(n.hash[:], mem.uvarint(n.id)); err != nil {
						return err
					}
				}
				b, err := refs.of(&n.hash)
				if err != nil {
					return err
				}
				b.FillPercent = 0.9
				count := uint64(n.refs)
				if !n.isNew {
					if v := b.Get(n.hash[:]); v != nil {
						old, _ := binary.Uvarint(v)
						count += old
					}
				}
				if err := b.Put(n.hash[:], mem.uvarint(count)); err != nil {
					return err
				}
			}
			return putStep(tx, 0, chunk[len(chunk)-1].hash[:])
		})
		if err == nil && afterChunk != nil {
			err = afterChunk()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func putStep(tx *bolt.Tx, phase byte, last []byte) error {
	v := append([]byte{phase}, last...)
	return tx.Bucket(bucketMeta).Put(keyBulkStep, v)
}

// writeIndex appends the sorted entries of r to index bucket phase-1
// ("ops", "sp"), indexChunk keys per transaction. A key made only of IDs
// up to from may have a list already; the others cannot.
func writeIndex(db *bolt.DB, phase byte, r *runSorter, from uint64, step indexStep) error {
	width := r.width - 1 // IDs in a key; the last is the quad's
	name := indexNames[phase-1]
	it, err := r.iterate()
	if err != nil {
		return err
	}
	defer it.close()
	var mem slab // what bolt holds until the commit
	var val []byte
	rec, ok, err := it.next()
	for ok && err == nil {
		mem.reset()
		err = db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(name)
			if b == nil {
				return fmt.Errorf("no bucket %q", name)
			}
			b.FillPercent = 0.9
			var k []byte
			for keys := 0; ok && keys < indexChunk; keys++ {
				e := indexEntry{ind: int8(phase - 1)}
				copy(e.key[:], rec[:width])
				k = e.bytes(mem.alloc(8 * width)[:0])
				cur := rec
				val = val[:0]
				for ok && slices.Equal(cur[:width], rec[:width]) {
					val = binary.AppendUvarint(val, rec[width])
					if rec, ok, err = it.next(); err != nil {
						return err
					}
				}
				if step.done(phase, k) {
					continue
				}
				var old []byte
				if !e.fresh(from + 1) {
					old = b.Get(k)
				}
				v := mem.alloc(len(old) + len(val))
				copy(v[copy(v, old):], val)
				if err := b.Put(k, v); err != nil {
					return err
				}
			}
			return putStep(tx, phase, k)
		})
		if err == nil && afterChunk != nil {
			err = afterChunk()
		}
	}
	return err
}

// runSorter sorts records of width IDs (width ≤ 4, the rest zero) that do
// not fit in memory: sorted runs of sortRunRecords spill to temporary
// files in dir, and iterate merges them.
type runSorter struct {
	dir   string
	width int
	buf   [][4]uint64
	files []*os.File
}

func (r *runSorter) add(rec [4]uint64) error {
	r.buf = append(r.buf, rec)
	if len(r.buf) >= sortRunRecords {
		return r.spill()
	}
	return nil
}

func compareRecords(a, b [4]uint64) int {
	switch {
	case a[0] != b[0]:
		return cmp.Compare(a[0], b[0])
	case a[1] != b[1]:
		return cmp.Compare(a[1], b[1])
	case a[2] != b[2]:
		return cmp.Compare(a[2], b[2])
	}
	return cmp.Compare(a[3], b[3])
}

func (r *runSorter) spill() error {
	slices.SortFunc(r.buf, compareRecords)
	f, err := os.CreateTemp(r.dir, "indexes.sort-*")
	if err != nil {
		return err
	}
	r.files = append(r.files, f)
	os.Remove(f.Name()) // unlinked: gone with the process, whatever happens
	w := bufio.NewWriterSize(f, 1<<16)
	var b [32]byte
	for _, rec := range r.buf {
		for i := range r.width {
			binary.LittleEndian.PutUint64(b[8*i:], rec[i])
		}
		if _, err := w.Write(b[:8*r.width]); err != nil {
			return err
		}
	}
	r.buf = r.buf[:0]
	return w.Flush()
}

func (r *runSorter) close() {
	for _, f := range r.files {
		f.Close()
	}
	r.files, r.buf = nil, nil
}

// runIter merges the sorted runs: the one in memory and the files.
type runIter struct {
	mem   [][4]uint64
	heads runHeap
	width int
}

type runHead struct {
	rec [4]uint64
	rd  *bufio.Reader // nil: the run in memory
}

type runHeap []runHead

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return compareRecords(h[i].rec, h[j].rec) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(runHead)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (r *runSorter) iterate() (*runIter, error) {
	slices.SortFunc(r.buf, compareRecords)
	it := &runIter{mem: r.buf}
	for _, f := range r.files {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		h := runHead{rd: bufio.NewReaderSize(f, 1<<16)}
		ok, err := readRecord(h.rd, r.width, &h.rec)
		if err != nil {
			return nil, err
		}
		if ok {
			it.heads = append(it.heads, h)
		}
	}
	if len(it.mem) > 0 {
		it.heads = append(it.heads, runHead{rec: it.mem[0]})
		it.mem = it.mem[1:]
	}
	heap.Init(&it.heads)
	it.width = r.width
	return it, nil
}

// readRecord reads the next record of a run; false at its end.
func readRecord(rd *bufio.Reader, width int, rec *[4]uint64) (bool, error) {
	var b [32]byte
	if _, err := io.ReadFull(rd, b[:8*width]); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("sort run: %w", err)
	}
	for i := range width {
		rec[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return true, nil
}

// next returns the smallest record left; false when none is.
func (it *runIter) next() ([4]uint64, bool, error) {
	if len(it.heads) == 0 {
		return [4]uint64{}, false, nil
	}
	h := &it.heads[0]
	rec := h.rec
	var ok bool
	if h.rd == nil {
		if ok = len(it.mem) > 0; ok {
			h.rec, it.mem = it.mem[0], it.mem[1:]
		}
	} else {
		var err error
		if ok, err = readRecord(h.rd, it.width, &h.rec); err != nil {
			return rec, false, err
		}
	}
	if ok {
		heap.Fix(&it.heads, 0)
	} else {
		heap.Pop(&it.heads)
	}
	return rec, true, nil
}

func (it *runIter) close() { it.heads, it.mem = nil, nil }

// sortDir is where indexPending puts its temporary files: beside the
// store, where there is room for it.
func sortDir(db *bolt.DB) string { return filepath.Dir(db.Path()) }
