package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildRefusesUnsafeOut: a build replaces its output folder as a
// whole, so it refuses one that is, holds or lies in a source folder, and
// an existing folder of files no build made; nothing is deleted.
func TestBuildRefusesUnsafeOut(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte("-- content/about.en.md --\n---\ntitle: About\n---\nText.\n-- mine/important.txt --\nkeep me\n"))
	opts := siteOptions(t, dir)
	for _, tc := range []struct{ out, want string }{
		{"content", "would replace the site's sources in content (--content)"},
		{"content/public", "would replace the site's sources in content (--content)"},
		{".", "would replace the site's sources in content (--content)"},
		{"mine", "mine holds files that no ndpc build made (it has no sitemap.xml)"},
	} {
		o := opts
		o.Out = tc.out
		_, err := Build(o)
		if !errors.Is(err, errUnsafeOut) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("--out %s: err = %v, want %q", tc.out, err, tc.want)
		}
	}
	for _, f := range []string{"content/about.en.md", "mine/important.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	// The other source folders, asked without building (a build is not
	// risked on the repository's own folders).
	for _, out := range []string{opts.Templates, filepath.Join(opts.Static, "assets"), filepath.Dir(opts.I18n)} {
		o := opts
		o.Out = out
		if err := checkOut(o); !errors.Is(err, errUnsafeOut) {
			t.Errorf("--out %s: err = %v, want it refused", out, err)
		}
	}
	// A new folder, then the site it holds, are fine.
	opts.Out = "site"
	for i := 0; i < 2; i++ {
		if _, err := Build(opts); err != nil {
			t.Fatalf("build %d into a folder of its own: %v", i+1, err)
		}
	}
}
