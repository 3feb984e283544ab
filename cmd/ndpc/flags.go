package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"

	"ndpc/generator"
)

// flags is the flag set of a subcommand, with its usage text (whose
// first line is "Usage: ndpc NAME …") and where it prints.
type flags struct {
	*flag.FlagSet
	usage          string
	stdout, stderr io.Writer
}

// newFlags makes the flag set of a subcommand: --help prints its usage
// and flags on standard output; mistakes are reported on standard error
// with the usage's first line only.
func newFlags(name, usage string, stdout, stderr io.Writer) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors itself
	fs.Usage = func() {}
	return &flags{FlagSet: fs, usage: usage, stdout: stdout, stderr: stderr}
}

// parse parses the flags, which may come before or after the other
// arguments, and returns the others. When the command should stop, ok is
// false and code is its exit code: 0 after --help, 2 for a usage error.
func (f *flags) parse(args []string) (rest []string, code int, ok bool) {
	err := f.mistake(args)
	if err == nil {
		rest, err = f.parseInterspersed(args)
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(f.stdout, f.usage)
		f.SetOutput(f.stdout)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
		return nil, 0, false
	case err != nil:
		fmt.Fprintf(f.stderr, "%s: %v\n%s (%s --help lists every flag)\n", f.Name(), err, firstLine(f.usage), f.Name())
		return nil, 2, false
	}
	return rest, 0, true
}

// mistake finds the flag mistakes that the flag package would report
// badly or not at all: an unknown flag, told with the nearest known one,
// and a switch given its value as a separate argument (--search false),
// which the flag package takes for --search followed by an argument.
func (f *flags) mistake(args []string) error {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return nil
		}
		if len(arg) < 2 || arg[0] != '-' {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "h" || name == "help" {
			continue
		}
		fl := f.Lookup(name)
		if fl == nil {
			if near := f.nearest(name); near != "" {
				return fmt.Errorf("unknown flag %s: did you mean --%s?", arg, near)
			}
			return fmt.Errorf("unknown flag %s", arg)
		}
		if hasValue {
			continue
		}
		if isSwitch(fl) {
			if i+1 < len(args) {
				if _, err := strconv.ParseBool(args[i+1]); err == nil {
					return fmt.Errorf("--%s takes its value after an equals sign: write --%s=%s (a separate %q would be read as an argument)", name, name, args[i+1], args[i+1])
				}
			}
			continue
		}
		i++ // the flag's value
	}
	return nil
}

// nearest returns the known flag closest to name, or "" when none is
// close: at most a third of its letters differ (two at least), or name
// begins it.
func (f *flags) nearest(name string) string {
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	sort.Strings(names)
	best, bestDist := "", 0
	for _, n := range names {
		d := levenshtein.ComputeDistance(name, n)
		if d > max(2, len(name)/3) && (len(name) < 3 || !strings.HasPrefix(n, name)) {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// isSwitch reports whether a flag is a boolean one, given without a value.
func isSwitch(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseInterspersed parses flags that may stand among the arguments, as in
// ndpc new case-study proto --content site/content; "--" ends the flags.
func (f *flags) parseInterspersed(args []string) ([]string, error) {
	var rest []string
	for {
		if err := f.Parse(args); err != nil {
			return nil, err
		}
		left := f.Args()
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
func (f *flags) noArgs(rest []string) bool {
	if len(rest) > 0 {
		fmt.Fprintf(f.stderr, "%s: unexpected argument %q\n%s (%s --help lists every flag)\n", f.Name(), rest[0], firstLine(f.usage), f.Name())
		return false
	}
	return true
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// siteFlags registers the flags shared by the commands that read the site.
func siteFlags(fs *flags, opts *generator.Options) {
	fs.StringVar(&opts.Content, "content", opts.Content, "content `folder`")
	fs.StringVar(&opts.Templates, "templates", opts.Templates, "templates `folder`")
	fs.StringVar(&opts.Static, "static", opts.Static, "static files `folder`")
	fs.StringVar(&opts.I18n, "i18n", opts.I18n, "interface strings `folder`")
	fs.StringVar(&opts.BaseURL, "base-url", opts.BaseURL, "absolute `URL` of the site (default: base_url in content/site.toml)")
	fs.BoolVar(&opts.Drafts, "drafts", opts.Drafts, "include pages with draft: true")
}
