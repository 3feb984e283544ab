package generator

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"ndpc/generator/corpus"
	"ndpc/generator/diag"
	"ndpc/generator/markdown"
	"ndpc/generator/output"
)

// The benchmarks build a generated site of 2,000 case studies in two
// languages (4,082 pages) as a whole and stage by stage:
//
//	go test ./generator -run '^$' -bench . -benchtime 3x
//
// Profile with -cpuprofile / -memprofile and go tool pprof.

var (
	benchOnce sync.Once
	benchDir  string
)

// benchSite writes the corpus once per test binary.
func benchSite(b *testing.B) Options {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ndpc-bench-")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := corpus.Write(dir, 2000, 1); err != nil {
			b.Fatal(err)
		}
		benchDir = dir
	})
	repo, _ := filepath.Abs("..")
	opts := DefaultOptions()
	opts.Search = false
	opts.Content = filepath.Join(benchDir, "content")
	opts.Templates, opts.Static, opts.I18n = filepath.Join(repo, "templates"), filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out = filepath.Join(b.TempDir(), "public")
	// One cache of print editions for every benchmark, as between the
	// builds of a working copy: the report is typeset once (BenchmarkPrint*
	// measure typesetting).
	opts.PDFCache = filepath.Join(benchDir, "pdf-cache")
	// Likewise the social preview images (socialimage's BenchmarkDraw
	// measures drawing one).
	opts.ImageCache = filepath.Join(benchDir, "image-cache")
	return opts
}

func loadBench(b *testing.B, opts Options) *builder {
	b.Helper()
	problems := &diag.List{}
	bl, err := load(opts, problems)
	if err != nil || problems.HasErrors() {
		b.Fatalf("%v %v", err, problems.Err())
	}
	return bl
}

// BenchmarkBuild is ndpc build --search=false: minified, fingerprinted,
// written to disk and swapped in, the print editions taken from the cache.
func BenchmarkBuild(b *testing.B) {
	opts := benchSite(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad reads and validates the content, i18n tables and templates.
func BenchmarkLoad(b *testing.B) {
	opts := benchSite(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		loadBench(b, opts)
	}
}

// BenchmarkMarkdown converts every page body, links resolved.
func BenchmarkMarkdown(b *testing.B) {
	opts := benchSite(b)
	bl := loadBench(b, opts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		for _, p := range bl.site.Pages {
			buf.Reset()
			if _, err := bl.md.Convert(markdown.Input{Source: p.Body, Lang: string(p.Lang), Path: p.Path, Resolve: bl.linkResolver(p)}, &buf, bl.problems); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTemplates makes every page's data and executes its template,
// on one core, with the Markdown converted beforehand and cards and the
// layout's shared pieces rendered afresh each time, as in a build.
func BenchmarkTemplates(b *testing.B) {
	opts := benchSite(b)
	bl := loadBench(b, opts)
	type page struct {
		job  job
		body template.HTML
		toc  []markdown.Heading
	}
	var pages []page
	for _, j := range bl.replan(nil, nil).pages() {
		if j.checkOnly {
			continue
		}
		p := page{job: j}
		if j.page != nil {
			var buf bytes.Buffer
			toc, err := bl.md.Convert(markdown.Input{Source: j.page.Body, Lang: string(j.page.Lang), Path: j.page.Path, Resolve: bl.linkResolver(j.page)}, &buf, bl.problems)
			if err != nil {
				b.Fatal(err)
			}
			p.body, p.toc = template.HTML(buf.String()), toc
		}
		pages = append(pages, p)
	}
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl.pieces = &pieces{}
		for _, p := range pages {
			buf.Reset()
			if err := bl.tmpl.Execute(&buf, p.job.template, p.job.view(bl.base(p.job), p.body, p.toc)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMinify minifies every rendered page.
func BenchmarkMinify(b *testing.B) {
	opts := benchSite(b)
	opts.Minify = false
	bl := loadBench(b, opts)
	mem := newMemSink()
	bl.out = mem
	bl.render(bl.replan(nil, nil).pages())
	mf := newMinifier()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for p, data := range mem.files {
			if _, err := mf.apply(p, data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWrite writes every rendered page into a fresh output folder.
func BenchmarkWrite(b *testing.B) {
	opts := benchSite(b)
	bl := loadBench(b, opts)
	mem := newMemSink()
	bl.out = mem
	bl.render(bl.replan(nil, nil).pages())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := output.Create(filepath.Join(b.TempDir(), "public"), nil)
		if err != nil {
			b.Fatal(err)
		}
		for p, data := range mem.files {
			if err := out.WriteFile(p, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := out.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
