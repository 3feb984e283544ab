package locale

import (
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// MonthAlone formats a month that stands alone, as a heading or on a
// cover: the month heading with its first letter capitalised, "October
// 2020", «Октябрь 2020». Russian writes the stand-alone month name
// (CLDR's stand-alone form, the table's months) in small letters in a
// sentence, «в октябре 2020», «октябрь 2020 года», and with a capital
// where it begins a heading or a line of its own.
func (l *Locale) MonthAlone(t time.Time) string {
	return capitalise(l.Month(t))
}

// Issued formats a date known to a year, a month or a day (month and day
// 0 where unknown): "2021", "March 2021", "11 March 2021"; «2021», «март
// 2021», «11 марта 2021». Alone, on a cover or as a heading, a month is
// capitalised as by MonthAlone: «Март 2021».
func (l *Locale) Issued(year, month, day int, alone bool) string {
	switch {
	case year == 0:
		return ""
	case month == 0:
		return strconv.Itoa(year)
	case day == 0:
		t := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		if alone {
			return l.MonthAlone(t)
		}
		return l.Month(t)
	}
	return l.Date(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC))
}

// capitalise upper-cases the first letter of s by Unicode's title case.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToTitle(r)) + s[size:]
}
