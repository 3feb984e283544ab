package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The search index is made by Pagefind (the npm package pagefind, pinned
// in .tools/package.json) as the last step of a build, over the finished
// output: one index per language, found through each page's <html lang>.
// Pages mark what is indexed with data-pagefind-body, their section with
// data-pagefind-meta, and case studies their countries and sectors with
// data-pagefind-filter (see templates/base.html and case-study.html).

// PagefindPath is where ndpc looks for Pagefind first, in the current
// folder and beside the templates folder: installed with
// npm install --prefix .tools. Otherwise it must be on the PATH.
var PagefindPath = filepath.Join(".tools", "node_modules", ".bin", "pagefind")

// ErrNoPagefind explains how to get the search index step.
var ErrNoPagefind = errors.New("the search index needs Pagefind, which runs on Node.js: install Node.js 18 or newer and run `npm install --prefix .tools` in the repository, or build without search: ndpc build --search=false")

// pagefind finds the Pagefind command for a site whose templates are in
// templatesDir.
func pagefind(templatesDir string) (string, error) {
	repo := ""
	if abs, err := filepath.Abs(templatesDir); err == nil {
		repo = filepath.Dir(abs)
	}
	for _, p := range []string{PagefindPath, filepath.Join(repo, PagefindPath)} {
		if _, err := os.Stat(p); err == nil {
			if _, err := exec.LookPath("node"); err != nil {
				return "", ErrNoPagefind
			}
			return p, nil
		}
	}
	if p, err := exec.LookPath("pagefind"); err == nil {
		return p, nil
	}
	return "", ErrNoPagefind
}

// indexSearch runs Pagefind over a finished build in dir.
func indexSearch(dir, templatesDir string) error {
	cmd, err := pagefind(templatesDir)
	if err != nil {
		return err
	}
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
