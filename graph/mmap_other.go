//go:build !linux

package graph

import "github.com/boltdb/bolt"

// releaseMap does nothing here: only Linux is known to keep a bolt
// file's mapped pages in the resident set this way.
func releaseMap(string) (int, error) { return 0, nil }

var mapBudget int64

// watchMap does nothing here (see releaseMap).
func watchMap(*bolt.DB, string) (stop func()) { return func() {} }
