package generator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ndpc/generator/markdown"
)

// The strings a stranger might send through the submission form.
var injections = []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`}

// TestFrontMatterIsText puts script and markup in every text field of
// the front matter (years is a span of years, anything else refused: see
// testdata/errors/bad-years.txtar) and checks that every output shows it as text.
func TestFrontMatterIsText(t *testing.T) {
	a, b := injections[0], injections[1]
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	site := `
-- content/case-studies/x.en.md --
---
title: ` + q(a) + `
summary: ` + q(b) + `
countries: [EE]
sectors: [digital]
outcome: impact
cci: [` + q(b) + `]
organisations: [` + q(a) + `, ` + q(b) + `]
---
Body with <script>alert(1)</script> raw HTML and [a link](javascript:alert(1)) refused.
-- content/case-studies/x.ru.md --
---
title: ` + q(b) + `
summary: ` + q(a) + `
countries: [EE]
sectors: [digital]
outcome: impact
---
-- content/events/e.en.md --
---
title: ` + q(a) + `
summary: ` + q(b) + `
start: 2020-07-02T11:00:00+03:00
location: ` + q(b) + `
---
-- content/briefs/b/index.en.md --
---
title: ` + q(b) + `
number: 1
date: 2020-08-18
summary: ` + q(a) + `
---
`
	dir := t.TempDir()
	writeSite(t, dir, []byte(site))
	opts := siteOptions(t, dir)
	_, err := Build(opts)
	if err == nil || !strings.Contains(err.Error(), "links to javascript: or data: addresses are not allowed") {
		t.Fatalf("the javascript: link was not refused: %v", err)
	}
	// Without the refused link the site builds; every output shows the
	// strings as text.
	page := filepath.Join(dir, "content/case-studies/x.en.md")
	data, _ := os.ReadFile(page)
	if err := os.WriteFile(page, []byte(strings.Replace(string(data), " and [a link](javascript:alert(1)) refused", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, minify := range []bool{false, true} {
		opts.Minify, opts.Fingerprint = minify, minify
		if _, err := Build(opts); err != nil {
			t.Fatal(err)
		}
		files := outputFiles(t, opts.Out)
		for name, data := range files {
			if strings.HasSuffix(name, ".html") {
				checkNoInjectedMarkup(t, name, data)
			}
		}
		for _, feed := range []string{"/en/feed.xml", "/ru/feed.xml", "/sitemap.xml"} {
			var doc struct {
				Entries []struct {
					Title   string `xml:"title"`
					Summary string `xml:"summary"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(files[feed], &doc); err != nil {
				t.Fatalf("%s is not well-formed: %v", feed, err)
			}
			// the text given, its quotes set as the language's (package
			// markdown's Typeset)
			lang := strings.Split(feed, "/")[1]
			for _, e := range doc.Entries {
				if e.Title != markdown.Typeset(lang, a) && e.Title != markdown.Typeset(lang, b) {
					t.Errorf("%s: title %q is not the text given", feed, e.Title)
				}
			}
		}
		page := string(files["/en/case-studies/x/index.html"])
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") && !strings.Contains(page, "&lt;script>alert(1)&lt;/script>") {
			t.Errorf("minify=%v: the title is not shown as text", minify)
		}
	}
}

// isDataBlock reports whether a script element is JSON-LD: data, which
// the browser neither runs nor blocks.
func isDataBlock(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && a.Val == "application/ld+json" {
			return true
		}
	}
	return false
}

// checkNoInjectedMarkup parses a page as a browser would and fails on any
// element or attribute the injection strings could have made: an inline
// script, an image with src=x, an event handler attribute. A JSON-LD
// block must hold one JSON text with its markup characters escaped.
func checkNoInjectedMarkup(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "script" && n.FirstChild != nil {
			if !isDataBlock(n) {
				t.Errorf("%s: an inline script: %q", name, n.FirstChild.Data)
			} else if text := n.FirstChild.Data; n.FirstChild.NextSibling != nil || strings.ContainsAny(text, "<>") || !json.Valid([]byte(text)) {
				t.Errorf("%s: the structured data is not one escaped JSON text: %q", name, text)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
			if n.Data == "img" && a.Key == "src" && a.Val == "x" {
				t.Errorf("%s: an injected image", name)
			}
		}
	}
}

// TestOpenDataIsSafe: the open data keep markup escaped in JSON and keep
// spreadsheets from running cells as formulas in CSV.
func TestOpenDataIsSafe(t *testing.T) {
	opts, _, _, err := buildText(t, `
-- content/case-studies/x.en.md --
---
title: '=HYPERLINK("http://evil.example","click")'
summary: '<script>alert(1)</script>'
countries: [EE]
sectors: [digital]
outcome: impact
cci: ['-2+3']
organisations: ['+cmd', '@SUM(1)', 'Plain']
---
`)
	if err != nil {
		t.Fatal(err)
	}
	jsonText := readOut(t, opts, "/data/case-studies.json")
	if strings.Contains(jsonText, "<script") || !strings.Contains(jsonText, `\u003cscript\u003e`) {
		t.Errorf("JSON does not escape markup:\n%s", jsonText)
	}
	var data struct {
		CaseStudies []openCaseStudy `json:"case_studies"`
	}
	if err := json.Unmarshal([]byte(jsonText), &data); err != nil || data.CaseStudies[0].Summary["en"] != "<script>alert(1)</script>" {
		t.Errorf("JSON does not read back the text: %v %+v", err, data)
	}
	csvText := readOut(t, opts, "/data/case-studies.csv")
	if !strings.HasPrefix(csvText, "\ufeffslug,") {
		t.Errorf("the CSV does not start with a UTF-8 byte-order mark and its header: %q", csvText[:min(len(csvText), 20)])
	}
	if strings.Count(csvText, "\n") != strings.Count(csvText, "\r\n") || !strings.HasSuffix(csvText, "\r\n") {
		t.Error("the CSV's lines do not all end with CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvText, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cell := map[string]string{}
	for i, h := range rows[0] {
		cell[h] = rows[1][i]
	}
	for col, want := range map[string]string{
		"title_en":         `'=HYPERLINK(“http://evil.example”,“click”)`, // quotes set as the text's
		"cci":              "'-2+3",
		"organisations_en": "'+cmd; @SUM(1); Plain",
		"summary_en":       "<script>alert(1)</script>",
	} {
		if cell[col] != want {
			t.Errorf("CSV %s = %q, want %q", col, cell[col], want)
		}
	}
}
