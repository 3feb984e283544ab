package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/corpus"
)

// BenchmarkSaveToReload measures, on sites of 2,000 and 8,000 case studies
// in two languages, the time from saving a case study to the open page receiving
// its reload event, through the real watcher and server; after each event
// it fetches the page to check that it shows the change.
//
//	go test ./generator/preview -run '^$' -bench SaveToReload -benchtime 50x
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		for _, kind := range []string{"body", "fields"} {
			b.Run(fmt.Sprintf("%s/n=%d", kind, n), func(b *testing.B) { benchmarkSave(b, kind, n) })
		}
	}
}

func benchmarkSave(b *testing.B, kind string, n int) {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	files := map[string]string{}
	_, base, _ := startSite(b, files, dir)
	events := subscribe(b, base)
	page := filepath.Join(dir, "content/case-studies/case-00042.en.md")
	original, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		marker := fmt.Sprintf("edit-%d", i)
		var text string
		if kind == "body" {
			text = string(original) + "\n" + marker + "\n"
		} else {
			text = strings.Replace(string(original), "title: \"", "title: \""+marker+" ", 1)
		}
		writeFile(b, page, text)
		for {
			ev := next(b, events, "reload")
			if strings.Contains(strings.Join(pages(ev), " "), "/en/case-studies/case-00042/index.html") {
				break
			}
		}
		b.StopTimer()
		if _, body := get(b, base+"/en/case-studies/case-00042/"); !strings.Contains(body, marker) {
			b.Fatalf("the page does not show %s", marker)
		}
		b.StartTimer()
	}
}
