//go:build !unix

package main

import "time"

// cpuTime is not measured here; per-CPU-second figures read as 0.
func cpuTime() time.Duration { return 0 }
