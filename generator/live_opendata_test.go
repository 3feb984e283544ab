package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewRemakesOpenData: in the preview, a change to a case study's
// summary and creative fields reaches the open data (which the finder
// searches), byte for byte as a fresh build makes it.
func TestPreviewRemakesOpenData(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/_index.en.md":             "---\ntitle: Home\n---\nWelcome.\n",
		"content/_index.ru.md":             "---\ntitle: Главная\n---\nТекст.\n",
		"content/case-studies/proto.en.md": "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\ncci: [design]\n---\nText.\n",
		"content/case-studies/proto.ru.md": "---\ntitle: PROTO\nsummary: Центр VR.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\ncci: [design]\n---\nТекст.\n",
	}
	writeTree(t, dir, files)
	opts := siteOptions(t, dir)
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	for _, p := range []string{openDataJSONPath, openDataCSVPath} {
		if _, ok := l.File(p); !ok {
			t.Fatalf("no %s", p)
		}
	}
	file := filepath.Join("content", "case-studies", "proto.en.md")
	edited := strings.Replace(files["content/case-studies/proto.en.md"], "summary: A VR centre.", "summary: A holographic centre.", 1)
	edited = strings.Replace(edited, "cci: [design]", "cci: [design, crafts]", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if u, err := l.Apply([]string{file}); err != nil || !u.OK() {
		t.Fatalf("the change does not build: %v %v", err, u.Problems)
	}

	fresh := opts
	fresh.Drafts, fresh.Out = true, filepath.Join(dir, "fresh")
	if _, err := Build(fresh); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{openDataJSONPath, openDataCSVPath} {
		got, _ := l.File(p)
		want, err := os.ReadFile(filepath.Join(fresh.Out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(got, []byte("holographic")) || !bytes.Contains(got, []byte("crafts")) {
			t.Errorf("%s keeps the old summary and fields:\n%s", p, got)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh build's:\n%s\nwant:\n%s", p, got, want)
		}
	}
}
