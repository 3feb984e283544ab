package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewRemakesCalendars: in the preview, saving an event with a
// new date changes its calendar file and the calendar of all events.
func TestPreviewRemakesCalendars(t *testing.T) {
	archive, err := os.ReadFile("testdata/published/calendars.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeSite(t, dir, archive)
	opts := siteOptions(t, dir)
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	file := filepath.Join("content", "events", "festival.en.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(src), "end: 2020-09-10", "end: 2020-09-14", 1)
	if err := os.WriteFile(file, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	if u, err := l.Apply([]string{file}); err != nil || !u.OK() {
		t.Fatalf("the change does not build: %v %v", err, u.Problems)
	}
	for _, p := range []string{"/en/events/festival/festival.ics", "/en/events/events.ics"} {
		data, ok := l.File(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		if !strings.Contains(string(data), "DTEND;VALUE=DATE:20200915\r\n") {
			t.Errorf("%s does not end the festival on its new last day:\n%s", p, data)
		}
	}
}
