// Package generator builds the site: it loads the content, i18n tables and
// templates, renders every page in both languages, and writes the site
// into a fresh folder that replaces the previous output only when the
// whole build succeeded.
//
// The build reads as its steps, in Build and builder.steps, each named
// once and timed once (ndpc build --timings): load → plan (every output
// of the site with what it is made from) → print editions (the PDFs of
// the briefs and the report, package printed) → social images →
// render (Markdown, templates, on every core) → assets → site files
// (sitemap, feeds, open data, calendars, robots.txt) → copy static and
// content files → write → search index → swap the output in. Every
// problem found on the way is collected and reported at once; any error
// leaves the previous output untouched.
package generator

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/locale"
	"ndpc/generator/markdown"
	"ndpc/generator/output"
	"ndpc/generator/render"
	"ndpc/generator/view"
)

// Options says where a build reads from and writes to.
type Options struct {
	Content   string // content folder
	Templates string // templates folder
	Static    string // static files folder
	I18n      string // i18n tables folder
	Out       string // output folder, replaced as a whole
	BaseURL   string // absolute URL of the site; "" takes the site settings
	Drafts    bool   // build pages with draft: true
	Minify    bool   // minify HTML, CSS, JS, SVG, JSON and XML output
	// Fingerprint publishes static/assets/ files under names with a hash
	// of their content, to be cached for a year.
	Fingerprint bool
	// Search builds the search index with Pagefind over the output,
	// installing the pinned Node tools first when they are missing (see
	// prepareSearch for a machine without Node.js).
	Search bool
	// PDF typesets the print editions: a PDF of every brief in each of its
	// languages (unless the brief names its own with download:) and of the
	// report (package printed), with Typst, installing the pinned Node
	// tools first when they are missing (see preparePrint for a machine
	// without Node.js).
	PDF bool
	// Timings, when not nil, receives the time each step of a build took.
	Timings io.Writer
	// Log receives the lines a build prints about its own work while it
	// runs: that it installs the Node tools, or waits for another build
	// writing the same output folder; nil is standard error.
	Log io.Writer
	// PDFCache is a folder that keeps the typeset PDFs between builds, so
	// that only those whose content changed are typeset again; "" for none.
	PDFCache string
	// SocialImages draws every page's social preview image (og:image,
	// package socialimage); without it pages name none.
	SocialImages bool
	// ImageCache is a folder that keeps the social preview images between
	// builds, as PDFCache keeps the PDFs; "" for none.
	ImageCache string
}

// DefaultOptions returns the repository's folders and the production
// settings of ndpc build.
func DefaultOptions() Options {
	return Options{Content: "content", Templates: "templates", Static: "static", I18n: "i18n", Out: "public", Minify: true, Fingerprint: true, Search: true, PDF: true, SocialImages: true}
}

// Result summarises a successful build.
type Result struct {
	Pages    int            // HTML pages written
	Files    int            // other files written or copied
	Warnings []diag.Problem // problems that did not fail the build
	// Untranslated lists, per language, the pages that have no version in
	// it (filled by Check).
	Untranslated map[content.Lang][]string
	// Notes are what Check could not check, to be said once (such as stale
	// translations outside git).
	Notes []string
	// Drafts lists the pages with draft: true (filled by Check).
	Drafts []string
}

// Build builds the site. On failure it returns a *diag.Errors listing
// every problem, and the previous output stays as it was.
//
// Its steps, each timed once (Options.Timings): search tools (finding or
// installing Pagefind, when the build makes the search index), load,
// output folder (waiting for another build into the same folder), the
// steps of the site (builder.steps), write (waiting for the writers; a
// build with errors ends here), search index, swap.
func Build(opts Options) (Result, error) {
	t := newTimings(opts.Timings)
	defer t.total()
	if err := checkOut(opts); err != nil {
		return Result{}, err
	}
	problems := &diag.List{}
	var (
		res      Result
		pagefind string
		b        *builder
		out      *output.Dir
	)
	// A build for publishing that lacks a tool fails, naming every tool it
	// lacks at once: the tools' steps keep their errors for load to return.
	var start []step
	var toolsErr error
	if opts.Search {
		start = append(start, step{name: "search tools", do: func() (int, error) {
			var err error
			pagefind, err = prepareSearch(&opts, problems) // may turn the index off
			toolsErr = errors.Join(toolsErr, err)
			return 0, nil
		}})
	}
	var typst string
	if opts.PDF {
		start = append(start, step{name: "print tools", do: func() (int, error) {
			var err error
			typst, err = preparePrint(&opts, problems) // may turn the PDFs off
			toolsErr = errors.Join(toolsErr, err)
			return 0, nil
		}})
	}
	start = append(start,
		step{name: "load", do: func() (_ int, err error) {
			if toolsErr != nil {
				return 0, toolsErr
			}
			b, err = load(opts, problems)
			if b != nil {
				b.typst = typst
				b.checkBaseURL()
			}
			return 0, err
		}},
		step{name: "output folder", do: func() (_ int, err error) {
			out, err = output.Create(opts.Out, func(holder string) {
				if opts.Log != nil {
					fmt.Fprintf(opts.Log, "ndpc build: another build is writing %s (%s): waiting for it to finish\n", opts.Out, holder)
				}
			})
			return 0, err
		}})
	if err := t.run(&res, start); err != nil {
		return res, err
	}
	committed := false
	defer func() {
		if !committed {
			_ = out.Discard()
		}
	}()

	b.dropBodies = true
	steps := b.steps(out)
	steps = append(steps, step{name: "write", do: func() (int, error) {
		if b.fatal != nil {
			return 0, b.fatal
		}
		if err := problems.Err(); err != nil {
			return 0, err
		}
		return 0, out.Flush() // Pagefind reads every page
	}})
	if opts.Search {
		steps = append(steps, step{name: "search index", do: func() (int, error) {
			return 0, indexSearch(pagefind, out.Path("/"))
		}})
	}
	steps = append(steps, step{name: "swap", do: func() (int, error) {
		return 0, out.Commit()
	}})
	err := t.run(&res, steps)
	res.Warnings = warnings(problems)
	if err != nil {
		return res, err
	}
	committed = true
	return res, nil
}

// Check runs every step of a build, and so every validation, without
// writing anything.
func Check(opts Options) (Result, error) {
	opts.PDF = false // nothing is written: the print editions are not made
	opts.SocialImages = false
	problems := &diag.List{}
	b, err := load(opts, problems)
	if err != nil {
		return Result{}, err
	}
	b.collectHeadings()
	b.checkSite()
	b.checkPrivacy()
	b.checkBaseURL()
	b.checkTerms()
	note := b.checkStale()
	res := b.run(discard{})
	res.Untranslated = b.untranslated
	if note != "" {
		res.Notes = append(res.Notes, note)
	}
	if !opts.Drafts {
		drafts, err := checkDrafts(opts, problems)
		if err != nil {
			return res, err
		}
		res.Drafts = drafts
		res.Warnings = warnings(problems)
	} else {
		res.Drafts = b.drafts
	}
	return res, problems.Err()
}

// run renders the whole site into out: the steps of a build after loading,
// for Check and the preview, timed when Options.Timings asks.
func (b *builder) run(out sink) Result {
	var res Result
	t := newTimings(b.opts.Timings)
	_ = t.run(&res, b.steps(out)) // the site's steps report problems, and fail not
	t.total()
	res.Warnings = warnings(b.problems)
	return res
}

// steps are the steps that make the site into out, in their order: plan,
// print editions (the PDFs, which the pages offer, so before them), social
// images, render (the pages), assets, site files (sitemap, feeds, open
// data, calendars, …), copy (static and content files), and the check for
// interface strings the build asked for and the tables lack.
func (b *builder) steps(out sink) []step {
	b.out = out
	var jobs []job
	return []step{
		{name: "plan", do: func() (int, error) {
			b.editions = newEditions() // the pages offer what the next step makes
			b.planned = b.replan(nil, nil)
			jobs = b.withInvalid(b.planned.pages())
			return 0, nil
		}},
		{name: "print editions", do: func() (int, error) {
			return b.printEditions(b.planned.prints), nil
		}},
		{name: "social images", do: func() (int, error) {
			var drawn int
			b.social, drawn = b.socialImages(jobs)
			return drawn, nil
		}},
		{name: "render", pages: true, do: func() (int, error) {
			return b.render(jobs), nil
		}},
		{name: "assets", do: func() (int, error) {
			return b.publishCopies(b.planned.copiesOf(true)), nil
		}},
		{name: "site files", do: func() (int, error) {
			return b.writeSiteFiles(b.planned.siteFiles()), nil
		}},
		{name: "copy", do: func() (int, error) {
			return b.publishCopies(b.planned.copiesOf(false)), nil
		}},
		{name: "missing strings", do: func() (int, error) {
			b.reportMissingStrings()
			return 0, nil
		}},
	}
}

// warnings returns the problems of problems that do not fail a build.
func warnings(problems *diag.List) []diag.Problem {
	var ws []diag.Problem
	for _, p := range problems.Sorted() {
		if p.Severity == diag.Warning {
			ws = append(ws, p)
		}
	}
	return ws
}

// reportMissingStrings reports, as errors at their i18n table, the
// interface strings that the build's own code asked for and the tables
// lack: a label is never published empty.
func (b *builder) reportMissingStrings() {
	for _, lang := range content.Langs {
		L := b.locales[lang]
		if L == nil {
			continue
		}
		for _, key := range L.TakeMissing() {
			line, add := L.PlaceFor(key)
			b.problems.Errorf(L.File(), line, 1, "no string %q, which the site shows: %s, in every i18n table", key, add)
		}
	}
}

// sink is where a build writes: the output folder, or nowhere for checks.
type sink interface {
	WriteFile(sitePath string, data []byte) error
	CopyFile(sitePath, src string) error
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }

// builder is one run of the steps after loading over a model: where the
// run writes and where its problems go are given to it, so that runs over
// the same model (the preview's) share nothing else.
type builder struct {
	*model
	out      sink
	problems *diag.List
	pieces   *pieces
	// planned is what the run's plan step planned: every output with
	// its inputs, which the preview keeps to follow changes.
	planned *planned
}

// model holds what the steps after loading share.
type model struct {
	opts     Options
	settings siteSettings
	baseURL  string
	site     *content.Site
	locales  map[content.Lang]*locale.Locale
	tmpl     *render.Templates
	md       *markdown.Converter
	mf       *minifier // nil: output is not minified
	assets   *assets
	// dropBodies frees each page's Markdown once it is rendered: set by a
	// one-off build, not by the preview or checks, which use them again.
	// (Reading each body again instead costs an open per page, which on a
	// slow file system is dearer than the memory.)
	dropBodies bool
	// headings holds the heading IDs of every page when checking links to
	// them (ndpc check); nil in a build.
	headings map[*content.Page]map[string]bool
	// untranslated lists, per language, the pages that lack it (ndpc check).
	untranslated map[content.Lang][]string
	// drafts lists the draft pages that were checked (ndpc check).
	drafts []string
	// editions are the PDFs offered for download, made or supplied.
	editions *editions
	// typst is the folder of the Typst compiler's npm package, which
	// typesets the print editions (see preparePrint).
	typst string
	// fatal fails the build as a whole: a build for publishing that
	// cannot typeset its PDFs (see noPrint).
	fatal error
	// social holds the social preview image each page names, by site path.
	social map[string]view.SocialImage
}

// runOver returns a run of the steps over b's model that writes to out,
// reports to problems and keeps its shared pieces in pieces.
func (b *builder) runOver(out sink, problems *diag.List, pieces *pieces) *builder {
	return &builder{model: b.model, out: out, problems: problems, pieces: pieces}
}

// load reads the settings, i18n tables, templates and content.
func load(opts Options, problems *diag.List) (*builder, error) {
	for _, dir := range []struct{ flag, path string }{{"--content", opts.Content}, {"--templates", opts.Templates}, {"--i18n", opts.I18n}} {
		if info, err := os.Stat(dir.path); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s: no such folder: run ndpc from the repository's root, or name the folder with %s", dir.path, dir.flag)
		}
	}
	settings, err := loadSettings(opts.Content, problems)
	if err != nil {
		return nil, err
	}
	baseURL := siteAddress(opts, settings)
	locales, ok := loadLocales(opts, problems)
	if !ok {
		return nil, problems.Err()
	}
	site, err := content.Load(os.DirFS(opts.Content), content.Options{Drafts: opts.Drafts, Prefix: filepath.ToSlash(opts.Content), Root: opts.Content, Typeset: typeset}, problems)
	if err != nil {
		return nil, err
	}
	var mf *minifier
	if opts.Minify {
		mf = newMinifier()
	}
	assets, err := loadAssets(opts.Static, mf, opts.Fingerprint, problems)
	if err != nil {
		return nil, err
	}
	b := &builder{model: &model{
		opts:     opts,
		settings: settings,
		baseURL:  baseURL,
		site:     site,
		locales:  locales,
		mf:       mf,
		assets:   assets,
	}, problems: problems, pieces: &pieces{}}
	b.loadTemplates()
	b.checkStudy()
	return b, nil
}

// siteAddress is the site's absolute address without its last slash:
// --base-url, else the settings' base_url.
func siteAddress(opts Options, settings siteSettings) string {
	baseURL := opts.BaseURL
	if baseURL == "" {
		baseURL = settings.BaseURL
	}
	return strings.TrimSuffix(baseURL, "/")
}

// loadLocales reads the i18n tables; false when one is missing or cannot
// be read, which problems then says.
func loadLocales(opts Options, problems *diag.List) (map[content.Lang]*locale.Locale, bool) {
	tables := locale.Load(os.DirFS(opts.I18n), filepath.ToSlash(opts.I18n), langNames(), problems)
	locales := map[content.Lang]*locale.Locale{}
	for _, l := range content.Langs {
		if t, ok := tables[string(l)]; ok {
			locales[l] = t
		}
	}
	return locales, len(locales) == len(content.Langs)
}

// loadTemplates reads the templates into b's model, their functions bound
// to b, and makes the Markdown converter, which must not give headings
// the ids the templates use.
func (b *builder) loadTemplates() {
	b.tmpl = render.Load(os.DirFS(b.opts.Templates), filepath.ToSlash(b.opts.Templates), templateFuncs(b), b.problems)
	b.md = markdown.New(langNames(), markdown.Options{RawHTML: b.settings.RawHTML, ReservedID: b.tmpl.ReservedID})
}

// langNames returns the site's language codes: "en", "ru".
func langNames() []string {
	var langs []string
	for _, l := range content.Langs {
		langs = append(langs, string(l))
	}
	return langs
}

// typeset sets the typography of front matter text as the Markdown's.
func typeset(lang content.Lang, s string) string { return markdown.Typeset(string(lang), s) }
