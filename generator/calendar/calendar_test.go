package calendar

import (
	"strings"
	"testing"
	"time"
)

// TestEncodeEdges: an event of one whole day without an end lasts that
// day (DTEND the next day); a timed event without an end has no DTEND
// (RFC 5545: it ends when it starts); every line ends with CRLF and none
// is longer than 75 octets; the UID depends on the key alone.
func TestEncodeEdges(t *testing.T) {
	day := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	riga := time.FixedZone("", 2*3600)
	long := strings.Repeat("Северное измерение, ", 20)
	ics := string(Encode(Calendar{Name: "Events", Lang: "ru", Events: []Event{
		{Key: "events/new-year", Summary: "New Year", Start: day, WholeDay: true},
		{Key: "events/talk", Summary: long, Description: "line one\r\nline two", Start: time.Date(2021, 1, 5, 18, 30, 0, 0, riga)},
	}}))
	for _, want := range []string{
		"DTSTART;VALUE=DATE:20201231\r\nDTEND;VALUE=DATE:20210101\r\n",
		"DTSTART:20210105T163000Z\r\nSUMMARY;LANGUAGE=ru:",
		`DESCRIPTION;LANGUAGE=ru:line one\nline two` + "\r\n",
		"PRODID:-//Northern Dimension Partnership on Culture//ndpc//RU\r\n",
	} {
		if !strings.Contains(ics, want) {
			t.Errorf("no %q in\n%s", want, ics)
		}
	}
	if strings.Count(ics, "DTEND") != 1 {
		t.Errorf("the timed event without an end has a DTEND:\n%s", ics)
	}
	lines := strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n")
	for _, l := range lines {
		if strings.ContainsAny(l, "\r\n") || len(l) > 75 {
			t.Errorf("line %q: not folded at 75 octets or not ended by CRLF", l)
		}
	}
	if UID("events/talk") != UID("events/talk") || UID("events/talk") == UID("events/new-year") {
		t.Error("UIDs are not made from the key alone")
	}
}
