package generator

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"ndpc/generator/corpus"
)

var update = flag.Bool("update", false, "write the golden digest of the generated corpus's build")

// TestCorpusOutputUnchanged builds a generated site of 50 case studies
// and compares a digest of every output file with testdata/corpus-50.sha256:
// an optimisation must leave the output byte for byte as it was. When a
// change of output is intended, run go test ./generator -run CorpusOutput -update
// and commit the new digest with it.
func TestCorpusOutputUnchanged(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 50, 1); err != nil {
		t.Fatal(err)
	}
	repo, _ := filepath.Abs("..")
	opts := DefaultOptions()
	// The PDFs have tests of their own, and Typst's output is not ours to
	// keep byte for byte: the pages say that this build has none.
	opts.Search, opts.PDF, opts.PDFCache = false, false, ""
	opts.Content, opts.Out = filepath.Join(dir, "content"), filepath.Join(dir, "public")
	opts.Templates, opts.Static, opts.I18n = filepath.Join(repo, "templates"), filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.BaseURL = "https://example.org"
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	files := outputFiles(t, opts.Out)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var lines []string
	for _, n := range names {
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(files[n]), n))
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "corpus-50.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v: run with -update to write it", err)
	}
	if got != string(want) {
		gotLines, wantLines := map[string]bool{}, map[string]bool{}
		for _, l := range lines {
			gotLines[l] = true
		}
		for _, l := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			wantLines[l] = true
			if !gotLines[l] {
				t.Errorf("changed or missing: %s", l)
			}
		}
		for _, l := range lines {
			if !wantLines[l] {
				t.Errorf("new: %s", l)
			}
		}
	}
}
