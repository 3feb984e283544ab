package view

import (
	"ndpc/generator/content"
	"ndpc/generator/locale"
	"ndpc/generator/markdown"
)

// CaseCard is the data of the "case-card" partial.
type CaseCard struct {
	L         *locale.Locale
	CaseStudy *content.CaseStudy
}

// DownloadList is the data of the "brief-downloads" partial.
type DownloadList struct {
	L         *locale.Locale
	Downloads []Download
	PDF       bool // the build typeset the print editions (Options.PDF)
}

// EventTime is the data of the "event-when" partial.
type EventTime struct {
	L     *locale.Locale
	Event *content.Event
}

// CaseGrid is the data of the "case-grid" partial.
type CaseGrid struct {
	L     *locale.Locale
	Items []*content.CaseStudy
}

// TOC is the data of the "toc" partial.
type TOC struct {
	L        *locale.Locale
	Headings []markdown.Heading
}

// Facet is the data of the "finder-facet" partial.
type Facet struct {
	L       *locale.Locale
	Name    string // the query parameter: country, sector, outcome, cci
	Legend  string
	Choices []Choice
}
