package printed

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"ndpc/generator/diag"
	"ndpc/generator/internal/pdfcheck"
	"ndpc/generator/markdown"
)

const base = "https://example.org"

var converter = markdown.New([]string{"en", "ru"}, markdown.Options{})

// parse parses a fixture as the build does: a link to a Markdown file
// becomes the page's site path, a picture's its file's.
func parse(t testing.TB, file, lang, pagePath string, extra string) Body {
	t.Helper()
	src, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return parseSource(t, file, append(src, extra...), lang, pagePath)
}

// parseSource parses Markdown as parse does; file names it in messages.
func parseSource(t testing.TB, file string, src []byte, lang, pagePath string) Body {
	t.Helper()
	problems := &diag.List{}
	doc, err := converter.Parse(markdown.Input{Source: src, Lang: lang, Path: "testdata/" + file, Resolve: func(dest string) (string, error) {
		if strings.HasSuffix(dest, ".md") {
			return "/" + lang + "/" + strings.TrimSuffix(strings.TrimSuffix(path.Base(dest), ".md"), "."+lang) + "/", nil
		}
		return pagePath + dest, nil
	}}, problems)
	if err != nil || problems.HasErrors() {
		t.Fatalf("parsing %s: %v %v", file, err, problems.Err())
	}
	return Body{Root: doc.Root, Source: doc.Source, Path: pagePath}
}

// gradientPNG is a PNG of w×h pixels, a blue gradient.
func gradientPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{R: uint8(10 + x%40), G: uint8(91 + y%60), B: 124, A: 255})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

func meta(lang, title, url string) Meta {
	labels := Labels{Contents: "Contents", Notes: "Notes", Online: "Online:", Funded: "Funded by the European Union",
		Disclaimer: "Views and opinions expressed are however those of the author(s) only."}
	author := "Northern Dimension Partnership on Culture"
	if lang == "ru" {
		labels = Labels{Contents: "Содержание", Notes: "Примечания", Online: "Онлайн:", Funded: "Финансируется Европейским союзом",
			Disclaimer: "Мнения и взгляды, выраженные в публикации, принадлежат исключительно авторам."}
		author = "Партнерство Северного измерения в сфере культуры"
	}
	diagram := gradientPNG(600, 300)
	return Meta{Lang: lang, Title: title, Subject: "A summary.", Author: author, Date: time.Date(2020, 10, 15, 0, 0, 0, 0, time.UTC),
		URL: base + url, BaseURL: base, Labels: labels,
		Image: func(dest string) ([]byte, bool) {
			if strings.HasSuffix(dest, "/diagram.png") {
				return diagram, true
			}
			return nil, false
		}}
}

const russianTitle = "Связи ККИ и межсекторальные инновации: как выстраиваются отношения"

func fixtureBrief(t testing.TB) Brief {
	return Brief{
		Meta:     meta("ru", russianTitle, "/ru/briefs/01-first/"),
		Kicker:   "Аналитическая записка № 1",
		Dateline: "18 августа 2020",
		Summary:  "Первая аналитическая записка исследования: обобщение итогов экспертной фокус-группы.",
		Body:     parse(t, "brief.ru.md", "ru", "/ru/briefs/01-first/", ""),
	}
}

// filler is a long section, so that a chapter runs over several pages.
func filler(n int) string {
	var b strings.Builder
	b.WriteString("\n## A long section\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d of the long section. The study looks at cross-innovation between the cultural and creative industries and five sectors: digital, economic, environmental, social and education, in the eleven countries of the Northern Dimension.\n\n", i+1)
	}
	return b.String()
}

func fixtureReport(t testing.TB) Report {
	return Report{
		Meta:        meta("en", "Cross-innovation in the Northern Dimension · The report", "/en/report/"),
		Publication: "Cross-innovation in the Northern Dimension",
		Heading:     "The report",
		Summary:     "A guide to the study: its background, its method and the points it makes for policy makers.",
		Dateline:    "October 2020",
		Chapters: []Chapter{
			{Title: "Introduction", Summary: "Why the study was made.", Body: parse(t, "chapter-1.en.md", "en", "/en/report/introduction/", filler(14))},
			{Title: "Methodology", Summary: "How the study gathered its material.", Body: parse(t, "chapter-2.en.md", "en", "/en/report/methodology/", "")},
		},
	}
}

// pdfFile writes a PDF to a file of the test's and returns its name.
func pdfFile(t testing.TB, pdf []byte) string {
	t.Helper()
	file := t.TempDir() + "/doc.pdf"
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// check fails a test on an error of pdfcheck; without poppler-utils it
// skips, or fails when CI is set.
func check(t testing.TB, err error) {
	t.Helper()
	if errors.Is(err, pdfcheck.ErrNoPoppler) && os.Getenv("CI") == "" {
		t.Skipf("%v: apt-get install poppler-utils", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// text returns the text of a PDF's pages first to last (0: all), as
// pdfcheck.Text reads it.
func text(t testing.TB, file string, first, last int) string {
	t.Helper()
	s, err := pdfcheck.Text(file, first, last)
	check(t, err)
	return s
}

// accessible checks a PDF as the issue of tagged print editions asks:
// PDF/UA-1 with title and language, named subset fonts, and the roles
// of want in reading order.
func accessible(t testing.TB, pdf []byte, title, lang string, want []string) string {
	t.Helper()
	file := pdfFile(t, pdf)
	problems, err := pdfcheck.Accessible(file, pdf, title, lang)
	check(t, err)
	for _, p := range problems {
		t.Error(p)
	}
	roles, err := pdfcheck.Structure(file)
	check(t, err)
	if missing := pdfcheck.InOrder(roles, want); missing != "" {
		t.Errorf("the structure lacks %s in reading order %v:\n%v", missing, want, roles)
	}
	raw, err := pdfcheck.Raw(file, 0, 0)
	check(t, err)
	for _, c := range pdfcheck.FormatCharacters(raw) {
		t.Errorf("an invisible character in the text: %s", c)
	}
	return file
}

func TestBriefPDF(t *testing.T) {
	ed := typeset(t, fixtureBrief(t))[0]
	if os.Getenv("PRINTED_OUT") != "" {
		_ = os.WriteFile(os.Getenv("PRINTED_OUT")+"/brief.pdf", ed.PDF, 0o644)
	}
	file := accessible(t, ed.PDF, russianTitle, "ru", []string{
		"Document", "H1", "H2", "P", "Link", "L", "LI", "Lbl", "LBody", "LI",
		"H2", "L", "LI", "L", "LI",
		"Table", "TH", "TH", "TH", "TD", "TD", "TD",
		"Figure", "P", "Link", "Link", "H2", "P",
	})
	info, err := pdfcheck.Info(file)
	check(t, err)
	if info["Pages"] != strconv.Itoa(ed.Pages) || ed.Pages < 1 {
		t.Errorf("pdfinfo counts %s pages, the typesetter %d", info["Pages"], ed.Pages)
	}
	if got := CountPages(ed.PDF); got != ed.Pages {
		t.Errorf("CountPages = %d, want %d", got, ed.Pages)
	}
	if got := info["Author"]; got != "Партнерство Северного измерения в сфере культуры" {
		t.Errorf("author %q", got)
	}
	if alts := pdfcheck.FigureAlts(ed.PDF); len(alts) != 1 || alts[0] != "Схема партнерств" {
		t.Errorf("the figures' alternative texts are %q, want the picture's description", alts)
	}
	all := text(t, file, 0, 0)
	for _, want := range []string{
		"Первая аналитическая записка исследования вышла 18 августа 2020 года на английском и русском языках.",
		"Она обобщает итоги онлайн-встречи экспертной фокус-группы «Рынок партнерств», которая прошла 2 июля 2020 года.",
		"главные препятствия, которые мешают таким связям.",
		"Латвия 7 28 %",
		"Сведения о встрече взяты из сообщения NDPC.",
		"Текст о методике, с «кавычками» и длинным словом Северноизмерительноесотрудничество.",
		"Рисунок 1. Схема партнерств",
		"https://ndpculture.org/news/policy-brief-cci-connectivity-and-cross-sectoral-innovation/",
		"Аналитическая записка № 1 · 18 августа 2020",
		"Онлайн: https://example.org/ru/briefs/01-first/",
		"Финансируется Европейским союзом",
	} {
		if !pdfcheck.Contains(all, want) {
			t.Errorf("the text lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "\u00ad") {
		t.Error("a soft hyphen is left inside a line")
	}
	// The picture, floated to the next page, is set before the brief's
	// web address, its last line.
	if i, j := strings.Index(all, "Рисунок 1. Схема партнерств"), strings.Index(all, "Онлайн: https://example.org"); i > j {
		t.Error("the picture is set after the brief's end")
	}
	for _, want := range []string{
		"https://example.org/ru/focus-group/",
		"https://ndpculture.org/news/policy-brief-cci-connectivity-and-cross-sectoral-innovation/",
		"https://example.org/ru/briefs/01-first/#%D0%BC%D0%B5%D1%82%D0%BE%D0%B4%D0%B8%D0%BA%D0%B0",
	} {
		if !bytes.Contains(ed.PDF, []byte("/URI ("+want+")")) {
			t.Errorf("no link to %s", want)
		}
	}
	if !bytes.Contains(ed.PDF, []byte("/Subtype /Image")) {
		t.Error("the picture is not in the PDF")
	}
}

func TestReportPDF(t *testing.T) {
	r := fixtureReport(t)
	ed := typeset(t, r)[0]
	if os.Getenv("PRINTED_OUT") != "" {
		_ = os.WriteFile(os.Getenv("PRINTED_OUT")+"/report.pdf", ed.PDF, 0o644)
	}
	file := accessible(t, ed.PDF, r.Title, "en", []string{
		"Document", "H1", "TOC", "TOCI", "Link",
		"H1", "P", "H2", "P", "Link", "H3", "P", "H2", "P", "L", "LI", "LI", "H2", "Table", "TH", "TD", "Link",
		"H1", "P", "H2", "P", "H2", "P",
	})
	info, err := pdfcheck.Info(file)
	check(t, err)
	if info["Pages"] != strconv.Itoa(ed.Pages) || ed.Pages < 5 {
		t.Errorf("pdfinfo counts %s pages, the typesetter %d", info["Pages"], ed.Pages)
	}
	page := func(n int) string {
		return poppler(t, ed.PDF, "pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
	}
	if title := text(t, file, 1, 1); !pdfcheck.Contains(title, "Cross-innovation in the Northern Dimension The report") || !pdfcheck.Contains(title, "Funded by the European Union") {
		t.Errorf("title page: %s", title)
	}
	// Every chapter opens a page with its number and title.
	starts := map[string]int{}
	for n := 3; n <= ed.Pages; n++ {
		for i, ch := range []string{"Introduction", "Methodology"} {
			if regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%d\n+\s*%s\n`, i+1, ch)).MatchString(page(n)) {
				starts[ch] = n
			}
		}
	}
	// The contents list every chapter and section with its page.
	toc := page(2)
	for i, ch := range []string{"Introduction", "Methodology"} {
		want := regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%d\s+%s[\s.]+%d$`, i+1, ch, starts[ch]))
		if starts[ch] == 0 || !want.MatchString(toc) {
			t.Errorf("the contents do not list %s at page %d:\n%s", ch, starts[ch], toc)
		}
	}
	for _, section := range []string{"Background", "Aim of the study", "Scope", "A long section", "Overview", "Limits"} {
		if !regexp.MustCompile(`(?m)^\s*` + section + `[\s.]+\d+$`).MatchString(toc) {
			t.Errorf("the contents lack the section %s:\n%s", section, toc)
		}
	}
	// Running heads name the publication and the chapter, footers the page.
	next := starts["Introduction"] + 1
	lines := strings.Split(strings.TrimSpace(page(next)), "\n")
	if head := strings.Fields(lines[0]); strings.Join(head, " ") != "Cross-innovation in the Northern Dimension Introduction" {
		t.Errorf("the running head of page %d reads %q", next, lines[0])
	}
	if foot := lines[len(lines)-1]; !regexp.MustCompile(fmt.Sprintf(`^Northern Dimension Partnership on Culture\s+%d\s*/\s*%d$`, next, ed.Pages)).MatchString(foot) {
		t.Errorf("the footer of page %d reads %q", next, foot)
	}
	all := text(t, file, 0, 0)
	for _, want := range []string{"The project’s full title is “Cross-sectoral cooperation", "Digital PROTO Invention Factory – virtual reality"} {
		if !pdfcheck.Contains(all, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	for _, want := range []string{"https://example.org/en/about/", "https://example.org/en/proto/"} {
		if !bytes.Contains(ed.PDF, []byte("/URI ("+want+")")) {
			t.Errorf("no link to %s", want)
		}
	}
}

// poppler runs a poppler command on a PDF and returns what it prints on
// its standard output (pdfcheck.Run).
func poppler(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	args = append(args, pdfFile(t, pdf))
	if name == "pdftotext" {
		args = append(args, "-")
	}
	out, err := pdfcheck.Run(name, args...)
	check(t, err)
	return out
}

// Two batches typeset the same bytes, and a PDF does not depend on the
// other PDFs of its batch.
func TestReproducible(t *testing.T) {
	first := typeset(t, fixtureBrief(t), fixtureReport(t))
	second := typeset(t, fixtureReport(t), fixtureBrief(t))
	if !bytes.Equal(first[0].PDF, second[1].PDF) || !bytes.Equal(first[1].PDF, second[0].PDF) {
		t.Error("the same content typeset twice differs")
	}
	if bytes.Contains(first[0].PDF, []byte(time.Now().Format("20060102"))) {
		t.Error("the PDF carries today's date")
	}
}

// typesetter returns a Typesetter of the repository's templates and
// pinned compiler; without Node.js or the compiler the test skips, or
// fails when CI is set.
func typesetter(t testing.TB) Typesetter {
	t.Helper()
	module := "../../.tools/node_modules/" + Compiler
	_, err := os.Stat(module + "/package.json")
	if _, nerr := exec.LookPath("node"); nerr != nil {
		err = nerr
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Typst compiler cannot run (%v): install Node.js and run npm ci --prefix .tools", err)
		}
		t.Skipf("the Typst compiler cannot run (%v): install Node.js and run npm ci --prefix .tools", err)
	}
	return Typesetter{Module: module, Templates: "../../templates/print"}
}

// typeset typesets publications in one batch, and fails on any error.
func typeset(t testing.TB, pubs ...Publication) []Edition {
	t.Helper()
	eds, errs, err := typesetter(t).Typeset(pubs)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return eds
}

// TestTemplateMistake: a mistake in a template is reported with the
// template's file, line and column, and Typst's message.
func TestTemplateMistake(t *testing.T) {
	ts := typesetter(t)
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(ts.Templates, "*.typ"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "brief.typ" {
			data = append(data, "\n#let broken = (1, \n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts.Templates = dir
	_, errs, err := ts.Typeset([]Publication{fixtureBrief(t)})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(readString(t, filepath.Join(dir, "brief.typ")), "\n")
	want := regexp.MustCompile(regexp.QuoteMeta(filepath.Join(dir, "brief.typ")) + `:` + strconv.Itoa(lines) + `:\d+: `)
	if errs[0] == nil || !want.MatchString(errs[0].Error()) {
		t.Errorf("error %v, want one at %s", errs[0], want)
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
