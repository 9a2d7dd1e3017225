package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// boltKV is the key-value layer Cayley's kv quad store runs on, over a bolt
// file: the same file format and layout as Cayley's own bolt backend
// (hidalgo's adapter), so stores stay readable by `cayley`. It differs in
// what a bulk load pays for:
//
//   - a transaction remembers the buckets it has opened. hidalgo's Put
//     calls CreateBucketIfNotExists for every key, a B+tree search of the
//     root that fails with "bucket exists"; with Get that was a tenth of
//     a build's CPU time.
//   - buckets whose keys only grow (Cayley's quad log, keyed by increasing
//     IDs) are filled to the brim instead of bolt's half-full default, so
//     that appending to them writes half as many pages.
type boltKV struct{ db *bolt.DB }

var _ hkv.KV = (*boltKV)(nil)

// appendOnly is the bucket whose keys are written in increasing order
// (Cayley's kv store: the log of primitives, keyed by big-endian IDs).
const appendOnly = "log"

// Close closes the file, syncing it first if transactions were not.
func (k *boltKV) Close() error {
	if k.db.NoSync {
		if err := k.db.Sync(); err != nil {
			k.db.Close()
			return fmt.Errorf("sync store: %w", err)
		}
	}
	return k.db.Close()
}

func (k *boltKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := k.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx, buckets: map[string]*bolt.Bucket{}}, nil
}

// boltTx is a bolt transaction with its top-level buckets cached. A key
// [b, k] is key k of bucket b; [k] is key k of the root; longer keys
// name nested buckets.
type boltTx struct {
	tx      *bolt.Tx
	buckets map[string]*bolt.Bucket
}

// top returns the top-level bucket called name, creating it if create is
// set (and the transaction is writable); nil if there is none.
func (t *boltTx) top(name []byte, create bool) (*bolt.Bucket, error) {
	if b := t.buckets[string(name)]; b != nil {
		return b, nil
	}
	b := t.tx.Bucket(name)
	if b == nil && create {
		var err error
		if b, err = t.tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	if b == nil {
		return nil, nil
	}
	if t.tx.Writable() && string(name) == appendOnly {
		b.FillPercent = 1
	}
	t.buckets[string(name)] = b
	return b, nil
}

// bucket returns the bucket that holds key k (nil if there is none; the
// root for a one-part key) and the last part of k.
func (t *boltTx) bucket(k hkv.Key, create bool) (*bolt.Bucket, []byte, error) {
	if len(k) == 0 {
		return nil, nil, nil
	}
	if len(k) == 1 {
		return t.tx.Cursor().Bucket(), k[0], nil
	}
	b, err := t.top(k[0], create)
	for _, name := range k[1 : len(k)-1] {
		if b == nil || err != nil {
			break
		}
		if create {
			b, err = b.CreateBucketIfNotExists(name)
		} else {
			b = b.Bucket(name)
		}
	}
	return b, k[len(k)-1], err
}

func (t *boltTx) Get(_ context.Context, k hkv.Key) (hkv.Value, error) {
	b, last, _ := t.bucket(k, false)
	if b == nil {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(last)
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, k := range keys {
		if b, last, _ := t.bucket(k, false); b != nil {
			vals[i] = b.Get(last)
		}
	}
	return vals, nil
}

func (t *boltTx) Put(k hkv.Key, v hkv.Value) error {
	b, last, err := t.bucket(k, true)
	if err != nil {
		return err
	}
	if b == nil {
		return bolt.ErrBucketNotFound
	}
	if len(last) == 0 && len(v) == 0 {
		return nil // a bucket's creation: nothing to put
	}
	return b.Put(last, v)
}

func (t *boltTx) Del(k hkv.Key) error {
	b, last, _ := t.bucket(k, false)
	if b == nil {
		return nil
	}
	return b.Delete(last)
}

func (t *boltTx) Commit(context.Context) error { return t.tx.Commit() }

func (t *boltTx) Close() error {
	if t.tx.DB() == nil {
		return nil // committed or rolled back already
	}
	return t.tx.Rollback()
}

// Scan iterates over the keys that start with pref: every part of pref
// but the last names a bucket, the last is a prefix of the keys (or
// bucket names) at that level. Nested buckets under a match are walked
// whole.
func (t *boltTx) Scan(pref hkv.Key) hkv.Iterator {
	it := &boltIter{}
	var b *bolt.Bucket
	switch len(pref) {
	case 0:
		b = t.tx.Cursor().Bucket()
	case 1:
		b, it.prefix = t.tx.Cursor().Bucket(), pref[0]
	default:
		b, it.prefix, _ = t.bucket(pref, false)
		it.path = pref[:len(pref)-1].Clone()
	}
	if b != nil {
		it.cursors = []*bolt.Cursor{b.Cursor()}
	}
	return it
}

// boltIter walks a bucket depth-first, its keys in order.
type boltIter struct {
	prefix  []byte
	cursors []*bolt.Cursor // a stack: the bucket being walked is last
	started bool           // the last cursor has been positioned
	path    hkv.Key        // names of the buckets above the current key
	k, v    []byte
}

func (it *boltIter) Next(context.Context) bool {
	for len(it.cursors) > 0 {
		depth := len(it.cursors) - 1
		c := it.cursors[depth]
		var k, v []byte
		switch {
		case it.started:
			k, v = c.Next()
		case depth == 0 && len(it.prefix) > 0:
			k, v = c.Seek(it.prefix)
		default:
			k, v = c.First()
		}
		it.started = true
		if k == nil || (depth == 0 && !bytes.HasPrefix(k, it.prefix)) {
			// This bucket is done: back to its parent.
			it.cursors = it.cursors[:depth]
			if depth > 0 {
				it.path = it.path[:len(it.path)-1]
			}
			continue
		}
		if v == nil {
			if child := c.Bucket().Bucket(k); child != nil {
				it.cursors = append(it.cursors, child.Cursor())
				it.path = append(it.path, k)
				it.started = false
				continue
			}
		}
		it.k, it.v = k, v
		return true
	}
	it.k, it.v = nil, nil
	return false
}

func (it *boltIter) Key() hkv.Key {
	if it.k == nil {
		return nil
	}
	k := it.path.Clone()
	return append(k, bytes.Clone(it.k))
}

func (it *boltIter) Val() hkv.Value { return it.v }
func (it *boltIter) Err() error     { return nil }
func (it *boltIter) Close() error   { it.cursors = nil; return nil }

// openBolt opens (creating if needed) the bolt file as a Cayley kv quad
// store, as Cayley's bolt backend does (without bloom filters: a fresh
// store would size them for 100 M entries, +550 MB, and rebuild them on
// every open), over boltKV. With noSync, transactions are not fsynced;
// closing the store syncs the file. The kvWriter, if the store's layout
// is one it writes, adds quads faster than Cayley.
func openBolt(file string, noSync bool) (cgraph.QuadStore, *bolt.DB, *kvWriter, error) {
	db, err := bolt.Open(file, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, nil, nil, err
	}
	db.NoSync, db.NoGrowSync = noSync, noSync
	k := &boltKV{db: db}
	opts := cgraph.Options{ckv.OptNoBloom: true}
	if err := ckv.Init(k, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		db.Close()
		return nil, nil, nil, err
	}
	qs, err := ckv.New(k, opts)
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	w, err := newKVWriter(db)
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	if w != nil {
		// A bulk load that was killed left its indexes pending.
		if err := indexPending(db, sortDir(db)); err != nil {
			db.Close()
			return nil, nil, nil, err
		}
	}
	return qs, db, w, nil
}
