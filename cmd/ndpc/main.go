// Command ndpc builds the Northern Dimension Partnership on Culture's
// cross-innovation site from Markdown in English and Russian.
//
//	ndpc build [flags]   build the site into public/
//	ndpc check [flags]   every validation of a build, writing nothing
//	ndpc serve [flags]   preview with drafts, rebuilt and reloaded on save
//	ndpc new KIND SLUG   a new page and its translation, as a draft
//	ndpc import FILE.csv draft case studies from the form's CSV export
//	ndpc version         the version, commit and build of this program
//
// Exit codes: 0 success, 1 content or build errors (each printed as
// path:line:col: message), 2 wrong usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"ndpc/generator"
	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/locale"
)

const usage = `ndpc builds the cross-innovation site from the Markdown in content/.

Usage:
  ndpc build [flags]    build the site into public/ (see ndpc build --help)
  ndpc check [flags]    check the content without writing anything (ndpc check --help)
  ndpc serve [flags]    preview on http://127.0.0.1:1313/, reloaded on every save
  ndpc new KIND SLUG    a new case-study, brief, event or chapter in both languages (ndpc new --help)
  ndpc import FILE.csv  draft case studies from the submission form's CSV export (ndpc import --help)
  ndpc version          the version and commit this program was built from (also ndpc --version)

Run it from the repository's root.
`

// commands are the subcommands, for suggestions.
var commands = []string{"build", "check", "serve", "new", "import", "version", "help"}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "new":
		return newCommand(args[1:], stdout, stderr)
	case "import":
		return importCommand(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version", "-version":
		fmt.Fprint(stdout, version())
		return 0
	}
	if near := nearest(args[0], commands); near != "" {
		fmt.Fprintf(stderr, "ndpc: unknown command %q: did you mean ndpc %s?\n", args[0], near)
		return 2
	}
	fmt.Fprintf(stderr, "ndpc: unknown command %q\n\n%s", args[0], usage)
	return 2
}

const buildUsage = `Usage: ndpc build [flags]

Builds the site into public/: minified, with fingerprinted assets, feeds,
sitemap, and the PDFs of the briefs and the report. On any error the
previous output stays as it was.

Flags:
`

const checkUsage = `Usage: ndpc check [flags]

Runs every validation of ndpc build and writes nothing; also checks links to
headings of other pages, images without image_alt, and lists pages missing
their translation and drafts; warns about translations left behind in git
by their page, and about words that i18n/glossary.toml says to avoid. Drafts
are checked as fully as published pages: without --drafts their problems
are warnings marked "in a draft", with --drafts errors. Exit code 1 when
there are errors, 0 when there are only warnings.

Flags:
`

func build(args []string, stdout, stderr io.Writer) int {
	opts := generator.DefaultOptions()
	fs := newFlags("ndpc build", buildUsage, stdout, stderr)
	siteFlags(fs, &opts)
	draftsFlag(fs, &opts)
	fs.StringVar(&opts.Out, "out", opts.Out, "output `folder`, replaced only when the build succeeds")
	fs.BoolVar(&opts.Minify, "minify", opts.Minify, "minify HTML, CSS, JS, SVG, JSON and XML; --minify=false publishes them as made (as ndpc serve shows them)")
	fs.BoolVar(&opts.Fingerprint, "fingerprint", opts.Fingerprint, "name static/assets/ files after a hash of their content; --fingerprint=false keeps their names (as ndpc serve does)")
	fs.BoolVar(&opts.SocialImages, "social-images", opts.SocialImages, "draw each page's social preview image; --social-images=false draws none and pages name none (as ndpc serve does)")
	timings := fs.Bool("timings", false, "print how long each step of the build took")
	fs.BoolVar(&opts.Search, "search", opts.Search, "build the search index with Pagefind (needs Node.js; the first build installs Pagefind into .tools itself); --search=false skips it")
	fs.BoolVar(&opts.PDF, "pdf", opts.PDF, "typeset the PDFs of the briefs and the report; --pdf=false skips them (briefs with their own PDF keep it)")
	fs.StringVar(&opts.PDFCache, "pdf-cache", "", "`folder` that keeps the typeset PDFs between builds (default .cache/pdf in the repository, beside content/; \"off\" keeps none)")
	fs.StringVar(&opts.ImageCache, "image-cache", "", "`folder` that keeps the social preview images between builds (default .cache/social in the repository, beside content/; \"off\" keeps none)")
	rest, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if !fs.noArgs(rest) {
		return 2
	}
	opts.PDFCache = cacheFolder(opts.PDFCache, opts.Content, "pdf")
	opts.ImageCache = cacheFolder(opts.ImageCache, opts.Content, "social")
	if *timings {
		opts.Timings = stderr
	}
	opts.Log = stderr
	_, statErr := os.Stat(opts.Out)
	hadOutput := statErr == nil
	res, err := generator.Build(opts)
	if code := report(res, err, "text", stderr); code != 0 {
		if hadOutput {
			fmt.Fprintf(stderr, "ndpc build: %s was left as it was\n", opts.Out)
		}
		return code
	}
	fmt.Fprintf(stdout, "ndpc build: %s and %s in %s\n", locale.Count(res.Pages, "page", "pages"), locale.Count(res.Files, "file", "files"), opts.Out)
	return 0
}

func check(args []string, stdout, stderr io.Writer) int {
	opts := generator.DefaultOptions()
	opts.Minify, opts.Search = false, false
	fs := newFlags("ndpc check", checkUsage, stdout, stderr)
	siteFlags(fs, &opts)
	draftsFlag(fs, &opts)
	format := fs.String("format", "text", "how to print problems: text (path:line:col: message) or github (workflow annotations)")
	_ = fs.Bool("search", true, "accepted, like ndpc build's flag; check builds no search index")
	_ = fs.Bool("pdf", true, "accepted, like ndpc build's flag; check makes no PDFs")
	rest, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "ndpc check: unknown --format %q: use text or github\n", *format)
		return 2
	}
	if !fs.noArgs(rest) {
		return 2
	}
	res, err := generator.Check(opts)
	out := stderr
	if *format == "github" {
		out = stdout // workflow commands are read from standard output
	}
	code = report(res, err, *format, out)
	for _, n := range res.Notes {
		if *format == "github" {
			fmt.Fprintf(stdout, "::notice::%s\n", n)
		} else {
			fmt.Fprintf(stdout, "ndpc check: %s\n", n)
		}
	}
	for _, lang := range content.Langs {
		if pages := res.Untranslated[lang]; len(pages) > 0 {
			fmt.Fprintf(stdout, "ndpc check: %s no %s version:\n", locale.Count(len(pages), "page has", "pages have"), languageName(lang))
			for _, p := range pages {
				fmt.Fprintf(stdout, "  %s\n", p)
			}
		}
	}
	if len(res.Drafts) > 0 {
		noun := "drafts"
		if len(res.Drafts) == 1 {
			noun = "draft"
		}
		fmt.Fprintf(stdout, "ndpc check: %d %s, checked but left out of the published site:\n", len(res.Drafts), noun)
		for _, p := range res.Drafts {
			fmt.Fprintf(stdout, "  %s\n", p)
		}
	}
	if code != 0 {
		return code
	}
	fmt.Fprintf(stdout, "ndpc check: %s, no errors, %s\n", locale.Count(res.Pages, "page", "pages"), locale.Count(len(res.Warnings), "warning", "warnings"))
	return 0
}

// report prints the warnings of a run and, when it failed, its errors, in
// the given format; it returns the exit code.
func report(res generator.Result, err error, format string, w io.Writer) int {
	line := func(p diag.Problem) string {
		if format == "github" {
			return p.GitHub()
		}
		return p.String()
	}
	var problems *diag.Errors
	if err != nil && !errors.As(err, &problems) {
		fmt.Fprintf(w, "ndpc: %v\n", err)
		return 1
	}
	if problems == nil {
		for _, p := range res.Warnings {
			fmt.Fprintln(w, line(p))
		}
		return 0
	}
	for _, p := range problems.Problems {
		fmt.Fprintln(w, line(p))
	}
	if format == "text" {
		fmt.Fprintln(w, locale.Count(countErrors(problems.Problems), "error", "errors"))
	}
	return 1
}

func countErrors(ps []diag.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == diag.Error {
			n++
		}
	}
	return n
}

// cacheFolder returns the folder a cache flag names: by default, .cache/NAME
// in the repository, beside the content folder, wherever --out puts the
// site (a build into /tmp/site keeps its cache with the repository, not
// in /tmp/.cache); "off" for none ("").
func cacheFolder(flag, content, name string) string {
	switch flag {
	case "":
		return filepath.Join(filepath.Dir(content), ".cache", name)
	case "off":
		return ""
	}
	return flag
}
