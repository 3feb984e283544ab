package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/content"
)

// TestRealSite builds the repository's own content and checks that every
// address of the site contract exists in both languages.
func TestRealSite(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	opts := Options{
		Content: filepath.Join(repo, "content"), Templates: filepath.Join(repo, "templates"),
		Static: filepath.Join(repo, "static"), I18n: filepath.Join(repo, "i18n"),
		Out: filepath.Join(out, "public"), BaseURL: "https://example.org",
	}
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("the real site does not build:\n%v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning in the real content: %s", w)
	}
	paths := []string{"/index.html", "/404.html", "/sitemap.xml", "/robots.txt"}
	for _, lang := range []string{"en", "ru"} {
		for _, p := range []string{"", "case-studies/", "countries/", "sectors/", "briefs/", "report/", "events/", "about/", "team/",
			"case-studies/proto-invention-factory/", "case-studies/ecodesign-circle/", "case-studies/cesis-brewery/", "case-studies/cross-innovation-hub/",
			"report/introduction/", "report/methodology/", "events/partnership-market-focus-group/",
			"briefs/01-cci-connectivity/", "briefs/02-traditional-industries/"} {
			paths = append(paths, "/"+lang+"/"+p+"index.html")
		}
		paths = append(paths, "/"+lang+"/feed.xml", "/"+lang+"/404.html")
		for _, c := range content.Countries {
			paths = append(paths, "/"+lang+"/countries/"+c.Slug+"/index.html")
		}
		for _, s := range content.Sectors {
			paths = append(paths, "/"+lang+"/sectors/"+string(s)+"/index.html")
		}
	}
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(opts.Out, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("missing %s", p)
			continue
		}
		if strings.HasSuffix(p, ".html") && p != "/index.html" && !strings.Contains(string(data), `hreflang=`) {
			t.Errorf("%s has no language alternates", p)
		}
	}
}
