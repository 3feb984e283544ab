package generator

import (
	"bytes"
	"errors"
	"fmt"
	stdhtml "html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ndpc/generator/corpus"
	"ndpc/generator/internal/pdfcheck"
	"ndpc/generator/markdown"
	"ndpc/generator/nodetools"
	"ndpc/generator/printed"
)

// printSite has a brief in both languages without a PDF of its own, one
// whose English version has its editors' PDF, and a report chapter per
// language.
const printSite = `
-- content/briefs/01-first/index.en.md --
---
title: First brief
number: 1
date: 2020-08-18
summary: The first brief.
---
## What it covers

The brief is about [the report](../../report/intro.en.md) and the [sources](#sources).

## Sources

- <https://ndpculture.org/news/policy-brief/>
-- content/briefs/01-first/index.ru.md --
---
title: Первая записка
number: 1
date: 2020-08-18
summary: Первая записка.
---
## О чем записка

Первая аналитическая записка исследования вышла 18 августа 2020 года на английском и русском языках.
-- content/briefs/02-second/index.en.md --
---
title: Second brief
number: 2
date: 2020-10-15
summary: The second brief.
download: second-en.pdf
---
Text.
-- content/briefs/02-second/index.ru.md --
---
title: Вторая записка
number: 2
date: 2020-10-15
summary: Вторая записка.
---
Текст.
-- content/report/_index.en.md --
---
title: The report
summary: A guide to the study.
---
-- content/report/intro.en.md --
---
title: Introduction
weight: 1
---
## Background

Text.
-- content/report/intro.ru.md --
---
title: Введение
weight: 1
---
## Предыстория

Текст.
`

func buildPrintSite(t *testing.T, pdf bool) Options {
	t.Helper()
	if pdf {
		needTypst(t)
	}
	dir := t.TempDir()
	writeSite(t, dir, []byte(printSite))
	if err := os.WriteFile(filepath.Join(dir, "content/briefs/02-second/second-en.pdf"), corpus.PDF(3), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	opts.PDF = pdf
	if _, err := Build(opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return opts
}

func TestPrintEditions(t *testing.T) {
	opts := buildPrintSite(t, true)
	pdf := func(sitePath string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(opts.Out, filepath.FromSlash(sitePath)))
		if err != nil {
			t.Fatalf("no PDF at %s: %v", sitePath, err)
		}
		return data
	}
	// The brief page and the list offer the PDF in both languages, with
	// its size and number of pages, the page's language first, named as
	// what it is: the site's page typeset, not the NDPC's brief.
	for _, page := range []string{"/ru/briefs/01-first/", "/ru/briefs/"} {
		html := readOut(t, opts, page)
		for _, want := range []*regexp.Regexp{
			regexp.MustCompile(`href="/ru/briefs/01-first/01-first-ru\.pdf" hreflang="ru" type="application/pdf" download>Страница сайта в\x{a0}PDF <span class="download-meta">\(на\x{a0}русском, [\d,]+\x{a0}КБ, 1 страница\)`),
			regexp.MustCompile(`href="/en/briefs/01-first/01-first-en\.pdf" hreflang="en" type="application/pdf" download>Страница сайта в\x{a0}PDF <span class="download-meta">\(на\x{a0}английском, [\d,]+\x{a0}КБ, 1 страница\)`),
		} {
			if !want.MatchString(html) {
				t.Errorf("%s does not offer %s", page, want)
			}
		}
		if i, j := strings.Index(html, "01-first-ru.pdf"), strings.Index(html, "01-first-en.pdf"); i > j {
			t.Errorf("%s offers the English PDF first", page)
		}
	}
	ru := pdf("/ru/briefs/01-first/01-first-ru.pdf")
	if printed.CountPages(ru) != 1 || !bytes.Contains(ru, []byte("/Lang (ru)")) {
		t.Error("the Russian brief's PDF is not a Russian page")
	}
	en := pdf("/en/briefs/01-first/01-first-en.pdf")
	for _, want := range []string{"https://example.org/en/report/intro/", "https://example.org/en/briefs/01-first/#sources", "https://ndpculture.org/news/policy-brief/"} {
		if !bytes.Contains(en, []byte("/URI ("+want+")")) {
			t.Errorf("the English brief's PDF has no link to %s", want)
		}
	}

	// A brief with its editors' PDF offers that one, and gets none made;
	// its translation without one gets one.
	second := readOut(t, opts, "/en/briefs/02-second/")
	if !strings.Contains(second, `href="/en/briefs/02-second/second-en.pdf" hreflang="en" type="application/pdf" download>The brief as a PDF <span class="download-meta">(English, 523`+"\u00a0"+`B, 3 pages)`) {
		t.Errorf("the brief does not offer its own PDF with its pages:\n%s", second)
	}
	if _, err := os.Stat(filepath.Join(opts.Out, "en/briefs/02-second/02-second-en.pdf")); !os.IsNotExist(err) {
		t.Error("a PDF was made for a brief that has its own")
	}
	if !strings.Contains(second, `href="/ru/briefs/02-second/02-second-ru.pdf"`) {
		t.Error("the translation's PDF is not offered")
	}

	// The report, in both languages, from its contents page.
	report := readOut(t, opts, "/en/report/")
	for _, want := range []string{`href="/en/report/report-en.pdf"`, `href="/ru/report/report-ru.pdf"`, `download>These chapters as a PDF <span class="download-meta">(English, `, `3 pages)`} {
		if !strings.Contains(report, want) {
			t.Errorf("the report's contents page lacks %s", want)
		}
	}
	if r := pdf("/en/report/report-en.pdf"); !bytes.Contains(r, []byte("/Lang (en)")) || printed.CountPages(r) != 3 {
		t.Errorf("the English report has %d pages, want 3: title, contents, one chapter", printed.CountPages(r))
	}
}

// Without print editions, briefs offer only their editors' PDFs.
func TestNoPrintEditions(t *testing.T) {
	opts := buildPrintSite(t, false)
	pdfs, _ := filepath.Glob(filepath.Join(opts.Out, "*/*/*/*.pdf"))
	if len(pdfs) != 2 || !strings.HasSuffix(pdfs[0], "second-en.pdf") || !strings.HasSuffix(pdfs[1], "second-en.pdf") { // beside both pages of its bundle
		t.Errorf("PDFs written: %v", pdfs)
	}
	if html := readOut(t, opts, "/ru/briefs/"); strings.Contains(html, "01-first-ru.pdf") || !strings.Contains(html, "second-en.pdf") {
		t.Error("the list offers PDFs that were not made, or not the one supplied")
	}
	if strings.Contains(readOut(t, opts, "/en/report/"), "report-en.pdf") {
		t.Error("the report page offers a PDF that was not made")
	}
}

// A file of the bundle where the build would write the brief's PDF is an
// error.
func TestPrintEditionClash(t *testing.T) {
	needTypst(t)
	dir := t.TempDir()
	writeSite(t, dir, []byte(printSite))
	if err := os.WriteFile(filepath.Join(dir, "content/briefs/01-first/01-first-en.pdf"), corpus.PDF(1), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	opts.PDF = true
	_, err := Build(opts)
	want := "content/briefs/01-first/index.en.md: the bundle has a file 01-first-en.pdf where the build writes the brief's PDF: name it in download: to offer it instead, or rename it"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("build error %v, want %q", err, want)
	}
}

// needTypst skips a test that needs PDFs typeset on a machine without
// Node.js (the build installs the Typst compiler itself where there is
// one), or fails it when CI is set.
func needTypst(t *testing.T) {
	t.Helper()
	if err := nodetools.HaveNode(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the print editions cannot be typeset: %v", err)
		}
		t.Skipf("the print editions cannot be typeset: %v (install Node.js 18 or newer)", err)
	}
}

// pdfText returns the text of a PDF file's pages first to last (0: all)
// as a reader copying it gets it (pdfcheck.Text).
func pdfText(t *testing.T, file string, first, last int) string {
	t.Helper()
	s, err := pdfcheck.Text(file, first, last)
	popplerError(t, err)
	return s
}

// boundAtLineEnd matches a line that ends with a word that package typo
// binds to the next.
var boundAtLineEnd = regexp.MustCompile(`(?i)(^|\s)(в|к|с|у|о|и|а|я|во|на|по|из|от|до|за|для|без|под|при|не)$`)

// poppler runs a poppler-utils command and returns what it prints on its
// standard output (pdfcheck.Run).
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := pdfcheck.Run(name, args...)
	popplerError(t, err)
	return out
}

// popplerError fails a test on an error of pdfcheck; without poppler-utils
// the test skips, or fails when CI is set.
func popplerError(t *testing.T, err error) {
	t.Helper()
	if errors.Is(err, pdfcheck.ErrNoPoppler) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v: install Debian's poppler-utils (bash .ci/run does)", err)
		}
		t.Skipf("%v: apt-get install poppler-utils", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

var (
	frontTitle = regexp.MustCompile(`(?m)^title: "?(.*?)"?$`)
	uriEntry   = regexp.MustCompile(`/URI \(([^)]*)\)`)
	proseHref  = regexp.MustCompile(`href=("[^"]*"|[^\s>]+)`)
)

// TestRealPrintEditions builds the repository's content and reads its PDFs
// back: pages, title, language, the text of the briefs verbatim, the
// report's contents, and every link of the web page.
func TestRealPrintEditions(t *testing.T) {
	needTypst(t)
	out := buildReal(t)
	// Every PDF is tagged PDF/UA-1 with its title and language, its fonts
	// named subsets, its structure in reading order; a second build
	// writes the same bytes.
	again := buildReal(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*", "*.pdf"))
	more, _ := filepath.Glob(filepath.Join(out, "*", "*", "*", "*.pdf"))
	if pdfs = append(pdfs, more...); len(pdfs) != 6 {
		t.Fatalf("%d PDFs, want 6: %v", len(pdfs), pdfs)
	}
	for _, file := range pdfs {
		rel, _ := filepath.Rel(out, file)
		pdf := []byte(readFile(t, file))
		if second := readFile(t, filepath.Join(again, rel)); second != string(pdf) {
			t.Errorf("%s differs between two builds", rel)
		}
		lang := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		info, err := pdfcheck.Info(file)
		if err != nil {
			poppler(t, "pdfinfo", file) // skips without poppler
			t.Fatal(err)
		}
		// The report's title, shown in a viewer's title bar, reads as its
		// title page: the publication, then the report.
		reportTitle := map[string]string{"en": "Cross-innovation in the Northern Dimension · The report", "ru": "Кросс-инновации в\u00a0Северном измерении · Доклад"}
		if strings.Contains(rel, "report") && info["Title"] != reportTitle[lang] {
			t.Errorf("%s: the title is %q, want %q", rel, info["Title"], reportTitle[lang])
		}
		problems, err := pdfcheck.Accessible(file, pdf, info["Title"], lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", rel, p)
		}
		roles, err := pdfcheck.Structure(file)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Document", "H1", "P", "H2", "P", "L", "LI", "Lbl", "LBody", "Link"}
		if strings.Contains(rel, "report") {
			want = []string{"Document", "H1", "TOC", "TOCI", "Link", "H1", "P", "H2", "P", "Link", "H1", "H2", "P"}
		}
		if missing := pdfcheck.InOrder(roles, want); missing != "" {
			t.Errorf("%s: the structure lacks %s in the order %v:\n%v", rel, missing, want, roles)
		}
	}

	repo, _ := filepath.Abs("..")
	sources, _ := filepath.Glob(filepath.Join(repo, "content/briefs/*/index.*.md"))
	if len(sources) < 4 {
		t.Fatalf("%d briefs", len(sources))
	}
	for _, src := range sources {
		data, _ := os.ReadFile(src)
		slug := filepath.Base(filepath.Dir(src))
		lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(src), "index."), ".md")
		file := filepath.Join(out, lang, "briefs", slug, slug+"-"+lang+".pdf")
		pdf, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("no PDF for %s: %v", src, err)
			continue
		}
		info := poppler(t, "pdfinfo", file)
		// the title as the site sets it (quotes, no-break spaces)
		title := markdown.Typeset(lang, string(frontTitle.FindSubmatch(data)[1]))
		if !strings.Contains(info, "Title:           "+title+"\n") || !strings.Contains(info, fmt.Sprintf("Pages:           %d\n", printed.CountPages(pdf))) {
			t.Errorf("%s:\n%s", file, info)
		}
		if !bytes.Contains(pdf, []byte("/Lang ("+lang+")")) {
			t.Errorf("%s does not say its language", file)
		}
		checkPrintedText(t, file, []string{filepath.Join(out, lang, "briefs", slug, "index.html")})
		// No line ends with a one-letter word or a short preposition, nor
		// starts with a dash (before the no-break spaces, the Russian
		// briefs had three such lines).
		for _, line := range strings.Split(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-"), "\n") {
			if boundAtLineEnd.MatchString(line) || strings.HasPrefix(line, "– ") || strings.HasPrefix(line, "— ") {
				t.Errorf("%s has the line %q", file, line)
			}
		}
		// Every link of the web page's text to another page is a link of the PDF.
		html := readFile(t, filepath.Join(out, lang, "briefs", slug, "index.html"))
		prose := html[strings.Index(html, "class=prose"):]
		uris := map[string]bool{}
		for _, m := range uriEntry.FindAllSubmatch(pdf, -1) {
			u, _ := url.PathUnescape(string(m[1]))
			uris[u] = true
		}
		for _, m := range proseHref.FindAllStringSubmatch(prose[:strings.Index(prose, "</article>")], -1) {
			href, _ := url.PathUnescape(stdhtml.UnescapeString(strings.Trim(m[1], `"`)))
			if strings.HasPrefix(href, "#") {
				continue // a note and its way back: the PDF sets the notes itself
			}
			if strings.HasPrefix(href, "/") {
				href = "https://example.org" + href
			}
			if !uris[href] {
				t.Errorf("%s has no link to %s", file, href)
			}
		}
	}

	for _, lang := range []string{"en", "ru"} {
		file := filepath.Join(out, lang, "report", "report-"+lang+".pdf")
		if _, err := os.Stat(file); err != nil {
			t.Fatal(err)
		}
		checkPrintedText(t, file, reportChapterPages(t, out, lang))
		toc := poppler(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", "2", file, "-")
		chapters, _ := filepath.Glob(filepath.Join(repo, "content/report/[^_]*."+lang+".md"))
		for _, ch := range chapters {
			data, _ := os.ReadFile(ch)
			title := regexp.QuoteMeta(string(frontTitle.FindSubmatch(data)[1]))
			if !regexp.MustCompile(`(?m)^\s*\d+\s+` + title + `[\s.]+\d+$`).MatchString(toc) {
				t.Errorf("the contents of %s do not list %s with its page:\n%s", file, title, toc)
			}
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestPrintEditionsShowEUFunding: the first page of every PDF the build
// typesets carries the European Union's funding statement and disclaimer
// in the edition's language, the disclaimer worded for a publication (the
// site's own says "This website").
func TestPrintEditionsShowEUFunding(t *testing.T) {
	needTypst(t)
	out := buildReal(t)
	want := map[string][]string{
		"en": {"Funded by the European Union", "This publication was produced", "sole responsibility of their"},
		"ru": {"Финансируется Европейским союзом", "Эта публикация подготовлена", "исключительно авторы"},
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*", "*.pdf"))
	more, _ := filepath.Glob(filepath.Join(out, "*", "*", "*", "*.pdf"))
	pdfs = append(pdfs, more...)
	if len(pdfs) < 6 {
		t.Fatalf("only %d PDFs: %v", len(pdfs), pdfs)
	}
	for _, pdf := range pdfs {
		rel, _ := filepath.Rel(out, pdf)
		lang := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		first := pdfText(t, pdf, 1, 1)
		for _, s := range want[lang] {
			if !pdfcheck.Contains(first, s) {
				t.Errorf("%s: the first page lacks %q", rel, s)
			}
		}
	}
}

// TestPrintWithoutNode: on a machine without Node.js a build makes the
// whole site with one warning, and its brief and report pages say that
// this build has no PDFs instead of offering them; where the build
// publishes (CI or NETLIFY set), it fails instead and leaves no output.
func TestPrintWithoutNode(t *testing.T) {
	// installed: the compiler is in .tools, Node.js is not (the build finds
	// out when it has PDFs to typeset); else neither is (a fresh clone).
	build := func(t *testing.T, ci, netlify string, installed bool) (Options, Result, error) {
		dir := t.TempDir()
		writeSite(t, dir, []byte(printSite))
		if err := os.WriteFile(filepath.Join(dir, "content/briefs/02-second/second-en.pdf"), corpus.PDF(3), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := siteOptions(t, dir)
		opts.PDF = true
		if !installed { // .tools as in a fresh clone: nothing in node_modules
			repo := filepath.Dir(opts.Templates)
			if err := os.MkdirAll(".tools", 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"package.json", "package-lock.json"} {
				data, err := os.ReadFile(filepath.Join(repo, ".tools", f))
				if err == nil {
					err = os.WriteFile(filepath.Join(".tools", f), data, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Setenv("PATH", "")
		t.Setenv("CI", ci)
		t.Setenv("NETLIFY", netlify)
		res, err := Build(opts)
		return opts, res, err
	}
	for _, installed := range []bool{false, true} {
		t.Run(fmt.Sprintf("compiler installed=%v", installed), func(t *testing.T) { testPrintWithoutNode(t, build, installed) })
	}
}

func testPrintWithoutNode(t *testing.T, build func(t *testing.T, ci, netlify string, installed bool) (Options, Result, error), installed bool) {
	t.Run("editor's machine", func(t *testing.T) {
		opts, res, err := build(t, "", "", installed)
		if err != nil {
			t.Fatalf("build without Node.js: %v", err)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Message, "without the PDFs") ||
			!strings.Contains(res.Warnings[0].Message, "Node.js") || !strings.Contains(res.Warnings[0].Message, "--pdf=false") {
			t.Errorf("warnings = %v, want one that names Node.js and --pdf=false", res.Warnings)
		}
		pdfs, _ := filepath.Glob(filepath.Join(opts.Out, "*/*/*/*.pdf"))
		for _, p := range pdfs {
			if !strings.HasSuffix(p, "second-en.pdf") {
				t.Errorf("a PDF was written: %s", p)
			}
		}
		for page, want := range map[string]string{
			"/en/briefs/01-first/":  "This copy of the site was built without its PDF editions.",
			"/ru/briefs/01-first/":  "Эта копия сайта собрана без\u00a0PDF-версий.",
			"/en/report/":           "This copy of the site was built without its PDF editions.",
			"/ru/report/":           "Эта копия сайта собрана без\u00a0PDF-версий.",
			"/en/briefs/02-second/": `href="/en/briefs/02-second/second-en.pdf"`,
		} {
			html := readOut(t, opts, page)
			if !strings.Contains(html, want) {
				t.Errorf("%s does not say %q", page, want)
			}
			if strings.Contains(html, "01-first-en.pdf") || strings.Contains(html, "report-en.pdf") {
				t.Errorf("%s offers a PDF that was not made", page)
			}
		}
	})
	for _, env := range []string{"CI", "NETLIFY"} {
		t.Run(env, func(t *testing.T) {
			ci, netlify := "true", ""
			if env == "NETLIFY" {
				ci, netlify = "", "true"
			}
			opts, _, err := build(t, ci, netlify, installed)
			if !errors.Is(err, errNoPrintEditions) || !strings.Contains(err.Error(), "("+env+"=true)") || !strings.Contains(err.Error(), "--pdf=false") {
				t.Errorf("err = %v", err)
			}
			if _, err := os.Stat(opts.Out); !os.IsNotExist(err) {
				t.Error("a site without its PDFs was published")
			}
		})
	}
}

// TestPrintFromCacheWithoutNode: once a build has typeset the PDFs, a
// build of the same content takes them from the cache, byte for byte,
// and needs no Node.js for it: no warning.
func TestPrintFromCacheWithoutNode(t *testing.T) {
	needTypst(t)
	dir := t.TempDir()
	writeSite(t, dir, []byte(printSite))
	if err := os.WriteFile(filepath.Join(dir, "content/briefs/02-second/second-en.pdf"), corpus.PDF(3), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	opts.PDF, opts.PDFCache = true, filepath.Join(dir, ".cache", "pdf")
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	first := readOut(t, opts, "/ru/report/report-ru.pdf")
	t.Setenv("PATH", "")
	res, err := Build(opts)
	if err != nil || len(res.Warnings) > 0 {
		t.Fatalf("build from the cache without Node.js: %v %v", err, res.Warnings)
	}
	if readOut(t, opts, "/ru/report/report-ru.pdf") != first {
		t.Error("the PDF from the cache differs from the one typeset")
	}
}
