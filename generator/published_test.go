package generator

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHostileFrontMatterEnds builds sites whose front matter would cost a
// naive reader unbounded time or memory: aliases that expand to millions
// of values, nesting as deep as the parser allows, the largest front
// matter accepted. Each must end with its message; the deadline only
// catches a hang.
func TestHostileFrontMatterEnds(t *testing.T) {
	eachFixture(t, "testdata/hostile/*.txtar", func(t *testing.T, archive []byte) {
		archive = expandRepeats(t, archive)
		// A hang fails the whole test binary with this message rather
		// than waiting for go test's own timeout.
		watchdog := time.AfterFunc(2*time.Minute, func() {
			panic(t.Name() + ": the build did not end within two minutes")
		})
		defer watchdog.Stop()
		_, extra, res, err := buildText(t, string(archive))
		got, want := strings.Join(problemLines(err, res), "\n"), strings.TrimSpace(extra["want"])
		if got != want {
			t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
		}
	})
}

// expandRepeats replaces each {{repeat N "TEXT"}} in a fixture with TEXT,
// a Go string literal, written N times, so that a fixture holds a large
// input in a few lines.
func expandRepeats(t *testing.T, archive []byte) []byte {
	t.Helper()
	const open = "{{repeat "
	s := string(archive)
	for {
		start := strings.Index(s, open)
		if start < 0 {
			return []byte(s)
		}
		count, rest, _ := strings.Cut(s[start+len(open):], " ")
		n, err := strconv.Atoi(count)
		if err != nil {
			t.Fatalf("{{repeat %s: %v", count, err)
		}
		literal, err := strconv.QuotedPrefix(rest)
		if err != nil || !strings.HasPrefix(rest[len(literal):], "}}") {
			t.Fatalf("{{repeat %s must be followed by a quoted string and }}", count)
		}
		text, _ := strconv.Unquote(literal)
		s = s[:start] + strings.Repeat(text, n) + rest[len(literal)+2:]
	}
}
