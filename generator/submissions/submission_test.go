package submissions

import (
	"slices"
	"strings"
	"testing"
)

func TestSummarise(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 characters, no sentence
	for _, c := range []struct{ in, want string }{
		{"One sentence. Another one.", "One sentence."},
		{"Was it good? Yes.", "Was it good?"},
		{"A centre in St. Petersburg for kids. It opened in 2019.", "A centre in St. Petersburg for kids."},
		{"Version 2.0 of the app, e.g. for schools. More.", "Version 2.0 of the app, e.g. for schools."},
		{"Центр в Таллине.\n\nОткрыт в 2019 году.", "Центр в Таллине."},
		{"No full stop at all", "No full stop at all"},
		{"  Spaces\n and\tlines. Then. ", "Spaces and lines."},
		{long, strings.TrimSpace(long[:200]) + "…"},
	} {
		if got := summarise(c.in); got != c.want {
			t.Errorf("summarise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	russian := strings.Repeat("Длинное предложение без конца ", 20) + ". Next."
	got := summarise(russian)
	cut, ok := strings.CutSuffix(got, "…")
	if !ok || len([]rune(cut)) > 200 || !strings.HasPrefix(russian, cut+" ") {
		t.Errorf("long Russian sentence summarised as %q: want at most 200 characters, cut between words, and …", got)
	}
}

func TestLinks(t *testing.T) {
	cell := "https://example.org/a\r\nsee (https://en.wikipedia.org/wiki/X_(band)) and https://example.org/b.\nHTTPS://EXAMPLE.ORG/C, www.example.org, https://example.org/a"
	want := []string{"https://example.org/a", "https://en.wikipedia.org/wiki/X_(band)", "https://example.org/b", "HTTPS://EXAMPLE.ORG/C"}
	if got := links(cell); !slices.Equal(got, want) {
		t.Errorf("links = %q, want %q", got, want)
	}
}

func TestFieldMapping(t *testing.T) {
	s, reasons := parseRow(map[string]string{
		"language": " RU ", "project": "  Проект\t«Север»  ", "countries": "финляндия; ru, Russian Federation, FI",
		"sectors": "Digital, Образование", "outcome": "Доказанный эффект", "description": "Текст.",
		"cci": "Visual  Arts; music, Music", "organisations": " A ; B, C ;", "years": "2018—2020",
		"links": "нет", "consent": "Yes",
	}, repoNames(t))
	if len(reasons) > 0 {
		t.Fatal(reasons)
	}
	if s.Lang != "ru" || s.Title != "Проект «Север»" || !slices.Equal(s.Countries, []string{"FI", "RU"}) ||
		len(s.Sectors) != 2 || s.Outcome != "impact" || !slices.Equal(s.CCI, []string{"visual-arts", "music"}) ||
		!slices.Equal(s.Organisations, []string{"A", "B, C"}) || s.Years != "2018–2020" || s.Website != "" {
		t.Errorf("mapped to %+v", s)
	}
	_, reasons = parseRow(map[string]string{"consent": "no"}, repoNames(t))
	want := []string{
		"the project name is empty", "the description is empty", "no country is given", "no sector is given",
		"no outcome is given", `consent is "no", not yes: the submitter did not agree to publication`,
	}
	if !slices.Equal(reasons, want) {
		t.Errorf("reasons = %q", reasons)
	}
}

// TestYears: the years of a submission are read as front matter's years
// field reads them (content.ParseYears) and written with an en dash; a
// span in another shape or one that ends before it starts refuses the row
// with the reason, instead of becoming a draft that does not build.
func TestYears(t *testing.T) {
	row := func(years string) map[string]string {
		return map[string]string{"project": "P", "countries": "EE", "sectors": "digital", "outcome": "impact",
			"description": "Text.", "consent": "yes", "years": years}
	}
	for in, want := range map[string]string{
		"": "", "2019": "2019", "2019–2021": "2019–2021", "2019-2021": "2019–2021", "2019--2021": "2019–2021",
		"2019 — 2021": "2019–2021", "2019–": "2019–", "2019-": "2019–", " 2019 ": "2019", "2019–2019": "2019",
	} {
		s, reasons := parseRow(row(in), repoNames(t))
		if len(reasons) > 0 || s.Years != want {
			t.Errorf("years %q: %q, refused %q; want %q", in, s.Years, reasons, want)
		}
	}
	for in, why := range map[string]string{
		"2021–2018":   `"2021–2018" ends before it starts`,
		"2021--2018":  `"2021--2018" ends before it starts`,
		"20x0":        `"20x0" is not a span of years`,
		"2019–20x1":   `"2019–20x1" is not a span of years`,
		"2019---2021": `"2019---2021" is not a span of years`,
	} {
		_, reasons := parseRow(row(in), repoNames(t))
		want := "the years: " + why + "; correct them in a copy of the export as 2018–2021, as 2019– while the project runs or as 2019 for one year, or empty the cell"
		if len(reasons) != 1 || reasons[0] != want {
			t.Errorf("years %q: refused %q, want %q", in, reasons, want)
		}
	}
}
