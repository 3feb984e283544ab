package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator"
)

// previewBuild is the ndpc build command line the README gives for
// publishing what ndpc serve shows.
var previewBuild = []string{"--drafts", "--minify=false", "--fingerprint=false", "--social-images=false", "--search=false", "--pdf=false"}

// TestBuildAsPreview: ndpc build with the README's flags for it writes, on
// the real site, exactly the files the preview serves, byte for byte.
func TestBuildAsPreview(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	args := append([]string{"build", "--content", filepath.Join(repo, "content"), "--templates", filepath.Join(repo, "templates"),
		"--static", filepath.Join(repo, "static"), "--i18n", filepath.Join(repo, "i18n"), "--out", out}, previewBuild...)
	var stderr bytes.Buffer
	if code := run(args, io.Discard, &stderr); code != 0 {
		t.Fatalf("ndpc %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	opts := generator.DefaultOptions()
	opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.PDF, opts.Search = false, false // as ndpc serve
	live, u, err := generator.NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the preview: %v %v", err, u.Problems)
	}
	paths := live.Paths()
	if len(paths) < 100 {
		t.Fatalf("the preview has %d files", len(paths))
	}
	for _, p := range paths {
		got, _ := live.File(p)
		want, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: the build has no such file", p)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs between the preview and ndpc build %s", p, strings.Join(previewBuild, " "))
		}
	}
	err = filepath.WalkDir(out, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, f)
		if _, ok := live.File("/" + filepath.ToSlash(rel)); !ok {
			t.Errorf("/%s: the preview has no such file", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
