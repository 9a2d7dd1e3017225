package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/schema"
)

// item is one document's extraction, or one input that could not be read
// or extracted (err set).
type item struct {
	doc extract.Document
	x   schema.Extraction
	out []byte // what pipeline.encode made of x, if set
	err error
}

// pipeline reads the inputs, extracts their documents with a bounded pool
// of workers and hands the results to a sink in input order, whatever
// order the workers finish in, so that output is the same on every run.
type pipeline struct {
	e     *env
	paths []string
	opt   extract.ReadOptions
	jobs  int
	// encode, if set, runs in the workers on every extraction, so that
	// serialising the output is spread over the cores too and the sink,
	// which runs on one goroutine, only copies bytes. It appends to the
	// buffer it is given, which comes from a pool: item.out is only valid
	// until the sink returns.
	encode func([]byte, schema.Extraction) []byte
}

// maxPooledOut bounds the buffers outBufs keeps: one huge document's
// output is not held for the rest of the run.
const maxPooledOut = 4 << 20

// outBufs recycles the buffers pipeline.encode fills, so that a long run
// does not allocate (and collect) its whole output once more.
var outBufs = sync.Pool{New: func() any { return new([]byte) }}

// run calls sink for every item in input order. It stops at the first
// error sink returns.
func (p pipeline) run(ctx context.Context, sink func(item) error) error {
	x, err := extract.New(data.FS)
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		doc extract.Document
		out chan<- item
	}
	// futures carries, in input order, one channel per item that its
	// result will arrive on: the reorder buffer. Its capacity bounds how
	// many documents are in memory at once.
	futures := make(chan chan item, 2*p.jobs)
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range p.jobs {
		wg.Go(func() {
			for j := range jobs {
				xt, err := extractOne(x, j.doc)
				var out []byte
				if err != nil {
					err = fmt.Errorf("%s: extract: %w", j.doc.Source, err)
				} else if p.encode != nil {
					out = p.encode((*outBufs.Get().(*[]byte))[:0], xt)
				}
				j.out <- item{doc: j.doc, x: xt, out: out, err: err}
			}
		})
	}
	go func() {
		defer close(futures)
		defer close(jobs)
		send := func(f chan item, j *job) bool {
			select {
			case futures <- f:
			case <-ctx.Done():
				return false
			}
			if j == nil {
				return true
			}
			select {
			case jobs <- *j:
				return true
			case <-ctx.Done():
				f <- item{err: ctx.Err()}
				return false
			}
		}
		p.read(ctx, func(docs []extract.Document, errs []error) bool {
			for _, d := range docs {
				f := make(chan item, 1)
				if !send(f, &job{doc: d, out: f}) {
					return false
				}
			}
			for _, err := range errs {
				f := make(chan item, 1)
				f <- item{err: err}
				if !send(f, nil) {
					return false
				}
			}
			return true
		})
	}()

	var sinkErr error
	for f := range futures {
		it := <-f
		if sinkErr != nil {
			continue // drain, so that the reader and workers finish
		}
		if sinkErr = sink(it); sinkErr != nil {
			cancel()
		}
		if out := it.out; out != nil && cap(out) <= maxPooledOut {
			outBufs.Put(&out)
		}
	}
	wg.Wait()
	if sinkErr != nil {
		return sinkErr
	}
	return ctx.Err()
}

// read reads every input in order and passes each file's documents and
// errors to emit, which returns false to stop. Directories are walked in
// lexical order for the extensions extract reads; a file named explicitly
// is read whatever its extension. A document ID seen before in this run is
// an error: the second document would silently replace the first.
func (p pipeline) read(ctx context.Context, emit func([]extract.Document, []error) bool) {
	ids := newDocIDs()
	readOne := func(name string) bool {
		var docs []extract.Document
		var errs []error
		fi := ids.addFile(name)
		if name == extract.StdinName {
			br := bufio.NewReader(p.e.stdin)
			if sniffJSON(br) {
				return readJSONLines(name, "stdin", br, p.opt, ids, fi, emit)
			}
			docs, errs = extract.ReadDocuments(name, br, p.opt)
		} else {
			f, err := os.Open(name)
			if err != nil {
				return emit(nil, []error{inputError(name, err)})
			}
			defer f.Close()
			if isJSONLines(name) {
				return readJSONLines(name, extract.DocumentID(name), f, p.opt, ids, fi, emit)
			}
			docs, errs = extract.ReadDocuments(name, f, p.opt)
		}
		kept := docs[:0]
		for _, d := range docs {
			if err := ids.keep(d, docPos{fi, 0}); err != nil {
				errs = append(errs, err)
				continue
			}
			kept = append(kept, d)
		}
		return emit(kept, errs)
	}
	for _, path := range p.paths {
		if ctx.Err() != nil {
			return
		}
		if path == extract.StdinName {
			if !readOne(path) {
				return
			}
			continue
		}
		fi, err := os.Stat(path)
		if err != nil {
			if !emit(nil, []error{inputError(path, err)}) {
				return
			}
			continue
		}
		if !fi.IsDir() {
			if !readOne(path) {
				return
			}
			continue
		}
		stop := errors.New("stop")
		err = filepath.WalkDir(path, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if !emit(nil, []error{inputError(name, err)}) {
					return stop
				}
				return nil
			}
			if name != path && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !extract.IsDocument(name) {
				return nil
			}
			if !readOne(name) {
				return stop
			}
			return nil
		})
		if err != nil {
			return
		}
	}
}

// docIDs remembers where each document of a run was read, to report a
// document ID seen before: the second document would silently replace
// the first in the store. A corpus may hold millions of documents, so an
// ID costs a map entry and two integers, not a copy of its source.
type docIDs struct {
	files []string          // inputs, in the order read
	first map[string]docPos // document ID → where it was read
}

// docPos is where a document was read: the index of the input in
// docIDs.files and, for JSON Lines, its line.
type docPos struct{ file, line int32 }

func newDocIDs() *docIDs { return &docIDs{first: map[string]docPos{}} }

// addFile records the next input and returns its index.
func (ids *docIDs) addFile(name string) int32 {
	ids.files = append(ids.files, name)
	return int32(len(ids.files) - 1)
}

// source returns the Source of the document read at p.
func (ids *docIDs) source(p docPos) string {
	if p.line > 0 {
		return fmt.Sprintf("%s:%d", ids.files[p.file], p.line)
	}
	return ids.files[p.file]
}

// keep records document d, read at p, or returns the error for an ID
// already read.
func (ids *docIDs) keep(d extract.Document, p docPos) error {
	if prev, ok := ids.first[d.ID]; ok {
		return &extract.InputError{Source: d.Source, Offset: -1,
			Err: fmt.Errorf("duplicate document id %q (also %s)", d.ID, ids.source(prev))}
	}
	ids.first[d.ID] = p
	return nil
}

// isJSONLines reports whether extract.ReadDocuments reads the file as
// JSON Lines.
func isJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// sniffJSON reports, as extract.ReadDocuments decides for standard input,
// whether the first non-space byte of br is '{', without consuming it.
func sniffJSON(br *bufio.Reader) bool {
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if err != nil {
			return false // empty, or a buffer of white space: text
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\n', '\r':
		default:
			return c == '{'
		}
	}
}

// lineProbe is the name readJSONLines gives extract.ReadDocuments for one
// line: a JSON Lines name whose document IDs (lineProbe's base, "-1")
// no article has, so that an ID ReadDocuments made up can be told from
// one the article gave.
const lineProbe = "\x00actorgraph-line\x00.jsonl"

// readJSONLines streams a JSON Lines input: it hands each line's document
// to emit as soon as it is read, so that memory does not grow with the
// file, where extract.ReadDocuments returns a whole file's documents at
// once. Each line is parsed by ReadDocuments itself, as a one-line file,
// and what it reports is moved to the line's place in the file: line
// numbers, byte offsets, the IDs made up from the line number, sources.
// The errors of the file come after its documents, as ReadDocuments
// gives them, and the duplicates of other inputs' documents (ids) after
// those.
//
// One difference remains: ReadDocuments looks for NUL bytes only in the
// first 4 KiB of a file, then line by line in lines within the size
// limit, so a line over the limit with a NUL in its first 4 KiB is
// reported as binary here where ReadDocuments calls it too large. Both
// skip the line.
func readJSONLines(name, base string, r io.Reader, opt extract.ReadOptions, ids *docIDs, fi int32, emit func([]extract.Document, []error) bool) bool {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	// ReadDocuments peeks at most its reader's 4 KiB buffer.
	if head, _ := br.Peek(min(8<<10, br.Size())); bytes.IndexByte(head, 0) >= 0 {
		return emit(nil, []error{&extract.InputError{Source: name, Offset: -1, Err: extract.ErrBinary}})
	}
	var (
		errs, dups []error
		// The lines of the file whose document was a duplicate of
		// another file's: ReadDocuments would have kept them, and
		// reports a later line with the same ID against them.
		dupLine = map[string]int{}
		probeID = extract.DocumentID(lineProbe) + "-1"
		start   int
	)
	for line := 1; ; line++ {
		lr := &lineReader{br: br}
		docs, lerrs := extract.ReadDocuments(lineProbe, lr, opt)
		if _, err := io.Copy(io.Discard, lr); err != nil && lr.err == nil {
			lr.err = err
		}
		if lr.n == 0 && lr.err == nil {
			break // end of input
		}
		for _, err := range lerrs {
			var ie *extract.InputError
			if errors.As(err, &ie) {
				ie.Source = name
				if ie.Line == 1 || ie.Line == 0 && errors.Is(ie.Err, extract.ErrBinary) {
					ie.Line = line
				}
				if ie.Offset >= 0 {
					ie.Offset += start
				}
			}
			errs = append(errs, err)
		}
		for _, d := range docs {
			d.Source = fmt.Sprintf("%s:%d", name, line)
			if d.ID == probeID {
				d.ID = fmt.Sprintf("%s-%d", base, line)
			}
			first, ok := dupLine[d.ID]
			if prev, seen := ids.first[d.ID]; seen && prev.file == fi {
				first, ok = int(prev.line), true
			}
			if ok {
				errs = append(errs, &extract.InputError{Source: name, Line: line, Offset: -1,
					Err: fmt.Errorf("duplicate id %q (first on line %d)", d.ID, first)})
				continue
			}
			if err := ids.keep(d, docPos{fi, int32(line)}); err != nil {
				dupLine[d.ID] = line
				dups = append(dups, err)
				continue
			}
			if !emit([]extract.Document{d}, nil) {
				return false
			}
		}
		start += lr.n
		if lr.err != nil || lr.eof {
			break
		}
	}
	if len(errs)+len(dups) == 0 {
		return true
	}
	return emit(nil, append(errs, dups...))
}

// lineReader reads one line of br, its newline included, and then
// returns io.EOF.
type lineReader struct {
	br   *bufio.Reader
	rest []byte // unread part of the chunk last read from br
	done bool   // the line ended
	eof  bool   // and so did the input
	err  error  // br's error other than io.EOF
	n    int    // bytes read
}

func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.rest) == 0 {
		if l.done {
			if l.err != nil {
				return 0, l.err
			}
			return 0, io.EOF
		}
		chunk, err := l.br.ReadSlice('\n')
		l.rest = chunk
		switch {
		case err == nil:
			l.done = true
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			l.done, l.eof = true, true
		default:
			l.done, l.err = true, err
		}
	}
	n := copy(p, l.rest)
	l.rest = l.rest[n:]
	l.n += n
	return n, nil
}

// inputError reports a file that could not be opened, without repeating
// the path that *fs.PathError also names.
func inputError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &extract.InputError{Source: name, Offset: -1, Err: err}
}

// extractOne extracts one document. A panic in the extractor is a bug, but
// one article that triggers it should not cost the analyst the rest of a
// corpus: it becomes that document's error, naming where it happened.
func extractOne(x *extract.Extractor, doc extract.Document) (xt schema.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v (at %s; please report it with the document)", r, panicSite())
		}
	}()
	return x.Extract(doc)
}

// panicSite returns the function and line that panicked, skipping the
// runtime's frames.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s %s:%d", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}
