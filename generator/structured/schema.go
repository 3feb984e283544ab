// Package structured describes pages to search engines as schema.org
// data in JSON-LD (https://schema.org, https://www.w3.org/TR/json-ld11/):
// an event as an Event, a policy brief or the report as a Report, a
// chapter or case study as an Article, the case-study finder as a
// Dataset with the open data files as its distributions.
//
// The types here are typed Go structs with the schema.org property names
// as JSON keys; Script encodes one with encoding/json for a
// <script type="application/ld+json"> element. Only the properties the
// site has facts for are given: empty ones are left out.
package structured

// Context is the JSON-LD context of every description.
const Context = "https://schema.org"

// The schema.org attendance modes of an Event.
const (
	OnlineAttendance  = "https://schema.org/OnlineEventAttendanceMode"
	OfflineAttendance = "https://schema.org/OfflineEventAttendanceMode"
)

// Event is a schema.org Event: a focus group, workshop or conference.
// StartDate and EndDate are ISO 8601: a date (2020-09-10) for an event of
// whole days, whose EndDate is its last day; a date and time with its
// offset (2020-07-02T11:00:00+03:00) otherwise.
type Event struct {
	Context             string        `json:"@context,omitempty"`
	Type                string        `json:"@type"` // "Event"
	Name                string        `json:"name"`
	Description         string        `json:"description,omitempty"`
	StartDate           string        `json:"startDate"`
	EndDate             string        `json:"endDate,omitempty"`
	EventAttendanceMode string        `json:"eventAttendanceMode,omitempty"`
	Location            any           `json:"location,omitempty"` // *Place or *VirtualLocation
	Organizer           *Organization `json:"organizer,omitempty"`
	InLanguage          string        `json:"inLanguage,omitempty"`
	URL                 string        `json:"url"`
}

// Place is where an event is held; its address names the country.
type Place struct {
	Type    string         `json:"@type"` // "Place"
	Name    string         `json:"name,omitempty"`
	Address *PostalAddress `json:"address,omitempty"`
}

// PostalAddress is an address; the site knows only its country.
type PostalAddress struct {
	Type           string `json:"@type"`          // "PostalAddress"
	AddressCountry string `json:"addressCountry"` // ISO 3166-1 alpha-2
}

// VirtualLocation is an online event's place: the page that tells how to
// take part.
type VirtualLocation struct {
	Type string `json:"@type"` // "VirtualLocation"
	URL  string `json:"url"`
}

// Organization is an organisation: the NDPC as organiser and publisher,
// or one involved in a case study.
type Organization struct {
	Type string `json:"@type"` // "Organization"
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// Project is the project a case study is about (a schema.org
// Organization of the Project type).
type Project struct {
	Type string `json:"@type"` // "Project"
	Name string `json:"name"`
	URL  string `json:"url,omitempty"` // the project's own website
}

// Country is a country a case study covers.
type Country struct {
	Type       string `json:"@type"` // "Country"
	Name       string `json:"name"`
	Identifier string `json:"identifier,omitempty"` // ISO 3166-1 alpha-2
}

// Report is a policy brief or the study's report. DatePublished is a
// date, 2020-08-18.
type Report struct {
	Context         string        `json:"@context,omitempty"`
	Type            string        `json:"@type"` // "Report"
	Name            string        `json:"name"`
	Headline        string        `json:"headline,omitempty"`
	Description     string        `json:"description,omitempty"`
	ReportNumber    string        `json:"reportNumber,omitempty"`
	DatePublished   string        `json:"datePublished,omitempty"`
	InLanguage      string        `json:"inLanguage,omitempty"`
	Author          *Organization `json:"author,omitempty"`
	Publisher       *Organization `json:"publisher,omitempty"`
	URL             string        `json:"url"`
	AssociatedMedia []MediaObject `json:"associatedMedia,omitempty"`
	HasPart         []ArticleStub `json:"hasPart,omitempty"`
	IsPartOf        *CreativeStub `json:"isPartOf,omitempty"`
}

// Article is a report chapter or a case study. About holds a case
// study's Project and Organizations.
type Article struct {
	Context         string        `json:"@context,omitempty"`
	Type            string        `json:"@type"` // "Article"
	Headline        string        `json:"headline"`
	Name            string        `json:"name,omitempty"`
	Description     string        `json:"description,omitempty"`
	DatePublished   string        `json:"datePublished,omitempty"`
	InLanguage      string        `json:"inLanguage,omitempty"`
	Author          *Organization `json:"author,omitempty"`
	Publisher       *Organization `json:"publisher,omitempty"`
	URL             string        `json:"url"`
	About           []any         `json:"about,omitempty"` // *Project, *Organization
	SpatialCoverage []Country     `json:"spatialCoverage,omitempty"`
	IsPartOf        *CreativeStub `json:"isPartOf,omitempty"`
}

// ArticleStub names a part of a work, such as a chapter of the report.
type ArticleStub struct {
	Type     string `json:"@type"` // "Article"
	Headline string `json:"headline"`
	URL      string `json:"url"`
}

// CreativeStub names the work a page is part of.
type CreativeStub struct {
	Type string `json:"@type"` // "Report"
	Name string `json:"name"`
	URL  string `json:"url"`
}

// MediaObject is a file of a work: a PDF edition.
type MediaObject struct {
	Type           string `json:"@type"` // "MediaObject"
	ContentURL     string `json:"contentUrl"`
	EncodingFormat string `json:"encodingFormat"` // a media type: application/pdf
	InLanguage     string `json:"inLanguage,omitempty"`
}

// Dataset is the collection of case studies, published as open data.
// License is the URL of its licence, left out when none is known.
type Dataset struct {
	Context             string         `json:"@context,omitempty"`
	Type                string         `json:"@type"` // "Dataset"
	Name                string         `json:"name"`
	Description         string         `json:"description"`
	URL                 string         `json:"url"`
	InLanguage          []string       `json:"inLanguage,omitempty"`
	License             string         `json:"license,omitempty"`
	IsAccessibleForFree bool           `json:"isAccessibleForFree,omitempty"`
	Creator             *Organization  `json:"creator,omitempty"`
	Publisher           *Organization  `json:"publisher,omitempty"`
	SpatialCoverage     []Country      `json:"spatialCoverage,omitempty"`
	Distribution        []DataDownload `json:"distribution"`
}

// DataDownload is a file of a Dataset with its media type.
type DataDownload struct {
	Type           string `json:"@type"` // "DataDownload"
	ContentURL     string `json:"contentUrl"`
	EncodingFormat string `json:"encodingFormat"` // application/json, text/csv
	Name           string `json:"name,omitempty"`
}
