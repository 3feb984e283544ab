package generator

import (
	"html/template"
	"path"
	"slices"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/markdown"
	"ndpc/generator/view"
)

// job is one HTML page to write.
type job struct {
	lang     content.Lang
	url      string        // site path, ending in / (or a file name for 404.html)
	template string        // page template file: "case-study.html"
	page     *content.Page // the content page, or the section's _index page, or nil
	section  string        // navigation entry
	title    string        // used when page is nil
	// alternates holds the page's address in each language it exists in.
	alternates map[content.Lang]string
	// sitemap says whether the page is listed in the sitemap.
	sitemap bool
	// checkOnly jobs convert the page's Markdown to find problems in it,
	// and write nothing: the page has errors in its front matter.
	checkOnly bool
	// view makes the template data from the page's frame and its rendered
	// Markdown body (nil when the job has no page).
	view func(b view.Base, body template.HTML, toc []markdown.Heading) any
	// inputs name what the page is made from besides the layout's inputs
	// of its language (see deps.go).
	inputs []input
}

// pageTitle is the page's title: its content page's, but the site's on
// the home page, and the job's own for a generated page.
func (j job) pageTitle() string {
	if p := j.page; p != nil && p.Title != "" && p.Kind != content.KindHome {
		return p.Title
	}
	return j.title
}

// withInvalid adds to jobs the pages whose front matter has errors, to
// check their bodies.
func (b *builder) withInvalid(jobs []job) []job {
	for _, p := range b.site.Invalid {
		jobs = append(jobs, job{lang: p.Lang, url: p.URL(), page: p, checkOnly: true, inputs: pageInputs(p)})
	}
	return jobs
}

// planSorted lists the pages of a language by address.
func (b *builder) planSorted(lang content.Lang) []job {
	jobs := b.planLang(lang)
	for i := range jobs { // each page is made from its template too
		in := jobs[i].inputs
		jobs[i].inputs = append(in[:len(in):len(in)], templateInput(jobs[i].template))
	}
	// Sorted through their indexes: moving the jobs themselves costs more
	// than the comparisons.
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(jobs[a].url, jobs[b].url) })
	sorted := make([]job, len(jobs))
	for i, k := range order {
		sorted[i] = jobs[k]
	}
	return sorted
}

// both returns the addresses of a generated page that exists in every
// language at the same path.
func both(section, slug string) map[content.Lang]string {
	m := map[content.Lang]string{}
	for _, l := range content.Langs {
		m[l] = content.URLFor(l, section, slug)
	}
	return m
}

// alternatesOf returns the addresses of a content page and its translation.
func alternatesOf(p *content.Page) map[content.Lang]string {
	m := map[content.Lang]string{p.Lang: p.URL()}
	if t := p.Translation; t != nil {
		m[t.Lang] = t.URL()
	}
	return m
}

func (b *builder) planLang(lang content.Lang) []job {
	s := b.site
	L := b.locales[lang]
	idx := newIndexes(s, lang, L, b.editions)
	jobs := make([]job, 0, len(s.CaseStudies[lang])+len(s.Briefs[lang])+len(s.Chapters[lang])+len(s.Events[lang])+
		len(s.Plain[lang])+len(content.Countries)+len(content.Sectors)+16)
	// made names a page's own inputs; every page is also made from the
	// layout's (layoutInputs).
	made := func(own ...[]input) []input {
		var in []input
		for _, o := range own {
			in = append(in, o...)
		}
		return in
	}
	caseStudies := []input{sectionInput(lang, content.SectionCaseStudies)}

	// Generated pages, each with the section's _index page for title and
	// intro, made from it and from the lists named by from.
	generated := func(section, slug, tmpl, titleKey string, from []input, data func(view.Base, template.HTML) any) {
		var page *content.Page
		if slug == "" {
			if section == "" {
				page = s.Homes[lang]
			} else {
				page = s.Sections[lang][section]
			}
		}
		title := L.Text(titleKey)
		jobs = append(jobs, job{
			lang: lang, url: content.URLFor(lang, section, slug), template: tmpl, page: page,
			section: section, title: title, alternates: both(section, slug), sitemap: true,
			view:   func(base view.Base, body template.HTML, _ []markdown.Heading) any { return data(base, body) },
			inputs: made(pageInputs(page), from),
		})
	}

	generated("", "", "home.html", "site.title", []input{sectionInput(lang, content.SectionCaseStudies),
		sectionInput(lang, content.SectionBriefs), sectionInput(lang, content.SectionEvents), sectionInput(lang, content.SectionReport)}, func(base view.Base, intro template.HTML) any {
		latest := idx.caseStudies
		if len(latest) > 6 {
			latest = latest[:6]
		}
		briefs := idx.briefs()
		if len(briefs) > 3 {
			briefs = briefs[:3]
		}
		events := s.Events[lang]
		if len(events) > 3 {
			events = events[:3]
		}
		return view.Home{Base: base, Intro: intro, CaseStudies: latest, Total: len(s.CaseStudies[lang]),
			Countries: idx.countries, Matrix: idx.matrix(true), Briefs: briefs, Events: events, Chapters: s.Chapters[lang]}
	})
	generated(content.SectionCaseStudies, "", "case-studies.html", "case_studies.title", caseStudies, func(base view.Base, intro template.HTML) any {
		return view.CaseStudyList{Base: base, Intro: intro, Total: len(s.CaseStudies[lang]), Groups: idx.byOutcome(),
			Countries: idx.countries, Sectors: idx.sectors, Outcomes: idx.outcomeChoices(), Fields: idx.fieldChoices()}
	})
	generated(content.SectionCountries, "", "countries.html", "countries.title", caseStudies, func(base view.Base, intro template.HTML) any {
		return view.Countries{Base: base, Intro: intro, Countries: idx.countries, Matrix: idx.matrix(false)}
	})
	for _, c := range idx.countries {
		c := c
		jobs = append(jobs, job{
			lang: lang, url: c.URL, template: "country.html", section: content.SectionCountries, title: c.Name,
			alternates: both(content.SectionCountries, c.Country.Slug), sitemap: true,
			view: func(base view.Base, _ template.HTML, _ []markdown.Heading) any {
				return view.Country{Base: base, Country: c, Items: idx.inCountry(c.Country)}
			},
			inputs: made(membersInputs(idx.inCountry(c.Country))),
		})
	}
	generated(content.SectionSectors, "", "sectors.html", "sectors.title", caseStudies, func(base view.Base, intro template.HTML) any {
		return view.Sectors{Base: base, Intro: intro, Sectors: idx.sectors, Matrix: idx.matrix(false)}
	})
	for _, e := range idx.sectors {
		e := e
		jobs = append(jobs, job{
			lang: lang, url: e.URL, template: "sector.html", section: content.SectionSectors, title: e.Name,
			alternates: both(content.SectionSectors, string(e.Sector)), sitemap: true,
			view: func(base view.Base, _ template.HTML, _ []markdown.Heading) any {
				return view.Sector{Base: base, Sector: e, Items: idx.inSector(e.Sector)}
			},
			inputs: made(membersInputs(idx.inSector(e.Sector))),
		})
	}
	// A brief offers its translation's PDF too.
	briefs := []input{sectionInput(content.English, content.SectionBriefs), sectionInput(content.Russian, content.SectionBriefs)}
	generated(content.SectionBriefs, "", "briefs.html", "briefs.title", briefs, func(base view.Base, intro template.HTML) any {
		return view.Briefs{Base: base, Intro: intro, Briefs: idx.briefs()}
	})
	chapters := []input{sectionInput(lang, content.SectionReport)}
	report := chapters
	if twin := s.Sections[lang.Other()][content.SectionReport]; twin != nil {
		// its date serves where this language's gives none (reportIssued)
		report = []input{sectionInput(lang, content.SectionReport), fmInput(twin)}
	}
	generated(content.SectionReport, "", "report.html", "report.title", report, func(base view.Base, intro template.HTML) any {
		return view.Report{Base: base, Intro: intro, Chapters: s.Chapters[lang], Downloads: idx.reportDownloads(), Issued: b.reportIssued(lang)}
	})
	generated(content.SectionEvents, "", "events.html", "events.title", []input{sectionInput(lang, content.SectionEvents)}, func(base view.Base, intro template.HTML) any {
		return view.Events{Base: base, Intro: intro, Months: idx.eventMonths()}
	})

	// Content pages, made from their own front matter and body and from
	// the inputs named by from. (Of its translation a page shows the
	// address, which is the plan's.)
	page := func(p *content.Page, tmpl string, from []input, data func(view.Base, template.HTML, []markdown.Heading) any) {
		jobs = append(jobs, job{lang: lang, url: p.URL(), template: tmpl, page: p, section: p.Section,
			alternates: alternatesOf(p), sitemap: true, view: data, inputs: made(pageInputs(p), from)})
	}
	for _, cs := range s.CaseStudies[lang] {
		cs := cs
		page(cs.Page, "case-study.html", nil, func(base view.Base, body template.HTML, _ []markdown.Heading) any {
			return view.CaseStudy{Base: base, CaseStudy: cs, Image: b.caseImage(cs), Body: body}
		})
	}
	for i, br := range s.Briefs[lang] {
		var twin []input // a brief offers its translation's PDF too
		if t := br.Translation; t != nil {
			twin = append(twin, fmInput(t))
		}
		page(br.Page, "brief.html", twin, func(base view.Base, body template.HTML, _ []markdown.Heading) any {
			return view.Brief{Base: base, Brief: idx.briefs()[i], Body: body}
		})
	}
	for _, ch := range s.Chapters[lang] {
		ch := ch
		page(ch.Page, "chapter.html", chapters, func(base view.Base, body template.HTML, toc []markdown.Heading) any {
			return view.Chapter{Base: base, Chapter: ch, Body: body, TOC: tableOfContents(toc)}
		})
	}
	for _, ev := range s.Events[lang] {
		ev := ev
		page(ev.Page, "event.html", nil, func(base view.Base, body template.HTML, _ []markdown.Heading) any {
			return view.Event{Base: base, Event: ev, Body: body}
		})
	}
	for _, p := range s.Plain[lang] {
		p := p
		tmpl := "page.html"
		if own := "page-" + p.Slug + ".html"; b.tmpl.Has(own) {
			tmpl = own // a page with a template of its own, such as the submission form
		}
		page(p, tmpl, caseStudies, func(base view.Base, body template.HTML, toc []markdown.Heading) any {
			return view.Page{Base: base, Page: p, Body: body, TOC: tableOfContents(toc),
				Countries: idx.countries, Sectors: idx.sectors, Outcomes: content.Outcomes, YearsPattern: content.YearsPattern,
				Privacy: b.privacyFacts(lang)}
		})
	}

	// The search page (results come from the Pagefind index, in the browser).
	searchTitle := L.Text("search.title")
	jobs = append(jobs, job{lang: lang, url: content.URLFor(lang, "search", ""), template: "search.html", section: "search", title: searchTitle,
		alternates: both("search", ""),
		view:       func(base view.Base, _ template.HTML, _ []markdown.Heading) any { return view.Search{Base: base} },
		inputs:     made()})

	// The language's 404 page.
	title := L.Text("notfound.title")
	jobs = append(jobs, job{lang: lang, url: "/" + string(lang) + "/404.html", template: "404.html", title: title,
		alternates: map[content.Lang]string{lang: "/" + string(lang) + "/404.html"},
		view:       func(base view.Base, _ template.HTML, _ []markdown.Heading) any { return view.NotFound{Base: base} },
		inputs:     made()})
	return jobs
}

// tableOfContents keeps the headings of levels 2 and 3.
func tableOfContents(hs []markdown.Heading) []markdown.Heading {
	var toc []markdown.Heading
	for _, h := range hs {
		if h.Level == 2 || h.Level == 3 {
			toc = append(toc, h)
		}
	}
	return toc
}

// caseImage returns a case study's image as published, or nil.
func (b *builder) caseImage(cs *content.CaseStudy) *view.Image {
	if cs.Image == "" {
		return nil
	}
	rel, err := content.ResolveRelative(path.Dir(cs.Source), cs.Image)
	if err != nil {
		return nil
	}
	f, ok := b.site.Files[rel]
	if !ok {
		return nil
	}
	return &view.Image{URL: b.site.FileURL(f, cs.Lang), Alt: cs.ImageAlt, Width: f.Width, Height: f.Height}
}
