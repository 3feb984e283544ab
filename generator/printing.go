package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/locale"
	"ndpc/generator/markdown"
	"ndpc/generator/nodetools"
	"ndpc/generator/printed"
	"ndpc/generator/view"
)

// The print editions (package printed): a PDF of every policy brief in
// each of its languages, unless its editors supply their own with
// download:, and one of the report per language. They are made before
// the pages, which offer them with their size and number of pages.

// edition is a PDF offered for download: made by the build or supplied.
type edition struct {
	URL      string // site path
	Size     int64
	Pages    int  // 0 when unknown
	Supplied bool // the editors' own PDF (a brief's download:), not typeset
}

// editions are the PDFs of a build.
type editions struct {
	briefs map[*content.Page]edition // typeset, by brief
	report map[content.Lang]edition  // typeset, by language
	pages  map[string]int            // pages of the supplied PDFs, by content file
}

// brief returns the PDF a brief offers: the one its editors supplied, or
// the one the build typeset.
func (e *editions) brief(s *content.Site, br *content.Brief) (edition, bool) {
	if br.Download != "" {
		f := br.DownloadFile
		return edition{URL: s.FileURL(f, br.Lang), Size: f.Size, Pages: e.pages[f.Source], Supplied: true}, true
	}
	ed, ok := e.briefs[br.Page]
	return ed, ok
}

// newEditions returns the editions of a run before any is made.
func newEditions() *editions {
	return &editions{briefs: map[*content.Page]edition{}, report: map[content.Lang]edition{}, pages: map[string]int{}}
}

// made returns how many PDFs the build typeset.
func (e *editions) made() int { return len(e.briefs) + len(e.report) }

// download describes an edition in language L for the download links.
func (ed edition) download(L *locale.Locale, lang content.Lang) view.Download {
	name := L.Text("language." + string(lang))
	d := view.Download{Lang: lang, Language: name, URL: ed.URL, Size: L.Size(ed.Size), Supplied: ed.Supplied}
	if ed.Pages > 0 {
		d.Pages = L.Plural("print.pages", ed.Pages)
	}
	return d
}

// briefPDF returns the site path of a brief's typeset PDF:
// /en/briefs/SLUG/SLUG-en.pdf.
func briefPDF(br *content.Brief) string {
	return br.URL() + br.Slug + "-" + string(br.Lang) + ".pdf"
}

// reportPDF returns the site path of the report's PDF in a language:
// /en/report/report-en.pdf.
func reportPDF(lang content.Lang) string {
	return content.URLFor(lang, content.SectionReport, "") + "report-" + string(lang) + ".pdf"
}

// maxCountedPDF is the largest PDF of the editors whose pages are counted:
// counting reads it whole. A larger one is offered without its number of
// pages.
const maxCountedPDF = 256 << 20

// printEditions counts the pages of the briefs' own PDFs and typesets the
// planned ones (jobs) with Typst, all in one Node.js process (package
// printed), and writes them, into the run's editions; it returns how many
// it typeset.
// With a cache folder, a PDF whose document, templates and compiler have
// not changed since an earlier build is taken from it; what no build has
// used for 30 days is removed.
func (b *builder) printEditions(jobs []printJob) int {
	e := b.editions
	for _, lang := range content.Langs {
		for _, br := range b.site.Briefs[lang] {
			if f := br.DownloadFile; br.Download != "" && f.Source != "" && f.Size <= maxCountedPDF {
				if _, done := e.pages[f.Source]; !done {
					data, err := os.ReadFile(filepath.Join(b.opts.Content, filepath.FromSlash(f.Source)))
					if err == nil {
						e.pages[f.Source] = printed.CountPages(data)
					}
				}
			}
		}
	}
	b.checkPrintedPictures()
	var pubs []printed.Publication
	for _, j := range jobs {
		if j.brief != nil {
			pubs = append(pubs, b.briefEdition(j.brief))
		} else {
			pubs = append(pubs, b.reportEdition(j.lang))
		}
	}
	if len(pubs) == 0 || b.problems.HasErrors() { // nothing to make, or the build fails
		return 0
	}
	ts := printed.Typesetter{Module: b.typst, Templates: filepath.Join(b.opts.Templates, "print"), Cache: b.opts.PDFCache}
	eds, errs, err := ts.Typeset(pubs)
	if errors.Is(err, nodetools.ErrNoNode) { // Node.js went missing since the compiler was installed
		b.fatal = noPrint(&b.opts, b.problems, err)
		return 0
	}
	if err != nil {
		b.problems.Errorf(jobs[0].where, 0, 0, "cannot typeset the PDFs: %v", err)
		return 0
	}
	for i, t := range jobs {
		if errs[i] != nil {
			b.problems.Errorf(t.where, 0, 0, "cannot typeset the PDF %s: %v", t.url, errs[i])
			continue
		}
		if !b.publishRaw(t.url, eds[i].PDF) {
			continue
		}
		ed := edition{URL: t.url, Size: int64(len(eds[i].PDF)), Pages: eds[i].Pages}
		if t.brief == nil {
			e.report[t.lang] = ed
		} else {
			e.briefs[t.brief.Page] = ed
		}
	}
	if b.opts.PDFCache != "" {
		printed.PruneCache(b.opts.PDFCache, 30*24*time.Hour)
	}
	return e.made()
}

// printMeta is what every edition of a language has.
func (b *builder) printMeta(lang content.Lang, title, summary, url string) printed.Meta {
	L := b.locales[lang]
	m := printed.Meta{Lang: string(lang), Title: title, Subject: summary, URL: b.baseURL + url, BaseURL: b.baseURL, Image: b.printImage}
	m.Author = L.Text("site.publisher")
	m.Labels.Contents = L.Text("report.contents")
	m.Labels.Notes = L.Text("print.notes")
	m.Labels.Online = L.Text("print.online")
	m.Labels.Funded = L.Text("eu.funded")
	m.Labels.Disclaimer = L.Text("eu.disclaimer_print")
	return m
}

// checkPrintedPictures reports every picture without a description in
// the pages the print editions are made from (the briefs without their
// editors' PDF, the report's chapters): a tagged PDF (PDF/UA) needs the
// alternative text of every figure, as readers who cannot see it do.
// ndpc check and --pdf=false report them too, so that an editor learns
// of them before the PDFs are made.
func (b *builder) checkPrintedPictures() {
	var pages []*content.Page
	for _, lang := range content.Langs {
		for _, br := range b.site.Briefs[lang] {
			if br.Download == "" {
				pages = append(pages, br.Page)
			}
		}
		for _, ch := range b.site.Chapters[lang] {
			pages = append(pages, ch.Page)
		}
	}
	for _, p := range pages {
		body, err := b.site.Body(p)
		if err != nil { // reported when the page is rendered
			continue
		}
		in := markdown.Input{Source: body, Lang: string(p.Lang), Path: p.Path, LineOffset: p.BodyLine}
		doc, err := b.md.Parse(in, &diag.List{})
		if err != nil {
			continue
		}
		_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			img, ok := n.(*ast.Image)
			if !ok || !entering || strings.TrimSpace(printed.AltText(img, doc.Source)) != "" {
				return ast.WalkContinue, nil
			}
			line, col := in.Position(img, img.Destination)
			b.problems.Errorf(p.Path, line, col, "the picture %s has no description, which its PDF needs for readers who cannot see it: write one between the brackets, ![a short description of the picture](%s)", img.Destination, img.Destination)
			return ast.WalkSkipChildren, nil
		})
	}
}

// printBody parses a page's body as its web page does, links resolved;
// problems in it are reported when the page is rendered.
func (b *builder) printBody(p *content.Page) printed.Body {
	body, err := b.site.Body(p)
	if err != nil { // reported when the page is rendered
		return printed.Body{Root: ast.NewDocument(), Path: p.URL()}
	}
	doc, err := b.md.Parse(markdown.Input{
		Source: body, Lang: string(p.Lang), Path: p.Path, LineOffset: p.BodyLine, Resolve: b.linkResolver(p),
	}, &diag.List{})
	if err != nil { // a language without a configuration: an empty body
		return printed.Body{Root: ast.NewDocument(), Path: p.URL()}
	}
	in := markdown.Input{Source: body, LineOffset: p.BodyLine}
	return printed.Body{Root: doc.Root, Source: doc.Source, Path: p.URL(), Unprintable: func(offset int, chars string) {
		line, col := in.PositionAt(offset)
		b.problems.Warnf(p.Path, line, col, "%s", unprintable(chars))
	}}
}

// printable returns a field's text as its PDF shows it, the characters
// that the PDF's fonts lack replaced, with a warning for each at the
// field's line.
func (b *builder) printable(p *content.Page, field, text string) string {
	out, missing := printed.Printables(text)
	for _, run := range missing {
		b.problems.Warnf(p.Path, p.FieldLine(field), 1, "%s: %s", field, unprintable(run.Text))
	}
	return out
}

// unprintable says that the PDFs cannot show some characters.
func unprintable(chars string) string {
	var codes []string
	for _, r := range chars {
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	what, be, it := "the character", "is", "it"
	if len(codes) > 1 {
		what, be, it = "the characters", "are", "them"
	}
	return fmt.Sprintf("%s %q (%s) %s not in the fonts of the PDFs, which print %q instead: write %s another way, or add %s to the fonts as generator/printed/fonts/README.md says",
		what, chars, strings.Join(codes, " "), be, string(printed.Replacement), it, it)
}

// briefEdition is what a brief's PDF shows.
func (b *builder) briefEdition(br *content.Brief) printed.Brief {
	L := b.locales[br.Lang]
	title, summary := b.printable(br.Page, "title", br.Title), b.printable(br.Page, "summary", br.Summary)
	m := b.printMeta(br.Lang, title, summary, br.URL())
	m.Date = br.Date
	number := L.Text("briefs.number")
	return printed.Brief{Meta: m, Kicker: number + strconv.Itoa(br.Number), Dateline: L.Date(br.Date), Summary: summary, Body: b.printBody(br.Page)}
}

// reportEdition is what the report's PDF in a language shows: the report
// section's title and summary, then every chapter in order.
func (b *builder) reportEdition(lang content.Lang) printed.Report {
	L := b.locales[lang]
	heading := L.Text("report.title")
	summary := ""
	if sec := b.site.Sections[lang][content.SectionReport]; sec != nil {
		heading, summary = b.printable(sec, "title", sec.Title), b.printable(sec, "summary", sec.Summary)
	}
	site := L.Text("site.title")
	// The document's title, which a viewer shows in its title bar, reads
	// as the title page does: the publication, then the report's title.
	m := b.printMeta(lang, site+" · "+heading, summary, content.URLFor(lang, content.SectionReport, ""))
	issued := b.reportIssued(lang)
	m.Date = issued.Time()
	r := printed.Report{Meta: m, Publication: site, Heading: heading, Summary: summary}
	r.Dateline = L.Issued(issued.Year, issued.Month, issued.Day, true)
	for _, ch := range b.site.Chapters[lang] {
		r.Chapters = append(r.Chapters, printed.Chapter{Title: b.printable(ch.Page, "title", ch.Title), Summary: b.printable(ch.Page, "summary", ch.Summary), Body: b.printBody(ch.Page)})
	}
	return r
}

// printImage returns a picture of the content by its site path, for the
// print editions; none that loading found too large.
func (b *builder) printImage(dest string) ([]byte, bool) {
	for rel, f := range b.site.Files {
		if int64(f.Width)*int64(f.Height) > content.MaxPicturePixels {
			continue
		}
		for _, u := range b.site.FileURLs(f) {
			if u == dest {
				data, err := os.ReadFile(filepath.Join(b.opts.Content, filepath.FromSlash(rel)))
				return data, err == nil
			}
		}
	}
	return nil, false
}
