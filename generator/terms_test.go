package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerms runs ndpc check on each site in testdata/terms, with the
// repository's i18n folder (interface strings and glossary) unless the
// archive has its own i18n/glossary.toml, and compares every problem with
// the "want" section.
func TestTerms(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	eachFixture(t, "testdata/terms/*.txtar", func(t *testing.T, archive []byte) {
		dir := t.TempDir()
		extra := writeSite(t, dir, archive)
		copyI18n(t, filepath.Join(repo, "i18n"), filepath.Join(dir, "i18n"))
		opts := siteOptions(t, dir)
		opts.I18n = "i18n"
		res, err := Check(opts)
		got := strings.Join(problemLines(err, res), "\n")
		if want := strings.TrimSpace(extra["want"]); got != want {
			t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
		}
	})
}

// copyI18n copies the repository's i18n files that the site in dst does
// not have.
func copyI18n(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		to := filepath.Join(dst, e.Name())
		if _, err := os.Stat(to); err == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTermsInInterfaceStrings: a word to avoid in i18n/ru.toml is found at
// its line and column, and not in en.toml, which is English.
func TestTermsInInterfaceStrings(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeSite(t, dir, []byte("-- content/about.en.md --\n---\ntitle: About\n---\n-- content/about.ru.md --\n---\ntitle: О нас\n---\n"))
	if err := os.MkdirAll(filepath.Join(dir, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	glossary := "[[term]]\nconcept = \"the link to the main text\"\nru = \"к основному тексту\"\navoid.ru = [\"к содержанию\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "i18n", "glossary.toml"), []byte(glossary), 0o644); err != nil {
		t.Fatal(err)
	}
	copyI18n(t, filepath.Join(repo, "i18n"), filepath.Join(dir, "i18n"))
	ru, err := os.ReadFile(filepath.Join(dir, "i18n", "ru.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// Where the skip link's text has the words, in the file as it is today.
	var want []string
	for i, line := range strings.Split(string(ru), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if j := strings.Index(strings.ToLower(line), "к содержанию"); j >= 0 {
			said := line[j : j+len("к содержанию")]
			want = append(want, fmt.Sprintf("i18n/ru.toml:%d:%d: warning: %q: use \"к основному тексту\" for the link to the main text, not \"к содержанию\" (i18n/glossary.toml:1)", i+1, len([]rune(line[:j]))+1, said))
		}
	}
	if len(want) == 0 {
		t.Skip("i18n/ru.toml no longer says к содержанию")
	}
	opts := siteOptions(t, dir)
	opts.I18n = "i18n"
	res, err := Check(opts)
	if got := strings.Join(problemLines(err, res), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, strings.Join(want, "\n"))
	}
}
