package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
	"ndpc/generator/internal/bounded"
)

// FuzzLoadPage loads arbitrary bytes as a case study, a brief and an event:
// loading must never panic, every problem must name the file and a line
// within it, and each load must stay within the time and memory of
// package bounded.
func FuzzLoadPage(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: PROTO\nsummary: VR.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nBody\n",
		"+++\ntitle = \"x\"\nnumber = 1\ndate = 2020-08-18\nsummary = \"s\"\n+++\n",
		"---\nstart: 2020-07-02T11:00:00+03:00\n---\n",
		"---\ntitle: [\n---\n",
		"---\n\ttitle: tab\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"---\ncountries: FI\nnumber: two\n---\n",
		"\ufeff---\r\ntitle: bom\r\n---\r\n",
		"---\n",
		"",
		"---\n*a: &a [x]\nb: *a\n---\n",
		"---\ndownload: ../../../etc/passwd\nimage: /etc/passwd\n---\n",
		"---\ntitle: Brief #2\noutcome: ongoing  # or impact\n---\n",
		"---\ncountries:\n  - FI\n   - EE\n - LV\n---\n",
		"---\n# c\ntitle: Part one: the method\n  sectors: [x]\noutcome:ongoing\n---\n",
		"---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n",
		"---\ntitle: \"T\nsummary: [a, {b: 'c\n---\n",
		"---\ntitle: Записка #2\ndraft: TRUE\n---\n",
		"+++\ntitle = T\ncountries = [\"EE\"\nsummary: x\ndraft = True\n+++\n",
		"+++\na.b = 1\n[t]\nx = [[1], {y = 2}]\n+++\n",
	} {
		f.Add([]byte(seed))
	}
	files := map[string]File{"case-studies/a.png": {Source: "case-studies/a.png", Size: 3}}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, rel := range []string{"case-studies/x.en.md", "briefs/b/index.ru.md", "events/e.md"} {
			problems := &diag.List{}
			fsys := fstest.MapFS{rel: {Data: src}}
			var p *Page
			bounded.Run(t, func() { p = loadPage(fsys, rel, "content/"+rel, files, problems) })
			lines := strings.Count(string(src), "\n") + 1
			for _, pr := range problems.Sorted() {
				if pr.Path != "content/"+rel {
					t.Fatalf("problem names %q", pr.Path)
				}
				if pr.Line < 0 || pr.Line > lines {
					t.Fatalf("problem at line %d of a %d-line file: %s", pr.Line, lines, pr)
				}
				if pr.Message == "" {
					t.Fatal("problem without a message")
				}
			}
			if p != nil && !problems.HasErrors() && p.Title == "" {
				t.Fatalf("a page without title loaded without error")
			}
		}
	})
}

// FuzzPaths checks that placing a file in the site and resolving a
// reference never panics, stays within the time and memory of package
// bounded, and that a resolved reference stays inside the content folder.
func FuzzPaths(f *testing.F) {
	for _, seed := range [][2]string{
		{"case-studies/proto.en.md", "../about.md"},
		{"briefs/x/index.ru.md", "../../../etc/passwd"},
		{"a/b/c/d.md", "/abs"},
		{"Case Studies/X.de.md", "C:\\win"},
		{"_index.md", "./././x.pdf"},
		{"case-studies/..md", "..//..//x"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, rel, ref string) {
		var loc location
		var locErr, err error
		var got, slug string
		bounded.Run(t, func() {
			loc, locErr = locate(rel)
			got, err = ResolveRelative(dirOf(rel), ref)
			slug = suggestSlug(ref)
		})
		if locErr == nil && loc.slug != "" && !ValidSlug(loc.slug) {
			t.Fatalf("locate(%q) accepted the slug %q", rel, loc.slug)
		}
		if err != nil {
			return
		}
		if strings.HasPrefix(got, "/") || got == ".." || strings.HasPrefix(got, "../") || strings.Contains(got, "/../") {
			t.Fatalf("ResolveRelative(%q, %q) = %q leads out of the content folder", dirOf(rel), ref, got)
		}
		if !ValidSlug(slug) {
			t.Fatalf("suggestSlug(%q) = %q is not valid", ref, slug)
		}
	})
}
