package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // Cayley's own bolt backend, to compare with
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// kvOps is a sequence of writes of the shapes Cayley's kv store makes
// (two-part keys in many buckets, increasing log IDs, a root key, nested
// buckets, bucket creation by an empty key, deletions).
func kvOps(tx hkv.Tx) error {
	put := func(v string, parts ...string) error { return tx.Put(hkv.SKey(parts...), []byte(v)) }
	for i := range 40 {
		id := fmt.Sprintf("\x00\x00\x00%c", 'a'+i)
		if err := put("prim"+id, "log", id); err != nil {
			return err
		}
		if err := put(fmt.Sprint(i), fmt.Sprintf("v%c%c", i%3, i%5), fmt.Sprintf("hash%02d", i)); err != nil {
			return err
		}
	}
	steps := []error{
		put("1", "meta", "version"),
		put("7", "meta", "size"),
		put("r", "rootkey"),
		put("deep", "a", "b", "c"),
		put("deeper", "a", "b", "d"),
		put("side", "a", "x"),
		tx.Put(hkv.SKey("empty", ""), nil),
		tx.Del(hkv.SKey("v\x00\x00", "hash00")),
		tx.Del(hkv.SKey("missing", "k")),
		put("8", "meta", "size"),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// dump reads tx back: every prefix scan and point read the tests ask of a
// kv.Tx, as lines.
func dump(t *testing.T, tx hkv.Tx) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	prefixes := []hkv.Key{
		nil, hkv.SKey("l"), hkv.SKey("log"), hkv.SKey("v"), hkv.SKey("v\x01"), hkv.SKey("a"),
		hkv.SKey("a", ""), hkv.SKey("a", "b", ""), hkv.SKey("a", "b", "c"), hkv.SKey("log", "\x00\x00\x00c"),
		hkv.SKey("meta", "s"), hkv.SKey("missing", "x"), hkv.SKey("a", "missing", "x"), hkv.SKey("empty", ""),
	}
	for _, p := range prefixes {
		it := tx.Scan(p)
		for it.Next(ctx) {
			out = append(out, fmt.Sprintf("scan %q: %q = %q", p, it.Key(), it.Val()))
		}
		if err := it.Err(); err != nil {
			t.Fatal(err)
		}
		it.Close()
	}
	keys := []hkv.Key{
		hkv.SKey("meta", "size"), hkv.SKey("rootkey"), hkv.SKey("a", "b", "c"), hkv.SKey("a", "x"),
		hkv.SKey("log", "\x00\x00\x00b"), hkv.SKey("v\x00\x00", "hash00"), hkv.SKey("missing", "k"),
		hkv.SKey("a", "b"), hkv.SKey("a", "nope", "c"),
	}
	for _, k := range keys {
		v, err := tx.Get(ctx, k)
		out = append(out, fmt.Sprintf("get %q: %q %v", k, v, err))
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, fmt.Sprintf("batch %q", vals))
	return out
}

// TestBoltKVLikeHidalgo writes the same keys through boltKV and through
// hidalgo's bolt adapter (Cayley's own) into two files, and reads both
// files back through both adapters: all four reads must agree.
func TestBoltKVLikeHidalgo(t *testing.T) {
	skipBoltUnderRace(t)
	open := func(name string) *bolt.DB {
		db, err := bolt.Open(filepath.Join(t.TempDir(), name), 0o644, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	ours, theirs := open("ours.bolt"), open("theirs.bolt")
	for name, k := range map[string]hkv.KV{"ours": &boltKV{db: ours}, "hidalgo": hbolt.New(theirs)} {
		if err := hkv.Update(context.Background(), k, kvOps); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var want []string
	for _, db := range []*bolt.DB{ours, theirs} {
		for _, k := range []hkv.KV{&boltKV{db: db}, hbolt.New(db)} {
			var got []string
			err := hkv.View(k, func(tx hkv.Tx) error {
				got = dump(t, tx)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = got
				if len(want) < 60 {
					t.Fatalf("read back only %d lines:\n%s", len(want), strings.Join(want, "\n"))
				}
				continue
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s read through %T differs (-first +this):\n%s", db.Path(), k, diff)
			}
		}
	}
}

// TestBoltStoreSharedWithCayley checks that a store written by Open is a
// store of Cayley's own bolt backend, and the other way round.
func TestBoltStoreSharedWithCayley(t *testing.T) {
	skipBoltUnderRace(t)
	ctx := context.Background()
	want := string(nq(t, fixtureQuads()))
	readCayley := func(dir string) string {
		qs, err := cgraph.NewQuadStore("bolt", dir, cgraph.Options{"no_bloom": true})
		if err != nil {
			t.Fatal(err)
		}
		defer qs.Close()
		it := qs.QuadsAllIterator()
		defer it.Close()
		var got []quad.Quad
		for it.Next(ctx) {
			got = append(got, qs.Quad(it.Result()))
		}
		return string(nq(t, got))
	}

	dir := t.TempDir()
	s, err := Open("bolt", dir, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Load(ctx, strike, drawdown); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, readCayley(dir)); diff != "" {
		t.Errorf("written by Open, read by Cayley (-want +got):\n%s", diff)
	}

	dir = t.TempDir()
	if err := cgraph.InitQuadStore("bolt", dir, cgraph.Options{"no_bloom": true}); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore("bolt", dir, cgraph.Options{"no_bloom": true})
	if err != nil {
		t.Fatal(err)
	}
	var ds []cgraph.Delta
	for _, q := range fixtureQuads() {
		ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := qs.ApplyDeltas(ds, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	qs.Close()
	s, err = Open("bolt", dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(want, stored(t, s)); diff != "" {
		t.Errorf("written by Cayley, read by Open (-want +got):\n%s", diff)
	}
}

// mappedStore opens a bolt store with no budget for mapped pages and
// loads the fixtures into it (Linux only).
func mappedStore(t *testing.T) *Store {
	t.Helper()
	skipBoltUnderRace(t)
	if runtime.GOOS != "linux" {
		t.Skip("mapped pages are released on Linux only")
	}
	b := mapBudget
	t.Cleanup(func() { mapBudget = b })
	mapBudget = 0
	s := tempBolt(t)
	if _, _, err := s.Load(context.Background(), strike, drawdown); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestReleaseMap checks that releaseMap releases the store file's mapped
// pages once they pass the budget, and that the store reads the same
// after.
func TestReleaseMap(t *testing.T) {
	s := mappedStore(t)
	n, err := releaseMap(s.mapped)
	if err != nil || n == 0 {
		t.Fatalf("releaseMap(%q) = %d, %v; want the store's mapping released", s.mapped, n, err)
	}
	if diff := cmp.Diff(string(nq(t, fixtureQuads())), stored(t, s)); diff != "" {
		t.Errorf("store after release (-want +got):\n%s", diff)
	}
	if st, err := s.Stats(context.Background()); err != nil || st.Quads != len(fixtureQuads()) {
		t.Errorf("Stats after release = %+v, %v", st, err)
	}
}

// TestWatchMap checks that an open bolt store's mapped pages are released
// in the background once they pass the budget, and that the watcher stops
// with the store.
func TestWatchMap(t *testing.T) {
	s := mappedStore(t)
	want := string(nq(t, fixtureQuads()))
	deadline := time.Now().Add(10 * time.Second)
	for {
		if diff := cmp.Diff(want, stored(t, s)); diff != "" { // reads the file
			t.Fatalf("store while watched (-want +got):\n%s", diff)
		}
		time.Sleep(4 * watchTick)
		if mappedRSS(t, s.mapped) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: mapped pages still resident after 10 s", s.mapped)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// mappedRSS returns the resident kilobytes of the process's mappings of
// path, from /proc/self/smaps.
func mappedRSS(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	total, in := 0, false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":"):
			in = len(f) >= 6 && strings.Join(f[5:], " ") == path
		case in && len(f) == 3 && f[0] == "Rss:":
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			total += n
		}
	}
	return total
}
