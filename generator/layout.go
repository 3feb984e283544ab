package generator

import (
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/view"
)

// The layout's part of every page's template data (view.Base): its
// addresses and translations, the language switcher, the navigation and
// the shared pieces' data.

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
	key := menuKey{lang: lang, section: section}
	if about != nil {
		key.about, key.current = about.Title, url == about.URL()
	}
	if m, ok := b.pieces.menus.Load(key); ok {
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
		m.Items = append(m.Items, view.NavItem{Label: about.Title, URL: about.URL(), Current: key.current})
	}
	actual, _ := b.pieces.menus.LoadOrStore(key, m)
	return actual.(*view.Menu)
}

// menuKey tells menus apart: language, current section, the about
// page's title (empty without one), and whether it is the current page.
type menuKey struct {
	lang    content.Lang
	section string
	about   string
	current bool
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
