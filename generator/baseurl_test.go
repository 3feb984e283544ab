package generator

import (
	"strings"
	"testing"
)

// Without the published site's address, from --base-url or site.toml,
// ndpc check and build warn that the feeds, sitemap and PDFs would link
// to the local preview; with it, from either, they do not.
func TestBaseURLWarning(t *testing.T) {
	pages := "-- content/about.en.md --\n---\ntitle: About\n---\n-- content/about.ru.md --\n---\ntitle: О проекте\n---\n"
	for _, tc := range []struct {
		name, settings, flag string
		warn                 bool
	}{
		{"nowhere", "", "", true},
		{"commented out", "# base_url = \"https://example.org/\"\n", "", true},
		{"in site.toml", "base_url = \"https://example.org/\"\n", "", false},
		{"on the command line", "", "https://example.org/", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeSite(t, dir, []byte(pages+"-- content/site.toml --\n"+tc.settings))
			opts := siteOptions(t, dir)
			opts.BaseURL = tc.flag
			for _, run := range []struct {
				name string
				do   func(Options) (Result, error)
			}{{"check", Check}, {"build", Build}} {
				res, err := run.do(opts)
				if err != nil {
					t.Fatalf("%s: %v", run.name, err)
				}
				warned := false
				for _, w := range res.Warnings {
					if strings.Contains(w.Message, "base_url is not set") && strings.Contains(w.Message, "--base-url") {
						warned = true
					}
				}
				if warned != tc.warn {
					t.Errorf("%s: warned %v, want %v: %v", run.name, warned, tc.warn, res.Warnings)
				}
			}
		})
	}
}
