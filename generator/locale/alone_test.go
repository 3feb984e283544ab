package locale

import (
	"testing"
	"time"

	"ndpc/generator/diag"
)

// repositoryLocales loads the repository's own i18n tables.
func repositoryLocales(t *testing.T) map[string]*Locale {
	t.Helper()
	problems := &diag.List{}
	locales := Load(osDir("../../i18n"), "i18n", []string{"en", "ru"}, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return locales
}

// TestIssued formats the study's date at each precision, a month standing
// alone capitalised in Russian and in small letters within a sentence.
func TestIssued(t *testing.T) {
	L := repositoryLocales(t)
	for _, c := range []struct {
		lang             string
		year, month, day int
		alone            bool
		want             string
	}{
		{"en", 2021, 0, 0, true, "2021"},
		{"ru", 2021, 0, 0, true, "2021"},
		{"en", 2020, 10, 0, true, "October 2020"},
		{"ru", 2020, 10, 0, true, "Октябрь 2020"},
		{"ru", 2020, 10, 0, false, "октябрь 2020"},
		{"en", 2021, 3, 11, true, "11 March 2021"},
		{"ru", 2021, 3, 11, true, "11 марта 2021"},
		{"ru", 0, 0, 0, true, ""},
	} {
		if got := L[c.lang].Issued(c.year, c.month, c.day, c.alone); got != c.want {
			t.Errorf("%s Issued(%d, %d, %d, %v) = %q, want %q", c.lang, c.year, c.month, c.day, c.alone, got, c.want)
		}
	}
	if got := L["ru"].MonthAlone(time.Date(2020, 9, 10, 0, 0, 0, 0, time.UTC)); got != "Сентябрь 2020" {
		t.Errorf("MonthAlone = %q, want «Сентябрь 2020»", got)
	}
}

// TestYears writes a project's years in both languages.
func TestYears(t *testing.T) {
	L := repositoryLocales(t)
	for _, c := range []struct {
		lang     string
		from, to int
		want     string
	}{
		{"en", 2019, 0, "since 2019"},
		{"ru", 2019, 0, "с\u00a02019 года"},
		{"en", 2016, 2022, "2016–2022"},
		{"ru", 2016, 2022, "2016–2022"},
		{"en", 2019, 2019, "2019"},
		{"ru", 0, 0, ""},
	} {
		if got := L[c.lang].Years(c.from, c.to); got != c.want {
			t.Errorf("%s Years(%d, %d) = %q, want %q", c.lang, c.from, c.to, got, c.want)
		}
	}
}

// TestOf chooses the form of a part of a whole by the whole.
func TestOf(t *testing.T) {
	L := repositoryLocales(t)
	for _, c := range []struct {
		lang     string
		n, total int
		want     string
	}{
		{"en", 4, 121, "4 of the study’s 121 case studies"},
		{"en", 1, 1, "1 of the study’s 1 case study"},
		{"ru", 4, 121, "4 из\u00a0121 кейса исследования"},
		{"ru", 4, 122, "4 из\u00a0122 кейсов исследования"},
		{"ru", 4, 125, "4 из\u00a0125 кейсов исследования"},
	} {
		if got := L[c.lang].Of("case_studies.of_study", c.n, c.total); got != c.want {
			t.Errorf("%s Of(%d, %d) = %q, want %q", c.lang, c.n, c.total, got, c.want)
		}
	}
}
