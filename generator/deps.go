package generator

import (
	"slices"
	"sort"

	"ndpc/generator/content"
)

// What each output is made from.
//
// Every output the plan lists (a page, a list, a feed, the open data, a
// calendar …) names its inputs, as strings:
//
//	fm:content/case-studies/proto.en.md    a page's front matter
//	body:content/case-studies/proto.en.md  a page's Markdown body
//	fm:en/case-studies                     the front matter of every page
//	                                       of a section in a language
//	fm:*                                   the front matter of every page
//	pages                                  which pages exist, with their
//	                                       addresses and translations
//	templates, i18n, settings, static      the templates, the i18n
//	                                       tables, content/site.toml and
//	                                       the static folder
//
// ndpc build writes every output; ndpc serve compares the plan before and
// after a change and makes again exactly the outputs whose inputs changed
// or that appeared, and drops those that are gone (see Live). The plan is
// the only place that knows what depends on what.

// Inputs every output made with the templates shares.
const (
	inPages     = "pages"
	inTemplates = "templates"
	inI18n      = "i18n"
	inSettings  = "settings"
	inStatic    = "static"
	inAllFM     = "fm:*"
)

// fmInput names a page's front matter.
func fmInput(p *content.Page) string { return "fm:" + p.Path }

// bodyInput names a page's Markdown body.
func bodyInput(p *content.Page) string { return "body:" + p.Path }

// sectionInput names the front matter of every page of a section in a
// language: what a list of the section is made from.
func sectionInput(lang content.Lang, section string) string {
	return "fm:" + string(lang) + "/" + section
}

// pageInputs are a content page's own inputs: its front matter and body.
func pageInputs(p *content.Page) []string {
	if p == nil {
		return nil
	}
	return []string{fmInput(p), bodyInput(p)}
}

// layoutInputs are what every page of a language is made from besides its
// own data: the templates, i18n tables, settings, static files (the
// assets' addresses), the set of pages (addresses, translations), and the
// about page, whose title is in the navigation.
func (b *builder) layoutInputs(lang content.Lang) []string {
	in := []string{inPages, inTemplates, inI18n, inSettings, inStatic}
	if about := b.site.PlainPage(lang, "about"); about != nil {
		in = append(in, fmInput(about))
	}
	return in
}

// changedInputs returns the inputs a change of kind c to page p changed.
func changedInputs(p *content.Page, c content.Change) []string {
	switch c {
	case content.BodyChanged:
		return []string{bodyInput(p)}
	case content.FieldsChanged:
		return []string{fmInput(p), bodyInput(p), sectionInput(p.Lang, p.Section), inAllFM}
	}
	return nil
}

// outputPath is the site path of the file a page job writes.
func outputPath(url string) string {
	if url[len(url)-1] == '/' {
		return url + "index.html"
	}
	return url
}

// membersInputs names the front matter of the case studies a page lists.
func membersInputs(items []*content.CaseStudy) []string {
	in := make([]string, len(items))
	for i, cs := range items {
		in[i] = fmInput(cs.Page)
	}
	return in
}

// planned is a plan as the preview keeps it: every output by site path,
// with its inputs, and the outputs that use each input.
type planned struct {
	jobs   map[string]job      // pages by output path
	files  map[string]siteFile // site files by path
	inputs map[string][]string // output path → its inputs
	users  map[string][]string // input → the outputs made from it
}

// planned plans the site, pages and site files.
func (b *builder) planned() *planned {
	p := &planned{jobs: map[string]job{}, files: map[string]siteFile{}, inputs: map[string][]string{}, users: map[string][]string{}}
	jobs := b.plan()
	add := func(path string, inputs []string) {
		p.inputs[path] = inputs
		for _, in := range inputs {
			p.users[in] = append(p.users[in], path)
		}
	}
	for _, j := range jobs {
		if j.checkOnly {
			continue
		}
		path := outputPath(j.url)
		p.jobs[path] = j
		add(path, j.inputs)
	}
	for _, f := range b.siteFiles(jobs) {
		p.files[f.path] = f
		add(f.path, f.inputs)
	}
	return p
}

// changes compares two plans of the site: made lists the outputs of after
// to make again (new ones, those whose inputs are not the same list as
// before, and those made from an input in changed), gone those of before
// that after lacks. Both are sorted.
func changes(before, after *planned, changed []string) (made, gone []string) {
	set := map[string]bool{}
	for _, in := range changed {
		for _, o := range after.users[in] {
			set[o] = true
		}
	}
	if after != before {
		for o, in := range after.inputs {
			if old, ok := before.inputs[o]; !ok || !slices.Equal(old, in) {
				set[o] = true
			}
		}
		for o := range before.inputs {
			if _, ok := after.inputs[o]; !ok {
				gone = append(gone, o)
			}
		}
	}
	for o := range set {
		made = append(made, o)
	}
	sort.Strings(made)
	sort.Strings(gone)
	return made, gone
}
