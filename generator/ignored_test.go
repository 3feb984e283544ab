package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/diag"
)

// TestIgnoredFilesNotPublished: editors' temporary, swap and backup files
// and files being written, in the content and static folders, are never
// published (the preview does not wait for them either), while the files
// beside them are.
func TestIgnoredFilesNotPublished(t *testing.T) {
	dir := t.TempDir()
	names := []string{"x.md~", ".x.md.swp", ".x.md.swx", "#x.md#", "4913", "x.md___jb_tmp___", "x.md___jb_old___",
		"x.md.kate-swp", "x.md.crswap", "x.md.tmp", "x.pdf.part", "x.md.orig", "x.md.rej", "x.md.bak", ".DS_Store"}
	files := map[string]string{
		"content/_index.en.md":                   "---\ntitle: Home\n---\nWelcome.\n",
		"content/_index.ru.md":                   "---\ntitle: Главная\n---\nТекст.\n",
		"content/case-studies/proto/index.en.md": "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nText.\n",
		"content/case-studies/proto/kept.txt":    "kept\n",
		"static/files/kept.txt":                  "kept\n",
	}
	for _, n := range names {
		files["content/case-studies/proto/"+n] = "draft text\n"
		files["static/files/"+n] = "draft text\n"
	}
	writeTree(t, dir, files)
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "static"), os.DirFS(opts.Static)); err != nil {
		t.Fatal(err)
	}
	opts.Static, opts.Search, opts.PDF = "static", false, false
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	for _, kept := range []string{"public/en/case-studies/proto/kept.txt", "public/files/kept.txt"} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s is not published", kept)
		}
	}
	_ = filepath.WalkDir("public", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(p, "/x.") || strings.HasSuffix(p, "4913") || strings.HasSuffix(p, ".DS_Store") {
			t.Errorf("%s is published", p)
		}
		return nil
	})
}

// TestVanishedFileNotAnError: a file removed after the plan listed it (a
// tool's temporary file, renamed away while the preview builds) is left
// out without an error.
func TestVanishedFileNotAnError(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"content/_index.en.md":  "---\ntitle: Home\n---\nWelcome.\n",
		"content/sedTMP01":      "text\n",
		"content/files/gone.js": "let x = 1;\n", // minified on the way
	})
	opts := siteOptions(t, dir)
	opts.Minify = true
	problems := &diag.List{}
	b, err := load(opts, problems)
	if err != nil || problems.HasErrors() {
		t.Fatalf("%v %v", err, problems.Err())
	}
	b.out = discard{}
	b.editions = newEditions()
	copies := b.replan(nil, nil).copiesOf(false)
	for _, f := range []string{"content/sedTMP01", "content/files/gone.js"} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	b.publishCopies(copies)
	if problems.HasErrors() {
		t.Errorf("a vanished file is an error: %v", problems.Err())
	}
}
