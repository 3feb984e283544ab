// Package bounded fails a test or fuzz input whose work takes more time
// or memory than any input of its kind may: the fuzz targets use it so
// that an input that is merely slow or greedy counts as a failure, as a
// crash does, and is kept in testdata/fuzz.
package bounded

import (
	"flag"
	"runtime/metrics"
	"testing"
	"time"
)

// The bounds of one call of a fuzz target: far above what any input the
// limits let through takes (milliseconds, a few MiB), far below what the
// inputs that the limits refuse took before them (seconds to minutes,
// gigabytes).
const (
	Time  = time.Second
	Alloc = 256 << 20 // bytes allocated in all, freed or not
)

// fuzzing reports whether the test binary runs with -test.fuzz: only then
// is time measured, since a plain run of the seeds on a loaded machine
// must not fail for its slowness.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

var allocs = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

func allocated() uint64 {
	metrics.Read(allocs)
	return allocs[0].Value.Uint64()
}

// Run calls fn and fails t when fn allocated more than Alloc bytes or,
// while fuzzing, took more than Time. Allocations are counted for the
// whole process: each fuzz worker is a process of its own that tries one
// input at a time, and the packages that use Run have no parallel tests.
func Run(t testing.TB, fn func()) {
	t.Helper()
	before, start := allocated(), time.Now()
	fn()
	took, alloc := time.Since(start), allocated()-before
	if alloc > Alloc {
		t.Fatalf("the input took %d MiB of memory, more than %d MiB", alloc>>20, Alloc>>20)
	}
	if fuzzing() && took > Time {
		t.Fatalf("the input took %v, more than %v", took.Round(time.Millisecond), Time)
	}
}
