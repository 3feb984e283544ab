package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"ndpc/generator/diag"
	"ndpc/generator/nodetools"
	"ndpc/generator/printed"
)

// The print editions are typeset by Typst through the npm package
// @myriaddreamin/typst-ts-node-compiler, pinned in .tools/package.json
// beside Pagefind and installed there by the build itself (package
// nodetools), as search is. The same rule holds: without Node.js a build
// still makes the whole site, warns once that it has no PDFs, and its
// pages offer only the editors' own PDFs; where the environment says the
// build publishes (CI or NETLIFY set), that is an error.

// errNoPrintEditions means that a build for publishing (CI or NETLIFY
// set) could not typeset its print editions.
var errNoPrintEditions = errors.New("the published site needs its print editions")

// preparePrint finds the Typst compiler for a build that makes print
// editions, installing the pinned Node tools first when they are
// missing. It returns the compiler's folder. When it cannot be had, it
// turns the print editions off (opts.PDF = false) with noPrint.
func preparePrint(opts *Options, problems *diag.List) (string, error) {
	if !opts.PDF {
		return "", nil
	}
	module, why := findTypst(opts)
	if why == nil {
		return module, nil
	}
	return "", noPrint(opts, problems, why)
}

// noPrint turns the print editions off (opts.PDF = false) because of why
// with a warning, or, where publishing, returns an error that wraps
// errNoPrintEditions.
func noPrint(opts *Options, problems *diag.List, why error) error {
	fix := "to have them, install Node.js 18 or newer and build again (the build installs the Typst compiler itself)"
	if !errors.Is(why, nodetools.ErrNoNode) {
		fix = "to have them, fix that and build again"
	}
	fix += "; to leave them out, build with --pdf=false"
	if env, ok := publishing(); ok {
		return fmt.Errorf("%w (%s), and Typst, which typesets them, cannot run: %v; %s", errNoPrintEditions, env, why, fix)
	}
	problems.Add(diag.Problem{Severity: diag.Warning,
		Message: fmt.Sprintf("the site was built without the PDFs of its briefs and report, because Typst, which typesets them, cannot run: %v; %s", why, fix)})
	opts.PDF = false
	return nil
}

// findTypst returns the folder of the Typst compiler's npm package,
// installed in the repository's .tools (and installed there now if
// needed). When there is none, why says why. Installed, it is found
// without asking Node.js for its version: a build whose PDFs all come
// from the cache needs no Node.js (Typesetter asks when it has PDFs to
// typeset).
func findTypst(opts *Options) (module string, why error) {
	tools, ok := nodetools.Find(opts.Templates)
	if !ok {
		return "", errors.New("there is no .tools/package.json in the repository")
	}
	log := opts.Log
	if log == nil {
		log = os.Stderr
	}
	if missing, err := tools.Missing(); err != nil || len(missing) > 0 {
		if err := tools.Ensure(log); err != nil {
			return "", err
		}
	}
	return filepath.Join(tools.Dir, "node_modules", filepath.FromSlash(printed.Compiler)), nil
}
