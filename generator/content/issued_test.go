package content

import "testing"

// TestParseIssued reads the report's date in each of its shapes and
// refuses what is not a date of the calendar.
func TestParseIssued(t *testing.T) {
	for in, want := range map[string]string{
		"2021":                      "2021",
		"2021-03":                   "2021-03",
		"2021-03-11":                "2021-03-11",
		"2021-03-11T10:00:00+02:00": "2021-03-11",
	} {
		got, err := ParseIssued(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseIssued(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "21", "2021-3", "2021-13", "2021-00", "2021-02-30", "March 2021", "2021/03"} {
		if got, err := ParseIssued(in); err == nil {
			t.Errorf("ParseIssued(%q) = %v, want an error", in, got)
		}
	}
}

// TestParseYears reads a project's years in each shape an editor types.
func TestParseYears(t *testing.T) {
	for in, want := range map[string]Years{
		"2019": {2019, 2019}, " 2019 ": {2019, 2019},
		"2019–": {2019, 0}, "2019-": {2019, 0}, "2019 –": {2019, 0}, "2019—": {2019, 0}, "2019--": {2019, 0},
		"2016–2022": {2016, 2022}, "2016-2022": {2016, 2022}, "2016 - 2022": {2016, 2022},
		"2016—2022": {2016, 2022}, "2016--2022": {2016, 2022}, "2016–2016": {2016, 2016},
	} {
		got, err := ParseYears(in)
		if err != nil || got != want {
			t.Errorf("ParseYears(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "19", "2019–20", "2022–2016", "around 2019", "2019, 2020", "–2019", "2019–2020–2021"} {
		if got, err := ParseYears(in); err == nil {
			t.Errorf("ParseYears(%q) = %v, want an error", in, got)
		}
	}
}
