package generator

import (
	"fmt"
	"io"
	"time"
)

// step is one named part of a build, timed on its own (ndpc build
// --timings). It does its work and returns how many outputs it wrote:
// HTML pages when pages is set (Result.Pages), other files otherwise
// (Result.Files). An error ends the build; problems in the content do not,
// they are collected for the end.
type step struct {
	name  string
	pages bool
	do    func() (written int, err error)
}

// timings runs the steps of a build with one clock: each step is timed
// once, from the end of the step before it (or its own start, for the
// first) to its end, and the time before the first step and after the
// last is "other", so that the steps and other add up to the total.
type timings struct {
	w     io.Writer // nil: nothing is printed
	start time.Time
	last  time.Time // when the last step ended; zero before the first
	steps []timing
}

// timing is what a step took.
type timing struct {
	name    string
	took    time.Duration
	written int
	pages   bool
}

// newTimings starts the clock of a build; w receives a line per step as
// it ends, and Total's lines (nil for none).
func newTimings(w io.Writer) *timings { return &timings{w: w, start: time.Now()} }

// run runs steps in order, adding what each wrote to res, and stops at
// the first that fails.
func (t *timings) run(res *Result, steps []step) error {
	for _, s := range steps {
		if t.last.IsZero() {
			t.last = time.Now()
		}
		n, err := s.do()
		end := time.Now()
		took := end.Sub(t.last)
		t.last = end
		if s.pages {
			res.Pages += n
		} else {
			res.Files += n
		}
		t.steps = append(t.steps, timing{name: s.name, took: took, written: n, pages: s.pages})
		if t.w != nil {
			fmt.Fprintln(t.w, t.steps[len(t.steps)-1])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// String is the step's line: name, milliseconds, and what it wrote.
func (s timing) String() string {
	line := fmt.Sprintf("%-15s %8.1f ms", s.name, float64(s.took.Microseconds())/1000)
	switch {
	case s.written == 0:
	case s.pages:
		line += fmt.Sprintf("  %d pages", s.written)
	default:
		line += fmt.Sprintf("  %d files", s.written)
	}
	return line
}

// total prints the time spent outside the steps ("other") and the
// build's whole time since newTimings.
func (t *timings) total() {
	if t.w == nil {
		return
	}
	total := time.Since(t.start)
	other := total
	for _, s := range t.steps {
		other -= s.took
	}
	fmt.Fprintln(t.w, timing{name: "other", took: other})
	fmt.Fprintln(t.w, timing{name: "total", took: total})
}
