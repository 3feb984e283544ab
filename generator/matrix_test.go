package generator

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// matrixSite has case studies in two languages: the Russian side lacks
// beta, and delta is a draft, so that neither counts where it is missing.
const matrixSite = `
-- content/case-studies/alpha.en.md --
---
title: Alpha
summary: In Finland and Estonia, digital and social.
countries: [FI, EE]
sectors: [digital, social]
outcome: impact
---
-- content/case-studies/alpha.ru.md --
---
title: Альфа
summary: В Финляндии и Эстонии.
countries: [FI, EE]
sectors: [digital, social]
outcome: impact
---
-- content/case-studies/beta.en.md --
---
title: Beta
summary: In Finland, digital.
countries: [FI]
sectors: [digital]
outcome: ongoing
---
-- content/case-studies/gamma.en.md --
---
title: Gamma
summary: In Germany, education.
countries: [DE]
sectors: [education]
outcome: problems
---
-- content/case-studies/gamma.ru.md --
---
title: Гамма
summary: В Германии.
countries: [DE]
sectors: [education]
outcome: problems
---
-- content/case-studies/delta.en.md --
---
title: Delta
summary: A draft, in Finland.
countries: [FI]
sectors: [digital]
outcome: impact
draft: true
---
`

// matrixCell is one cell of a rendered matrix: its number ("" for an
// empty cell) and link.
type matrixCell struct{ text, href string }

// readMatrix parses the matrix table of a page into cells keyed by
// "country-slug sector" (from the row and column headers' links), and
// checks the table's headers.
func readMatrix(t *testing.T, page, where string) map[string]matrixCell {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var table *html.Node
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Table && hasClass(n, "matrix") {
			if table != nil {
				t.Fatalf("%s: two matrix tables", where)
			}
			table = n
		}
	}
	if table == nil {
		t.Fatalf("%s: no table.matrix", where)
	}
	var sectors []string
	cells := map[string]matrixCell{}
	rows := 0
	captions := 0
	for n := range table.Descendants() {
		if n.DataAtom == atom.Caption && strings.TrimSpace(textOf(n)) != "" {
			captions++
		}
		if n.DataAtom != atom.Tr {
			continue
		}
		var country string
		col := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.DataAtom == atom.Th && attr(c, "scope") == "col":
				if col > 0 {
					sectors = append(sectors, path.Base(linkOf(c)))
				}
			case c.DataAtom == atom.Th && attr(c, "scope") == "row":
				country = path.Base(linkOf(c))
				rows++
			case c.DataAtom == atom.Td:
				if col-1 >= len(sectors) || country == "" {
					t.Fatalf("%s: a cell outside the headers", where)
				}
				cell := matrixCell{href: linkOf(c)}
				if cell.href != "" {
					cell.text = strings.TrimSpace(textOf(c))
				} else if !hasClass(c, "matrix-none") || !strings.Contains(textOf(c), "–") {
					t.Errorf("%s: the empty cell %s %s is not a dash", where, country, sectors[col-1])
				}
				cells[country+" "+sectors[col-1]] = cell
			default:
				t.Errorf("%s: a %s without scope in the matrix", where, c.Data)
			}
			col++
		}
	}
	if len(sectors) != 5 || rows != 11 || len(cells) != 55 || captions != 1 {
		t.Errorf("%s: %d sectors × %d countries, %d cells, %d captions; want 5 × 11, 55, 1", where, len(sectors), rows, len(cells), captions)
	}
	return cells
}

func TestMatrix(t *testing.T) {
	opts, _, _, err := buildText(t, matrixSite)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		"en": {"finland digital": 2, "finland social": 1, "estonia digital": 1, "estonia social": 1, "germany education": 1},
		"ru": {"finland digital": 1, "finland social": 1, "estonia digital": 1, "estonia social": 1, "germany education": 1},
	}
	codes := map[string]string{"finland": "FI", "estonia": "EE", "germany": "DE"}
	for _, lang := range []string{"en", "ru"} {
		for _, page := range []string{"/" + lang + "/countries/", "/" + lang + "/sectors/", "/" + lang + "/"} {
			cells := readMatrix(t, readOut(t, opts, page), page)
			for key, cell := range cells {
				n := want[lang][key]
				if n == 0 {
					if cell.href != "" || cell.text != "" {
						t.Errorf("%s %s: %q linking to %q, want an empty cell", page, key, cell.text, cell.href)
					}
					continue
				}
				country, sector, _ := strings.Cut(key, " ")
				link := fmt.Sprintf("/%s/case-studies/?%s", lang, url.Values{"country": {codes[country]}, "sector": {sector}}.Encode())
				if cell.text != fmt.Sprint(n) || cell.href != link {
					t.Errorf("%s %s: %q linking to %q, want %d linking to %q", page, key, cell.text, cell.href, n, link)
				}
			}
		}
	}
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// linkOf is the href of the first link inside n, or "".
func linkOf(n *html.Node) string {
	for d := range n.Descendants() {
		if d.DataAtom == atom.A {
			return attr(d, "href")
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
