package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoArgs points a build at the repository's templates, static files and
// i18n tables, with content and output in dir.
func repoArgs(t *testing.T, dir string) []string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		"--content", filepath.Join(dir, "content"), "--out", filepath.Join(dir, "public"),
		"--templates", filepath.Join(repo, "templates"), "--static", filepath.Join(repo, "static"),
		"--i18n", filepath.Join(repo, "i18n"),
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	var out, errOut bytes.Buffer

	if code := run([]string{"build", "--nonsense"}, &out, &errOut); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code := run([]string{"frobnicate"}, &out, &errOut); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code := run(nil, &out, &errOut); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	out.Reset()
	if code := run([]string{"build", "--help"}, &out, &errOut); code != 0 {
		t.Errorf("build --help: exit %d, want 0", code)
	}

	errOut.Reset()
	if code := run(append([]string{"build"}, repoArgs(t, dir)...), &out, &errOut); code != 0 {
		t.Fatalf("good site: exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public/en/about/index.html")); err != nil {
		t.Fatal(err)
	}

	write(t, filepath.Join(dir, "content/team.en.md"), "---\nsummary: no title\n---\n[x](nowhere.md)\n")
	errOut.Reset()
	if code := run(append([]string{"build"}, repoArgs(t, dir)...), &out, &errOut); code != 1 {
		t.Fatalf("bad site: exit %d, want 1", code)
	}
	msg := errOut.String()
	for _, want := range []string{
		"content/team.en.md:1:1: the required field \"title\" is missing",
		"content/team.en.md:4:5: broken link \"nowhere.md\"",
		"2 errors;",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
		t.Errorf("stderr shows a Go panic:\n%s", msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/en/about/index.html")); err != nil {
		t.Error("a failed build removed the previous output")
	}
}
