package content

import (
	"time"
)

// An event's start and end are either days (start: 2020-09-10, a whole
// day; end: 2020-09-12, the last day of several) or moments with their
// offset from UTC (start: 2020-07-02T11:00:00+03:00). The two are not
// mixed within one event.

const (
	exampleMoment = "2020-07-02T11:00:00+03:00"
	exampleDay    = "2020-09-10"
)

// eventWhen reads an event's start or end. It returns the zero time when
// the field is absent or wrong (the mistake is reported), and whether
// the value is a whole day: a day is returned as its midnight in UTC.
func (d *decoder) eventWhen(key string, required bool) (t time.Time, day bool) {
	f, s, ok := d.single(key, required, exampleMoment)
	if !ok {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false
	}
	hint := ""
	if _, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		hint = " (the offset from UTC is missing: add it, such as +03:00 for Riga in summer)"
	} else if _, err := time.Parse("2006-01-02T15:04", s); err == nil {
		hint = " (the seconds and the offset from UTC are missing)"
	}
	d.errorf(f.Value, "%q is not a valid date and time: %q%s; write it as %s: %s, or as a whole day, %s: %s", key, s, hint, key, exampleMoment, key, exampleDay)
	return time.Time{}, false
}

// eventSpan reads an event's start and end and checks that they agree:
// both days or both moments, and the end not before the start.
func eventSpan(e *Event, d *decoder) {
	var endDay bool
	if start, ok := d.eventMonth(); ok {
		e.Start, e.WholeDay, e.WholeMonth = start, true, true
		return
	}
	e.Start, e.WholeDay = d.eventWhen("start", true)
	e.End, endDay = d.eventWhen("end", false)
	if e.Start.IsZero() || e.End.IsZero() {
		return
	}
	end := d.fields["end"].Value
	switch {
	case e.WholeDay && !endDay:
		d.errorf(end, "the event starts on a whole day (%s) but ends at a time: write end as a day too, such as end: %s", e.Start.Format(time.DateOnly), e.Start.AddDate(0, 0, 2).Format(time.DateOnly))
	case !e.WholeDay && endDay:
		d.errorf(end, "the event starts at a time (%s) but ends on a day: write end with a time and offset too, such as end: %s, or start as a day, start: %s", e.Start.Format(time.RFC3339), e.Start.Add(2*time.Hour).Format(time.RFC3339), e.Start.Format(time.DateOnly))
	case e.End.Before(e.Start) && e.WholeDay:
		d.errorf(end, "the event ends (%s) before it starts (%s): check end", e.End.Format(time.DateOnly), e.Start.Format(time.DateOnly))
	case e.End.Before(e.Start):
		d.errorf(end, "the event ends (%s) before it starts (%s): check end", e.End.Format("2006-01-02 15:04"), e.Start.Format("2006-01-02 15:04"))
	}
}
