package locale

import (
	"strings"
	"testing"
)

// finder is a table with a plural message inside, added to both test
// tables.
const (
	enFinder = `[finder]
title = "Find case studies"
clear = "Clear the filters"
[finder.found]
one = "{n} case study matches."
other = "{n} case studies match."
`
	ruFinder = `[finder]
title = "Найти кейсы"
clear = "Сбросить фильтры"
[finder.found]
one = "Подходит {n} кейс."
few = "Подходят {n} кейса."
many = "Подходят {n} кейсов."
`
)

// TestEachTableMistakeOnce: every way the tables can disagree is one
// problem, at the line where the mistake is or where the missing text
// belongs, saying what to write; and a key reported missing is answered
// with "" and no error, so that a template asking for it reports nothing
// more.
func TestEachTableMistakeOnce(t *testing.T) {
	en, ru := enTable+enFinder, ruTable+ruFinder
	for _, c := range []struct {
		name    string
		en, ru  string
		want    []string
		absent  map[string]string // lang → a key it must answer with ""
		message map[string]string // lang → a plural message it must answer with ""
	}{
		{
			name:   "key missing in a table",
			en:     en,
			ru:     strings.Replace(ru, "clear = \"Сбросить фильтры\"\n", "", 1),
			want:   []string{`i18n/ru.toml:16:1: missing translation of "finder.clear" (i18n/en.toml:16 has it): add clear = "…" under [finder]`},
			absent: map[string]string{"ru": "finder.clear"},
		},
		{
			name:   "key outside any table missing",
			en:     en,
			ru:     strings.Replace(ru, "decimal_separator = \",\"\n", "", 1),
			want:   []string{`i18n/ru.toml:6:1: missing translation of "decimal_separator" (i18n/en.toml:4 has it): add decimal_separator = "…" above [size], with the strings outside any table`},
			absent: map[string]string{"ru": "decimal_separator"},
		},
		{
			name: "list of months missing",
			en:   en,
			ru:   strings.Replace(ru, "months_genitive = [", "# months_genitive = [", 1),
			want: []string{`i18n/ru.toml:7:1: missing translation of "months_genitive" (i18n/en.toml:6 has it): add months_genitive = ["…", …] (twelve names) above [size], with the strings outside any table`},
		},
		{
			name:   "table missing",
			en:     en,
			ru:     strings.Replace(ru, ruFinder, "", 1),
			want:   []string{`i18n/ru.toml:15:1: the table [finder] is missing (i18n/en.toml:14 has it): add it at the end of the file, translated`},
			absent: map[string]string{"ru": "finder.found"},
		},
		{
			name:   "table's own strings missing",
			en:     en,
			ru:     strings.Replace(ru, "[finder]\ntitle = \"Найти кейсы\"\nclear = \"Сбросить фильтры\"\n", "", 1),
			want:   []string{`i18n/ru.toml:19:1: the table [finder] is missing (i18n/en.toml:14 has it): add it at the end of the file, translated`},
			absent: map[string]string{"ru": "finder.title"},
		},
		{
			name:   "plural message missing",
			en:     en,
			ru:     strings.Replace(ru, "[finder.found]\none = \"Подходит {n} кейс.\"\nfew = \"Подходят {n} кейса.\"\nmany = \"Подходят {n} кейсов.\"\n", "", 1),
			want:   []string{`i18n/ru.toml:16:1: the plural message [finder.found] is missing (i18n/en.toml:17 has it): add it after the strings of [finder] with one = "…", few = "…", many = "…"`},
			absent: map[string]string{"ru": "finder.found"},
		},
		{
			name: "plural form missing",
			en:   en,
			ru:   strings.Replace(ru, "few = \"Подходят {n} кейса.\"\n", "", 1),
			want: []string{`i18n/ru.toml:19:1: the plural message "finder.found" lacks the form "few" (used for 2, for example): add few = "…" under [finder.found]`},
		},
		{
			name: "plural form misspelt",
			en:   en,
			ru:   strings.Replace(ru, "few = \"Подходят {n} кейса.\"\n", "fwe = \"Подходят {n} кейса.\"\n", 1),
			want: []string{`i18n/ru.toml:21:1: "fwe" is not a plural form: the plural message "finder.found" is written with one = "…", few = "…", many = "…"; correct the name`},
		},
		{
			name:   "key only in one table",
			en:     en,
			ru:     strings.Replace(ru, "[finder]\n", "[finder]\nreset = \"Сбросить\"\n", 1),
			want:   []string{`i18n/ru.toml:17:1: "finder.reset" is not in i18n/en.toml: correct its name, or add it to i18n/en.toml too`},
			absent: map[string]string{"en": "finder.reset"},
		},
		{
			name:   "key missing from the reference table",
			en:     strings.Replace(en, "clear = \"Clear the filters\"\n", "", 1),
			ru:     ru,
			want:   []string{`i18n/ru.toml:18:1: "finder.clear" is not in i18n/en.toml: correct its name, or add it to i18n/en.toml too`},
			absent: map[string]string{"en": "finder.clear"},
		},
		{
			name:   "key misspelt",
			en:     en,
			ru:     strings.Replace(ru, "clear = ", "claer = ", 1),
			want:   []string{`i18n/ru.toml:18:1: "finder.claer" is not in i18n/en.toml, and this table lacks "finder.clear" (i18n/en.toml:16 has it): give the key the same name in both tables`},
			absent: map[string]string{"ru": "finder.clear", "en": "finder.claer"},
		},
		{
			name:    "string instead of a plural message",
			en:      en,
			ru:      strings.Replace(ru, "[finder.found]\none = \"Подходит {n} кейс.\"\nfew = \"Подходят {n} кейса.\"\nmany = \"Подходят {n} кейсов.\"\n", "found = \"Подходят кейсы: {n}.\"\n", 1),
			want:    []string{`i18n/ru.toml:19:1: "finder.found" is a string here and a plural message in i18n/en.toml (line 17): write it as [finder.found] with one = "…", few = "…", many = "…"`},
			message: map[string]string{"ru": "finder.found"},
		},
		{
			name: "value not in quotes",
			en:   en,
			ru:   strings.Replace(ru, "clear = \"Сбросить фильтры\"", "clear = Сбросить", 1),
			want: []string{`i18n/ru.toml:18:9: not valid TOML: expected value but found "Сбросить" instead: write each string as key = "text" on one line ("""text""" for several lines), with \" for a quote inside it`},
		},
		{
			name:   "number instead of text",
			en:     en,
			ru:     strings.Replace(ru, "clear = \"Сбросить фильтры\"", "clear = 5", 1),
			want:   []string{`i18n/ru.toml:18:1: "finder.clear" must be text in quotes: write clear = "…"`},
			absent: map[string]string{"ru": "finder.clear"},
		},
		{
			name: "table only in one table",
			en:   en,
			ru:   ru + "[menu]\nhome = \"Главная\"\nabout = \"О проекте\"\n",
			want: []string{`i18n/ru.toml:23:1: the table [menu] is not in i18n/en.toml: correct its name, or add it to i18n/en.toml too, translated`},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			locales, problems := load(t, map[string]string{"en": c.en, "ru": c.ru})
			var got []string
			for _, p := range problems.Sorted() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			for lang, key := range c.message {
				if s, err := locales[lang].N(key, 2); s != "" || err != nil {
					t.Errorf("%s N(%q) = %q, %v; want \"\" and no error", lang, key, s, err)
				}
			}
			for lang, key := range c.absent {
				L := locales[lang]
				if s, err := L.T(key); s != "" || err != nil {
					t.Errorf("%s T(%q) = %q, %v; want \"\" and no error", lang, key, s, err)
				}
				if s, err := L.N(key, 2); s != "" || err != nil {
					t.Errorf("%s N(%q) = %q, %v; want \"\" and no error", lang, key, s, err)
				}
				if L.Text(key); len(L.TakeMissing()) != 0 {
					t.Errorf("%s Text(%q) remembered a key already reported", lang, key)
				}
			}
		})
	}
}
