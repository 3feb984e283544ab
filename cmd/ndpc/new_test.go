package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildDrafts builds the site in dir/content with drafts into dir/public,
// with the repository's templates, static files and i18n tables, and fails
// the test unless the build succeeds.
func buildDrafts(t *testing.T, dir string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args := append([]string{"--drafts"}, repoArgs(t, dir)...) // search off: these tests are not about it
	// Warnings about drafts or missing translations are expected; the
	// packages' tests check that content.Load finds nothing to warn about.
	if code := build(args, &out, &errOut); code != 0 || strings.Contains(errOut.String(), "unknown field") {
		t.Fatalf("ndpc build --drafts: exit %d\n%s", code, errOut.String())
	}
}

func fixedClock(t *testing.T) {
	saved := newClock
	newClock = func() time.Time { return time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { newClock = saved })
}

func TestNewCommandPagesBuild(t *testing.T) {
	fixedClock(t)
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	os.Mkdir(contentDir, 0o777)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--content", contentDir, "case-study", "proto-factory"}, []string{"case-studies/proto-factory.en.md", "case-studies/proto-factory.ru.md"}},
		{[]string{"briefs", "first-brief", "--content", contentDir}, []string{"briefs/first-brief/index.en.md", "briefs/first-brief/index.ru.md"}},
		{[]string{"brief", "--content", contentDir, "second-brief"}, []string{"briefs/second-brief/index.en.md", "briefs/second-brief/index.ru.md"}},
		{[]string{"--content=" + contentDir, "event", "focus-group"}, []string{"events/focus-group.en.md", "events/focus-group.ru.md"}},
		{[]string{"--content", contentDir, "report", "introduction"}, []string{"report/introduction.en.md", "report/introduction.ru.md"}},
	} {
		var out, errOut bytes.Buffer
		if code := newCommand(c.args, &out, &errOut); code != 0 {
			t.Fatalf("ndpc new %s: exit %d: %s", strings.Join(c.args, " "), code, errOut.String())
		}
		var want []string
		for _, rel := range c.want {
			want = append(want, filepath.Join(contentDir, filepath.FromSlash(rel)))
		}
		if got := strings.Fields(out.String()); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("ndpc new %s printed %q, want %q", strings.Join(c.args, " "), got, want)
		}
	}
	second, _ := os.ReadFile(filepath.Join(contentDir, "briefs/second-brief/index.ru.md"))
	if !strings.Contains(string(second), "\nnumber: 2\n") || !strings.Contains(string(second), "\ndate: 2026-05-04\n") {
		t.Errorf("the second brief:\n%s", second)
	}
	event, _ := os.ReadFile(filepath.Join(contentDir, "events/focus-group.en.md"))
	if !strings.Contains(string(event), "\nstart: 2026-05-04T10:00:00+03:00\n") {
		t.Errorf("the event:\n%s", event)
	}

	buildDrafts(t, dir)
	for _, page := range []string{"en/case-studies/proto-factory", "ru/case-studies/proto-factory", "en/briefs/second-brief", "ru/events/focus-group", "en/report/introduction"} {
		if _, err := os.Stat(filepath.Join(dir, "public", page, "index.html")); err != nil {
			t.Errorf("the draft %s was not built: %v", page, err)
		}
	}
}

func TestNewCommandRefuses(t *testing.T) {
	fixedClock(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "case-studies", "proto.ru.md")
	os.MkdirAll(filepath.Dir(existing), 0o777)
	os.WriteFile(existing, []byte("before"), 0o666)

	for _, c := range []struct {
		name string
		args []string
		code int
		want string // in standard error
	}{
		{"no arguments", nil, 2, "give a kind and a name"},
		{"one argument", []string{"case-study"}, 2, "give a kind and a name"},
		{"unknown kind", []string{"--content", dir, "article", "x"}, 2, `unknown kind "article": use case-study, brief, event or chapter`},
		{"unknown flag", []string{"--drafts", "case-study", "x"}, 2, "unknown flag --drafts"},
		{"exists", []string{"--content", dir, "case-study", "proto"}, 1, existing + " already exists"},
		{"invalid slug", []string{"--content", dir, "case-study", "Proto Factory"}, 1, `"Proto Factory" is not a valid page name: use lower-case letters, digits and hyphens, such as proto-factory`},
		{"no content folder", []string{"--content", filepath.Join(dir, "nothing"), "event", "x"}, 1, "there is no content folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := newCommand(c.args, &out, &errOut); code != c.code || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("exit %d, want %d; standard error:\n%s\nwant it to contain %q", code, c.code, errOut.String(), c.want)
			}
			if out.Len() > 0 {
				t.Errorf("printed %q", out.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "case-studies", "proto.en.md")); err == nil {
		t.Error("the English twin of an existing page was written")
	}
	if b, _ := os.ReadFile(existing); string(b) != "before" {
		t.Error("an existing page was overwritten")
	}
}
