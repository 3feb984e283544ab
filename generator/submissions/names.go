package submissions

import (
	"strings"

	"ndpc/generator/content"
)

// countryNames are the English and Russian names of the Northern
// Dimension countries, lower case, as the site's i18n tables write them,
// and a few other usual forms.
var countryNames = map[string]string{
	"denmark": "DK", "estonia": "EE", "finland": "FI", "germany": "DE",
	"iceland": "IS", "latvia": "LV", "lithuania": "LT", "norway": "NO",
	"poland": "PL", "russia": "RU", "sweden": "SE",
	"russian federation": "RU",

	"дания": "DK", "эстония": "EE", "финляндия": "FI", "германия": "DE",
	"исландия": "IS", "латвия": "LV", "литва": "LT", "норвегия": "NO",
	"польша": "PL", "россия": "RU", "швеция": "SE",
	"российская федерация": "RU",
}

// sectorNames are the sectors' English and Russian names, lower case.
var sectorNames = map[string]content.Sector{
	"цифровая сфера": "digital", "экономика": "economic", "экология": "environmental",
	"социальная сфера": "social", "образование": "education",
}

// outcomeNames are the outcomes' English and Russian names, lower case.
var outcomeNames = map[string]content.Outcome{
	"faced problems": "problems",
	"есть эффект":    "impact", "продолжается": "ongoing", "трудности": "problems", "прекращен": "discontinued", "прекращён": "discontinued",
}

// country finds a country by its ISO code or name, in any letter case.
func country(s string) (string, bool) {
	if c, ok := content.CountryByCode(s); ok {
		return c.Code, true
	}
	code, ok := countryNames[strings.ToLower(s)]
	return code, ok
}

// sector finds a sector by its value or name, in any letter case.
func sector(s string) (content.Sector, bool) {
	s = strings.ToLower(s)
	for _, x := range content.Sectors {
		if string(x) == s {
			return x, true
		}
	}
	x, ok := sectorNames[s]
	return x, ok
}

// outcome finds an outcome by its value or name, in any letter case.
func outcome(s string) (content.Outcome, bool) {
	s = strings.ToLower(s)
	for _, o := range content.Outcomes {
		if string(o) == s {
			return o, true
		}
	}
	o, ok := outcomeNames[s]
	return o, ok
}
