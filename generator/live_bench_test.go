package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLiveApply measures the preview's update after a save of one
// case study of the 2,000 (its body, or its title in the front matter),
// from the file's name to the new pages in memory, without the watcher
// and server that BenchmarkSaveToReload in package preview adds:
//
//	go test ./generator -run '^$' -bench LiveApply -benchtime 50x
func BenchmarkLiveApply(b *testing.B) {
	opts := benchSite(b)
	// A copy of the corpus: the benchmark edits it.
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(opts.Content)); err != nil {
		b.Fatal(err)
	}
	opts.Content = filepath.Join(dir, "content")
	opts.PDF = false // as ndpc serve
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		b.Fatalf("%v %v", err, u.Problems)
	}
	page := filepath.Join(opts.Content, "case-studies", "case-00042.en.md")
	original, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	saves := 0 // every save differs from the one before
	for _, kind := range []string{"body", "fields"} {
		b.Run(kind, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				saves++
				mark := fmt.Sprintf("edit %d", saves)
				text := string(original) + "\n" + mark + "\n"
				if kind == "fields" {
					text = strings.Replace(string(original), "title: \"", "title: \""+mark+" ", 1)
				}
				if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				u, err := l.Apply([]string{page})
				if err != nil || !u.OK() || u.Full || len(u.Pages) == 0 {
					b.Fatalf("%v %+v", err, u)
				}
			}
		})
	}
}
