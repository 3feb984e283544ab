package generator

import (
	"net/url"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/locale"
)

// Matrix is the study's mapping at a glance: one row per country (in the
// order of the countries page), one column per sector (in the study's
// order), each cell the number of published case studies of the language
// that name both. It is the data of the "matrix" partial.
type Matrix struct {
	L       *locale.Locale
	Compact bool // the smaller table of the home page
	Sectors []SectorEntry
	Rows    []MatrixRow
}

// MatrixRow is one country's row of the matrix.
type MatrixRow struct {
	Country CountryEntry
	Cells   []MatrixCell // one per sector, in the order of Matrix.Sectors
}

// MatrixCell is the number of case studies of one country and one sector.
type MatrixCell struct {
	Count int
	// URL is the finder filtered by both, such as
	// /en/case-studies/?country=FI&sector=digital; "" when Count is 0.
	URL string
	// Label names the cell for a link: "Finland, Digital: 2 case studies".
	Label string
}

// matrix counts the case studies of each country and sector; compact
// marks the home page's smaller table.
func (idx *indexes) matrix(compact bool) Matrix {
	m := Matrix{L: idx.L, Compact: compact, Sectors: idx.sectors}
	finder := content.URLFor(idx.lang, content.SectionCaseStudies, "")
	pattern := idx.L.Text("matrix.cell")
	for _, c := range idx.countries {
		row := MatrixRow{Country: c}
		for _, s := range idx.sectors {
			cell := MatrixCell{}
			for _, cs := range idx.byCountry[c.Country.Code] {
				if hasSector(cs, s.Sector) {
					cell.Count++
				}
			}
			if cell.Count > 0 {
				q := url.Values{"country": {c.Country.Code}, "sector": {string(s.Sector)}}
				cell.URL = finder + "?" + q.Encode()
				cell.Label = strings.NewReplacer("{country}", c.Name, "{sector}", s.Name,
					"{count}", idx.L.Plural("case_studies.count", cell.Count)).Replace(pattern)
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// hasSector reports whether a case study names sector s.
func hasSector(cs *content.CaseStudy, s content.Sector) bool {
	for _, x := range cs.Sectors {
		if x == s {
			return true
		}
	}
	return false
}
