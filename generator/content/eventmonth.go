package content

import (
	"strings"
	"time"
)

// eventMonth reads an event's start when it is known by its month only
// (start: 2021-03, when the sources disagree on the day): the month's
// first day at midnight in UTC, with ok set. Such an event has no end:
// one that is given is reported. Any other start gives ok false and is
// read by eventSpan.
func (d *decoder) eventMonth() (start time.Time, ok bool) {
	f := d.fields["start"]
	if f == nil || f.Value.IsList || f.Value.IsMap {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01", strings.TrimSpace(f.Value.Scalar))
	if err != nil {
		return time.Time{}, false
	}
	d.used["start"] = true
	if end := d.fields["end"]; end != nil {
		d.used["end"] = true
		d.errorf(end.Value, "the event is known by its month only (start: %s), so it has no end: delete end, or write start and end as days, such as start: %s", t.Format("2006-01"), t.Format(time.DateOnly))
	}
	return t, true
}
