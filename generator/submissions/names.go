package submissions

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/locale"
)

// names are what the form's countries, sectors and outcomes may be written
// as, lower case: the values of the content schema (package content: ISO
// codes, sector and outcome values) and their names in every language's
// i18n table ([country], [sector], [outcome]), the names the site shows.
type names struct {
	countries map[string]string // ISO code
	sectors   map[string]content.Sector
	outcomes  map[string]content.Outcome
}

// otherNames are usual forms that the i18n tables do not use.
var otherNames = struct {
	countries map[string]string
	outcomes  map[string]content.Outcome
}{
	countries: map[string]string{"russian federation": "RU", "российская федерация": "RU"},
	outcomes:  map[string]content.Outcome{"прекращён": "discontinued"},
}

// loadNames reads the i18n tables in the folder dir and gathers the names.
func loadNames(dir string) (names, error) {
	var langs []string
	for _, l := range content.Langs {
		langs = append(langs, string(l))
	}
	problems := &diag.List{}
	tables := locale.Load(os.DirFS(dir), filepath.ToSlash(dir), langs, problems)
	if err := problems.Err(); err != nil {
		return names{}, fmt.Errorf("reading the i18n tables, which name the countries, sectors and outcomes: %w", err)
	}
	n := names{countries: map[string]string{}, sectors: map[string]content.Sector{}, outcomes: map[string]content.Outcome{}}
	for _, c := range content.Countries {
		n.countries[key(c.Code)] = c.Code
	}
	for _, s := range content.Sectors {
		n.sectors[key(string(s))] = s
	}
	for _, o := range content.Outcomes {
		n.outcomes[key(string(o))] = o
	}
	for _, lang := range langs {
		L := tables[lang]
		for _, c := range content.Countries {
			if name, err := L.Country(c.Code); err == nil {
				n.countries[key(name)] = c.Code
			}
		}
		for _, s := range content.Sectors {
			if name, err := L.Sector(string(s)); err == nil {
				n.sectors[key(name)] = s
			}
		}
		for _, o := range content.Outcomes {
			if name, err := L.Outcome(string(o)); err == nil {
				n.outcomes[key(name)] = o
			}
		}
	}
	for name, code := range otherNames.countries {
		n.countries[name] = code
	}
	for name, o := range otherNames.outcomes {
		n.outcomes[name] = o
	}
	return n, nil
}

// key is how a name is looked up: lower case, with the no-break spaces
// that the tables' typography puts in Russian read as spaces.
func key(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u00a0", " "))
}

// country finds a country by its ISO code or name, in any letter case.
func (n names) country(s string) (string, bool) {
	code, ok := n.countries[key(s)]
	return code, ok
}

// sector finds a sector by its value or name, in any letter case.
func (n names) sector(s string) (content.Sector, bool) {
	x, ok := n.sectors[key(s)]
	return x, ok
}

// outcome finds an outcome by its value or name, in any letter case.
func (n names) outcome(s string) (content.Outcome, bool) {
	o, ok := n.outcomes[key(s)]
	return o, ok
}

// countryCodes lists the countries' ISO codes for a message: "DK, EE, …".
func countryCodes() string {
	codes := make([]string, len(content.Countries))
	for i, c := range content.Countries {
		codes[i] = c.Code
	}
	return strings.Join(codes, ", ")
}

// oneOf lists values for a message: "a, b, c or d".
func oneOf[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
