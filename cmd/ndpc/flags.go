package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
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
		f.printDefaults()
		return nil, 0, false
	case err != nil:
		fmt.Fprintf(f.stderr, "%s: %s\n%s (%s --help lists every flag)\n", f.Name(), f.plainError(err), firstLine(f.usage), f.Name())
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

// nearest returns the known flag closest to name, or "".
func (f *flags) nearest(name string) string {
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	return nearest(name, names)
}

// nearest returns the one of names closest to name, or "" when none is
// close: at most a third of its letters differ (two at least, by
// Levenshtein distance), or name begins it.
func nearest(name string, names []string) string {
	names = append([]string(nil), names...)
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

// flagErrors are the flag package's messages, which name flags with one
// dash and speak of parse errors, and what ndpc says instead.
var flagErrors = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -(\S+): .*$`), `--$2 takes true or false, not "$1"`},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): parse error$`), `--$2 takes a number, not "$1"`},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): (.*)$`), `--$2 $3, not "$1"`},
}

// plainError words a flag package error as ndpc's other messages.
func (f *flags) plainError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		if fl := f.Lookup(name); fl != nil {
			arg, _ := flag.UnquoteUsage(fl)
			return fmt.Sprintf("--%s needs a value after it: --%s %s", name, name, arg)
		}
	}
	for _, e := range flagErrors {
		if e.re.MatchString(msg) {
			return e.re.ReplaceAllString(msg, e.with)
		}
	}
	return msg
}

// printDefaults lists the flags on standard output, each with two dashes
// as the README writes them: --name ARG, then its usage and default.
func (f *flags) printDefaults() {
	f.VisitAll(func(fl *flag.Flag) {
		name, usage := flag.UnquoteUsage(fl)
		line := "  --" + fl.Name
		if name != "" {
			line += " " + name
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if _, err := strconv.Atoi(fl.DefValue); err == nil || isSwitch(fl) {
			if fl.DefValue != "false" {
				line += " (default " + fl.DefValue + ")"
			}
		} else if fl.DefValue != "" {
			line += fmt.Sprintf(" (default %q)", fl.DefValue)
		}
		fmt.Fprintln(f.stdout, line)
	})
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
	fs.Var(urlValue{&opts.BaseURL}, "base-url", "absolute `URL` of the site, such as https://example.org/ (default: base_url in content/site.toml)")
}

// draftsFlag is --drafts of build and check.
func draftsFlag(fs *flags, opts *generator.Options) {
	fs.BoolVar(&opts.Drafts, "drafts", opts.Drafts, "include pages with draft: true")
}
