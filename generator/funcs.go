package generator

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/countrymap"
	"ndpc/generator/emblem"
	"ndpc/generator/locale"
	"ndpc/generator/markdown"
	"ndpc/generator/view"
)

// templateFuncs are the functions templates may call besides the methods
// of their data. The partials take a locale with their item, which these
// functions pair up:
//
//	asset path       the fingerprinted address of a file under static/assets/
//	join list sep    the strings of list joined with sep
//	domain address   the host of a web address without its "www.":
//	                 "vri.lv" for https://www.vri.lv/en/…, shown beside a
//	                 link's name instead of the raw address
//	card cs          the "case-card" partial for a case study, rendered once
//	                 per build and shared by every list that shows it
//	cached name data the partial name rendered once per build for each
//	                 distinct data (a comparable value: Chrome, *Menu), for
//	                 the pieces of the layout that many pages share
//	downloads L dl   a brief's downloads for the "brief-downloads" partial
//	when L ev        an event for the "event-when" partial
//	cards L list     case studies for the "case-grid" partial
//	toc L headings   a table of contents for the "toc" partial
//	facet L name legend choices
//	                 a group of choices for the "finder-facet" partial
//	filterValues cs  what the finder filters a case study by, as JSON:
//	                 {"country":["FI"],"sector":[…],"outcome":[…],"cci":[…]},
//	                 each name that of a "finder-facet" and each value that
//	                 of one of its checkboxes
//	list a b …       a list of strings
//	study lang       the case studies published in lang and the study's own
//	                 number of them (site.toml [study]), a StudyCount
//	countrymap L countries
//	                 the map of the countries, each shaded by its number of
//	                 case studies and linking to its page, with the key to
//	                 its shades (package countrymap)
//	euEmblem height  the European emblem, height pixels high, as inline SVG
//	                 beside the text that names it (package emblem)
//	eventCalendar ev the site path of an event's iCalendar file
//	eventsCalendar lang
//	                 the site path of the iCalendar file of all events
//	structuredData view
//	                 the page's schema.org description as JSON-LD, or ""
func templateFuncs(b *builder) template.FuncMap {
	return template.FuncMap{
		"asset":  b.assets.URL,
		"card":   b.card,
		"cached": b.cached,
		"study":  b.studyCount,
		"join":   strings.Join,
		"domain": domain,
		"downloads": func(L *locale.Locale, dl []view.Download) view.DownloadList {
			return view.DownloadList{L: L, Downloads: dl, PDF: b.opts.PDF}
		},
		"when": func(L *locale.Locale, ev *content.Event) view.EventTime {
			return view.EventTime{L: L, Event: ev}
		},
		"cards": func(L *locale.Locale, items []*content.CaseStudy) view.CaseGrid {
			return view.CaseGrid{L: L, Items: items}
		},
		"toc": func(L *locale.Locale, hs []markdown.Heading) view.TOC {
			return view.TOC{L: L, Headings: hs}
		},
		"facet": func(L *locale.Locale, name, legend string, choices []view.Choice) view.Facet {
			return view.Facet{L: L, Name: name, Legend: legend, Choices: choices}
		},
		"filterValues": filterValues,
		"list":         func(items ...string) []string { return items },
		"countrymap":   countryMap,
		"euEmblem":     func(height int) template.HTML { return template.HTML(emblem.SVG(height, "")) },

		"eventCalendar":  eventCalendarPath,
		"eventsCalendar": eventsCalendarPath,
		"structuredData": b.structuredData,
	}
}

// domain returns the host of a web address without a leading "www.", or
// the address unchanged if it has no host (content.Decode accepts only
// http and https addresses with one).
func domain(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.Hostname() == "" {
		return address
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// countryMap draws the map of countries, named and labelled in L's
// language: "Finland: 3 case studies".
func countryMap(L *locale.Locale, countries []view.CountryEntry) (template.HTML, error) {
	title, err := L.T("country_map.title")
	if err != nil {
		return "", err
	}
	pattern, err := L.T("country_map.item")
	if err != nil {
		return "", err
	}
	items := make([]countrymap.Country, len(countries))
	for i, c := range countries {
		count, err := L.N("case_studies.count", c.Count)
		if err != nil {
			return "", err
		}
		label := strings.NewReplacer("{country}", c.Name, "{count}", count).Replace(pattern)
		items[i] = countrymap.Country{Code: c.Country.Code, Name: c.Name, URL: c.URL, Count: c.Count, Label: label}
	}
	svg, err := countrymap.Render(title, items)
	if err != nil {
		return "", err
	}
	legend, err := L.T("country_map.legend")
	if err != nil {
		return "", err
	}
	return svg + countrymap.RenderLegend(legend, items), nil
}

// filterValues returns the values the finder filters cs by, as a JSON
// object of facet name to list of values (see templateFuncs). The page
// carries them, so that filtering needs no request of its own.
func filterValues(cs *content.CaseStudy) (string, error) {
	values := map[string][]string{
		"country": make([]string, 0, len(cs.Countries)),
		"sector":  make([]string, 0, len(cs.Sectors)),
		"outcome": {string(cs.Outcome)},
		"cci":     append([]string{}, cs.CCI...),
	}
	for _, c := range cs.Countries {
		values["country"] = append(values["country"], c.Code)
	}
	for _, s := range cs.Sectors {
		values["sector"] = append(values["sector"], string(s))
	}
	out, err := json.Marshal(values)
	if err != nil {
		return "", fmt.Errorf("filter values of %s: %w", cs.Page.Path, err)
	}
	return string(out), nil
}

// card returns the "case-card" partial of a case study, rendering it the
// first time a page asks for it.
func (b *builder) card(cs *content.CaseStudy) (template.HTML, error) {
	key := cardKey{cs, cs.Page.Revision()}
	if html, ok := b.pieces.cards.Load(key); ok {
		return html.(template.HTML), nil
	}
	html, err := b.tmpl.Partial("case-card", view.CaseCard{L: b.locales[cs.Lang], CaseStudy: cs})
	if err != nil {
		return "", err
	}
	b.pieces.cards.Store(key, html)
	return html, nil
}

// sharedKey names a cached partial: its name and its data.
type sharedKey struct {
	name string
	data any
}

// cached returns the partial name rendered with data, rendering it the
// first time. The partial must depend on nothing but data, which must be
// comparable.
func (b *builder) cached(name string, data any) (template.HTML, error) {
	if t := reflect.TypeOf(data); t == nil || !t.Comparable() {
		return "", fmt.Errorf("cached %q: its data must be a value that can be compared (such as .Chrome or .Menu), not %T", name, data)
	}
	key := sharedKey{name, data}
	if html, ok := b.pieces.shared.Load(key); ok {
		return html.(template.HTML), nil
	}
	html, err := b.tmpl.Partial(name, data)
	if err != nil {
		return "", err
	}
	b.pieces.shared.Store(key, html)
	return html, nil
}
