package content

import (
	"path"
	"time"
)

// Kind says which template and schema a page uses.
type Kind int

// The kinds of page.
const (
	KindHome      Kind = iota // content/_index.LANG.md
	KindSection               // content/SECTION/_index.LANG.md
	KindPage                  // a top-level page: about, team, …
	KindCaseStudy             // content/case-studies/…
	KindBrief                 // content/briefs/…
	KindChapter               // content/report/…
	KindEvent                 // content/events/…
)

// The sections with their own page kinds, and the generated index sections
// that may only have a home page (_index) in the content tree.
const (
	SectionCaseStudies = "case-studies"
	SectionBriefs      = "briefs"
	SectionReport      = "report"
	SectionEvents      = "events"
	SectionCountries   = "countries"
	SectionSectors     = "sectors"
)

var sectionKinds = map[string]Kind{
	SectionCaseStudies: KindCaseStudy,
	SectionBriefs:      KindBrief,
	SectionReport:      KindChapter,
	SectionEvents:      KindEvent,
}

var indexOnlySections = map[string]bool{SectionCountries: true, SectionSectors: true}

// Page holds what every page has. The typed pages (CaseStudy, Brief,
// ReportChapter, Event) embed it.
type Page struct {
	Kind    Kind
	Lang    Lang
	Section string // "" for the home page and top-level pages
	Slug    string // "" for home pages
	Source  string // file path relative to the content folder, slash-separated
	Path    string // file path as reported in problems (content folder prefix included)

	Title   string
	Summary string
	Date    time.Time // zero when the page has none
	Issued  Issued    // the report section's date: the study's (year, month or day)
	Draft   bool
	Weight  int
	// Aliases are old addresses of the page, redirected to it.
	Aliases []string

	Body     []byte // Markdown after the front matter
	BodyLine int    // number of file lines before Body, to report body positions

	// Resources are the bundle's other files, relative to the content folder.
	Resources []string

	// Translation is the same page in the other language, or nil.
	Translation *Page

	// Typed is the *CaseStudy, *Brief, *ReportChapter or *Event this page
	// belongs to, or nil for home, section and plain pages.
	Typed TypedPage

	// Invalid is set when the front matter has errors: the page is left
	// out of the site, but its body is still checked.
	Invalid bool

	fieldLines map[string]int
	head       string // the file up to the body, to tell body-only edits
	revision   uint64 // see Revision
}

// Revision counts how many times the page's front matter was read again
// with a change (Site.Reload), from 0 when the site was loaded: what is
// made from the front matter alone can be keyed by the page and it.
func (p *Page) Revision() uint64 { return p.revision }

// URL returns the page's site path, such as /en/case-studies/proto/.
func (p *Page) URL() string {
	return URLFor(p.Lang, p.Section, p.Slug)
}

// URLFor returns the site path of a page or section in a language.
func URLFor(lang Lang, section, slug string) string {
	return path.Clean("/"+string(lang)+"/"+section+"/"+slug) + "/"
}

// FieldLine returns the file line of a front matter field, or the line of
// the front matter's first delimiter when the field is absent.
func (p *Page) FieldLine(key string) int {
	if l, ok := p.fieldLines[key]; ok {
		return l
	}
	return 1
}

// TranslationKey identifies a page across languages: section and slug.
func (p *Page) TranslationKey() string {
	return p.Section + "/" + p.Slug
}

// CaseStudy is one cross-innovation project.
type CaseStudy struct {
	*Page
	Countries     []Country
	Sectors       []Sector
	Outcome       Outcome
	Years         string   // Span as the site writes it: "2016–2022", "2019–", "2019"
	Span          Years    // the years field, read
	CCI           []string // creative fields
	Organisations []string
	Website       string
	Image         string
	ImageAlt      string

	sortKey []byte // the title's collation key in the page's language
}

// Brief is a policy brief, usually a bundle with a PDF to download.
type Brief struct {
	*Page
	Number   int
	Download string // file name as written, relative to the page, or ""
	// DownloadFile is the file Download names.
	DownloadFile File
}

// ReportChapter is one chapter of the study's report.
type ReportChapter struct {
	*Page
	// Prev and Next are the neighbouring chapters in the same language.
	Prev, Next *ReportChapter
}

// Event is a focus group, workshop or conference.
type Event struct {
	*Page
	// Start is when the event starts; for a whole-day event, the day's
	// midnight in UTC.
	Start time.Time
	// End is when it ends (zero when not given); for an event of whole
	// days, its last day's midnight in UTC.
	End time.Time
	// WholeDay is set when the event is known by its days only (start:
	// 2020-09-10): it is shown without a time or offset.
	WholeDay bool
	// WholeMonth is set when it is known by its month only (start:
	// 2021-03; WholeDay is set too): shown as the month, in no calendar file.
	WholeMonth bool
	Location   string
	Country    *Country
	Online     bool
}

// Day returns the calendar day the event starts on, in its own offset
// from UTC, as that day's midnight in UTC: events are ordered by it first.
func (e *Event) Day() time.Time {
	y, m, d := e.Start.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Before reports whether e comes before f in a list of events, newest
// first: a later day first; on the same day, whole-day events before
// timed ones, and later times first; then by slug.
func (e *Event) Before(f *Event) bool {
	if a, b := e.Day(), f.Day(); !a.Equal(b) {
		return a.After(b)
	}
	if e.WholeDay != f.WholeDay {
		return e.WholeDay
	}
	if !e.Start.Equal(f.Start) {
		return e.Start.After(f.Start)
	}
	return e.Slug < f.Slug
}

// TypedPage is the typed value of a page of a kind with fields of its
// own: *CaseStudy, *Brief, *ReportChapter or *Event, and no other type
// (the interface is closed by its unexported method), so that a type
// switch over them is complete.
type TypedPage interface {
	typedPage()
}

func (*CaseStudy) typedPage()     {}
func (*Brief) typedPage()         {}
func (*ReportChapter) typedPage() {}
func (*Event) typedPage()         {}
