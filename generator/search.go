package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"ndpc/generator/diag"
	"ndpc/generator/nodetools"
)

// The search index is made by Pagefind (the npm package pagefind, pinned
// in .tools/package.json and installed there by the build itself, package
// nodetools) as the last step of a build, over the finished output: one
// index per language, found through each page's <html lang>. Pages mark
// what is indexed with data-pagefind-body on <main>, their section with
// data-pagefind-meta="section:…" on the same element (metadata, not text
// of the page), and case studies their countries and sectors with
// data-pagefind-filter (see templates/base.html and case-study.html).
// What every page of a kind repeats is marked data-pagefind-ignore, so
// that it is neither found nor shown in excerpts: the kicker that links
// to the section, the counts of case studies, the map's legend, the
// country × sector matrix, and the summary and details of each case
// study's card in lists (a search finds the case study itself). Pagefind breaks the text only at the end tags
// of paragraphs, headings, list items and table cells and where the page
// has white space; the minifier keeps both (newMinifier), and templates
// put a space between blocks that have none of these (a term and its
// definition).
//
// Without Node.js a build still makes the whole site, warns that it has
// no search index, and its search box and page say so in the reader's
// language. Where the environment says the build publishes (CI or
// NETLIFY set), a missing index is an error instead: production never
// ships without search by accident.

// errNoSearchIndex means that a build for publishing (CI or NETLIFY set)
// could not make its search index.
var errNoSearchIndex = errors.New("the published site needs its search index")

// publishing reports whether the environment is a CI run or a Netlify
// build, where a build must not silently leave search out: NETLIFY or CI
// is set to anything but "", "0" or "false".
func publishing() (name string, ok bool) {
	for _, v := range []string{"NETLIFY", "CI"} {
		switch strings.ToLower(os.Getenv(v)) {
		case "", "0", "false":
		default:
			return v + "=" + os.Getenv(v), true
		}
	}
	return "", false
}

// prepareSearch finds Pagefind for a build that asks for the search
// index, installing the pinned Node tools first when they are missing. It
// returns Pagefind's command. When Pagefind cannot be had, it turns the
// index off (opts.Search = false) with a warning, or, where publishing,
// returns an error that wraps errNoSearchIndex.
func prepareSearch(opts *Options, problems *diag.List) (string, error) {
	if !opts.Search {
		return "", nil
	}
	cmd, why := findPagefind(opts)
	if why == nil {
		return cmd, nil
	}
	fix := "to have search, install Node.js 18 or newer and build again (the build installs Pagefind itself)"
	if !errors.Is(why, nodetools.ErrNoNode) {
		fix = "to have search, fix that and build again"
	}
	fix += "; to leave search out, build with --search=false"
	if env, ok := publishing(); ok {
		return "", fmt.Errorf("%w (%s), and Pagefind, which makes it, cannot run: %v; %s", errNoSearchIndex, env, why, fix)
	}
	problems.Add(diag.Problem{Severity: diag.Warning,
		Message: fmt.Sprintf("the site was built without its search index, because Pagefind, which makes it, cannot run: %v; %s", why, fix)})
	opts.Search = false
	return "", nil
}

// findPagefind returns Pagefind's command, installed in the repository's
// .tools (and installed there now if needed) or else on the PATH. When
// there is none, why says why.
func findPagefind(opts *Options) (cmd string, why error) {
	tools, ok := nodetools.Find(opts.Templates)
	if !ok {
		if p, err := exec.LookPath("pagefind"); err == nil {
			return p, nil
		}
		return "", errors.New("there is no .tools/package.json in the repository, nor a pagefind command on the PATH")
	}
	log := opts.Log
	if log == nil {
		log = os.Stderr
	}
	if err := tools.Ensure(log); err != nil {
		return "", err
	}
	return tools.Bin("pagefind"), nil
}

// indexSearch runs Pagefind (cmd) over a finished build in dir.
func indexSearch(cmd, dir string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var out bytes.Buffer
	c := exec.CommandContext(ctx, cmd, "--site", dir, "--quiet")
	c.Stdout, c.Stderr = &out, &out
	if err := c.Run(); err != nil {
		return fmt.Errorf("building the search index with %s: %v\n%s", cmd, err, strings.TrimSpace(out.String()))
	}
	return nil
}
