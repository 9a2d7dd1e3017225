//go:build race

package graph

// raceEnabled is set under -race, which also turns on checkptr: boltdb/bolt
// v1.3.1, under Cayley's bolt backend, fails it ("converted pointer
// straddles multiple allocations") in its own bucket code. The bolt tests
// pass under -race with -gcflags=all=-d=checkptr=0.
const raceEnabled = true
