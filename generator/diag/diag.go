// Package diag collects the problems a build finds: content mistakes,
// broken links, template failures. Each problem names a file relative to the
// repository, and where it can a line and column, so that it prints as
//
//	content/case-studies/proto.en.md:4:12: unknown country "XX": use one of DK, EE, …
//
// A List is safe for concurrent use; the build adds to one list from every
// stage and reports all problems at once, sorted by file and line.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Severity tells whether a problem fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

// Problem is one mistake found in a file.
type Problem struct {
	Path     string // slash-separated, relative to the repository
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Severity Severity
	Message  string
}

// String formats the problem as path:line:col: message, dropping the
// parts that are unknown (a problem of no file has no position). Warnings
// say so after the position.
func (p Problem) String() string {
	var b strings.Builder
	if p.Path != "" {
		b.WriteString(p.Path)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Col)
			}
		}
		b.WriteString(": ")
	}
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// List gathers problems from every stage of a build.
type List struct {
	mu    sync.Mutex
	items []Problem
}

// Add records a problem.
func (l *List) Add(p Problem) {
	l.mu.Lock()
	l.items = append(l.items, p)
	l.mu.Unlock()
}

// Errorf records an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any recorded problem is an error.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.items {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Sorted returns the problems ordered by path, line, column and message,
// without duplicates.
func (l *List) Sorted() []Problem {
	l.mu.Lock()
	items := append([]Problem(nil), l.items...)
	l.mu.Unlock()
	sort.Slice(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
	out := items[:0]
	for i, p := range items {
		if i > 0 && p == items[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Err returns an *Errors holding every problem when at least one is an
// error, and nil otherwise.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{Problems: l.Sorted()}
}

// Errors is the error a failed build returns: every problem it found.
type Errors struct {
	Problems []Problem
}

func (e *Errors) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// GitHub formats the problem as a GitHub Actions workflow command, so that
// a pull request shows it on the line it concerns:
//
//	::error file=content/x.md,line=4,col=17::unknown country "XX": …
func (p Problem) GitHub() string {
	kind := "error"
	if p.Severity == Warning {
		kind = "warning"
	}
	if p.Path == "" {
		return "::" + kind + "::" + escapeData(p.Message)
	}
	props := "file=" + escapeProperty(p.Path)
	if p.Line > 0 {
		props += fmt.Sprintf(",line=%d", p.Line)
		if p.Col > 0 {
			props += fmt.Sprintf(",col=%d", p.Col)
		}
	}
	return "::" + kind + " " + props + "::" + escapeData(p.Message)
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
