package generator

import (
	"slices"
	"sort"
	"sync"

	"ndpc/generator/content"
	"ndpc/generator/locale"
	"ndpc/generator/view"
)

// indexes are the lists of one language that the index pages show,
// computed once from the typed content.
type indexes struct {
	lang        content.Lang
	L           *locale.Locale
	site        *content.Site
	editions    *editions
	caseStudies []*content.CaseStudy // newest first, for the home page
	countries   []view.CountryEntry  // by name in the language
	sectors     []view.SectorEntry   // in the study's order
	briefsOnce  sync.Once
	briefList   []view.BriefEntry // see briefs
	byCountry   map[string][]*content.CaseStudy
	bySector    map[content.Sector][]*content.CaseStudy
}

func newIndexes(s *content.Site, lang content.Lang, L *locale.Locale, ed *editions) *indexes {
	idx := &indexes{lang: lang, L: L, site: s, editions: ed,
		byCountry: map[string][]*content.CaseStudy{}, bySector: map[content.Sector][]*content.CaseStudy{}}
	list := s.CaseStudies[lang]
	for _, cs := range list {
		for _, c := range cs.Countries {
			idx.byCountry[c.Code] = append(idx.byCountry[c.Code], cs)
		}
		for _, sec := range cs.Sectors {
			idx.bySector[sec] = append(idx.bySector[sec], cs)
		}
	}
	idx.caseStudies = append([]*content.CaseStudy(nil), list...)
	slices.SortStableFunc(idx.caseStudies, func(a, b *content.CaseStudy) int { return b.Date.Compare(a.Date) }) // newest first

	for _, c := range content.Countries {
		name := L.Text(locale.CountryKey(c.Code))
		idx.countries = append(idx.countries, view.CountryEntry{Country: c, Name: name, Count: len(idx.byCountry[c.Code]),
			URL: content.URLFor(lang, content.SectionCountries, c.Slug)})
	}
	col := content.Collator(lang)
	sort.SliceStable(idx.countries, func(i, j int) bool {
		return col.CompareString(idx.countries[i].Name, idx.countries[j].Name) < 0
	})
	for _, sec := range content.Sectors {
		name := L.Text(locale.SectorKey(string(sec)))
		idx.sectors = append(idx.sectors, view.SectorEntry{Sector: sec, Name: name, Count: len(idx.bySector[sec]),
			URL: content.URLFor(lang, content.SectionSectors, string(sec))})
	}
	return idx
}

// briefs returns the language's briefs, newest first, each with the PDFs
// it offers: made the first time a page asks, as pages are rendered after
// the print editions are made.
func (idx *indexes) briefs() []view.BriefEntry {
	idx.briefsOnce.Do(func() {
		for _, br := range idx.site.Briefs[idx.lang] {
			idx.briefList = append(idx.briefList, view.BriefEntry{Brief: br, Downloads: idx.downloads(br)})
		}
	})
	return idx.briefList
}

// downloads lists a brief's PDF in its own language first, then its
// translation's: each the one its editors supplied or the one the build
// typeset.
func (idx *indexes) downloads(br *content.Brief) []view.Download {
	var out []view.Download
	add := func(b *content.Brief) {
		if b == nil || idx.editions == nil {
			return
		}
		if ed, ok := idx.editions.brief(idx.site, b); ok {
			out = append(out, ed.download(idx.L, b.Lang))
		}
	}
	add(br)
	if t := br.Translation; t != nil {
		if tb, ok := t.Typed.(*content.Brief); ok {
			add(tb)
		}
	}
	return out
}

// reportDownloads lists the report's PDF in the language first, then in
// the others.
func (idx *indexes) reportDownloads() []view.Download {
	var out []view.Download
	if idx.editions == nil {
		return nil
	}
	for _, l := range append([]content.Lang{idx.lang}, idx.lang.Other()) {
		if ed, ok := idx.editions.report[l]; ok {
			out = append(out, ed.download(idx.L, l))
		}
	}
	return out
}

func (idx *indexes) inCountry(c content.Country) []*content.CaseStudy { return idx.byCountry[c.Code] }

func (idx *indexes) inSector(s content.Sector) []*content.CaseStudy { return idx.bySector[s] }

// byOutcome groups the case studies by outcome, in the order of
// content.Outcomes, leaving out empty groups.
func (idx *indexes) byOutcome() []view.OutcomeGroup {
	var groups []view.OutcomeGroup
	for _, o := range content.Outcomes {
		g := view.OutcomeGroup{Outcome: o}
		for _, cs := range idx.site.CaseStudies[idx.lang] {
			if cs.Outcome == o {
				g.Items = append(g.Items, cs)
			}
		}
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// eventMonths groups events, newest first, under month headings.
func (idx *indexes) eventMonths() []view.MonthGroup {
	var months []view.MonthGroup
	for _, ev := range idx.site.Events[idx.lang] {
		label := idx.L.MonthAlone(ev.Start)
		if n := len(months); n > 0 && months[n-1].Label == label {
			months[n-1].Events = append(months[n-1].Events, ev)
			continue
		}
		months = append(months, view.MonthGroup{Label: label, Events: []*content.Event{ev}})
	}
	return months
}

// outcomeChoices counts the case studies of each outcome.
func (idx *indexes) outcomeChoices() []view.Choice {
	var out []view.Choice
	for _, o := range content.Outcomes {
		name, _ := idx.L.Outcome(string(o))
		c := view.Choice{Value: string(o), Name: name}
		for _, cs := range idx.site.CaseStudies[idx.lang] {
			if cs.Outcome == o {
				c.Count++
			}
		}
		out = append(out, c)
	}
	return out
}

// fieldChoices lists the creative fields named by the case studies, by
// their names in the language.
func (idx *indexes) fieldChoices() []view.Choice {
	counts := map[string]int{}
	for _, cs := range idx.site.CaseStudies[idx.lang] {
		for _, f := range cs.CCI {
			counts[f]++
		}
	}
	out := make([]view.Choice, 0, len(counts))
	for f, n := range counts {
		out = append(out, view.Choice{Value: f, Name: idx.L.CCI(f), Count: n})
	}
	col := content.Collator(idx.lang)
	sort.Slice(out, func(i, j int) bool { return col.CompareString(out[i].Name, out[j].Name) < 0 })
	return out
}
