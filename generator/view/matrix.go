package view

import "ndpc/generator/locale"

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
