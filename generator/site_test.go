package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"ndpc/generator/diag"
)

// writeSite writes the files of a txtar archive under dir and returns the
// named sections that are not files ("want", "published /en/x/", "edit i18n/ru.toml").
func writeSite(t *testing.T, dir string, archive []byte) map[string]string {
	t.Helper()
	a := txtar.Parse(archive)
	extra := map[string]string{}
	for _, f := range a.Files {
		if !strings.Contains(f.Name, "/") || strings.HasPrefix(f.Name, "published ") || strings.HasPrefix(f.Name, "edit ") {
			extra[f.Name] = string(f.Data)
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return extra
}

// eachFixture runs fn as a subtest, named after the file, on the text of
// every txtar fixture that glob names, and fails when there is none.
func eachFixture(t *testing.T, glob string, fn func(t *testing.T, archive []byte)) {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatalf("no fixtures %s", glob)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			archive, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fn(t, archive)
		})
	}
}

// siteOptions builds the site in dir with the repository's templates,
// static files and i18n tables. Paths in problems are relative to dir.
func siteOptions(t *testing.T, dir string) Options {
	t.Helper()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return Options{
		Content:   "content",
		Templates: filepath.Join(repo, "templates"),
		Static:    filepath.Join(repo, "static"),
		I18n:      filepath.Join(repo, "i18n"),
		Out:       "public",
		BaseURL:   "https://example.org/",
	}
}

// buildText builds a site given as a txtar archive and returns the
// options used (for the output folder), the extra sections, and the error.
// An archive with "edit i18n/…" sections is built with the repository's
// i18n tables so changed, and the places in braces in its "want" section
// are replaced by their lines (see editI18n).
func buildText(t *testing.T, archive string) (Options, map[string]string, Result, error) {
	t.Helper()
	dir := t.TempDir()
	extra := writeSite(t, dir, []byte(archive))
	opts := siteOptions(t, dir)
	if editI18n(t, filepath.Dir(opts.Templates), dir, extra) {
		opts.I18n = "i18n"
		extra["want"] = placeLines(t, dir, extra["want"])
	}
	res, err := Build(opts)
	return opts, extra, res, err
}

func readOut(t *testing.T, opts Options, sitePath string) string {
	t.Helper()
	p := filepath.Join(opts.Out, filepath.FromSlash(strings.TrimPrefix(sitePath, "/")))
	if strings.HasSuffix(sitePath, "/") {
		p = filepath.Join(p, "index.html")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("reading %s: %v", sitePath, err)
	}
	return string(data)
}

func problemLines(err error, res Result) []string {
	var lines []string
	var errs *diag.Errors
	if errors.As(err, &errs) {
		for _, p := range errs.Problems {
			lines = append(lines, p.String())
		}
	} else if err != nil {
		lines = append(lines, "ERROR "+err.Error())
	} else {
		for _, w := range res.Warnings {
			lines = append(lines, w.String())
		}
	}
	return lines
}

// TestContentMistakes builds each site in testdata/errors and compares
// every problem it reports with the archive's "want" section.
func TestContentMistakes(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			archive, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, extra, res, err := buildText(t, string(archive))
			want := strings.TrimSpace(extra["want"])
			got := strings.Join(problemLines(err, res), "\n")
			if got != want {
				t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
			}
			if strings.Contains(want, ": warning: ") && !strings.Contains(strings.ReplaceAll(want, ": warning: ", ""), ": ") {
				return
			}
		})
	}
}

// TestCheckFindings runs ndpc check's checks on each site in
// testdata/check and compares every problem with the "want" section, and
// the drafts it lists with the "drafts" section when there is one. The
// checks run as with --drafts unless an "options" section says
// "drafts: false".
func TestCheckFindings(t *testing.T) {
	eachFixture(t, "testdata/check/*.txtar", func(t *testing.T, archive []byte) {
		dir := t.TempDir()
		extra := writeSite(t, dir, archive)
		opts := siteOptions(t, dir)
		opts.Drafts = !strings.Contains(extra["options"], "drafts: false")
		res, err := Check(opts)
		got := strings.Join(problemLines(err, res), "\n")
		if want := strings.TrimSpace(extra["want"]); got != want {
			t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
		}
		if want, ok := extra["drafts"]; ok {
			if got := strings.Join(res.Drafts, "\n"); got != strings.TrimSpace(want) {
				t.Errorf("drafts differ\n--- got\n%s\n--- want\n%s", got, want)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Error("check wrote output")
		}
	})
}

// TestPublished builds each site in testdata/published, which must build
// without errors, and compares its output with every section named
// "published PATH" (a site path: /en/events/, /en/feed.xml; for a PDF,
// its text as pdftotext -raw reads it, in reading order): each line of the section must occur in
// the file, after the previous line's match; a line "! text" says that
// text occurs nowhere in it. In these lines \u00a0 stands for a no-break
// space, \n for a line's end and \r for a carriage return. A "want" section lists the warnings.
func TestPublished(t *testing.T) {
	eachFixture(t, "testdata/published/*.txtar", func(t *testing.T, archive []byte) {
		dir := t.TempDir()
		extra := writeSite(t, dir, archive)
		opts := siteOptions(t, dir)
		for name := range extra {
			opts.PDF = opts.PDF || strings.HasSuffix(name, ".pdf")
		}
		if opts.PDF {
			needTypst(t)
		}
		res, err := Build(opts)
		if err != nil {
			t.Fatalf("the site does not build:\n%v", err)
		}
		if got, want := strings.Join(problemLines(nil, res), "\n"), strings.TrimSpace(extra["want"]); got != want {
			t.Errorf("warnings differ\n--- got\n%s\n--- want\n%s", got, want)
		}
		for name, section := range extra {
			sitePath, ok := strings.CutPrefix(name, "published ")
			if !ok {
				continue
			}
			var got string
			if strings.HasSuffix(sitePath, ".pdf") {
				got = poppler(t, "pdftotext", "-enc", "UTF-8", "-raw", filepath.Join(opts.Out, filepath.FromSlash(sitePath)), "-")
			} else {
				got = readOut(t, opts, sitePath)
			}
			assertPublished(t, sitePath, got, section)
		}
	})
}

// assertPublished checks the lines of a "published" section against the
// file published at sitePath.
func assertPublished(t *testing.T, sitePath, got, section string) {
	t.Helper()
	rest := got
	unescape := strings.NewReplacer(`\u00a0`, "\u00a0", `\r`, "\r", `\n`, "\n")
	for _, line := range strings.Split(strings.TrimSpace(section), "\n") {
		line = unescape.Replace(line)
		if absent, ok := strings.CutPrefix(line, "! "); ok {
			if strings.Contains(got, absent) {
				t.Errorf("%s has %q, which it must not have", sitePath, absent)
			}
			continue
		}
		i := strings.Index(rest, line)
		if i < 0 {
			if strings.Contains(got, line) {
				t.Errorf("%s has %q, but not after the lines before it", sitePath, line)
			} else {
				t.Errorf("%s has no %q in\n%s", sitePath, line, got)
			}
			continue
		}
		rest = rest[i+len(line):]
	}
}
