package main

import (
	"context"
	"errors"
	"fmt"
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
}

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
				if err != nil {
					err = fmt.Errorf("%s: extract: %w", j.doc.Source, err)
				}
				j.out <- item{doc: j.doc, x: xt, err: err}
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
	seen := map[string]string{} // document ID → source
	readOne := func(name string) bool {
		var docs []extract.Document
		var errs []error
		if name == extract.StdinName {
			docs, errs = extract.ReadDocuments(name, p.e.stdin, p.opt)
		} else {
			f, err := os.Open(name)
			if err != nil {
				return emit(nil, []error{inputError(name, err)})
			}
			docs, errs = extract.ReadDocuments(name, f, p.opt)
			f.Close()
		}
		kept := docs[:0]
		for _, d := range docs {
			if prev, ok := seen[d.ID]; ok {
				errs = append(errs, &extract.InputError{Source: d.Source, Offset: -1,
					Err: fmt.Errorf("duplicate document id %q (also %s)", d.ID, prev)})
				continue
			}
			seen[d.ID] = d.Source
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
