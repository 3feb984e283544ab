package browser

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// indexedPage is one page as Pagefind's JavaScript API returns it: the
// text it indexed (content) and its metadata.
type indexedPage struct {
	URL     string `json:"url"`
	Content string `json:"content"`
	Title   string `json:"title"`
	Section string `json:"section"`
}

// allIndexed asks Pagefind, in the page the browser shows, for every page
// of that page's language: a search of null without filters returns them
// all.
const allIndexed = `(async () => {
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  const search = await pf.search(null, {filters: {}});
  const pages = await Promise.all(search.results.map(r => r.data()));
  return pages.map(p => ({url: p.url, content: p.content, title: p.meta.title || "", section: p.meta.section || ""}));
})()`

// foundKinds are the addresses of the pages that a search for their own
// title must find, in each language.
var foundKinds = regexp.MustCompile(`^/(en|ru)/(case-studies|briefs|report|events)/[^/]+/$`)

// TestSearchKeepsWordsApart builds the real site with its search index
// and reads back, through Pagefind's JavaScript API in the browser, the
// text it indexed for every page in both languages. Wherever two blocks of
// a page meet (headings, paragraphs, list items, table cells, a term and
// its definition), the last word of one and the first word of the next
// must not have run together in that text, nor in the excerpts that the
// search page shows. The section a page belongs to is metadata and is not
// read as the page's text ("Countries Countries Estonia"). Every case
// study, brief, chapter and event is found by a search for its title.
func TestSearchKeepsWordsApart(t *testing.T) {
	base, out := serveRealWithSearch(t, true)
	ctx := newBrowser(t, nil)

	joins := map[string][]string{} // page address → its blocks' words run together
	for _, lang := range []string{"en", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/search/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		pages, err := chromedp.Run(ctx, chromedp.Evaluate[[]indexedPage](allIndexed, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: reading the search index: %v", lang, err)
		}
		if len(pages) < 30 {
			t.Errorf("%s: the search index holds %d pages", lang, len(pages))
		}
		kinds := map[string]int{} // "case-studies" → how many were searched for
		for _, p := range pages {
			joins[p.URL] = blockJoins(t, filepath.Join(out, filepath.FromSlash(p.URL), "index.html"))
			if len(joins[p.URL]) == 0 {
				t.Errorf("%s: no block joins found in its HTML", p.URL)
			}
			if w := runTogether(p.Content, joins[p.URL]); w != "" {
				t.Errorf("%s: the search index reads %q where two blocks meet: %s", p.URL, w, around(p.Content, w))
			}
			for _, w := range knownRunTogether {
				if strings.Contains(p.Content, w) {
					t.Errorf("%s: the search index reads %q: %s", p.URL, w, around(p.Content, w))
				}
			}
			if p.Section == "" {
				t.Errorf("%s: no section in the search index", p.URL)
			} else if strings.HasPrefix(p.Content, p.Section) && !strings.HasPrefix(p.Content, p.Title) {
				t.Errorf("%s: the indexed text starts with the section's name %q: %.80s", p.URL, p.Section, p.Content)
			}
			if m := foundKinds.FindStringSubmatch(p.URL); m != nil {
				kinds[m[2]]++
				found := searchFor(t, ctx, base, lang, p.Title, joins)
				if !found[p.URL] {
					t.Errorf("%s: a search for its title %q does not find it", p.URL, p.Title)
				}
			}
		}
		for _, kind := range []string{"case-studies", "briefs", "report", "events"} {
			if kinds[kind] == 0 {
				t.Errorf("%s: the search index holds no page of /%s/%s/", lang, lang, kind)
			}
		}
	}
	// The searches with which the fault was found.
	for _, c := range []struct{ lang, q, want string }{
		{"en", "virtual reality", "/en/case-studies/proto-invention-factory/"},
		{"en", "Estonia", "/en/countries/estonia/"},
		{"ru", "виртуальная реальность", "/ru/case-studies/proto-invention-factory/"},
		{"ru", "Эстония", "/ru/countries/estonia/"},
	} {
		if found := searchFor(t, ctx, base, c.lang, c.q, joins); !found[c.want] {
			t.Errorf("%s: a search for %q does not find %s", c.lang, c.q, c.want)
		}
	}
}

// knownRunTogether are words run together that the search index once
// held: a count of case studies and the line after it, the section's name
// and the kicker with the same name.
var knownRunTogether = []string{"studyPublished", "studiesPublished", "CountriesCountries", "SectorsSectors",
	"кейсНа", "кейсаНа", "кейсовНа", "СтраныСтраны", "СекторыСекторы"}

// searchFor searches on the search page of lang and returns the pages
// found. It fails the test when a result lacks its section or when its
// excerpt runs the words of two blocks of that page together.
func searchFor(t *testing.T, ctx context.Context, base, lang, q string, joins map[string][]string) map[string]bool {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/search/?q="+url.QueryEscape(q)), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	// The status line says how many were found once the search is done.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".search-status").textContent !== ""`)); err != nil {
		t.Fatalf("%s: no search status: %v", q, err)
	}
	type result struct {
		URL     string `json:"url"`
		Section string `json:"section"`
		Excerpt string `json:"excerpt"`
	}
	results, err := chromedp.Run(ctx, chromedp.Evaluate[[]result](`[...document.querySelectorAll(".search-results li")].map(li => ({
		url: li.querySelector("a").pathname,
		section: (li.querySelector(".search-section") || {}).textContent || "",
		excerpt: li.querySelector(".search-excerpt").textContent}))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Errorf("%s: a search for %q finds nothing", lang, q)
	}
	found := map[string]bool{}
	for _, r := range results {
		found[r.URL] = true
		if !strings.HasPrefix(r.URL, "/"+lang+"/") {
			t.Errorf("%s: a search for %q finds %s", lang, q, r.URL)
		}
		if r.Section == "" {
			t.Errorf("%s: a search for %q shows %s without its section", lang, q, r.URL)
		}
		if w := runTogether(r.Excerpt, joins[r.URL]); w != "" {
			t.Errorf("%s: a search for %q shows %s with %q in its excerpt: %s", lang, q, r.URL, w, r.Excerpt)
		}
	}
	return found
}

// pagefindSkips are the elements whose text Pagefind never indexes.
var pagefindSkips = map[atom.Atom]bool{
	atom.Head: true, atom.Style: true, atom.Script: true, atom.Noscript: true, atom.Label: true,
	atom.Form: true, atom.Svg: true, atom.Footer: true, atom.Nav: true, atom.Iframe: true, atom.Template: true,
}

// phrasing are the elements that do not start a block of their own: text
// on either side of them runs on.
var phrasing = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true, atom.I: true,
	atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

// blockJoins reads the HTML page in file as Pagefind reads it (the
// elements marked data-pagefind-body, without those marked
// data-pagefind-ignore or that Pagefind skips) and returns, for every
// place where two blocks meet, the last word of the first and the first
// word of the second written together: what the search index must not
// contain.
func blockJoins(t *testing.T, file string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var blocks []string
	var text strings.Builder
	brk := func() {
		if s := strings.TrimSpace(text.String()); s != "" {
			blocks = append(blocks, s)
		}
		text.Reset()
	}
	var walk func(n *html.Node, body bool)
	walk = func(n *html.Node, body bool) {
		if n.Type == html.TextNode && body {
			text.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			if pagefindSkips[n.DataAtom] || hasAttr(n, "data-pagefind-ignore") {
				return
			}
			body = body || hasAttr(n, "data-pagefind-body")
			if !phrasing[n.DataAtom] {
				brk()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, body)
		}
		if n.Type == html.ElementNode && !phrasing[n.DataAtom] {
			brk()
		}
	}
	walk(doc, false)
	var joins []string
	for i := 0; i+1 < len(blocks); i++ {
		words := strings.Fields(blocks[i])
		run := words[len(words)-1]
		// Blocks of one word each may run on into a chain: "CountryDigitalEconomic".
		for _, b := range blocks[i+1:] {
			words := strings.Fields(b)
			run += words[0]
			// Numbers alone ("1", "2": "12") cannot be told from a number
			// of the text ("121 case studies").
			if r, _ := utf8.DecodeRuneInString(words[0]); !strings.ContainsRune(closing, r) && strings.IndexFunc(run, unicode.IsLetter) >= 0 {
				joins = append(joins, run)
			}
			if len(words) > 1 {
				break
			}
		}
	}
	return joins
}

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

// closing are the marks that rightly follow a word without a space, so
// that a block that starts with one does not run on.
const closing = ",.;:!?)]}»”’"

// runTogether returns the first word of text that is one of joins: the
// words of two blocks written as one (with the full stop that Pagefind
// puts after a block's last word).
func runTogether(text string, joins []string) string {
	set := map[string]bool{}
	for _, j := range joins {
		set[j] = true
	}
	for _, w := range strings.Fields(text) {
		if set[w] || set[strings.TrimSuffix(w, ".")] {
			return w
		}
	}
	return ""
}

// around returns the words of text around the first occurrence of w.
func around(text, w string) string {
	i := strings.Index(text, w)
	from, to := max(0, i-60), min(len(text), i+len(w)+60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	return "…" + text[from:to] + "…"
}
