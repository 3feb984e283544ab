package generator

import (
	"maps"
	"slices"
	"sort"
	"sync"

	"ndpc/generator/content"
	"ndpc/generator/render"
)

// What each output is made from.
//
// Every output the plan lists (a page, a list, a feed, the open data, a
// calendar …) names its inputs:
//
//	{fm content/case-studies/proto.en.md}    a page's front matter
//	{body content/case-studies/proto.en.md}  a page's Markdown body
//	{section en/case-studies}                the front matter of every page
//	                                         of a section in a language
//	{fm *}                                   the front matter of every page
//	{site pages}                             which pages exist, with their
//	                                         addresses and translations
//	{template event.html}                    a page template
//	{template layout}                        base.html and the partials
//	{site i18n}, {site settings},            the i18n tables, content/site.toml,
//	{site assets}                            the assets' published addresses
//	{file static/favicon.svg}                a copied file
//
// ndpc build writes every output; ndpc serve compares the plan before and
// after a change and makes again exactly the outputs whose inputs changed
// or that appeared, and drops those that are gone (see Live). The plan is
// the only place that knows what depends on what.
//
// The copied files (the static folder's files, the fingerprinted assets,
// and the content folder's images and PDFs) are planned outputs too, each
// made from its own file: {file static/favicon.svg}.
//
// The preview follows every input this way: a page's front matter or
// body, a template, an i18n table, the settings, a static file. Only a
// change to which files exist in the content folder (a new, removed or
// renamed page or image, a content image changed, whose size pages are
// made with), an asset or page template added or removed, or a watched
// folder moved, makes it load the whole site from disk again.

// input names one thing outputs are made from.
type input struct {
	kind inputKind
	name string
}

type inputKind uint8

const (
	inFM       inputKind = iota + 1 // a page's front matter; name is its path, or * for every page
	inBody                          // a page's body; name is its path
	inSection                       // a section's pages' front matter; name is lang/section
	inSite                          // the site's folders and settings
	inFile                          // a file copied as it is; name is its folder and path: static/favicon.svg
	inTemplate                      // a page template's file ("event.html"), or "layout": base.html and the partials
)

func (in input) String() string {
	return [...]string{"", "fm", "body", "section", "site", "file", "template"}[in.kind] + " " + in.name
}

// Inputs every output made with the templates shares.
var (
	inPages    = input{inSite, "pages"}
	inLayout   = input{inTemplate, "layout"}
	inI18n     = input{inSite, "i18n"}
	inSettings = input{inSite, "settings"}
	inAssets   = input{inSite, "assets"}
	inAllFM    = input{inFM, "*"}
)

// templateInput names the template file a page is made with: a page
// template's, or the layout's for base.html and the partials.
func templateInput(rel string) input {
	if render.IsLayout(rel) {
		return inLayout
	}
	return input{inTemplate, rel}
}

// fileInput names a copied file by its folder ("static", "content") and
// its slash-separated path there.
func fileInput(folder, rel string) input { return input{inFile, folder + "/" + rel} }

// fmInput names a page's front matter.
func fmInput(p *content.Page) input { return input{inFM, p.Path} }

// bodyInput names a page's Markdown body.
func bodyInput(p *content.Page) input { return input{inBody, p.Path} }

// sectionInput names the front matter of every page of a section in a
// language: what a list of the section is made from.
func sectionInput(lang content.Lang, section string) input {
	return input{inSection, string(lang) + "/" + section}
}

// pageInputs are a content page's own inputs: its front matter and body.
func pageInputs(p *content.Page) []input {
	if p == nil {
		return nil
	}
	return []input{fmInput(p), bodyInput(p)}
}

// layoutInputs are what every page of a language is made from besides its
// own data: the templates, i18n tables, settings, the assets'
// addresses, the set of pages (addresses, translations), and the
// about page, whose title is in the navigation.
func (b *builder) layoutInputs(lang content.Lang) []input {
	in := []input{inPages, inLayout, inI18n, inSettings, inAssets}
	if about := b.site.PlainPage(lang, "about"); about != nil {
		in = append(in, fmInput(about))
	}
	return in
}

// changedInputs returns the inputs a change of kind c to page p changed.
func changedInputs(p *content.Page, c content.Change) []input {
	switch c {
	case content.BodyChanged:
		return []input{bodyInput(p)}
	case content.FieldsChanged:
		return []input{fmInput(p), bodyInput(p), sectionInput(p.Lang, p.Section), inAllFM}
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
func membersInputs(items []*content.CaseStudy) []input {
	in := make([]input, len(items))
	for i, cs := range items {
		in[i] = fmInput(cs.Page)
	}
	return in
}

// planned is a plan as the preview keeps it: every output by site path,
// with its inputs.
type planned struct {
	langs  map[content.Lang][]job // each language's pages, by address
	jobs   map[string]*job        // pages by output path
	files  map[string]siteFile    // site files by path
	copies map[string]copied      // copied files by path
	prints []printJob             // the print editions to typeset, in order
	inputs map[string][]input     // output path → its own inputs
	// layout holds the inputs every page of a language is made from
	// besides its own.
	layout map[content.Lang][]input

	usersOnce sync.Once
	users     map[input][]string // own input → the outputs made from it
}

// replan plans the site, pages and site files. Given the plan before a
// change and the inputs it changed (hit), it keeps the pages of a
// language none of whose inputs changed: planning a language reads
// nothing but its pages' inputs.
func (b *builder) replan(before *planned, hit map[input]bool) *planned {
	size := 0 // as many outputs as before, most likely
	if before != nil {
		size = len(before.inputs)
	}
	p := &planned{langs: map[content.Lang][]job{}, jobs: make(map[string]*job, size), files: map[string]siteFile{},
		copies: map[string]copied{}, inputs: make(map[string][]input, size), layout: map[content.Lang][]input{}}
	var jobs []job
	for _, lang := range content.Langs {
		p.layout[lang] = b.layoutInputs(lang)
		if before != nil && !before.langHit(lang, p.layout[lang], hit) {
			p.langs[lang] = before.langs[lang]
		} else {
			p.langs[lang] = b.planSorted(lang)
		}
		jobs = append(jobs, p.langs[lang]...)
	}
	for _, lang := range content.Langs {
		for i := range p.langs[lang] {
			j := &p.langs[lang][i]
			path := outputPath(j.url)
			p.jobs[path] = j
			p.inputs[path] = j.inputs
		}
	}
	for _, f := range b.siteFiles(jobs) {
		p.files[f.path] = f
		p.inputs[f.path] = f.inputs
	}
	p.prints = b.printJobs()
	for _, j := range p.prints {
		p.inputs[j.url] = j.inputs
	}
	if before != nil { // a page's change leaves the copied files as they were
		p.addCopies(slices.Collect(maps.Values(before.copies)))
	} else {
		p.addCopies(b.unshadowed(p, b.copies()))
	}
	return p
}

// addCopies puts copied files into the plan.
func (p *planned) addCopies(cs []copied) {
	for _, c := range cs {
		p.copies[c.path] = c
		p.inputs[c.path] = c.inputs()
	}
}

// withCopies returns the plan with its copied files planned again as cs,
// the rest shared with p.
func (p *planned) withCopies(cs []copied) *planned {
	q := &planned{langs: p.langs, jobs: p.jobs, files: p.files, prints: p.prints, copies: map[string]copied{},
		inputs: map[string][]input{}, layout: p.layout}
	for o, ins := range p.inputs {
		if _, ok := p.copies[o]; !ok {
			q.inputs[o] = ins
		}
	}
	q.addCopies(cs)
	return q
}

// pages returns the planned pages of every language, in the order of
// content.Langs, each language's by address.
func (p *planned) pages() []job {
	var jobs []job
	for _, lang := range content.Langs {
		jobs = append(jobs, p.langs[lang]...)
	}
	return jobs
}

// copiesOf returns the copied files of the plan, assets first if asset,
// else the rest, by address.
func (p *planned) copiesOf(asset bool) []copied {
	var cs []copied
	for _, c := range p.copies {
		if c.asset == asset {
			cs = append(cs, c)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].path < cs[j].path })
	return cs
}

// siteFiles returns the plan's site files by path.
func (p *planned) siteFiles() []siteFile {
	fs := make([]siteFile, 0, len(p.files))
	for _, f := range p.files {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].path < fs[j].path })
	return fs
}

// langHit reports whether an input of a language's pages is among hit, or
// its layout's inputs differ from layout.
func (p *planned) langHit(lang content.Lang, layout []input, hit map[input]bool) bool {
	if !slices.Equal(p.layout[lang], layout) {
		return true
	}
	for _, in := range layout {
		if hit[in] {
			return true
		}
	}
	for _, j := range p.langs[lang] {
		for _, in := range j.inputs {
			if hit[in] {
				return true
			}
		}
	}
	return false
}

// usersOf returns the outputs made from an input of their own, indexed
// the first time it is asked for.
func (p *planned) usersOf(in input) []string {
	p.usersOnce.Do(func() {
		p.users = map[input][]string{}
		for o, ins := range p.inputs {
			for _, in := range ins {
				p.users[in] = append(p.users[in], o)
			}
		}
	})
	return p.users[in]
}

// sameInputs reports whether two lists of inputs are equal; those of a
// language the change left unplanned are the same slice, told at once.
func sameInputs(a, b []input) bool {
	if len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) {
		return true
	}
	return slices.Equal(a, b)
}

// changes compares two plans of the site: made lists the outputs of after
// to make again (new ones, those whose inputs are not the same list as
// before, and those made from an input in changed), gone those of before
// that after lacks. Both are sorted.
func changes(before, after *planned, hit map[input]bool) (made, gone []string) {
	// A change to the layout's inputs of a language makes all its pages.
	layoutHit := map[content.Lang]bool{}
	for lang, ins := range after.layout {
		layoutHit[lang] = !slices.Equal(ins, before.layout[lang])
		for _, in := range ins {
			layoutHit[lang] = layoutHit[lang] || hit[in]
		}
	}
	set := map[string]bool{}
	if layoutHit[content.English] || layoutHit[content.Russian] {
		for path, j := range after.jobs {
			if layoutHit[j.lang] {
				set[path] = true
			}
		}
	}
	if after == before {
		for in := range hit {
			for _, o := range after.usersOf(in) {
				set[o] = true
			}
		}
	} else {
		for o, ins := range after.inputs {
			if old, ok := before.inputs[o]; !ok || !sameInputs(old, ins) {
				set[o] = true
				continue
			}
			for _, in := range ins {
				if hit[in] {
					set[o] = true
					break
				}
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
