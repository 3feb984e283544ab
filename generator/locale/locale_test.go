package locale

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"ndpc/generator/diag"
)

const ruTable = `
date_full = "{day} {month_genitive} {year}"
date_month = "{month} {year}"
decimal_separator = ","
months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
months_genitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
[size]
b = "Б"
kb = "КБ"
mb = "МБ"
[cases]
one = "{n} кейс"
few = "{n} кейса"
many = "{n} кейсов"
other = "{n} кейса"
`

const enTable = `
date_full = "{day} {month} {year}"
date_month = "{month} {year}"
decimal_separator = "."
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
months_genitive = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
[size]
b = "B"
kb = "KB"
mb = "MB"
[cases]
one = "{n} case study"
other = "{n} case studies"
`

func load(t *testing.T, files map[string]string) (map[string]*Locale, *diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	var langs []string
	for _, name := range []string{"en", "ru"} { // English first: the reference
		if text, ok := files[name]; ok {
			fsys[name+".toml"] = &fstest.MapFile{Data: []byte(text)}
			langs = append(langs, name)
		}
	}
	problems := &diag.List{}
	return Load(fsys, "i18n", langs, problems), problems
}

func TestPlurals(t *testing.T) {
	locales, problems := load(t, map[string]string{"ru": ruTable, "en": enTable})
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 0, "0 кейсов"}, {"ru", 1, "1 кейс"}, {"ru", 2, "2 кейса"}, {"ru", 4, "4 кейса"},
		{"ru", 5, "5 кейсов"}, {"ru", 11, "11 кейсов"}, {"ru", 12, "12 кейсов"}, {"ru", 21, "21 кейс"},
		{"ru", 22, "22 кейса"}, {"ru", 25, "25 кейсов"}, {"ru", 101, "101 кейс"}, {"ru", 111, "111 кейсов"},
		{"en", 0, "0 case studies"}, {"en", 1, "1 case study"}, {"en", 2, "2 case studies"}, {"en", 21, "21 case studies"},
	}
	for _, c := range cases {
		got, err := locales[c.lang].N("cases", c.n)
		if err != nil || got != c.want {
			t.Errorf("%s N(%d) = %q, %v; want %q", c.lang, c.n, got, err, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	locales, problems := load(t, map[string]string{"ru": ruTable, "en": enTable})
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	d := time.Date(2020, 10, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{locales["ru"].Date(d), "15 октября 2020"},
		{locales["ru"].Month(d), "октябрь 2020"},
		{locales["en"].Date(d), "15 October 2020"},
		{locales["en"].Month(d), "October 2020"},
		{locales["ru"].Size(1_234_567), "1,2\u00a0МБ"},
		{locales["en"].Size(2_500), "2.5\u00a0KB"},
		{locales["en"].Size(999), "999\u00a0B"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	locales, _ := load(t, map[string]string{"en": enTable})
	if _, err := locales["en"].T("nope"); err == nil || !strings.Contains(err.Error(), `no string "nope" in i18n/en.toml`) {
		t.Errorf("T(nope) error = %v", err)
	}
}

// TestRepositoryTables loads the site's own tables: they must agree.
func TestRepositoryTables(t *testing.T) {
	problems := &diag.List{}
	locales := Load(osDir("../../i18n"), "i18n", []string{"en", "ru"}, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if got, _ := locales["ru"].N("case_studies.count", 5); got != "5 кейсов" {
		t.Errorf("ru case_studies.count(5) = %q", got)
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}, {11, "11 errors"}, {21, "21 errors"}, {101, "101 errors"}, {-1, "-1 error"},
	} {
		if got := Count(tc.n, "error", "errors"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := Count(1, "page has", "pages have"); got != "1 page has" {
		t.Errorf("Count(1, page has, pages have) = %q", got)
	}
}

// Interface strings get the typography of the text as they are read: in
// Russian, short words are bound to the next word; in both languages a
// dash to the word before it, and quotes and apostrophes are the
// language's: “…” and ’ in English, «„…“» in Russian.
func TestStringsTypeset(t *testing.T) {
	const nb = "\u00a0"
	ru := ruTable + "\n[events]\nempty = \"Кейсов в этом секторе пока нет\"\nnone = \"Кто с кем работал — и что вышло\"\nquoted = \"Раздел \\\"Доклад\\\" и \\\"Кейсы\\\"\"\nabout = \"О проекте\"\n[more]\none = \"ещё {n} кейс в списке\"\nfew = \"ещё {n} кейса в списке\"\nmany = \"ещё {n} кейсов в списке\"\nother = \"ещё {n} кейса в списке\"\n"
	en := enTable + "\n[events]\nempty = \"No case studies in a sector\"\nnone = \"Who worked with whom – and how\"\nabout = \"The study's \\\"mapping\\\" -- and its sources...\"\nquoted = \"Report\"\n[more]\none = \"{n} more\"\nother = \"{n} more\"\n"
	locales, problems := load(t, map[string]string{"ru": ru, "en": en})
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	for _, c := range []struct{ lang, key, want string }{
		{"ru", "events.empty", "Кейсов в" + nb + "этом секторе пока нет"},
		{"ru", "events.none", "Кто с" + nb + "кем работал" + nb + "— и" + nb + "что вышло"},
		{"en", "events.empty", "No case studies in a sector"},
		{"en", "events.none", "Who worked with whom" + nb + "– and how"},
		{"en", "events.about", "The study’s “mapping”" + nb + "– and its sources…"},
		{"ru", "events.quoted", "Раздел «Доклад» и" + nb + "«Кейсы»"},
	} {
		if got, _ := locales[c.lang].T(c.key); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
	if got, _ := locales["ru"].N("more", 5); got != "ещё 5 кейсов в"+nb+"списке" {
		t.Errorf("plural form = %q", got)
	}
}

// TestSiteStringsHaveNoStraightQuotes: every interface string of the site,
// as read, has the language's quotes and apostrophes, never ' or ".
func TestSiteStringsHaveNoStraightQuotes(t *testing.T) {
	problems := &diag.List{}
	locales := Load(osDir("../../i18n"), "i18n", []string{"en", "ru"}, problems)
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	for lang, l := range locales {
		check := func(key, s string) {
			if strings.ContainsAny(s, `'"`) {
				t.Errorf("%s %s = %q: a straight quote", lang, key, s)
			}
		}
		for key, s := range l.strings {
			check(key, s)
		}
		for key, forms := range l.plurals {
			for _, s := range forms {
				check(key, s)
			}
		}
	}
}
