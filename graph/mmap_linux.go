//go:build linux

package graph

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/boltdb/bolt"
)

// releaseMap drops the pages of every mapping of the file at path (an
// absolute path without symbolic links) from the process's resident set.
// bolt reads its file through a read-only shared mapping and writes it
// with pwrite, so each page a load touches stays resident until the store
// is closed: a build's RSS grew by ~290 MB per million quads. The pages
// are clean and stay in the page cache; a later read faults them back in
// without I/O. Mapped memory is never written through the mapping, so
// dropping it loses nothing.
//
// Faulting pages back in costs time (a release after every batch made a
// 10k-article build 13 % slower), so releaseMap only acts once the
// process's file-backed resident pages exceed mapBudget.
//
// It returns how many mappings it released.
func releaseMap(path string) (int, error) {
	if shared, ok := residentShared(); ok && shared <= mapBudget {
		return 0, nil
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, fmt.Errorf("release mapping: %w", err)
	}
	n := 0
	for line := range bytes.SplitSeq(maps, []byte{'\n'}) {
		// start-end perms offset dev inode path
		f := bytes.Fields(line)
		if len(f) < 6 || string(bytes.Join(f[5:], []byte{' '})) != path {
			continue
		}
		lo, hi, ok := bytes.Cut(f[0], []byte{'-'})
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(lo), 16, 64)
		end, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED); e != 0 {
			return n, fmt.Errorf("release mapping of %s: %w", path, e)
		}
		n++
	}
	return n, nil
}

// mapBudget is how many bytes of file-backed pages releaseMap lets stay
// resident (a variable for tests).
var mapBudget int64 = 192 << 20

// residentShared returns the process's resident file-backed and shared
// memory in bytes, from /proc/self/statm.
func residentShared() (int64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := bytes.Fields(b)
	if len(f) < 3 {
		return 0, false
	}
	pages, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}

// watchTick is how often watchMap looks at the resident set.
const watchTick = 25 * time.Millisecond

// watchMap releases the mapped pages of db's file (at path) whenever they
// pass mapBudget, checking every watchTick until stop is called. A
// transaction that writes to a large store reads pages all over the
// file, and bolt's commit reads the old copy of every page it rewrites
// (at 10M quads, ~40k pages a batch; with the kernel's fault-around,
// ~0.5 GB of resident file pages): only a release from outside the
// writer keeps them bounded. The release holds a read transaction, so
// that bolt, which remaps its file only when none is open, cannot remap
// it meanwhile.
func watchMap(db *bolt.DB, path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(watchTick)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			if shared, ok := residentShared(); ok && shared <= mapBudget {
				continue
			}
			tx, err := db.Begin(false)
			if err != nil {
				return // closed
			}
			releaseMap(path) // a failed release only costs memory
			tx.Rollback()
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
