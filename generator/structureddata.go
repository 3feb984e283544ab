package generator

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/structured"
	"ndpc/generator/view"
)

// publisherURL is the NDPC's own website, named as the organiser and
// publisher in the structured data.
const publisherURL = "https://ndpculture.org/"

// structuredData returns the schema.org description of a page as JSON-LD
// for the layout's <script type="application/ld+json"> (package
// structured), or "" for the pages without one. data is the page's
// template data.
func (b *builder) structuredData(data any) (template.JS, error) {
	var d any
	var err error
	switch v := data.(type) {
	case view.Event:
		d, err = eventData(v)
	case view.Brief:
		d, err = briefData(v)
	case view.Report:
		d, err = reportData(v)
	case view.Chapter:
		d, err = chapterData(v, b.reportTitle(v.Lang))
	case view.CaseStudy:
		d, err = caseStudyData(v)
	case view.CaseStudyList:
		d, err = datasetData(v)
	default:
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return structured.Script(d)
}

// publisher is the NDPC, named in the page's language.
func publisher(base view.Base) (*structured.Organization, error) {
	name, err := base.L.T("site.publisher")
	if err != nil {
		return nil, err
	}
	return &structured.Organization{Type: "Organization", Name: name, URL: publisherURL}, nil
}

// eventData describes an event: online, or at a place in a country.
func eventData(v view.Event) (any, error) {
	ev := v.Event
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	d := structured.Event{Context: structured.Context, Type: "Event", Name: ev.Title, Description: ev.Summary,
		Organizer: org, InLanguage: string(v.Lang), URL: v.Canonical}
	format := time.RFC3339
	if ev.WholeDay {
		format = time.DateOnly
	}
	if ev.WholeMonth {
		format = "2006-01"
	}
	d.StartDate = ev.Start.Format(format)
	if !ev.End.IsZero() {
		d.EndDate = ev.End.Format(format)
	}
	switch {
	case ev.Online:
		d.EventAttendanceMode = structured.OnlineAttendance
		d.Location = &structured.VirtualLocation{Type: "VirtualLocation", URL: v.Canonical}
	case ev.Location != "" || ev.Country != nil:
		d.EventAttendanceMode = structured.OfflineAttendance
		place := &structured.Place{Type: "Place", Name: ev.Location}
		if ev.Country != nil {
			place.Address = &structured.PostalAddress{Type: "PostalAddress", AddressCountry: ev.Country.Code}
		}
		d.Location = place
	}
	return d, nil
}

// media lists the PDF editions of a brief or of the report.
func media(base view.Base, downloads []view.Download) []structured.MediaObject {
	var out []structured.MediaObject
	for _, dl := range downloads {
		out = append(out, structured.MediaObject{Type: "MediaObject", ContentURL: absolute(base, dl.URL),
			EncodingFormat: "application/pdf", InLanguage: string(dl.Lang)})
	}
	return out
}

// absolute returns the absolute URL of a site path; other URLs as they are.
func absolute(base view.Base, u string) string {
	if strings.HasPrefix(u, "/") {
		return base.Abs(u)
	}
	return u
}

// day formats a date as ISO 8601, or "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// briefData describes a policy brief as a Report with its PDFs.
func briefData(v view.Brief) (any, error) {
	br := v.Brief
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	return structured.Report{Context: structured.Context, Type: "Report", Name: br.Title, Headline: br.Title,
		Description: br.Summary, ReportNumber: strconv.Itoa(br.Number), DatePublished: day(br.Date),
		InLanguage: string(v.Lang), Author: org, Publisher: org, URL: v.Canonical,
		AssociatedMedia: media(v.Base, br.Downloads)}, nil
}

// reportData describes the report as a Report with its chapters and PDFs.
func reportData(v view.Report) (any, error) {
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	d := structured.Report{Context: structured.Context, Type: "Report", Name: v.Title, Headline: v.Title,
		Description: v.Description, InLanguage: string(v.Lang), Author: org, Publisher: org, URL: v.Canonical,
		AssociatedMedia: media(v.Base, v.Downloads), DatePublished: v.Issued.String()}
	for _, ch := range v.Chapters {
		d.HasPart = append(d.HasPart, structured.ArticleStub{Type: "Article", Headline: ch.Title, URL: v.Abs(ch.URL())})
	}
	return d, nil
}

// reportTitle returns the title of the report's page in a language: its
// section page's, or the interface's name for the report.
func (b *builder) reportTitle(lang content.Lang) string {
	if p := b.site.Sections[lang][content.SectionReport]; p != nil && p.Title != "" {
		return p.Title
	}
	title, _ := b.locales[lang].T("report.title")
	return title
}

// chapterData describes a chapter as an Article, part of the report
// titled report.
func chapterData(v view.Chapter, report string) (any, error) {
	ch := v.Chapter
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	return structured.Article{Context: structured.Context, Type: "Article", Headline: ch.Title, Name: ch.Title,
		Description: ch.Summary, DatePublished: day(ch.Date), InLanguage: string(v.Lang), Author: org, Publisher: org,
		URL: v.Canonical, IsPartOf: &structured.CreativeStub{Type: "Report", Name: report,
			URL: v.Abs(content.URLFor(v.Lang, content.SectionReport, ""))}}, nil
}

// caseStudyData describes a case study as an Article about its project
// and the organisations involved, covering its countries.
func caseStudyData(v view.CaseStudy) (any, error) {
	cs := v.CaseStudy
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	d := structured.Article{Context: structured.Context, Type: "Article", Headline: cs.Title, Name: cs.Title,
		Description: cs.Summary, DatePublished: day(cs.Date), InLanguage: string(v.Lang), Publisher: org,
		URL: v.Canonical}
	d.About = append(d.About, &structured.Project{Type: "Project", Name: cs.Title, URL: cs.Website})
	for _, o := range cs.Organisations {
		d.About = append(d.About, &structured.Organization{Type: "Organization", Name: o})
	}
	for _, c := range cs.Countries {
		name, err := v.L.Country(c.Code)
		if err != nil {
			return nil, err
		}
		d.SpatialCoverage = append(d.SpatialCoverage, structured.Country{Type: "Country", Name: name, Identifier: c.Code})
	}
	return d, nil
}

// datasetData describes the finder's case studies as a Dataset whose
// files are the open data (opendata.go). It names no licence: none is
// known.
func datasetData(v view.CaseStudyList) (any, error) {
	org, err := publisher(v.Base)
	if err != nil {
		return nil, err
	}
	site, err := v.L.T("site.title")
	if err != nil {
		return nil, err
	}
	d := structured.Dataset{Context: structured.Context, Type: "Dataset", Name: v.Title + " · " + site, Description: v.Description,
		URL: v.Canonical, IsAccessibleForFree: true, Creator: org, Publisher: org,
		Distribution: []structured.DataDownload{
			{Type: "DataDownload", ContentURL: v.Abs(openDataJSONPath), EncodingFormat: "application/json", Name: "case-studies.json"},
			{Type: "DataDownload", ContentURL: v.Abs(openDataCSVPath), EncodingFormat: "text/csv", Name: "case-studies.csv"},
		}}
	for _, l := range content.Langs {
		d.InLanguage = append(d.InLanguage, string(l))
	}
	for _, c := range v.Countries {
		d.SpatialCoverage = append(d.SpatialCoverage, structured.Country{Type: "Country", Name: c.Name, Identifier: c.Country.Code})
	}
	return d, nil
}
