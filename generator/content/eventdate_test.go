package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
)

// Every kind of start and end an editor writes: a whole day, several
// days, a moment with its offset, and the mistakes.
func TestEventStartAndEnd(t *testing.T) {
	for _, tc := range []struct {
		start, end string
		wholeDay   bool
		from, to   string // RFC 3339, "" for zero
		problem    string // part of the message, "" for none
	}{
		{start: "2020-09-10", wholeDay: true, from: "2020-09-10T00:00:00Z"},
		{start: "2020-09-08", end: "2020-09-12", wholeDay: true, from: "2020-09-08T00:00:00Z", to: "2020-09-12T00:00:00Z"},
		{start: "2020-09-10", end: "2020-09-10", wholeDay: true, from: "2020-09-10T00:00:00Z", to: "2020-09-10T00:00:00Z"},
		{start: "'2020-09-10'", wholeDay: true, from: "2020-09-10T00:00:00Z"},
		{start: "2020-07-02T11:00:00+03:00", end: "2020-07-02T13:00:00+03:00", from: "2020-07-02T11:00:00+03:00", to: "2020-07-02T13:00:00+03:00"},
		{start: "2020-07-02T11:00:00Z", from: "2020-07-02T11:00:00Z"},
		{start: "2020-07-02T11:00:00", problem: "the offset from UTC is missing"},
		{start: "2020-07-02T11:00", problem: "the seconds and the offset from UTC are missing"},
		{start: "2020-07-02 11:00", problem: `not a valid date and time: "2020-07-02 11:00"`},
		{start: "02.07.2020", problem: "or as a whole day, start: 2020-09-10"},
		{start: "2020-09-10", end: "2020-09-12T18:00:00+03:00", problem: "write end as a day too"},
		{start: "2020-09-10T11:00:00+03:00", end: "2020-09-12", problem: "write end with a time and offset too"},
		{start: "2020-09-10", end: "2020-09-09", problem: "the event ends (2020-09-09) before it starts (2020-09-10)"},
		{start: "2020-09-10T11:00:00+03:00", end: "2020-09-10T10:00:00+03:00", problem: "the event ends (2020-09-10 10:00) before it starts (2020-09-10 11:00)"},
	} {
		src := "---\ntitle: E\nsummary: S\nstart: " + tc.start + "\n"
		if tc.end != "" {
			src += "end: " + tc.end + "\n"
		}
		src += "---\n"
		problems := &diag.List{}
		site, err := Load(fstest.MapFS{"events/e.en.md": {Data: []byte(src)}}, Options{Prefix: "content"}, problems)
		if err != nil {
			t.Fatal(err)
		}
		name := tc.start + " … " + tc.end
		if tc.problem != "" {
			if err := problems.Err(); err == nil || !strings.Contains(err.Error(), tc.problem) {
				t.Errorf("%s: got %v, want a problem with %q", name, err, tc.problem)
			}
			continue
		}
		if err := problems.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ev := site.Events[English][0]
		to := ""
		if !ev.End.IsZero() {
			to = ev.End.Format("2006-01-02T15:04:05Z07:00")
		}
		if ev.WholeDay != tc.wholeDay || ev.Start.Format("2006-01-02T15:04:05Z07:00") != tc.from || to != tc.to {
			t.Errorf("%s: whole day %v, %s – %s; want %v, %s – %s", name, ev.WholeDay, ev.Start, to, tc.wholeDay, tc.from, tc.to)
		}
	}
}

// Events are listed newest day first; on one day, whole-day events come
// before timed ones, the later time first. A day is the one in the
// event's own offset: 00:30 in Riga is still that day.
func TestEventOrder(t *testing.T) {
	fsys := fstest.MapFS{}
	for slug, start := range map[string]string{
		"a-day":        "2020-09-10",
		"b-evening":    "2020-09-10T18:00:00+03:00",
		"c-night":      "2020-09-10T00:30:00+03:00",
		"d-next-day":   "2020-09-11T09:00:00+03:00",
		"e-day-before": "2020-09-09",
		"f-same-day":   "2020-09-10",
	} {
		fsys["events/"+slug+".en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: E\nsummary: S\nstart: " + start + "\n---\n")}
	}
	problems := &diag.List{}
	site, err := Load(fsys, Options{Prefix: "content"}, problems)
	if err != nil || problems.Err() != nil {
		t.Fatal(err, problems.Err())
	}
	var got []string
	for _, ev := range site.Events[English] {
		got = append(got, ev.Slug)
	}
	if want := "d-next-day a-day f-same-day b-evening c-night e-day-before"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}
