// Command ndpc builds the Northern Dimension Partnership on Culture's
// cross-innovation site from Markdown in English and Russian.
//
//	ndpc build [flags]   build the site into public/
//
// Exit codes: 0 success, 1 content or build errors (each printed as
// path:line:col: message), 2 wrong usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"ndpc/generator"
	"ndpc/generator/diag"
)

const usage = `ndpc builds the cross-innovation site from the Markdown in content/.

Usage:
  ndpc build [flags]    build the site into public/ (see ndpc build --help)

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
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "ndpc: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// siteFlags registers the flags shared by the commands that read the site.
func siteFlags(fs *flag.FlagSet, opts *generator.Options) {
	fs.StringVar(&opts.Content, "content", opts.Content, "content `folder`")
	fs.StringVar(&opts.Templates, "templates", opts.Templates, "templates `folder`")
	fs.StringVar(&opts.Static, "static", opts.Static, "static files `folder`")
	fs.StringVar(&opts.I18n, "i18n", opts.I18n, "interface strings `folder`")
	fs.StringVar(&opts.BaseURL, "base-url", opts.BaseURL, "absolute `URL` of the site (default: base_url in content/site.toml)")
	fs.BoolVar(&opts.Drafts, "drafts", opts.Drafts, "include pages with draft: true")
}

func build(args []string, stdout, stderr io.Writer) int {
	opts := generator.DefaultOptions()
	fs := flag.NewFlagSet("ndpc build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	siteFlags(fs, &opts)
	fs.StringVar(&opts.Out, "out", opts.Out, "output `folder`, replaced only when the build succeeds")
	// The site has no search index step yet; the flag is accepted so that
	// scripts written against the site contract (--search=false) work.
	_ = fs.Bool("search", true, "run the search index step (none yet: accepted for scripts that pass --search=false)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: ndpc build [flags]\n\nBuilds the site into public/. On any error the previous output stays as it was.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ndpc build: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	res, err := generator.Build(opts)
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		var problems *diag.Errors
		if errors.As(err, &problems) {
			for _, p := range problems.Problems {
				if p.Severity == diag.Error {
					fmt.Fprintln(stderr, p)
				}
			}
			fmt.Fprintf(stderr, "ndpc build: %d errors; %s was left as it was\n", countErrors(problems.Problems), opts.Out)
			return 1
		}
		fmt.Fprintf(stderr, "ndpc build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "ndpc build: %d pages and %d files in %s\n", res.Pages, res.Files, opts.Out)
	return 0
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
