package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// siteArgs points a command at the repository's templates, static files
// and i18n tables, with the content in dir.
func siteArgs(t *testing.T, dir string) []string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		"--content", filepath.Join(dir, "content"),
		"--templates", filepath.Join(repo, "templates"), "--static", filepath.Join(repo, "static"),
		"--i18n", filepath.Join(repo, "i18n"),
	}
}

// repoArgs is siteArgs for a build into dir/public without search.
func repoArgs(t *testing.T, dir string) []string {
	return append(siteArgs(t, dir), "--out", filepath.Join(dir, "public"), "--search=false")
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
		"2 errors\n",
		"was left as it was",
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

func TestCheckFormats(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\ncolour: blue\n---\nText.\n")
	args := siteArgs(t, dir)[:2] // --content only: check writes nothing
	repo := siteArgs(t, dir)[2:]
	var out, errOut bytes.Buffer
	if code := run(append(append([]string{"check"}, args...), repo...), &out, &errOut); code != 0 {
		t.Fatalf("warnings only: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "content/about.en.md:3:1: warning: unknown field \"colour\"") {
		t.Errorf("warning not printed: %s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}

	write(t, filepath.Join(dir, "content/team.en.md"), "---\ntitle: Team\n---\n[x](nowhere.md)\n")
	out.Reset()
	if code := run(append(append([]string{"check", "--format", "github"}, args...), repo...), &out, &errOut); code != 1 {
		t.Fatalf("errors: exit %d, want 1", code)
	}
	for _, want := range []string{
		"::warning file=" + filepath.Join(dir, "content/about.en.md") + ",line=3,col=1::unknown field \"colour\"",
		"::error file=" + filepath.Join(dir, "content/team.en.md") + ",line=4,col=5::broken link \"nowhere.md\"",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("annotations lack %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(out.String(), "ndpc check: 2 pages have no Russian version:\n  "+filepath.Join(dir, "content/about.en.md")) {
		t.Errorf("missing translations not listed per language:\n%s", out.String())
	}
	if code := run([]string{"check", "--format", "xml"}, &out, &errOut); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// ndpc check checks drafts without failing on them, and lists them.
func TestCheckListsDrafts(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	write(t, filepath.Join(dir, "content/about.ru.md"), "---\ntitle: О проекте\n---\nТекст.\n")
	write(t, filepath.Join(dir, "content/team.en.md"), "---\ntitle: Team\ndraft: true\n---\n[x](nowhere.md)\n")
	args := siteArgs(t, dir)
	var out, errOut bytes.Buffer
	if code := run(append([]string{"check"}, args...), &out, &errOut); code != 0 {
		t.Fatalf("a draft's mistake failed the check: exit %d: %s", code, errOut.String())
	}
	team := filepath.Join(dir, "content/team.en.md")
	if want := team + ":5:5: warning: in a draft: broken link \"nowhere.md\""; !strings.Contains(errOut.String(), want) {
		t.Errorf("the draft's mistake is not reported as %q:\n%s", want, errOut.String())
	}
	if want := "ndpc check: 1 draft, checked but left out of the published site:\n  " + team + "\n"; !strings.Contains(out.String(), want) {
		t.Errorf("drafts not listed:\n%s", out.String())
	}
	out.Reset()
	if code := run(append([]string{"check", "--drafts"}, args...), &out, &errOut); code != 1 {
		t.Errorf("check --drafts: exit %d, want 1 for the draft's broken link", code)
	}
}

// TestHelpNamesArguments checks each command's --help: a flag's argument
// is shown as one word (URL, folder), and switches show none.
func TestHelpNamesArguments(t *testing.T) {
	flagLine := regexp.MustCompile(`^  -(\S+)(?: (.*))?$`)
	for _, cmd := range []string{"build", "check", "serve", "new", "import"} {
		var out, errOut bytes.Buffer
		if code := run([]string{cmd, "--help"}, &out, &errOut); code != 0 {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		flags := 0
		for _, line := range strings.Split(errOut.String()+out.String(), "\n") {
			m := flagLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			flags++
			if strings.ContainsAny(m[2], " \t") {
				t.Errorf("%s --help shows -%s with the argument %q: a word in backquotes in its usage is taken for the argument's name", cmd, m[1], m[2])
			}
		}
		if flags == 0 {
			t.Errorf("%s --help lists no flags:\n%s", cmd, errOut.String())
		}
	}
}

// The caches of a build stay with the repository, beside its content
// folder, wherever --out puts the site: a build into /tmp/site must not
// leave /tmp/.cache behind.
func TestCachesBesideContent(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	var out, errOut bytes.Buffer
	args := append(append([]string{"build"}, siteArgs(t, dir)...), "--out", filepath.Join(elsewhere, "site"), "--search=false")
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, ".cache", "social")); err != nil {
		t.Errorf("no social image cache beside the content folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(elsewhere, ".cache")); !os.IsNotExist(err) {
		t.Errorf("a cache was made beside the output folder (%v)", err)
	}
}
