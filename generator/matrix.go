package generator

import (
	"net/url"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/view"
)

// matrix counts the case studies of each country and sector; compact
// marks the home page's smaller table.
func (idx *indexes) matrix(compact bool) view.Matrix {
	m := view.Matrix{L: idx.L, Compact: compact, Sectors: idx.sectors}
	finder := content.URLFor(idx.lang, content.SectionCaseStudies, "")
	pattern := idx.L.Text("matrix.cell")
	for _, c := range idx.countries {
		row := view.MatrixRow{Country: c}
		for _, s := range idx.sectors {
			cell := view.MatrixCell{}
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
