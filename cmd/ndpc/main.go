// Command ndpc builds the Northern Dimension Partnership on Culture's
// cross-innovation site from Markdown in English and Russian.
//
//	ndpc build [flags]   build the site into public/
//	ndpc check [flags]   every validation of a build, writing nothing
//	ndpc serve [flags]   preview with drafts, rebuilt and reloaded on save
//	ndpc new KIND SLUG   a new page and its translation, as a draft
//	ndpc import FILE.csv draft case studies from the form's CSV export
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
)

const usage = `ndpc builds the cross-innovation site from the Markdown in content/.

Usage:
  ndpc build [flags]    build the site into public/ (see ndpc build --help)
  ndpc check [flags]    check the content without writing anything (ndpc check --help)
  ndpc serve [flags]    preview on http://127.0.0.1:1313/, reloaded on every save
  ndpc new KIND SLUG    a new case-study, brief, event or chapter in both languages (ndpc new --help)
  ndpc import FILE.csv  draft case studies from the submission form's CSV export (ndpc import --help)

Run it from the repository's root.
`

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
their translation and drafts. Exit code 1 when there are errors, 0 when
there are only warnings.

Flags:
`

func build(args []string, stdout, stderr io.Writer) int {
	opts := generator.DefaultOptions()
	fs := newFlags("ndpc build", buildUsage, stderr)
	siteFlags(fs, &opts)
	fs.StringVar(&opts.Out, "out", opts.Out, "output `folder`, replaced only when the build succeeds")
	timings := fs.Bool("timings", false, "print how long each step of the build took")
	fs.BoolVar(&opts.Search, "search", opts.Search, "build the search index with Pagefind (needs Node.js and the tools that npm install --prefix .tools puts in place); --search=false skips it")
	fs.BoolVar(&opts.PDF, "pdf", opts.PDF, "typeset the PDFs of the briefs and the report; --pdf=false skips them (briefs with their own PDF keep it)")
	fs.StringVar(&opts.PDFCache, "pdf-cache", "", "`folder` that keeps the typeset PDFs between builds (default .cache/pdf beside the output folder; \"off\" keeps none)")
	rest, code, ok := parseArgs(fs, args)
	if !ok {
		return code
	}
	if !noArgs("ndpc build", rest, stderr) {
		return 2
	}
	switch opts.PDFCache {
	case "":
		opts.PDFCache = filepath.Join(filepath.Dir(opts.Out), ".cache", "pdf")
	case "off":
		opts.PDFCache = ""
	}
	if *timings {
		opts.Timings = stderr
	}
	opts.Log = stderr
	res, err := generator.Build(opts)
	if code := report(res, err, "text", stderr); code != 0 {
		fmt.Fprintf(stderr, "ndpc build: %s was left as it was\n", opts.Out)
		return code
	}
	fmt.Fprintf(stdout, "ndpc build: %d pages and %d files in %s\n", res.Pages, res.Files, opts.Out)
	return 0
}

func check(args []string, stdout, stderr io.Writer) int {
	opts := generator.DefaultOptions()
	opts.Minify, opts.Search = false, false
	fs := newFlags("ndpc check", checkUsage, stderr)
	siteFlags(fs, &opts)
	format := fs.String("format", "text", "how to print problems: text (path:line:col: message) or github (workflow annotations)")
	_ = fs.Bool("search", true, "accepted, like ndpc build's flag; check builds no search index")
	_ = fs.Bool("pdf", true, "accepted, like ndpc build's flag; check makes no PDFs")
	rest, code, ok := parseArgs(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "ndpc check: unknown --format %q: use text or github\n", *format)
		return 2
	}
	if !noArgs("ndpc check", rest, stderr) {
		return 2
	}
	res, err := generator.Check(opts)
	out := stderr
	if *format == "github" {
		out = stdout // workflow commands are read from standard output
	}
	code = report(res, err, *format, out)
	for _, lang := range content.Langs {
		if pages := res.Untranslated[lang]; len(pages) > 0 {
			fmt.Fprintf(stdout, "ndpc check: %d pages have no %s version:\n", len(pages), lang)
			for _, p := range pages {
				fmt.Fprintf(stdout, "  %s\n", p)
			}
		}
	}
	if code != 0 {
		return code
	}
	fmt.Fprintf(stdout, "ndpc check: %d pages, no errors, %d warnings\n", res.Pages, len(res.Warnings))
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
		fmt.Fprintf(w, "%d errors\n", countErrors(problems.Problems))
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
