package generator

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ndpc/generator/corpus"
)

// TestIDsUniqueGenerated builds a generated site to which pages are added
// whose headings read like every id the templates write ("## Toc title",
// "## Main", …) and one with a footnote reference, and checks every page:
// no two elements share an id, and every contents link leads to a heading.
func TestIDsUniqueGenerated(t *testing.T) {
	dir := t.TempDir()
	root, err := corpus.Write(dir, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	body := headingsLikeTemplateIDs(t)
	for rel, head := range map[string]string{
		"ids.%s.md":                   "title: Ids",
		"report/ids.%s.md":            "title: Ids\nweight: 99",
		"case-studies/_index.%s.md":   "title: Case studies",
		"events/ids.%s.md":            "title: Ids\nstart: 2020-06-02T11:00:00+03:00\nsummary: Ids.",
		"briefs/99-ids/index.%s.md":   "title: Ids\nnumber: 99\ndate: 2020-06-02\nsummary: Ids.",
		"countries/_index.%s.md":      "title: Countries",
		"case-studies/ids-case.%s.md": "title: Ids\nsummary: Ids.\ncountries: [EE]\nsectors: [digital]\noutcome: impact",
	} {
		for _, lang := range []string{"en", "ru"} {
			p := filepath.Join(root, filepath.FromSlash(fmt.Sprintf(rel, lang)))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("---\n"+head+"\n---\n"+body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// the home page keeps its text and gets the headings too
	for _, lang := range []string{"en", "ru"} {
		p := filepath.Join(root, "_index."+lang+".md")
		old, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(old, "\n"+body...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := buildForIDs(t, root)
	checkIDs(t, out)
	page := readFile(t, filepath.Join(out, "en", "ids", "index.html"))
	for _, want := range []string{`<h2 id="results">Results`, `<h2 id="main-1">Main</h2>`, `<h2 id="toc-title-1">Toc title</h2>`, `<h2 id="site-search-q-1">Site search q</h2>`} {
		if !strings.Contains(page, want) {
			t.Errorf("/en/ids/ has no %s", want)
		}
	}
}

// TestIDsUniqueReal checks the same over the real site.
func TestIDsUniqueReal(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	checkIDs(t, buildForIDs(t, filepath.Join(repo, "content")))
}

// headingsLikeTemplateIDs returns Markdown with a heading for every
// literal id in the templates, written as an editor would ("toc-title"
// becomes "## Toc title"), a heading with a footnote reference, and a
// heading that repeats.
func headingsLikeTemplateIDs(t *testing.T) string {
	t.Helper()
	idAttr := regexp.MustCompile(`\bid="([a-z0-9-]+)"`)
	seen := map[string]bool{}
	err := filepath.WalkDir(filepath.Join("..", "templates"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			seen[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		text := strings.ReplaceAll(id, "-", " ")
		fmt.Fprintf(&b, "\n## %s\n\nText.\n", strings.ToUpper(text[:1])+text[1:])
	}
	b.WriteString("\n## Results[^1]\n\nText.\n\n## Results\n\nText.\n\n## Fn 1\n\nText.\n\n[^1]: A note.\n")
	return b.String()
}

func buildForIDs(t *testing.T, contentDir string) string {
	t.Helper()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Content: contentDir, Templates: filepath.Join(repo, "templates"), Static: filepath.Join(repo, "static"),
		I18n: filepath.Join(repo, "i18n"), Out: out, BaseURL: "https://example.org"}
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkIDs parses every HTML page under out and reports ids used twice on
// a page, and contents links that lead to no heading.
func checkIDs(t *testing.T, out string) {
	t.Helper()
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		pages++
		rel, _ := filepath.Rel(out, p)
		byID := map[string]*html.Node{}
		var tocLinks []string
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if id := attr(n, "id"); id != "" {
				if byID[id] != nil {
					t.Errorf("%s: two elements have id %q", rel, id)
				}
				byID[id] = n
			}
			if n.Data == "a" && inTOC(n) {
				tocLinks = append(tocLinks, attr(n, "href"))
			}
		}
		for _, href := range tocLinks {
			// a browser decodes the fragment before it looks for the id
			frag, _ := url.PathUnescape(strings.TrimPrefix(href, "#"))
			target := byID[frag]
			if !strings.HasPrefix(href, "#") || target == nil || !regexp.MustCompile(`^h[2-6]$`).MatchString(target.Data) || inTOC(target) {
				t.Errorf("%s: the contents link %q leads to no heading", rel, href)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Fatalf("only %d pages checked", pages)
	}
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// inTOC reports whether n is inside a table of contents.
func inTOC(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Data == "nav" && strings.Contains(" "+attr(p, "class")+" ", " toc ") {
			return true
		}
	}
	return false
}
