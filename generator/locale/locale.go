// Package locale holds the interface strings of one site language, read
// from the i18n tables (i18n/en.toml, i18n/ru.toml), and formats numbers
// of things, dates and sizes the way that language writes them.
//
// # Tables
//
// A table is TOML. A key with a string is an interface string; nested
// tables give dotted keys ([country] DK = "Denmark" is country.DK). A table
// whose keys are CLDR plural categories is a plural message, chosen by
// golang.org/x/text's CLDR rules, with {n} standing for the number:
//
//	[case_studies]
//	one  = "{n} кейс"      # 1, 21, 101
//	few  = "{n} кейса"     # 2–4, 22–24
//	many = "{n} кейсов"    # 5–20, 25–30
//	other = "{n} кейса"    # fractions
//
// Months are given as the lists months (as in a month heading: «октябрь
// 2020») and months_genitive (as in a full date: «15 октября 2020»);
// date_full and date_month are patterns with {day}, {month}, {month_genitive}
// and {year}. Every table must have the same keys as the first
// language's (see Load), and each plural message every category its
// language uses.
//
// Strings are set as they are read with package typo's rules: in Russian,
// «в», «на», «для» and the other short words are bound to the next word,
// and a dash to the word before it, by no-break spaces. Editors write
// plain spaces; a no-break space typed in the table is invisible there,
// and one forgotten in a new string would go unnoticed, so the rule is
// applied rather than checked.
package locale

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"ndpc/generator/tomlpos"
)

// Locale is one language's strings and formats.
type Locale struct {
	Lang    string // "en", "ru"
	tag     language.Tag
	file    string         // as problems name it: i18n/ru.toml
	places  tomlpos.Places // where each key is written in file
	strings map[string]string
	plurals map[string]map[plural.Form]string
	months  [12]string
	monthsG [12]string
	entries map[string]entry // every key the table gives a value, and its kind
	absent  map[string]bool  // keys the table lacks that loading reported

	mu      sync.Mutex
	missing map[string]bool // keys that Text and Plural were asked for and lack
}

// entry is the kind of value a key has in a table.
type entry int

const (
	text    entry = iota // key = "…"
	message              // a plural message: [key] one = "…", …
	list                 // months = ["…", …]
)

// T returns the interface string for key; an unknown key is an error, so
// that a template naming a missing string fails with its file and line.
// A key that another table has and this one lacks was reported when the
// tables were loaded: it gives "" and no error, so that the mistake is
// reported once.
func (l *Locale) T(key string) (string, error) {
	if s, ok := l.strings[key]; ok || l.absent[key] {
		return s, nil
	}
	return "", fmt.Errorf("no string %q in i18n/%s.toml: add it to every i18n table", key, l.Lang)
}

// Text returns the interface string for key, for the build's own code.
// A key the table lacks gives "" and is remembered: TakeMissing lists it,
// and the build reports it as an error, so that a missing string never
// publishes as an empty label.
func (l *Locale) Text(key string) string {
	s, err := l.T(key)
	if err != nil {
		l.remember(key)
	}
	return s
}

// Plural returns the plural message for key that fits n, as N does; a
// missing message is remembered as by Text.
func (l *Locale) Plural(key string, n int) string {
	s, err := l.N(key, n)
	if err != nil {
		l.remember(key)
	}
	return s
}

func (l *Locale) remember(key string) {
	if l.absent[key] {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.missing == nil {
		l.missing = map[string]bool{}
	}
	l.missing[key] = true
}

// TakeMissing returns, sorted, the keys that Text and Plural were asked
// for since the last call and that the table lacks, and forgets them.
func (l *Locale) TakeMissing() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := make([]string, 0, len(l.missing))
	for k := range l.missing {
		keys = append(keys, k)
	}
	l.missing = nil
	sort.Strings(keys)
	return keys
}

// Has reports whether the table has an interface string for key.
func (l *Locale) Has(key string) bool {
	_, ok := l.strings[key]
	return ok
}

// N returns the plural message for key that fits n, with {n} replaced.
func (l *Locale) N(key string, n int) (string, error) {
	forms, ok := l.plurals[key]
	if !ok && !l.absent[key] {
		return "", fmt.Errorf("no plural message %q in i18n/%s.toml: add it with its plural forms", key, l.Lang)
	}
	msg, ok := forms[l.form(n)]
	if !ok {
		msg = forms[plural.Other]
	}
	return strings.ReplaceAll(msg, "{n}", strconv.Itoa(n)), nil
}

// Form returns one CLDR form ("one", "few", "many", "other") of a plural
// message as written, {n} included, or "" when the language does not use
// it: for scripts that choose the form themselves with Intl.PluralRules.
func (l *Locale) Form(key, form string) (string, error) {
	forms, ok := l.plurals[key]
	if !ok && !l.absent[key] {
		return "", fmt.Errorf("no plural message %q in i18n/%s.toml: add it with its plural forms", key, l.Lang)
	}
	return forms[formNames[form]], nil
}

// form returns the CLDR plural category of a whole number n.
func (l *Locale) form(n int) plural.Form {
	return plural.Cardinal.MatchPlural(l.tag, abs(n), 0, 0, 0, 0)
}

// Date formats a full date: "15 October 2020", «15 октября 2020».
func (l *Locale) Date(t time.Time) string {
	return l.pattern("date_full", t)
}

// Month formats a month heading: "October 2020", «октябрь 2020».
func (l *Locale) Month(t time.Time) string {
	return l.pattern("date_month", t)
}

// Clock formats a time of day: "11:00".
func (l *Locale) Clock(t time.Time) string {
	return t.Format("15:04")
}

// Offset formats a time's offset from UTC: "UTC+03:00".
func (l *Locale) Offset(t time.Time) string {
	return "UTC" + t.Format("-07:00")
}

func (l *Locale) pattern(key string, t time.Time) string {
	return strings.NewReplacer(
		"{day}", strconv.Itoa(t.Day()),
		"{month}", l.months[t.Month()-1],
		"{month_genitive}", l.monthsG[t.Month()-1],
		"{year}", strconv.Itoa(t.Year()),
	).Replace(l.strings[key])
}

// Size formats a file size in bytes: "1.2 MB", «1,2 МБ».
func (l *Locale) Size(bytes int64) string {
	units := []string{"size.b", "size.kb", "size.mb"}
	v := float64(bytes)
	i := 0
	for v >= 1000 && i < len(units)-1 {
		v /= 1000
		i++
	}
	num := strconv.FormatInt(bytes, 10)
	if i > 0 {
		num = strconv.FormatFloat(v, 'f', 1, 64)
		if sep := l.strings["decimal_separator"]; sep != "" {
			num = strings.Replace(num, ".", sep, 1)
		}
	}
	return num + "\u00a0" + l.strings[units[i]]
}

// Country returns the display name of a country by ISO code.
func (l *Locale) Country(code string) (string, error) { return l.T(CountryKey(code)) }

// CountryKey is the key of a country's name: country.FI.
func CountryKey(code string) string { return "country." + code }

// Sector returns the display name of a sector.
func (l *Locale) Sector(s string) (string, error) { return l.T(SectorKey(s)) }

// SectorKey is the key of a sector's name: sector.digital.
func SectorKey(s string) string { return "sector." + s }

// Outcome returns the display name of an outcome.
func (l *Locale) Outcome(o string) (string, error) { return l.T("outcome." + o) }

// CCI returns the display name of a creative field, or the field as
// written when the tables do not name it.
func (l *Locale) CCI(field string) string {
	if s, ok := l.strings["cci."+field]; ok {
		return s
	}
	return field
}
