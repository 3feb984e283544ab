package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/history/gittest"
)

// TestCheckStale: ndpc check annotates a translation left behind in git on
// its file, and says once when it cannot tell.
func TestCheckStale(t *testing.T) {
	repo := gittest.New(t)
	i18n := siteArgs(t, repo.Dir)[2:] // the repository's templates, static files and i18n tables
	repo.Write("content/about.en.md", "---\ntitle: About\n---\nThe study.\n")
	repo.Write("content/about.ru.md", "---\ntitle: О проекте\n---\nИсследование.\n")
	first := repo.Commit("2026-10-02T10:00:00+03:00", "Add the pages")
	repo.Write("content/about.en.md", "---\ntitle: About\n---\nThe study and its budget.\n")
	budget := repo.Commit("2026-11-20T10:00:00+02:00", "Add the budget")
	t.Chdir(repo.Dir)

	var out, errOut bytes.Buffer
	if code := run(append([]string{"check", "--format", "github", "--content", "content"}, i18n...), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := "::warning file=content/about.ru.md,line=1,col=1::content/about.ru.md may be out of date: content/about.en.md changed on 2026-11-20 in " + budget + " “Add the budget”; the Russian text was last changed on 2026-10-02 in " + first + " “Add the pages”: bring it up to date with content/about.en.md and commit it\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("annotation lacking:\n%s\nwant\n%s", out.String(), want)
	}

	clone := repo.CloneShallow()
	for _, tc := range []struct{ format, dir, want string }{
		{"text", t.TempDir(), "ndpc check: cannot tell which translations are out of date: content is not in a git repository\n"},
		{"github", clone, "::notice::cannot tell which translations are out of date: content is in a shallow clone of its repository, without the whole history; fetch it with git fetch --unshallow (in GitHub Actions, fetch-depth: 0 for actions/checkout)\n"},
	} {
		write(t, filepath.Join(tc.dir, "content/team.en.md"), "---\ntitle: Team\n---\n")
		t.Chdir(tc.dir)
		out.Reset()
		if code := run(append([]string{"check", "--format", tc.format, "--content", "content"}, i18n...), &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.format, code, errOut.String())
		}
		if n := strings.Count(out.String(), tc.want); n != 1 {
			t.Errorf("%s: said %d times, want once:\n%s", tc.format, n, out.String())
		}
	}
}
