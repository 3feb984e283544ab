package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// errUnsafeOut means that the output folder of a build is not one that a
// build may replace: replacing it would delete the site's own sources or
// files that no build made.
var errUnsafeOut = errors.New("unsafe output folder")

// checkOut refuses an output folder that a build must not replace, since
// the build replaces the folder as a whole: one that is, holds or lies in
// the content, templates, static or i18n folder, and an existing folder
// that is not empty and is not a site an earlier build made (which has
// sitemap.xml and 404.html at its top). The error wraps errUnsafeOut and
// says what to do.
func checkOut(opts Options) error {
	out, err := realPath(opts.Out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", opts.Out, err)
	}
	for _, src := range []struct{ flag, dir string }{
		{"--content", opts.Content}, {"--templates", opts.Templates}, {"--static", opts.Static}, {"--i18n", opts.I18n},
	} {
		if src.dir == "" {
			continue
		}
		dir, err := realPath(src.dir)
		if err != nil {
			continue
		}
		if within(dir, out) || within(out, dir) {
			return fmt.Errorf("%w: --out %s would replace the site's sources in %s (%s), which the build deletes and rebuilds as a whole: choose a folder of its own, such as public", errUnsafeOut, opts.Out, src.dir, src.flag)
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return nil // a new or empty folder
	}
	for _, mark := range []string{"sitemap.xml", "404.html"} {
		if _, err := os.Stat(filepath.Join(out, mark)); err != nil {
			return fmt.Errorf("%w: %s holds files that no ndpc build made (it has no %s), and a build replaces the whole folder: choose a new or empty folder for --out, or empty this one yourself", errUnsafeOut, opts.Out, mark)
		}
	}
	return nil
}

// realPath returns the absolute path of p with its symbolic links
// resolved as far as they exist.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
