package generator

import (
	"fmt"
	"path/filepath"
	"testing"

	"ndpc/generator/corpus"
)

// BenchmarkPrintEditions builds trees with 20 briefs whose PDFs the build
// typesets (40 PDFs, and the report's 2 of 6 chapters each) as ndpc build
// --search=false does: without the print editions, typesetting every
// PDF, and taking them from a cache that an earlier build filled:
//
//	go test ./generator -run '^$' -bench PrintEditions -benchtime 5x
func BenchmarkPrintEditions(b *testing.B) {
	repo, _ := filepath.Abs("..")
	for _, cases := range []int{20, 2000} {
		dir := b.TempDir()
		root, err := corpus.WriteTree(dir, corpus.Options{CaseStudies: cases, Seed: 1, Briefs: 20, Typeset: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, mode := range []string{"none", "typeset", "cached"} {
			b.Run(fmt.Sprintf("case-studies=%d/pdf=%s", cases, mode), func(b *testing.B) {
				opts := DefaultOptions()
				opts.Search, opts.PDF = false, mode != "none"
				if mode == "cached" {
					opts.PDFCache = filepath.Join(b.TempDir(), "cache")
				}
				opts.Content = root
				opts.Templates, opts.Static, opts.I18n = filepath.Join(repo, "templates"), filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
				opts.Out = filepath.Join(b.TempDir(), "public")
				if mode == "cached" {
					if _, err := Build(opts); err != nil {
						b.Fatal(err)
					}
				}
				for b.Loop() {
					if _, err := Build(opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkPrintStep is the print editions' step alone on the trees with
// 20 briefs, typesetting every PDF or taking them from a filled cache,
// written nowhere:
//
//	go test ./generator -run '^$' -bench PrintStep -benchtime 10x
func BenchmarkPrintStep(b *testing.B) {
	repo, _ := filepath.Abs("..")
	for _, cases := range []int{20, 2000} {
		root, err := corpus.WriteTree(b.TempDir(), corpus.Options{CaseStudies: cases, Seed: 1, Briefs: 20, Typeset: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, mode := range []string{"typeset", "cached"} {
			b.Run(fmt.Sprintf("case-studies=%d/pdf=%s", cases, mode), func(b *testing.B) {
				opts := DefaultOptions()
				opts.Content = root
				opts.Templates, opts.Static, opts.I18n = filepath.Join(repo, "templates"), filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
				if mode == "cached" {
					opts.PDFCache = filepath.Join(b.TempDir(), "cache")
				}
				bl := loadBench(b, opts)
				bl.out = discard{}
				if bl.typst, err = findTypst(&opts); err != nil {
					b.Skipf("the print editions cannot be typeset: %v", err)
				}
				jobs := bl.printJobs()
				if mode == "cached" {
					bl.editions = newEditions()
					bl.printEditions(jobs)
				}
				for b.Loop() {
					bl.editions = newEditions()
					if made := bl.printEditions(jobs); made != 42 {
						b.Fatalf("%d PDFs", made)
					}
				}
			})
		}
	}
}
