package generator

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"ndpc/generator/nodetools"
)

// ldJSON returns the text of every <script type="application/ld+json">
// of an HTML page, as an HTML parser reads it.
func ldJSON(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			for _, a := range n.Attr {
				if a.Key == "type" && a.Val == "application/ld+json" {
					text := ""
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						text += c.Data
					}
					out = append(out, text)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// ld is a JSON-LD description as decoded, with helpers that report a
// missing or wrong property.
type ld struct {
	t    *testing.T
	page string
	m    map[string]any
}

func (d ld) str(key string) string {
	d.t.Helper()
	s, _ := d.m[key].(string)
	if strings.TrimSpace(s) == "" {
		d.t.Errorf("%s: %s: no %q", d.page, d.m["@type"], key)
	}
	return s
}

func (d ld) obj(key string) ld {
	d.t.Helper()
	m, ok := d.m[key].(map[string]any)
	if !ok {
		d.t.Errorf("%s: %s: %q is not an object: %v", d.page, d.m["@type"], key, d.m[key])
	}
	return ld{d.t, d.page, m}
}

func (d ld) list(key string) []ld {
	d.t.Helper()
	items, _ := d.m[key].([]any)
	if len(items) == 0 {
		d.t.Errorf("%s: %s: no %q", d.page, d.m["@type"], key)
	}
	var out []ld
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			d.t.Errorf("%s: %s: an item of %q is not an object: %v", d.page, d.m["@type"], key, it)
			continue
		}
		out = append(out, ld{d.t, d.page, m})
	}
	return out
}

func (d ld) is(types ...string) {
	d.t.Helper()
	got := d.str("@type")
	for _, t := range types {
		if got == t {
			return
		}
	}
	d.t.Errorf("%s: @type %q, want one of %v", d.page, got, types)
}

// date checks that a property is an ISO 8601 date, or a date and time
// with its offset.
func (d ld) date(key string) {
	d.t.Helper()
	s := d.str(key)
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return
	}
	if _, err := time.Parse("2006-01", s); err == nil {
		return // ISO 8601 at the precision known: an event known by its month
	}
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		d.t.Errorf("%s: %q is %q: neither a date, a month nor a date and time with offset", d.page, key, s)
	}
}

// TestStructuredDataOfRealSite builds the real site as it is published
// (minified, with its PDFs) and parses every JSON-LD block of every
// page: each is valid JSON of the schema.org type its page calls for,
// with the properties that type needs, its address the page's, and the
// files it names published; the pages of other kinds have none.
func TestStructuredDataOfRealSite(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out, opts.BaseURL, opts.Search = filepath.Join(t.TempDir(), "public"), "https://example.org", false
	if _, err := Build(opts); err != nil {
		t.Fatalf("the real site does not build:\n%v", err)
	}
	madePDFs := nodetools.HaveNode() == nil
	const site = "https://example.org"
	published := func(u string) bool {
		p, ok := strings.CutPrefix(u, site)
		if !ok {
			return false
		}
		_, err := os.Stat(filepath.Join(opts.Out, filepath.FromSlash(p)))
		return err == nil
	}
	kinds := []struct {
		name string
		re   *regexp.Regexp
	}{
		{"event", regexp.MustCompile(`^/(en|ru)/events/[^/]+/$`)},
		{"brief", regexp.MustCompile(`^/(en|ru)/briefs/[^/]+/$`)},
		{"report", regexp.MustCompile(`^/(en|ru)/report/$`)},
		{"chapter", regexp.MustCompile(`^/(en|ru)/report/[^/]+/$`)},
		{"case study", regexp.MustCompile(`^/(en|ru)/case-studies/[^/]+/$`)},
		{"finder", regexp.MustCompile(`^/(en|ru)/case-studies/$`)},
	}
	seen := map[string]int{}
	reportName := map[string]string{}      // language → the report's name
	partOf := map[string]map[string]bool{} // language → names chapters give their report
	err = filepath.WalkDir(opts.Out, func(file string, _ fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(file, ".html") {
			return err
		}
		rel, _ := filepath.Rel(opts.Out, file)
		page := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		blocks := ldJSON(t, data)
		kind, lang := "", ""
		for _, k := range kinds {
			if m := k.re.FindStringSubmatch(page); m != nil {
				kind, lang = k.name, m[1]
				break
			}
		}
		if kind == "" {
			if len(blocks) > 0 {
				t.Errorf("%s has structured data, but no kind of page that has it: %s", page, blocks[0])
			}
			return nil
		}
		if len(blocks) != 1 {
			t.Errorf("%s: %d JSON-LD blocks, want 1", page, len(blocks))
			return nil
		}
		if strings.ContainsAny(blocks[0], "<>") {
			t.Errorf("%s: the JSON-LD has an unescaped < or >: %s", page, blocks[0])
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(blocks[0]), &m); err != nil {
			t.Errorf("%s: the JSON-LD is not valid JSON: %v\n%s", page, err, blocks[0])
			return nil
		}
		seen[kind+" "+lang]++
		d := ld{t, page, m}
		if c := d.str("@context"); c != "https://schema.org" {
			t.Errorf("%s: @context %q", page, c)
		}
		if u := d.str("url"); u != site+page {
			t.Errorf("%s: url %q, want %q", page, u, site+page)
		}
		if kind != "finder" && d.str("inLanguage") != lang {
			t.Errorf("%s: inLanguage %q, want %q", page, d.m["inLanguage"], lang)
		}
		pdfs := func() {
			if !madePDFs {
				return // no Node.js: the build made no PDFs to name
			}
			for _, media := range d.list("associatedMedia") {
				media.is("MediaObject")
				if u := media.str("contentUrl"); !strings.HasSuffix(u, ".pdf") || !published(u) {
					t.Errorf("%s: associatedMedia %q is not a published PDF", page, u)
				}
				if f := media.str("encodingFormat"); f != "application/pdf" {
					t.Errorf("%s: associatedMedia encodingFormat %q", page, f)
				}
			}
		}
		switch kind {
		case "event":
			d.is("Event")
			d.str("name")
			d.str("description")
			d.date("startDate")
			if _, ok := m["endDate"]; ok {
				d.date("endDate")
			}
			d.obj("organizer").str("name")
			if _, ok := m["location"]; !ok {
				// An event whose page names no place and is not online
				// claims neither.
				if mode, ok := m["eventAttendanceMode"]; ok {
					t.Errorf("%s: eventAttendanceMode %v without a location", page, mode)
				}
				break
			}
			loc := d.obj("location")
			switch mode := d.str("eventAttendanceMode"); mode {
			case "https://schema.org/OnlineEventAttendanceMode":
				loc.is("VirtualLocation")
				loc.str("url")
			case "https://schema.org/OfflineEventAttendanceMode":
				loc.is("Place")
			default:
				t.Errorf("%s: eventAttendanceMode %q", page, mode)
			}
		case "brief":
			d.is("Report")
			d.str("name")
			d.str("headline")
			d.date("datePublished")
			d.obj("author").str("name")
			d.obj("publisher").str("name")
			pdfs()
		case "report":
			d.is("Report")
			reportName[lang] = d.str("name")
			d.obj("publisher").str("name")
			pdfs()
			for _, part := range d.list("hasPart") {
				if u := part.str("url"); !published(u + "index.html") {
					t.Errorf("%s: hasPart %q is not a published page", page, u)
				}
			}
		case "chapter":
			d.is("Article")
			d.str("headline")
			report := d.obj("isPartOf")
			report.is("Report")
			if partOf[lang] == nil {
				partOf[lang] = map[string]bool{}
			}
			partOf[lang][report.str("name")] = true
		case "case study":
			d.is("Article")
			d.str("headline")
			d.str("description")
			about := d.list("about")
			if len(about) > 0 {
				about[0].is("Project")
				about[0].str("name")
			}
			for _, o := range about[1:] {
				o.is("Organization")
				o.str("name")
			}
			for _, c := range d.list("spatialCoverage") {
				c.is("Country")
				c.str("name")
			}
		case "finder":
			d.is("Dataset")
			d.str("name")
			d.str("description")
			formats := map[string]string{}
			for _, dist := range d.list("distribution") {
				dist.is("DataDownload")
				u := dist.str("contentUrl")
				if !published(u) {
					t.Errorf("%s: distribution %q is not published", page, u)
				}
				formats[strings.TrimPrefix(u, site)] = dist.str("encodingFormat")
			}
			want := map[string]string{"/data/case-studies.json": "application/json", "/data/case-studies.csv": "text/csv"}
			for u, f := range want {
				if formats[u] != f {
					t.Errorf("%s: distribution %s has encodingFormat %q, want %q", page, u, formats[u], f)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for lang, names := range partOf {
		for name := range names {
			if name != reportName[lang] {
				t.Errorf("a chapter in %s is part of %q, but the report is %q", lang, name, reportName[lang])
			}
		}
	}
	for _, k := range kinds {
		for _, lang := range []string{"en", "ru"} {
			if seen[k.name+" "+lang] == 0 {
				t.Errorf("no %s page in %s has structured data", k.name, lang)
			}
		}
	}
}
