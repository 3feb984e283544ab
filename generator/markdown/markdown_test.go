package markdown

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"ndpc/generator/diag"
)

func convert(t *testing.T, lang, src string, resolve LinkResolver) (string, []Heading, []string) {
	t.Helper()
	c := New([]string{"en", "ru"}, Options{})
	var buf bytes.Buffer
	problems := &diag.List{}
	hs, err := c.Convert(Input{Source: []byte(src), Lang: lang, Path: "content/x.md", LineOffset: 4, Resolve: resolve}, &buf, problems)
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	for _, p := range problems.Sorted() {
		ps = append(ps, p.String())
	}
	return buf.String(), hs, ps
}

func TestCyrillicHeadingIDs(t *testing.T) {
	html, hs, _ := convert(t, "ru", "## Методы и данные\n\n## Методы и данные\n\n### Шаг 1: «опрос»\n\n## **EcoDesign** Circle 4.0\n", nil)
	for _, want := range []string{`<h2 id="методы-и-данные">`, `<h2 id="методы-и-данные-1">`, `<h3 id="шаг-1-опрос">`, `<h2 id="ecodesign-circle-40">`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if len(hs) != 4 || hs[2].Text != "Шаг 1: «опрос»" || hs[2].Level != 3 || hs[3].Text != "EcoDesign Circle 4.0" {
		t.Errorf("headings = %+v", hs)
	}
}

func TestTypographyByLanguage(t *testing.T) {
	ru, _, _ := convert(t, "ru", `Проект "Пивоварня" -- это центр...`, nil)
	if !strings.Contains(ru, "Проект «Пивоварня»\u00a0&ndash; это центр&hellip;") {
		t.Errorf("Russian typography: %s", ru)
	}
	en, _, _ := convert(t, "en", `The "Brewery" -- a centre.`, nil)
	if !strings.Contains(en, "The &ldquo;Brewery&rdquo;\u00a0&ndash; a centre.") {
		t.Errorf("English typography: %s", en)
	}
}

func TestTablesFootnotesAndNoRawHTML(t *testing.T) {
	html, _, _ := convert(t, "en", "| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: A note.\n\n<script>alert(1)</script>\n", nil)
	for _, want := range []string{`<td align="right">2</td>`, `<sup id="fnref:1">`, `A note.`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script>") || strings.Contains(html, "style=") {
		t.Errorf("raw HTML or inline style in output:\n%s", html)
	}
}

func TestLinkResolution(t *testing.T) {
	resolve := func(dest string) (string, error) {
		switch dest {
		case "proto.en.md":
			return "/en/case-studies/proto/", nil
		case "brewery.md":
			return "", &Fallback{URL: "/en/case-studies/brewery/", Message: "no Russian version"}
		}
		return "", errors.New("broken link " + dest)
	}
	src := "See [PROTO](proto.en.md), [the hub](https://example.org/hub) and\n" +
		"[Пивоварня](brewery.md), then [gone](gone.md) and ![a photo](missing.jpg).\n\n" +
		"[bad](javascript:alert(1)) [anchor](#top)\n"
	html, _, problems := convert(t, "ru", src, resolve)
	for _, want := range []string{`<a href="/en/case-studies/proto/">PROTO</a>`, `<a href="https://example.org/hub">`, `<a href="/en/case-studies/brewery/">`, `<a href="#top">`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "javascript:") {
		t.Error("javascript: link was published")
	}
	want := []string{
		"content/x.md:6:13: warning: no Russian version",
		"content/x.md:6:38: broken link gone.md",
		"content/x.md:6:62: broken link missing.jpg",
		"content/x.md:8:7: links to javascript: or data: addresses are not allowed: link to a web page instead",
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Methods and data":           "methods-and-data",
		"Методы — и данные":          "методы-и-данные",
		"[Link](x.md) text":          "link-text",
		"Ёлки: «новый» год":          "ёлки-новый-год",
		"  --  ":                     "",
		"Cēsis Old Brewery (Latvia)": "cēsis-old-brewery-latvia",
		"Results[^1]":                "results",
		"Итоги [^note] года":         "итоги-года",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// Headings never take an id the page around them uses, nor the footnotes'.
func TestHeadingIDsAvoidReserved(t *testing.T) {
	reserved := func(id string) bool { return id == "main" || id == "toc-title" || strings.HasPrefix(id, "m-") }
	c := New([]string{"en"}, Options{ReservedID: reserved})
	for src, want := range map[string]string{
		"## Main":                          `<h2 id="main-1">Main</h2>`,
		"## Main\n\n## Main 1":             `<h2 id="main-1-1">Main 1</h2>`,
		"## Toc title":                     `<h2 id="toc-title-1">`,
		"## Results[^1]\n\n[^1]: Note.":    `<h2 id="results">Results<sup id="fnref:1">`,
		"## Fn 1\n\nA[^1].\n\n[^1]: Note.": `<h2 id="fn-1">`,
		"## M-Bus":                         `<h2 id="m-bus-20">`, // numbered ids tried against a pattern are bounded
	} {
		var buf bytes.Buffer
		if _, err := c.Convert(Input{Source: []byte(src), Lang: "en", Path: "x.md"}, &buf, &diag.List{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%q: want %s in\n%s", src, want, buf.String())
		}
	}
}

// Parse gives other renderers the body as Convert sees it: links resolved,
// problems reported, headings with their IDs.
func TestParse(t *testing.T) {
	c := New([]string{"en", "ru"}, Options{})
	problems := &diag.List{}
	src := []byte("## Методы\n\nSee [PROTO](proto.en.md) and [gone](gone.md).\n")
	doc, err := c.Parse(Input{Source: src, Lang: "ru", Path: "content/x.md", Resolve: func(dest string) (string, error) {
		if dest == "proto.en.md" {
			return "/en/case-studies/proto/", nil
		}
		return "", errors.New("broken link " + dest)
	}}, problems)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Headings) != 1 || doc.Headings[0].ID != "методы" || string(doc.Source) != string(src) {
		t.Errorf("headings %+v", doc.Headings)
	}
	var dests []string
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			dests = append(dests, string(l.Destination))
		}
		return ast.WalkContinue, nil
	})
	if strings.Join(dests, " ") != "/en/case-studies/proto/ gone.md" {
		t.Errorf("links lead to %v", dests)
	}
	if ps := problems.Sorted(); len(ps) != 1 || ps[0].String() != "content/x.md:3:37: broken link gone.md" {
		t.Errorf("problems %v", ps)
	}
	if _, err := c.Parse(Input{Source: src, Lang: "de"}, problems); err == nil {
		t.Error("a language without configuration parses")
	}
}

// Pages without "://", "www." or "@" are converted without Linkify, to the
// same HTML; the others still get their bare addresses linked.
func TestLinkifyOnlyWhereAddressesMayBe(t *testing.T) {
	for _, src := range []string{
		"See https://example.org/a_(b) now.",
		"Visit www.example.org.",
		"Write to team@example.org.",
	} {
		if html, _, _ := convert(t, "en", src, nil); !strings.Contains(html, "<a href=") {
			t.Errorf("%q: no link in %s", src, html)
		}
	}
	c := New([]string{"en", "ru"}, Options{})
	for _, src := range []string{
		"*Bold* _it_ ~~gone~~ (paren) [link](x.md) example.org http: www ftp",
		"«Цитата» -- тире... (скобки) *курсив* ~зачёркнуто~\n\n| a | b |\n|---|---|\n| (1) | *2* |\n",
		"Note[^1] with (parens *and* _emph_).\n\n[^1]: A footnote ~ with ~ tildes.\n",
	} {
		for _, lang := range []string{"en", "ru"} {
			if c.byLang[lang].forSource([]byte(src)) != c.byLang[lang].noLinkify {
				t.Fatalf("%q would be converted with Linkify", src)
			}
			sameWithoutLinkify(t, c, lang, src)
		}
	}
}

// Quotes inside quotes get the marks of their level, in every kind of
// block and across emphasis; apostrophes and code stay as typed.
func TestNestedQuotes(t *testing.T) {
	for _, tc := range []struct{ lang, src, want string }{
		{"ru", `"Фабрика изобретений "PROTO""`, "<p>«Фабрика изобретений „PROTO“»</p>"},
		{"ru", `"Фабрика изобретений 'PROTO'"`, "<p>«Фабрика изобретений „PROTO“»</p>"},
		{"ru", `"Он сказал: "это "третий" уровень""`, "<p>«Он сказал: „это „третий“ уровень“»</p>"},
		{"ru", `"один" и "два"`, "<p>«один» и\u00a0«два»</p>"},
		{"ru", `"Фабрика *"PROTO"*"`, "<p>«Фабрика <em>„PROTO“</em>»</p>"},
		{"ru", "## \"Проект \"Пивоварня\"\"", "„Пивоварня“»</h2>"},
		{"ru", "| a |\n|---|\n| \"Проект \"Б\"\" |", "<td>«Проект „Б“»</td>"},
		{"ru", "\"Д'Артаньян\"", "<p>«Д’Артаньян»</p>"},
		{"ru", "`\"код\"`", "<code>&quot;код&quot;</code>"},
		{"ru", `«Фабрика "PROTO"»`, "<p>«Фабрика „PROTO“»</p>"},
		{"ru", "`«код»` \"PROTO\"", "</code> «PROTO»</p>"},
		{"en", `“The "PROTO" factory”`, "<p>“The &lsquo;PROTO&rsquo; factory”</p>"},
		{"en", `"The "PROTO" factory"`, "<p>&ldquo;The &lsquo;PROTO&rsquo; factory&rdquo;</p>"},
		{"en", `"She said 'yes'"`, "<p>&ldquo;She said &lsquo;yes&rsquo;&rdquo;</p>"},
		{"en", `"The Smiths' house"`, "<p>&ldquo;The Smiths&rsquo; house&rdquo;</p>"},
		{"en", `It's "one" and "two"`, "<p>It’s &ldquo;one&rdquo; and &ldquo;two&rdquo;</p>"},
	} {
		html, _, _ := convert(t, tc.lang, tc.src, nil)
		if !strings.Contains(html, tc.want) {
			t.Errorf("%s %q: want %s in\n%s", tc.lang, tc.src, tc.want, html)
		}
	}
}

// A heading's text for the contents has the typographer's marks as
// characters, not as the HTML that writes them.
func TestHeadingTextTypography(t *testing.T) {
	_, hs, _ := convert(t, "en", "## The \"PROTO\" factory -- a centre\n", nil)
	if len(hs) != 1 || hs[0].Text != "The “PROTO” factory\u00a0– a centre" {
		t.Errorf("headings = %+v", hs)
	}
}

// Russian short words are bound to the next word, and a dash to the word
// before it, wherever goldmark splits the text; code is left alone.
func TestNoBreakSpaces(t *testing.T) {
	const nb = "\u00a0"
	for _, tc := range []struct{ lang, src, want string }{
		{"ru", "Центр в Таллине и Риге", "Центр в" + nb + "Таллине и" + nb + "Риге"},
		{"ru", "Центр в\nТаллине", "Центр в" + nb + "Таллине"},
		{"ru", "Центр -- в Таллине", "Центр" + nb + "&ndash; в" + nb + "Таллине"},
		{"ru", "Центр — в Таллине", "Центр" + nb + "— в" + nb + "Таллине"},
		{"ru", "Центр\n— в Таллине", "Центр" + nb + "— в" + nb + "Таллине"},
		{"ru", "в *Таллине* и [Риге](https://riga.lv)", "в" + nb + "<em>Таллине</em> и" + nb + "<a href"},
		{"ru", "сайт www.example.org в Риге", "в" + nb + "Риге"},
		{"ru", "`в коде` и", "<code>в коде</code> и"},
		{"ru", "## О проекте", ">О" + nb + "проекте</h2>"},
		{"en", "in a city -- and more", "in a city" + nb + "&ndash; and more"},
	} {
		html, _, _ := convert(t, tc.lang, tc.src, nil)
		if !strings.Contains(html, tc.want) {
			t.Errorf("%s %q: want %q in\n%q", tc.lang, tc.src, tc.want, html)
		}
	}
}
