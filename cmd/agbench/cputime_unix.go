//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time the process has used, so that a
// throughput can be given per CPU-second as well as per wall second: on a
// shared machine the wall figure depends on the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
