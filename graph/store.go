package graph

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore" // registers "memstore"
	_ "github.com/cayleygraph/cayley/writer"         // registers the "single" writer
	"github.com/cayleygraph/quad"
)

// Store is a Cayley quad store holding actorgraph's graph: the quads of
// every loaded document under the document's IRI as label. It is safe for
// concurrent use; loads and retractions are serialised.
type Store struct {
	qs cgraph.QuadStore
	// gizmo is the store queries run on: qs, or qs with a better plan
	// for predicate hops (see plannedStore).
	gizmo cgraph.QuadStore
	// w adds quads to a bolt store (nil: Cayley's ApplyDeltas does).
	w  *kvWriter
	mu sync.RWMutex
	// mapped is the bolt file's absolute path, whose mapped pages are
	// released while the store is open (see watchMap); "" for memory
	// stores.
	mapped  string
	unwatch func()
	closed  bool
}

// Options tune a store.
type Options struct {
	// NoSync (bolt) does not fsync each transaction, for bulk loads: a
	// killed process still leaves every committed transaction in the
	// file (the kernel has it), but a machine that crashes or loses
	// power before the data reaches the disk may leave the store
	// damaged. Close syncs the file.
	NoSync bool
	// Bulk (bolt) defers what Load would write all over the file (node
	// IDs and reference counts, the index lists) and writes it in key
	// order when something else needs it: a document already stored, a
	// query, Stats, Close. Loads into a large store are then several
	// times faster. A killed process loses nothing it committed: the
	// next Open finishes the indexing.
	Bulk bool
}

// quietLog is Cayley's standard logger without Info messages: they are
// debugging output, and bolt's "Running in nosync mode" on every
// NoSync open would end up on the user's terminal.
type quietLog struct{ v int }

func (quietLog) Infof(string, ...any)                {}
func (quietLog) Warningf(format string, args ...any) { log.Printf("WARN: "+format, args...) }
func (quietLog) Errorf(format string, args ...any)   { log.Printf("ERROR: "+format, args...) }
func (quietLog) Fatalf(format string, args ...any)   { log.Fatalf("FATAL: "+format, args...) }
func (l *quietLog) V(level int) bool                 { return l.v >= level }
func (l *quietLog) SetV(level int)                   { l.v = level }

func init() { clog.SetLogger(&quietLog{}) }

// Open opens (creating if needed) a store. backend "bolt": path is a
// directory (Cayley's bolt backend, file indexes.bolt inside, no_bloom on);
// "memory": path must be "".
func Open(backend, path string, opt Options) (*Store, error) {
	switch backend {
	case "memory", "memstore":
		if path != "" {
			return nil, fmt.Errorf("open memory store: path must be empty, got %q", path)
		}
		err := cgraph.InitQuadStore("memstore", "", nil)
		if err != nil && !errors.Is(err, cgraph.ErrOperationNotSupported) {
			return nil, fmt.Errorf("open memory store: %w", err)
		}
		qs, err := cgraph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, fmt.Errorf("open memory store: %w", err)
		}
		return &Store{qs: qs, gizmo: qs}, nil
	case "bolt":
		if path == "" {
			return nil, errors.New("open bolt store: no path")
		}
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, fmt.Errorf("open bolt store: %w", err)
		}
		file := filepath.Join(path, "indexes.bolt")
		// bolt waits forever for the file lock of another process.
		if err := checkUnlocked(file); err != nil {
			return nil, fmt.Errorf("open bolt store %s: %w", path, err)
		}
		qs, db, w, err := openBolt(file, opt.NoSync)
		if err != nil {
			return nil, fmt.Errorf("open bolt store %s: %w", path, err)
		}
		if w != nil {
			w.bulk = opt.Bulk
		}
		st := &Store{qs: qs, gizmo: qs, w: w}
		if kqs, ok := qs.(*ckv.QuadStore); ok {
			ps, err := newPlannedStore(kqs, db)
			if err != nil {
				qs.Close()
				return nil, fmt.Errorf("open bolt store %s: %w", path, err)
			}
			st.gizmo = ps
		}
		if abs, err := filepath.Abs(file); err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				st.mapped = real
				st.unwatch = watchMap(db, real)
			}
		}
		return st, nil
	}
	return nil, fmt.Errorf("open store: unknown backend %q (want bolt or memory)", backend)
}

// Close closes the store. A bolt store opened with NoSync is synced to
// disk first. Closing it again does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if s.w != nil {
		if err = s.w.finish(); err != nil {
			err = fmt.Errorf("close: %w", err)
		}
	}
	if s.unwatch != nil {
		s.unwatch()
	}
	return errors.Join(err, s.qs.Close())
}

// LoadStatus says what Load did with one extraction.
type LoadStatus int

// The load statuses.
const (
	Added     LoadStatus = iota // the document was new
	Replaced                    // the document's old quads were replaced
	Unchanged                   // same hash (or same quads): nothing written
)

func (s LoadStatus) String() string {
	switch s {
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	case Unchanged:
		return "unchanged"
	}
	return fmt.Sprintf("LoadStatus(%d)", int(s))
}

// docState follows one document through a Load call.
type docState struct {
	orig   []quad.Quad // in the store before the call
	cur    []quad.Quad // after the extractions seen so far
	hash   string
	exists bool
}

// Load loads documents' extractions. A document whose ID
// is stored with the same hash is Unchanged (nothing written); one with a
// different hash has all its old quads removed and the new ones added
// (Replaced); a new one is Added. A document given twice is loaded as if in
// two calls, in order. Load returns one status per extraction and the
// number of quads written that were not there before.
//
// A stored document with a different hash but the same quads is Unchanged
// too; an empty hash never matches. Only the difference is written: one
// transaction removes the quads that go, a second adds the new ones, so a
// killed load leaves each document complete or absent, and running it again
// completes it without duplicates.
func (s *Store) Load(ctx context.Context, xs ...schema.Extraction) ([]LoadStatus, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	statuses := make([]LoadStatus, len(xs))
	docs := map[string]*docState{}
	var order []string
	for i, x := range xs {
		if err := ctx.Err(); err != nil {
			return nil, 0, fmt.Errorf("load: %w", err)
		}
		id := x.Doc.ID
		if id == "" {
			return nil, 0, fmt.Errorf("load: extraction %d: document has no ID", i)
		}
		st := docs[id]
		if st == nil {
			st = &docState{}
			d := quad.IRI(schema.DocIRI(id))
			if err := s.settleFor(d); err != nil {
				return nil, 0, fmt.Errorf("load %s: %w", id, err)
			}
			var err error
			if st.hash, st.exists, err = s.docHash(ctx, d); err != nil {
				return nil, 0, fmt.Errorf("load %s: %w", id, err)
			}
			if st.exists && !(x.Doc.Hash != "" && x.Doc.Hash == st.hash) {
				if st.orig, err = s.docQuads(ctx, d); err != nil {
					return nil, 0, fmt.Errorf("load %s: %w", id, err)
				}
				st.cur = st.orig
			}
			docs[id] = st
			order = append(order, id)
		}
		if st.exists && x.Doc.Hash != "" && x.Doc.Hash == st.hash {
			statuses[i] = Unchanged
			continue
		}
		qs := Quads(x)
		switch {
		case !st.exists:
			statuses[i] = Added
		case sameQuads(st.cur, qs):
			statuses[i] = Unchanged
		default:
			statuses[i] = Replaced
		}
		st.cur, st.hash, st.exists = qs, x.Doc.Hash, true
	}
	var dels []cgraph.Delta
	var adds []quad.Quad
	for _, id := range order {
		st := docs[id]
		if st.cur == nil {
			continue
		}
		if st.orig == nil {
			// A new document: all its quads are added, with nothing to
			// compare them with.
			adds = append(adds, st.cur...)
			continue
		}
		old, cur := quadSet(st.orig), quadSet(st.cur)
		for _, q := range st.orig {
			if !cur[quadKey(q)] {
				dels = append(dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		for _, q := range st.cur {
			if !old[quadKey(q)] {
				adds = append(adds, q)
			}
		}
	}
	// Cayley v0.7.7's kv stores lose a node when one ApplyDeltas both adds
	// and deletes quads that share it (seen on bolt: the new ag:hash quad
	// of a replaced document came back with a nil subject), so removals and
	// additions are two transactions. A crash between them leaves replaced
	// documents absent, never partial, and a re-run adds them again.
	if len(dels) > 0 {
		if err := s.qs.ApplyDeltas(dels, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return nil, 0, fmt.Errorf("load: %w", err)
		}
	}
	added := len(adds)
	if len(adds) > 0 && s.w != nil {
		if _, err := s.w.add(adds); err != nil {
			return nil, 0, fmt.Errorf("load: %w", err)
		}
	} else if len(adds) > 0 {
		ds := make([]cgraph.Delta, len(adds))
		for i, q := range adds {
			ds[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		if err := s.qs.ApplyDeltas(ds, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return nil, 0, fmt.Errorf("load: %w", err)
		}
	}
	return statuses, added, nil
}

// quadKey identifies a quad by its N-Quads terms: values read back from a
// store may differ in Go type from those written (quad.Int, TypedString).
func quadKey(q quad.Quad) string {
	var b strings.Builder
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		t, err := ntTerm(v)
		if err != nil {
			t = fmt.Sprintf("%#v", v)
		}
		b.WriteString(t)
		b.WriteByte(' ')
	}
	return b.String()
}

func quadSet(qs []quad.Quad) map[string]bool {
	m := make(map[string]bool, len(qs))
	for _, q := range qs {
		m[quadKey(q)] = true
	}
	return m
}

func sameQuads(a, b []quad.Quad) bool {
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, q := range a {
		ka[i] = quadKey(q)
	}
	for i, q := range b {
		kb[i] = quadKey(q)
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(slices.Compact(ka), slices.Compact(kb))
}

// Retract removes exactly the quads document docID contributed, so an
// entity stays while another document still mentions it. It returns the
// number of quads removed, or ErrNotFound if no such document is stored.
func (s *Store) Retract(ctx context.Context, docID string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.settle(); err != nil {
		return 0, fmt.Errorf("retract %s: %w", docID, err)
	}
	qs, err := s.docQuads(ctx, quad.IRI(schema.DocIRI(docID)))
	if err != nil {
		return 0, fmt.Errorf("retract %s: %w", docID, err)
	}
	if len(qs) == 0 {
		return 0, fmt.Errorf("retract %s: document %w", docID, ErrNotFound)
	}
	deltas := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return 0, fmt.Errorf("retract %s: %w", docID, err)
	}
	return len(qs), nil
}

// settle writes what bulk loads left pending. The caller holds the
// write lock.
func (s *Store) settle() error {
	if s.w == nil {
		return nil
	}
	return s.w.finish()
}

// settleFor settles the store before Load reads what it holds about
// document d, if d is a node already: its quads may be pending.
func (s *Store) settleFor(d quad.Value) error {
	if s.w == nil || !s.w.pending {
		return nil
	}
	known, err := s.w.knows(d)
	if err != nil || !known {
		return err
	}
	return s.w.finish()
}

// readLock takes the read lock once nothing is pending, settling the
// store first if something is.
func (s *Store) readLock() error {
	for {
		s.mu.RLock()
		if s.w == nil || !s.w.pending {
			return nil
		}
		s.mu.RUnlock()
		s.mu.Lock()
		err := s.settle()
		s.mu.Unlock()
		if err != nil {
			return err
		}
	}
}

// each calls fn for every quad with v in direction d, through the store's
// index for that direction.
func (s *Store) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return s.eachRef(ctx, d, v, func(r cgraph.Ref) error { return fn(s.qs.Quad(r)) })
}

// docHash returns the stored hash of document d and whether d is stored.
func (s *Store) docHash(ctx context.Context, d quad.IRI) (hash string, exists bool, err error) {
	err = s.each(ctx, quad.Subject, d, func(q quad.Quad) error {
		if iriOf(q.Label) != string(d) {
			return nil
		}
		switch iriOf(q.Predicate) {
		case agHash:
			hash = literal(q.Object)
			exists = true
		case rdfType:
			exists = true
		}
		return nil
	})
	return hash, exists, err
}

// docQuads returns every quad labelled d, found by walking from <d> rather
// than scanning the store: d's own quads, the statements (ag:document <d>)
// and the entities (ag:mentionedIn <d>, and the ends of its statements),
// and their quads labelled d.
func (s *Store) docQuads(ctx context.Context, d quad.IRI) ([]quad.Quad, error) {
	label := string(d)
	seen := map[string]bool{}
	var out []quad.Quad
	add := func(q quad.Quad) {
		if iriOf(q.Label) != label {
			return
		}
		if k := quadKey(q); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	var stmts, ents []quad.Value
	entSeen := map[string]bool{}
	addEnt := func(v quad.Value) {
		if iri := iriOf(v); iri != "" && !entSeen[iri] {
			entSeen[iri] = true
			ents = append(ents, v)
		}
	}
	if err := s.each(ctx, quad.Subject, d, func(q quad.Quad) error { add(q); return nil }); err != nil {
		return nil, err
	}
	err := s.each(ctx, quad.Object, d, func(q quad.Quad) error {
		if iriOf(q.Label) != label {
			return nil
		}
		switch iriOf(q.Predicate) {
		case agDocProp:
			stmts = append(stmts, q.Subject)
		case agMentionedIn:
			addEnt(q.Subject)
		}
		add(q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, st := range stmts {
		err := s.each(ctx, quad.Subject, st, func(q quad.Quad) error {
			add(q)
			if p := iriOf(q.Predicate); iriOf(q.Label) == label && (p == rdfSubject || p == rdfObject) {
				addEnt(q.Object)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, e := range ents {
		if err := s.each(ctx, quad.Subject, e, func(q quad.Quad) error { add(q); return nil }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Documents returns the stored documents, sorted by ID.
func (s *Store) Documents(ctx context.Context) ([]schema.Document, error) {
	if err := s.readLock(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer s.mu.RUnlock()
	iris, err := s.subjectsOfType(ctx, agDocument)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	var docs []schema.Document
	for _, iri := range iris {
		id, ok := schema.DocIDFromIRI(iri)
		if !ok {
			continue
		}
		d := schema.Document{ID: id}
		err := s.each(ctx, quad.Subject, quad.IRI(iri), func(q quad.Quad) error {
			if iriOf(q.Label) == iri {
				readDocQuad(&d, iriOf(q.Predicate), q.Object)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b schema.Document) int { return strings.Compare(a.ID, b.ID) })
	return docs, nil
}

// subjectsOfType returns the distinct subjects of rdf:type <t>, sorted.
func (s *Store) subjectsOfType(ctx context.Context, t string) ([]string, error) {
	set := map[string]bool{}
	err := s.each(ctx, quad.Object, quad.IRI(t), func(q quad.Quad) error {
		if iriOf(q.Predicate) == rdfType {
			set[iriOf(q.Subject)] = true
		}
		return nil
	})
	return sortedKeys(set), err
}

// Stats counts what the store holds.
type Stats struct {
	Documents  int // documents loaded
	Entities   int // distinct entities
	Facts      int // statements asserted or claimed: the direct edges, counted per statement
	Statements int // reified statements, whatever their modality
	Quads      int // quads in the store
}

// Stats counts what the store holds through the object index, without
// reading the whole store: documents and entities by type, statements by
// rdf:Statement, facts by their modality literal. It compares the store's
// references (node IDs), not the values they name: reading every
// statement's quad back was a tenth of a large build's time.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if err := s.readLock(); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	defer s.mu.RUnlock()
	var st Stats
	typ := s.ref(quad.IRI(rdfType))
	if typ == nil {
		// No rdf:type anywhere: no documents, entities or statements.
		return s.quadCount(ctx, st)
	}
	// with calls fn with every quad with object o and predicate p.
	with := func(o quad.Value, p any, fn func(cgraph.Ref)) error {
		return s.eachRef(ctx, quad.Object, o, func(r cgraph.Ref) error {
			if cgraph.ToKey(s.qs.QuadDirection(r, quad.Predicate)) == p {
				fn(r)
			}
			return nil
		})
	}
	// subjects adds the distinct subjects of those quads to set.
	subjects := func(set map[any]bool, o quad.Value, p any) error {
		return with(o, p, func(r cgraph.Ref) { set[cgraph.ToKey(s.qs.QuadDirection(r, quad.Subject))] = true })
	}
	count := func(o quad.Value, p any) (int, error) {
		n := 0
		err := with(o, p, func(cgraph.Ref) { n++ })
		return n, err
	}
	docs := map[any]bool{}
	if err := subjects(docs, quad.IRI(agDocument), typ); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Documents = len(docs)
	ents := map[any]bool{}
	for _, t := range schema.EntityTypes {
		if err := subjects(ents, quad.IRI(t.IRI()), typ); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	st.Entities = len(ents)
	var err error
	if st.Statements, err = count(quad.IRI(rdfStatement), typ); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if mod := s.ref(quad.IRI(agModality)); mod != nil {
		for _, m := range schema.Modalities {
			if m.Direct() {
				n, err := count(quad.String(m), mod)
				if err != nil {
					return st, fmt.Errorf("stats: %w", err)
				}
				st.Facts += n
			}
		}
	}
	return s.quadCount(ctx, st)
}

// ref returns the comparable key of v's reference in the store, nil when
// the store has no such node.
func (s *Store) ref(v quad.Value) any {
	r := s.qs.ValueOf(v)
	if r == nil {
		return nil
	}
	return cgraph.ToKey(r)
}

// eachRef calls fn with the reference of every quad with v in direction
// d, without reading the quad's values.
func (s *Store) eachRef(ctx context.Context, d quad.Direction, v quad.Value, fn func(cgraph.Ref) error) error {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(d, ref)
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// quadCount fills st.Quads from the store's exact count. Asking Cayley
// for exact figures makes its kv stores count every node; their quad count
// is exact either way.
func (s *Store) quadCount(ctx context.Context, st Stats) (Stats, error) {
	cs, err := s.qs.Stats(ctx, false)
	if err == nil && !cs.Quads.Exact {
		cs, err = s.qs.Stats(ctx, true)
	}
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Quads = int(cs.Quads.Size)
	return st, nil
}
