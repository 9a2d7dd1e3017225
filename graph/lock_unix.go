//go:build unix

package graph

import (
	"errors"
	"os"
	"syscall"
)

// checkUnlocked fails when another process holds the bolt file's lock, which
// bolt itself would wait for forever. bolt takes an flock on its file; so
// does this check, for an instant.
func checkUnlocked(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return errors.New("store is in use by another process")
		}
		return err
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
