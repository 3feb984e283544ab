package submissions

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"ndpc/generator/content"
)

// submission is a row of the export mapped onto a case study's fields.
// It holds nothing about the submitter.
type submission struct {
	Lang          content.Lang
	Title         string
	Summary       string
	Countries     []string // ISO codes
	Sectors       []content.Sector
	Outcome       content.Outcome
	Years         string
	CCI           []string
	Organisations []string
	Website       string
	Links         []string
	Text          string // the description: the page's Markdown
}

// parseRow maps a row's cells to a submission, or says every reason why
// it cannot be one; n are the names its countries, sectors and outcome
// may use.
func parseRow(cells map[string]string, n names) (submission, []string) {
	var s submission
	var reasons []string
	refuse := func(format string, args ...any) { reasons = append(reasons, fmt.Sprintf(format, args...)) }
	for _, name := range slices.Sorted(maps.Keys(cells)) {
		if n := len(cells[name]); n > MaxCellBytes {
			refuse("the %s is %d KiB long, more than %d KiB: shorten it in a copy of the export, or write the case study by hand", name, n>>10, MaxCellBytes>>10)
		}
	}
	if len(reasons) > 0 {
		return s, reasons
	}

	switch lang := strings.ToLower(strings.TrimSpace(cells["language"])); lang {
	case "", "en":
		s.Lang = content.English
	case "ru":
		s.Lang = content.Russian
	default:
		refuse("unknown language %q: the form sends en or ru", lang)
	}
	if s.Title = tidy(cells["project"]); s.Title == "" {
		refuse("the project name is empty")
	}
	s.Text = strings.TrimSpace(strings.ReplaceAll(cells["description"], "\r\n", "\n"))
	if s.Text == "" {
		refuse("the description is empty")
	}
	s.Summary = summarise(s.Text)

	for _, v := range splitList(cells["countries"], ",;\n") {
		if code, ok := n.country(v); ok {
			s.Countries = appendNew(s.Countries, code)
		} else {
			refuse("unknown country %q: use the ISO code or the English or Russian name of a Northern Dimension country (%s)", v, countryCodes())
		}
	}
	if strings.TrimSpace(cells["countries"]) == "" {
		refuse("no country is given")
	}
	for _, v := range splitList(cells["sectors"], ",;\n") {
		if x, ok := n.sector(v); ok {
			s.Sectors = appendNew(s.Sectors, x)
		} else {
			refuse("unknown sector %q: use %s", v, oneOf(content.Sectors))
		}
	}
	if strings.TrimSpace(cells["sectors"]) == "" {
		refuse("no sector is given")
	}
	if v := tidy(cells["outcome"]); v == "" {
		refuse("no outcome is given")
	} else if o, ok := n.outcome(v); ok {
		s.Outcome = o
	} else {
		refuse("unknown outcome %q: use %s", v, oneOf(content.Outcomes))
	}
	switch consent := strings.ToLower(strings.TrimSpace(cells["consent"])); consent {
	case "yes", "on", "true":
	case "":
		refuse("no consent: the submitter did not agree to publication")
	default:
		refuse("consent is %q, not yes: the submitter did not agree to publication", consent)
	}

	if v := tidy(cells["years"]); v != "" {
		if y, err := content.ParseYears(v); err != nil {
			refuse("the years: %v; correct them in a copy of the export as 2018–2021, as 2019– while the project runs or as 2019 for one year, or empty the cell", err)
		} else {
			s.Years = y.String()
		}
	}
	for _, v := range splitList(cells["cci"], ",;\n") {
		s.CCI = appendNew(s.CCI, strings.Join(strings.Fields(strings.ToLower(v)), "-"))
	}
	for _, v := range splitList(cells["organisations"], ";\n") {
		s.Organisations = appendNew(s.Organisations, tidy(v))
	}
	s.Links = links(cells["links"])
	if len(s.Links) > 0 {
		s.Website = s.Links[0]
	}
	return s, reasons
}

// tidy trims a one-line text and turns every run of white space in it
// into one space.
func tidy(s string) string { return strings.Join(strings.Fields(s), " ") }

// splitList splits a cell at any of the separators and drops empty items.
func splitList(cell, separators string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(separators, r) }) {
		if v = tidy(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// appendNew appends v unless list has it already.
func appendNew[T comparable](list []T, v T) []T {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
