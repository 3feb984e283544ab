package content

import (
	"sort"
	"strings"
)

// Country is one of the 11 Northern Dimension countries.
type Country struct {
	Code string // ISO 3166-1 alpha-2, upper case
	Slug string // the URL segment: /en/countries/SLUG/
}

// Countries lists the Northern Dimension countries in the order of their
// ISO codes as the study lists them.
var Countries = []Country{
	{"DK", "denmark"}, {"EE", "estonia"}, {"FI", "finland"}, {"DE", "germany"},
	{"IS", "iceland"}, {"LV", "latvia"}, {"LT", "lithuania"}, {"NO", "norway"},
	{"PL", "poland"}, {"RU", "russia"}, {"SE", "sweden"},
}

// CountryByCode finds a country by its ISO code, in any letter case.
func CountryByCode(code string) (Country, bool) {
	code = strings.ToUpper(code)
	for _, c := range Countries {
		if c.Code == code {
			return c, true
		}
	}
	return Country{}, false
}

func countryCodes() string {
	codes := make([]string, len(Countries))
	for i, c := range Countries {
		codes[i] = c.Code
	}
	return strings.Join(codes, ", ")
}

// Sector is one of the five sectors the study looks at CCIs working with.
type Sector string

// Sectors lists the study's sectors in the study's order.
var Sectors = []Sector{"digital", "economic", "environmental", "social", "education"}

// Outcome says what became of a project; the study wants failures too.
type Outcome string

// Outcomes lists the outcomes in the order the case-study list groups them.
var Outcomes = []Outcome{"impact", "ongoing", "problems", "discontinued"}

func oneOf[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func contains[T ~string](values []T, v T) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// sameSet reports whether a and b hold the same values, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
