package view

import (
	"html/template"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/locale"
	"ndpc/generator/markdown"
)

// Base is what the layout needs on every page: language, titles, the
// addresses of the page and its translations, the navigation.
type Base struct {
	Lang  content.Lang
	L     *locale.Locale // this page's language
	Other *locale.Locale // the other language, for the switcher

	Kind        string // the page template without .html: "case-study"
	Section     string // the navigation entry to mark as current
	Title       string
	Description string
	URL         string // site path
	Canonical   string // absolute URL
	Alternates  []Alternate
	XDefault    string // absolute URL for hreflang x-default
	Switch      Switch
	Chrome      Chrome // what the shared pieces of the layout show
	Menu        *Menu  // the main navigation as this page shows it
	Draft       bool
	BaseURL     string
	// SectionName names the page's section for search results.
	SectionName string
	// Social is the page's social preview image; nil where the build
	// draws none (the preview).
	Social *SocialImage
}

// Alternate is a translation of the page, for hreflang links.
type Alternate struct {
	Lang content.Lang
	Href string // absolute URL
}

// Switch is the language switcher: the page's translation, or where it
// has none, the same section in the other language.
type Switch struct {
	Lang    content.Lang
	URL     string
	Missing bool // no translation: URL is the section
}

// Chrome is what the pieces of the layout that many pages share depend
// on: the language, whether the page is the home page and whether the
// site has its search index. It is a comparable value, so that the layout
// can render each piece once per value with the cached template function.
type Chrome struct {
	Lang   content.Lang
	L      *locale.Locale
	Other  *locale.Locale
	Home   bool
	Search bool // the build made the search index (Options.Search)
}

// Menu is the main navigation in one language with one entry current,
// made once and shared by every page that shows it so.
type Menu struct {
	Lang  content.Lang
	L     *locale.Locale
	Items []NavItem
}

// NavItem is one entry of the main navigation.
type NavItem struct {
	Label   string
	URL     string
	Current bool
}

// Abs returns the absolute URL of a site path.
func (b Base) Abs(sitePath string) string {
	return strings.TrimSuffix(b.BaseURL, "/") + sitePath
}

// Page is a plain page: about, team, … It also carries the choices
// the submission form offers.
type Page struct {
	Base
	Page      *content.Page
	Body      template.HTML
	TOC       []markdown.Heading
	Countries []CountryEntry
	Sectors   []SectorEntry
	Outcomes  []content.Outcome
	// YearsPattern is the shape of the form's years field, the one front
	// matter's years field has (content.YearsPattern).
	YearsPattern string
	// Privacy are the facts of the privacy notice in the page's language,
	// from the site settings; empty when not yet known.
	Privacy PrivacyFacts
}

// PrivacyFacts are what the privacy notice states from the site settings.
type PrivacyFacts struct {
	Controller, Retention, Contact string
	ContactURL                     string // mailto: or the web address
}

// Home is the site's home page.
type Home struct {
	Base
	Intro       template.HTML
	CaseStudies []*content.CaseStudy // a selection, newest first
	Total       int                  // published case studies
	Countries   []CountryEntry
	Matrix      Matrix // compact
	Briefs      []BriefEntry
	Events      []*content.Event
	Chapters    []*content.ReportChapter
}

// CaseStudy is one case study.
type CaseStudy struct {
	Base
	CaseStudy *content.CaseStudy
	Image     *Image // the case study's picture, or nil
	Body      template.HTML
}

// Image is a picture as published, with its size in pixels.
type Image struct {
	URL           string
	Alt           string
	Width, Height int
}

// OutcomeGroup is the case studies that share an outcome.
type OutcomeGroup struct {
	Outcome content.Outcome
	Items   []*content.CaseStudy
}

// CaseStudyList is the list of all case studies, grouped by outcome,
// with the finder's choices.
type CaseStudyList struct {
	Base
	Intro     template.HTML
	Total     int
	Groups    []OutcomeGroup
	Countries []CountryEntry
	Sectors   []SectorEntry
	Outcomes  []Choice // for the finder
	Fields    []Choice // creative fields, for the finder
}

// CountryChoices are the countries as finder choices (ISO codes).
func (v CaseStudyList) CountryChoices() []Choice {
	out := make([]Choice, len(v.Countries))
	for i, c := range v.Countries {
		out[i] = Choice{Value: c.Country.Code, Name: c.Name, Count: c.Count}
	}
	return out
}

// SectorChoices are the sectors as finder choices.
func (v CaseStudyList) SectorChoices() []Choice {
	out := make([]Choice, len(v.Sectors))
	for i, s := range v.Sectors {
		out[i] = Choice{Value: string(s.Sector), Name: s.Name, Count: s.Count}
	}
	return out
}

// Choice is a value the finder can filter by, with its name and count.
type Choice struct {
	Value string
	Name  string
	Count int
}

// CountryEntry is a country with its case-study count.
type CountryEntry struct {
	Country content.Country
	Name    string
	Count   int
	URL     string
}

// SectorEntry is a sector with its case-study count.
type SectorEntry struct {
	Sector content.Sector
	Name   string
	Count  int
	URL    string
}

// Countries lists the 11 countries.
type Countries struct {
	Base
	Intro     template.HTML
	Countries []CountryEntry
	Matrix    Matrix
}

// Country lists the case studies of one country.
type Country struct {
	Base
	Country CountryEntry
	Items   []*content.CaseStudy
}

// Sectors lists the five sectors.
type Sectors struct {
	Base
	Intro   template.HTML
	Sectors []SectorEntry
	Matrix  Matrix
}

// Sector lists the case studies of one sector.
type Sector struct {
	Base
	Sector SectorEntry
	Items  []*content.CaseStudy
}

// Download is a PDF in one language: a brief's or the report's.
type Download struct {
	Lang     content.Lang
	Language string // the language's name, in the page's language
	URL      string
	Size     string // formatted for the page's language
	Pages    string // "12 pages", in the page's language; "" when unknown
	// Supplied is true for a brief's PDF that its editors supplied
	// (download:), false for one the build typeset from the site's page:
	// the two are offered under different labels.
	Supplied bool
}

// BriefEntry is a brief with its downloads in every language.
type BriefEntry struct {
	*content.Brief
	Downloads []Download
}

// Briefs lists the policy briefs, newest first.
type Briefs struct {
	Base
	Intro  template.HTML
	Briefs []BriefEntry
}

// Brief is one policy brief.
type Brief struct {
	Base
	Brief BriefEntry
	Body  template.HTML
}

// Report is the report's table of contents, with its PDF in every
// language.
type Report struct {
	Base
	Intro     template.HTML
	Chapters  []*content.ReportChapter
	Downloads []Download
	Issued    content.Issued // the study's date, from the section's front matter
}

// Chapter is one report chapter.
type Chapter struct {
	Base
	Chapter *content.ReportChapter
	Body    template.HTML
	TOC     []markdown.Heading
}

// MonthGroup is the events that start in one month.
type MonthGroup struct {
	Label  string // «октябрь 2020»
	Events []*content.Event
}

// Events lists events by month, newest first.
type Events struct {
	Base
	Intro  template.HTML
	Months []MonthGroup
}

// Event is one event.
type Event struct {
	Base
	Event *content.Event
	Body  template.HTML
}

// Search is the search page.
type Search struct {
	Base
}

// NotFound is the 404 page.
type NotFound struct {
	Base
}

// Root is the page at / that offers both languages.
type Root struct {
	Base
	Choices []LangChoice
}

// LangChoice is one language offered at /.
type LangChoice struct {
	Lang content.Lang
	L    *locale.Locale
	URL  string
}

// SocialImage is the preview image a page names in its head.
type SocialImage struct {
	URL           string // absolute
	Alt           string
	Width, Height int // in pixels
}

// StudyCount is the case studies published in a language against those
// the study documented, for the templates' "4 of the study's 121" (the
// template function study).
type StudyCount struct {
	Published int // published case studies in the language
	Total     int // documented by the study; 0 when site.toml does not say
}
