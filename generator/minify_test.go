package generator

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// blockJoinPages are pages in which blocks meet in every way the site's
// pages have them: a kicker before its heading, heading and paragraph,
// paragraphs, list items, table cells, a term and its definition, a
// section and the next.
var blockJoinPages = []struct{ name, page string }{
	{"kicker and heading", `<header class="page-header">
  <p class="kicker"><a href="/en/countries/">Countries</a></p>
  <h1>Estonia</h1>
  <p class="lead">2 case studies</p>
  <p class="muted">Published here: 4 of the study’s 121 case studies.</p>
</header>`},
	{"paragraphs", "<p>Creative work meeting digital technology: virtual reality, platforms, games, data.</p>\n<p>1 case study</p>"},
	{"list items", "<ul>\n<li>a presentation,</li>\n<li>discussion in teams,</li>\n<li>feedback.</li>\n</ul>"},
	{"table cells", "<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Role</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Petya Koleva</td>\n<td>Key Expert</td>\n</tr>\n</tbody>\n</table>"},
	{"term and definition", "<dl class=\"facts\">\n<div><dt>Countries</dt> <dd>Estonia</dd></div>\n<div><dt>Sectors</dt> <dd>Digital</dd></div>\n</dl>"},
	{"sections", "<section>\n<h2>Outcomes</h2>\n<p>Visitors came.</p>\n</section>\n<section>\n<h2>Sources</h2>\n</section>"},
	{"inline", "<p>The <em>PROTO</em> <a href=\"/en/\">Invention</a> Factory<br>opened</p>"},
}

// TestMinifyKeepsText minifies pages with every kind of block join and
// reads their text back as a browser and Pagefind read it: the minified
// page has the same words, separated in the same places.
func TestMinifyKeepsText(t *testing.T) {
	mf := newMinifier()
	for _, c := range blockJoinPages {
		page := "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><main>" + c.page + "</main></body></html>"
		out, err := mf.apply("/en/x/index.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := bodyText(t, out), bodyText(t, []byte(page)); got != want {
			t.Errorf("%s: minified, the text reads\n%q\nwhere the page reads\n%q\n(minified page: %s)", c.name, got, want, out)
		}
	}
}

// TestMinifyKeepsTextOfRealSite builds the real site as ndpc build does
// and as the preview does (not minified), and compares the text of every
// page: minifying changes no word and no space between words.
func TestMinifyKeepsTextOfRealSite(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	build := func(minify bool) map[string][]byte {
		opts := DefaultOptions()
		opts.Search, opts.PDF, opts.SocialImages, opts.Minify = false, false, false, minify
		opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
		opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
		opts.Out, opts.BaseURL = filepath.Join(t.TempDir(), "public"), "https://example.org"
		if _, err := Build(opts); err != nil {
			t.Fatal(err)
		}
		return outputFiles(t, opts.Out)
	}
	minified, plain := build(true), build(false)
	pages := 0
	for name, data := range plain {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		got, want := bodyText(t, minified[name]), bodyText(t, data)
		if got == want {
			continue
		}
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(0, i-40)
		t.Errorf("%s: minified, the text reads …%s… where the page reads …%s…", name, clip(got, from, i+40), clip(want, from, i+40))
	}
	if pages < 70 {
		t.Errorf("only %d pages compared", pages)
	}
}

var htmlSpace = regexp.MustCompile(`[ \t\n\f\r]+`)

// bodyText returns the text of the page's body with each run of HTML white
// space as one space: the text that a browser shows and Pagefind indexes,
// before either adds breaks of its own between blocks. Scripts, styles,
// noscript, templates and SVG pictures are left out.
func bodyText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node, body bool)
	walk = func(n *html.Node, body bool) {
		if n.Type == html.TextNode && body {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg":
				return // not text of the page (an SVG's titles are its tooltips)
			case "body":
				body = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, body)
		}
	}
	walk(doc, false)
	return strings.TrimSpace(htmlSpace.ReplaceAllString(b.String(), " "))
}

// clip returns s[from:to] within s's bounds, widened to whole UTF-8
// characters.
func clip(s string, from, to int) string {
	from, to = min(from, len(s)), min(to, len(s))
	for from > 0 && from < len(s) && s[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(s) && s[to]&0xC0 == 0x80 {
		to++
	}
	return s[from:to]
}
