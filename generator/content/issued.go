package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"ndpc/generator/diag"
)

// Issued is a date known to a year, a month or a day: the study's date in
// the report section's front matter (content/report/_index.LANG.md),
// "date: 2021", "date: 2021-03" or "date: 2021-03-11". Month and Day are 0
// where the date is not known so precisely; the zero value means no date.
type Issued struct {
	Year, Month, Day int
}

// IsZero reports whether no date was given.
func (d Issued) IsZero() bool { return d.Year == 0 }

// Time returns the first moment of the date in UTC (1 January for a year,
// the 1st for a month), for the PDF's metadata; zero for no date.
func (d Issued) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// issuedShape is a year, a year and month, or a full date, with hyphens.
var issuedShape = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// ParseIssued reads "2021", "2021-03" or "2021-03-11" (an RFC 3339 time
// is taken as its day).
func ParseIssued(s string) (Issued, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return Issued{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
	}
	m := issuedShape.FindStringSubmatch(s)
	if m == nil {
		return Issued{}, fmt.Errorf("%q is not a date", s)
	}
	var d Issued
	d.Year, _ = strconv.Atoi(m[1])
	d.Month, _ = strconv.Atoi(m[2])
	d.Day, _ = strconv.Atoi(m[3])
	switch {
	case m[3] != "":
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return Issued{}, fmt.Errorf("%q is not a day of the calendar", s)
		}
	case m[2] != "" && (d.Month < 1 || d.Month > 12):
		return Issued{}, fmt.Errorf("%q has no month %d", s, d.Month)
	}
	return d, nil
}

// issued reads the date field of the report section: a year, a month or
// a day; anything else is reported at its value with the three shapes.
func (d *decoder) issued() Issued {
	s := d.String("date", false, "2021-03")
	if s == "" {
		return Issued{}
	}
	v, err := ParseIssued(s)
	if err != nil {
		d.errorf(d.fields["date"].Value, "%v: write the study's date as year-month-day (%s), as year-month when only the month is known (%s), or as the year alone (%s)",
			err, d.line("date", "2021-03-11"), d.line("date", "2021-03"), d.line("date", "2021"))
	}
	return v
}

// String writes the date as given, "2021", "2021-03" or "2021-03-11" (an
// HTML time and schema.org date alike); "" for no date.
func (d Issued) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// checkIssuedTwins reports a Russian report section whose date differs
// from the English one's, at its line: the study has one date. A date
// given in one language only is the site's for both.
func checkIssuedTwins(en, ru *Page, problems *diag.List) {
	if en.Issued.IsZero() || ru.Issued.IsZero() || en.Issued == ru.Issued {
		return
	}
	problems.Errorf(ru.Path, ru.FieldLine("date"), 1, "date %s differs from the English version %s:%d (%s): the study has one date; write the same in both",
		ru.Issued, en.Path, en.FieldLine("date"), en.Issued)
}
