package diag

import (
	"strings"
	"testing"
)

func TestSortedAndFormatted(t *testing.T) {
	var l List
	l.Errorf("content/b.md", 3, 1, "third")
	l.Warnf("content/a.md", 0, 0, "whole file")
	l.Errorf("content/a.md", 10, 2, "later line")
	l.Errorf("content/a.md", 2, 5, "early line")
	l.Errorf("content/a.md", 2, 5, "early line") // duplicates are dropped
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	want := "content/a.md: warning: whole file\ncontent/a.md:2:5: early line\ncontent/a.md:10:2: later line\ncontent/b.md:3:1: third"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if err := l.Err(); err == nil || !strings.Contains(err.Error(), "content/b.md:3:1: third") {
		t.Errorf("Err() = %v", err)
	}
	var w List
	w.Warnf("x", 1, 1, "only a warning")
	if w.Err() != nil {
		t.Error("warnings alone must not fail")
	}
}

func TestGitHubAnnotation(t *testing.T) {
	p := Problem{Path: "content/a,b.md", Line: 4, Col: 17, Message: "unknown country \"XX\": 100% wrong\nfix it"}
	if got, want := p.GitHub(), "::error file=content/a%2Cb.md,line=4,col=17::unknown country \"XX\": 100%25 wrong%0Afix it"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	w := Problem{Path: "content/a.md", Severity: Warning, Message: "m"}
	if got := w.GitHub(); got != "::warning file=content/a.md::m" {
		t.Errorf("got %s", got)
	}
}
