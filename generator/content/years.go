package content

import (
	"fmt"
	"regexp"
	"strconv"
)

// Years is the span of years a case study ran, from its years field:
// "2016–2022" is {From: 2016, To: 2022}, "2019–" (still running) is
// {From: 2019} and "2019" (one year) is {From: 2019, To: 2019}. The zero
// value means the field is absent.
type Years struct {
	From, To int // To is 0 while the project runs
}

// Open reports whether the project is still running: "2019–".
func (y Years) Open() bool { return y.From != 0 && y.To == 0 }

// String writes the span as the site stores it, with an en dash:
// "2016–2022", "2019–", "2019"; "" for the zero value.
func (y Years) String() string {
	switch {
	case y.From == 0:
		return ""
	case y.To == 0:
		return strconv.Itoa(y.From) + "–"
	case y.To == y.From:
		return strconv.Itoa(y.From)
	}
	return strconv.Itoa(y.From) + "–" + strconv.Itoa(y.To)
}

// YearsPattern is the shape of a years field: one year, or a year and a
// dash (a hyphen, two hyphens, an en or em dash, with or without spaces)
// followed by another year or by nothing; group 1 is the first year and
// group 3 the last. It is written in the syntax that Go's regexp and a
// browser's pattern attribute (JavaScript, with the v flag) read alike,
// white space as Go's \s, so that the submission form accepts exactly
// what front matter does; both anchor it at the ends.
const YearsPattern = `[\t\n\f\r ]*(\d{4})[\t\n\f\r ]*(?:(-{1,2}|–|—)[\t\n\f\r ]*(\d{4})?[\t\n\f\r ]*)?`

var yearsShape = regexp.MustCompile(`^(?:` + YearsPattern + `)$`)

// ParseYears reads a span of years as an editor types it: "2016–2022",
// "2016-2022", "2016 – 2022", "2019–", "2019-", "2019". The error says
// what is wrong in words an editor can act on.
func ParseYears(s string) (Years, error) {
	m := yearsShape.FindStringSubmatch(s)
	if m == nil {
		return Years{}, fmt.Errorf("%q is not a span of years", s)
	}
	from, _ := strconv.Atoi(m[1])
	switch {
	case m[2] == "": // one year
		return Years{From: from, To: from}, nil
	case m[3] == "": // still running
		return Years{From: from}, nil
	}
	to, _ := strconv.Atoi(m[3])
	if to < from {
		return Years{}, fmt.Errorf("%q ends before it starts", s)
	}
	return Years{From: from, To: to}, nil
}

// years reads the years field of a case study; a value that is not a
// span of years is reported at the value with the shapes to use.
func (d *decoder) years() Years {
	const example = `"2016–2022"`
	s := d.Text("years", false, example)
	if s == "" {
		return Years{}
	}
	y, err := ParseYears(s)
	if err != nil {
		d.errorf(d.fields["years"].Value, "%v: write the years it ran as %s, as %s while it is still running, or as %s for one year",
			err, d.line("years", example), d.line("years", `"2019–"`), d.line("years", `"2019"`))
	}
	return y
}
