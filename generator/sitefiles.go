package generator

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/parallel"
	"ndpc/generator/render"
	"ndpc/generator/view"
)

// siteFile is a planned output that is not a page of one language.
type siteFile struct {
	path string
	// make returns the file's content, made by a run; nil when it failed,
	// and said why in the run's problems.
	make func(*builder) []byte
	// inputs name what the file is made from (see deps.go).
	inputs []input
	// raw files are published as made, never minified.
	raw bool
	// onDemand files report no problems of their own, so that the
	// preview may make them when they are asked for rather than on every
	// change.
	onDemand bool
}

// siteFiles plans the files that are not pages of one language: the root
// language chooser and 404 page, the sitemap, a feed per language, the
// open data, _redirects and robots.txt, and the calendars.
func (b *builder) siteFiles(jobs []job) []siteFile {
	var records []openCaseStudy
	var once sync.Once
	openData := func(b *builder) []openCaseStudy {
		once.Do(func() { records = b.openData() })
		return records
	}
	openInputs := []input{inPages, inSettings, sectionInput(content.English, content.SectionCaseStudies), sectionInput(content.Russian, content.SectionCaseStudies)}
	root := b.layoutInputs(content.English)
	files := []siteFile{
		{path: "/sitemap.xml", make: func(b *builder) []byte { return b.sitemap(jobs) }, inputs: []input{inPages, inSettings}, onDemand: true},
		{path: "/robots.txt", make: func(b *builder) []byte {
			return []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.baseURL + "/sitemap.xml\n")
		}, inputs: []input{inSettings}, onDemand: true},
		{path: "/_redirects", make: func(b *builder) []byte { return b.redirects(jobs) }, inputs: []input{inPages, inAllFM}},
		{path: openDataJSONPath, make: func(b *builder) []byte { return openDataJSON(openData(b)) }, inputs: openInputs, onDemand: true},
		{path: openDataCSVPath, make: func(b *builder) []byte { return openDataCSV(openData(b)) }, inputs: openInputs, onDemand: true},
		{path: "/index.html", make: (*builder).languageChooser, inputs: append(root[:len(root):len(root)], templateInput("root.html"))},
		{path: "/404.html", make: (*builder).notFound, inputs: append(root[:len(root):len(root)], templateInput("404.html"))},
	}
	for _, lang := range content.Langs {
		lang := lang
		// Entries without a date take the newest date of all the content.
		files = append(files, siteFile{path: feedPath(lang), make: func(b *builder) []byte { return b.feed(lang) },
			inputs: []input{inPages, inSettings, inI18n, inAllFM}, onDemand: true})
	}
	return append(files, b.calendarFiles()...)
}

// feedPath is the site path of a language's Atom feed: /en/feed.xml.
func feedPath(lang content.Lang) string { return "/" + string(lang) + "/feed.xml" }

// writeSiteFiles writes the planned site files, each made on whichever
// core is free. It returns how many it wrote.
func (b *builder) writeSiteFiles(files []siteFile) int {
	var written atomic.Int64
	parallel.Each(len(files), func(i int) {
		if b.publishSiteFile(files[i]) {
			written.Add(1)
		}
	})
	return int(written.Load())
}

// publishSiteFile makes and writes one site file.
func (b *builder) publishSiteFile(f siteFile) bool {
	data := f.make(b)
	if data == nil {
		return false
	}
	if f.raw {
		return b.publishRaw(f.path, data)
	}
	return b.publish(f.path, data)
}

// rootBase is the frame of the pages outside both languages: in English,
// with the Russian alongside.
func (b *builder) rootBase() view.Base {
	root := view.Base{Lang: content.English, L: b.locales[content.English], Other: b.locales[content.Russian],
		Kind: "root", URL: "/", BaseURL: b.baseURL}
	root.Title = root.L.Text("site.title")
	root.Description = root.L.Text("site.description")
	root.Canonical = root.Abs("/")
	root.XDefault = root.Abs("/en/")
	if img, ok := b.social[content.URLFor(content.English, "", "")]; ok {
		root.Social = &img // the English default
	}
	for _, l := range content.Langs {
		root.Alternates = append(root.Alternates, view.Alternate{Lang: l, Href: root.Abs("/" + string(l) + "/")})
	}
	return root
}

// languageChooser renders the page at /, which offers both languages.
func (b *builder) languageChooser() []byte {
	var choices []view.LangChoice
	for _, l := range content.Langs {
		choices = append(choices, view.LangChoice{Lang: l, L: b.locales[l], URL: "/" + string(l) + "/"})
	}
	return b.rootPage("root.html", view.Root{Base: b.rootBase(), Choices: choices})
}

// notFound renders /404.html, for addresses in neither language.
func (b *builder) notFound() []byte {
	nf := b.rootBase()
	nf.Kind, nf.URL = "404", "/404.html"
	nf.Title = nf.L.Text("notfound.title")
	nf.Switch = view.Switch{Lang: content.Russian, URL: "/ru/"}
	nf.Chrome = chromeOf(nf, b.opts.Search)
	nf.Menu = b.menu(content.English, "", "")
	return b.rootPage("404.html", view.NotFound{Base: nf})
}

// rootPage renders one of the pages outside both languages; nil when the
// template failed, which it reports.
func (b *builder) rootPage(tmpl string, view any) []byte {
	var buf bytes.Buffer
	if err := b.tmpl.Execute(&buf, tmpl, view); err != nil {
		if !errors.Is(err, render.ErrNotParsed) {
			b.problems.Add(render.ExecError(err))
		}
		return nil
	}
	return buf.Bytes()
}

type sitemapURL struct {
	Loc   string        `xml:"loc"`
	Links []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap lists every page with its translations as hreflang alternates.
func (b *builder) sitemap(jobs []job) []byte {
	type urlset struct {
		XMLName xml.Name     `xml:"urlset"`
		XMLNS   string       `xml:"xmlns,attr"`
		XHTML   string       `xml:"xmlns:xhtml,attr"`
		URLs    []sitemapURL `xml:"url"`
	}
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, j := range jobs {
		if !j.sitemap || j.checkOnly {
			continue
		}
		u := sitemapURL{Loc: b.baseURL + j.url}
		if len(j.alternates) > 1 {
			for _, l := range content.Langs {
				if a, ok := j.alternates[l]; ok {
					u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: string(l), Href: b.baseURL + a})
				}
			}
			if a, ok := j.alternates[content.English]; ok {
				u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: b.baseURL + a})
			}
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	XMLNS   string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string       `xml:"title"`
	ID       string       `xml:"id"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
	updated  time.Time
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// feed is the Atom feed of a language: case studies, briefs and events,
// newest first. Entries without a date of their own take the newest date
// in the content, so that the feed is the same for the same content.
func (b *builder) feed(lang content.Lang) []byte {
	L := b.locales[lang]
	title := L.Text("site.title")
	author := L.Text("site.publisher")
	f := atomFeed{XMLNS: "http://www.w3.org/2005/Atom", Lang: string(lang), Title: title,
		ID: b.baseURL + "/" + string(lang) + "/", Author: atomAuthor{Name: author},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: b.baseURL + "/" + string(lang) + "/feed.xml"},
			{Rel: "alternate", Type: "text/html", Href: b.baseURL + "/" + string(lang) + "/"},
		}}
	add := func(p *content.Page, date time.Time, section string) {
		if date.IsZero() {
			date = b.site.Latest
		}
		label := L.Text(sectionTitleKey(section))
		f.Entries = append(f.Entries, atomEntry{Title: p.Title, ID: b.baseURL + p.URL(), Link: atomLink{Href: b.baseURL + p.URL()},
			Category: atomCategory{Term: section, Label: label}, Summary: p.Summary, updated: date})
	}
	for _, cs := range b.site.CaseStudies[lang] {
		add(cs.Page, cs.Date, content.SectionCaseStudies)
	}
	for _, br := range b.site.Briefs[lang] {
		add(br.Page, br.Date, content.SectionBriefs)
	}
	for _, ev := range b.site.Events[lang] {
		add(ev.Page, ev.Start, content.SectionEvents)
	}
	sort.SliceStable(f.Entries, func(i, j int) bool {
		a, c := f.Entries[i], f.Entries[j]
		if !a.updated.Equal(c.updated) {
			return a.updated.After(c.updated)
		}
		return a.ID < c.ID
	})
	latest := b.site.Latest
	for i := range f.Entries {
		f.Entries[i].Updated = f.Entries[i].updated.UTC().Format(time.RFC3339)
		if f.Entries[i].updated.After(latest) {
			latest = f.Entries[i].updated
		}
	}
	if latest.IsZero() {
		latest = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = latest.UTC().Format(time.RFC3339)
	return marshalXML(f)
}

func marshalXML(v any) []byte {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("generator: marshalling XML: %v", err)) // the types above always marshal
	}
	return append([]byte(xml.Header), append(data, '\n')...)
}
