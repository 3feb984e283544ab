package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"ndpc/generator"
)

// newFlags makes the flag set of a subcommand; --help prints usage and
// the flags.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses the flags, which may come before or after the other
// arguments, and returns the others. When the command should stop, ok is
// false and code is its exit code: 0 after --help, 2 for a usage error.
func parseArgs(fs *flag.FlagSet, args []string) (rest []string, code int, ok bool) {
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, 0, false
		}
		return nil, 2, false
	}
	return rest, 0, true
}

// parseInterspersed parses flags that may stand among the arguments, as in
// ndpc new case-study proto --content site/content; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if consumed := args[:len(args)-len(left)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// noArgs reports an unexpected argument of a command that takes none.
func noArgs(name string, rest []string, stderr io.Writer) bool {
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", name, rest[0])
		return false
	}
	return true
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
