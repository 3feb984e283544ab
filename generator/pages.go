package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/markdown"
	"ndpc/generator/parallel"
	"ndpc/generator/render"
	"ndpc/generator/view"
)

// render converts and writes every page on every core, and returns how
// many it wrote.
func (b *builder) render(jobs []job) int {
	var written atomic.Int64
	parallel.Each(len(jobs), func(i int) {
		body, page := buffers.Get().(*bytes.Buffer), buffers.Get().(*bytes.Buffer)
		if b.renderOne(jobs[i], body, page) {
			written.Add(1)
		}
		buffers.Put(body)
		buffers.Put(page)
	})
	return int(written.Load())
}

// buffers are reused for pages' bodies and pages.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderOne renders one page; problems go to the build's list.
func (b *builder) renderOne(j job, body, page *bytes.Buffer) bool {
	body.Reset()
	page.Reset()
	var toc []markdown.Heading
	if j.page != nil {
		src, err := b.site.Body(j.page)
		if err != nil {
			b.problems.Errorf(j.page.Path, 0, 0, "%v", err)
			return false
		}
		if b.dropBodies {
			j.page.Body = nil // rendered once: free it
		}
		toc, err = b.md.Convert(markdown.Input{
			Source: src, Lang: string(j.page.Lang), Path: j.page.Path,
			LineOffset: j.page.BodyLine, Resolve: b.linkResolver(j.page), ImageSize: b.imageSize(j.page),
		}, body, b.problems)
		if err != nil {
			b.problems.Errorf(j.page.Path, 0, 0, "%v", err)
			return false
		}
	}
	if j.checkOnly {
		return false
	}
	data := j.view(b.base(j), template.HTML(body.String()), toc)
	if err := b.tmpl.Execute(page, j.template, data); err != nil {
		b.problems.Add(render.ExecError(err))
		return false
	}
	path := j.url
	if path[len(path)-1] == '/' {
		path += "index.html"
	}
	return b.publish(path, page.Bytes())
}

// publish minifies data for its type (when the build minifies) and writes
// it at sitePath.
func (b *builder) publish(sitePath string, data []byte) bool {
	out, err := b.mf.apply(sitePath, data)
	if !b.mf.handles(sitePath) {
		out = append([]byte(nil), data...) // the sink keeps it; data is the caller's buffer
	}
	data = out
	if err == nil {
		err = b.out.WriteFile(sitePath, data)
	}
	if err != nil {
		b.problems.Add(diag.Problem{Path: b.opts.Out, Severity: diag.Error, Message: fmt.Sprintf("writing %s: %v", sitePath, err)})
		return false
	}
	return true
}

// publishFile copies the file src to sitePath, minifying it on the way
// when its type is minified.
func (b *builder) publishFile(sitePath, src string) bool {
	if b.mf.handles(sitePath) {
		data, err := os.ReadFile(src)
		if err != nil {
			b.problems.Add(diag.Problem{Path: filepath.ToSlash(src), Severity: diag.Error, Message: fmt.Sprintf("cannot read the file: %v", err)})
			return false
		}
		return b.publish(sitePath, data)
	}
	if err := b.out.CopyFile(sitePath, src); err != nil {
		b.problems.Add(diag.Problem{Path: filepath.ToSlash(src), Severity: diag.Error, Message: fmt.Sprintf("cannot copy the file: %v", err)})
		return false
	}
	return true
}

// writeAssets writes the fingerprinted assets.
func (b *builder) writeAssets() int {
	n := 0
	for _, f := range b.assets.files {
		if b.publishRaw(f.url, f.data) {
			n++
		}
	}
	return n
}

// publishRaw writes data that is already in its final form.
func (b *builder) publishRaw(sitePath string, data []byte) bool {
	if err := b.out.WriteFile(sitePath, data); err != nil {
		b.problems.Add(diag.Problem{Path: b.opts.Out, Severity: diag.Error, Message: fmt.Sprintf("writing %s: %v", sitePath, err)})
		return false
	}
	return true
}

// base makes the layout's data for a page.
func (b *builder) base(j job) view.Base {
	lang := j.lang
	other := lang.Other()
	base := view.Base{
		Lang: lang, L: b.locales[lang], Other: b.locales[other],
		Kind: j.template[:len(j.template)-len(".html")], Section: j.section,
		Title: j.pageTitle(), URL: j.url, BaseURL: b.baseURL,
	}
	if img, ok := b.social[j.url]; ok {
		base.Social = &img
	}
	if p := j.page; p != nil {
		base.Description = p.Summary
		base.Draft = p.Draft
	}
	if base.Description == "" {
		base.Description = base.L.Text("site.description")
	}
	base.Canonical = base.Abs(j.url)
	for _, l := range content.Langs {
		if u, ok := j.alternates[l]; ok {
			base.Alternates = append(base.Alternates, view.Alternate{Lang: l, Href: base.Abs(u)})
		}
	}
	if u, ok := j.alternates[content.English]; ok {
		base.XDefault = base.Abs(u)
	} else {
		base.XDefault = base.Canonical
	}
	if u, ok := j.alternates[other]; ok {
		base.Switch = view.Switch{Lang: other, URL: u}
	} else {
		base.Switch = view.Switch{Lang: other, URL: content.URLFor(other, j.section, ""), Missing: true}
	}
	if base.Kind == "404" { // a missing page has no translation to miss: offer the other language's home
		base.Switch = view.Switch{Lang: other, URL: content.URLFor(other, "", "")}
	}
	base.Chrome = chromeOf(base, b.opts.Search)
	base.Menu = b.menu(lang, j.section, j.url)
	base.SectionName = b.sectionName(lang, j)
	return base
}

// chromeOf returns what the layout's shared pieces show on a page of a
// site with or without its search index.
func chromeOf(base view.Base, search bool) view.Chrome {
	return view.Chrome{Lang: base.Lang, L: base.L, Other: base.Other, Home: base.Kind == "home", Search: search}
}

// menu returns the main navigation of a language with the entry of
// section current, or the about page's when url is its address. Pages
// that show it alike share one Menu.
func (b *builder) menu(lang content.Lang, section, url string) *view.Menu {
	about := b.site.PlainPage(lang, "about")
	key := menuKey{lang, section, about != nil && url == about.URL()}
	if m, ok := b.menus.Load(key); ok {
		return m.(*view.Menu)
	}
	L := b.locales[lang]
	m := &view.Menu{Lang: lang, L: L}
	for _, e := range []struct{ section, key string }{
		{content.SectionCaseStudies, "nav.case_studies"},
		{content.SectionCountries, "nav.countries"},
		{content.SectionSectors, "nav.sectors"},
		{content.SectionReport, "nav.report"},
		{content.SectionBriefs, "nav.briefs"},
		{content.SectionEvents, "nav.events"},
	} {
		label := L.Text(e.key)
		m.Items = append(m.Items, view.NavItem{Label: label, URL: content.URLFor(lang, e.section, ""), Current: section == e.section})
	}
	if about != nil {
		m.Items = append(m.Items, view.NavItem{Label: about.Title, URL: about.URL(), Current: key.about})
	}
	actual, _ := b.menus.LoadOrStore(key, m)
	return actual.(*view.Menu)
}

// menuKey tells menus apart: language, current section, and whether the
// about page is the current one.
type menuKey struct {
	lang    content.Lang
	section string
	about   bool
}

// sectionTitleKey is the i18n key of a section's title: case-studies →
// case_studies.title.
func sectionTitleKey(section string) string {
	return strings.ReplaceAll(section, "-", "_") + ".title"
}

// sectionName names a page's section for search results: the section's
// title, or the page's own for the home and plain pages.
func (b *builder) sectionName(lang content.Lang, j job) string {
	L := b.locales[lang]
	switch j.section {
	case content.SectionCaseStudies, content.SectionCountries, content.SectionSectors,
		content.SectionBriefs, content.SectionReport, content.SectionEvents:
		return L.Text(sectionTitleKey(j.section))
	}
	name := L.Text("site.title")
	return name
}
