package generator

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/content"
)

// readICS is run by Python with the icalendar package (Debian's
// python3-icalendar), a parser independent of the one that wrote the
// files: it prints, for each file named on the command line, its events
// as icalendar decodes them. A date is "date:YYYY-MM-DD"; a moment is
// "utc:YYYY-MM-DDTHH:MM:SS", converted to UTC, and must carry a zone.
const readICS = `
import datetime, json, sys
from icalendar import Calendar

def when(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            raise SystemExit("a moment without a time zone")
        return "utc:" + v.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return "date:" + v.isoformat()

out = {}
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        cal = Calendar.from_ical(f.read())
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        raise SystemExit(name + ": no VERSION 2.0 or PRODID")
    events = []
    for ev in cal.walk("VEVENT"):
        e = {k: str(ev.get(k, "")) for k in ("UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL")}
        e["START"] = when(ev.decoded("DTSTART"))
        e["END"] = when(ev.decoded("DTEND")) if ev.get("DTEND") is not None else ""
        e["STAMP"] = when(ev.decoded("DTSTAMP"))
        events.append(e)
    out[name] = events
json.dump(out, sys.stdout)
`

// icalendarPython returns a Python interpreter that has the icalendar
// package. Without one the test is skipped, unless it runs in CI ($CI
// set), where it fails.
func icalendarPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import icalendar").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no python3 with the icalendar package: apt-get install python3-icalendar")
	}
	t.Skip("no python3 with the icalendar package (apt-get install python3-icalendar)")
	return ""
}

// icsEvent is an event as Python's icalendar read it.
type icsEvent struct {
	UID, Summary, Description, Location, URL string
	Start, End, Stamp                        string
}

// TestCalendarsParse builds the fixture with a whole-day event of
// several days, a timed event with an offset and an online event, and
// reads every .ics file it publishes with Python's icalendar: the dates,
// the all-day handling, the texts in each language, and the UIDs, which
// are the same in both languages and differ between events.
func TestCalendarsParse(t *testing.T) {
	py := icalendarPython(t)
	archive, err := os.ReadFile("testdata/published/calendars.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeSite(t, dir, archive)
	opts := siteOptions(t, dir)
	if _, err := Build(opts); err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	var files []string
	err = filepath.WalkDir(opts.Out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".ics") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, append([]string{"-c", readICS}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("icalendar cannot read the files: %v\n%s", err, stderr.String())
	}
	var raw map[string][]map[string]string
	if err := json.Unmarshal(stdout, &raw); err != nil {
		t.Fatal(err)
	}
	got := map[string][]icsEvent{}
	for name, evs := range raw {
		rel, _ := filepath.Rel(opts.Out, name)
		for _, e := range evs {
			got["/"+filepath.ToSlash(rel)] = append(got["/"+filepath.ToSlash(rel)], icsEvent{
				UID: e["UID"], Summary: e["SUMMARY"], Description: e["DESCRIPTION"], Location: e["LOCATION"], URL: e["URL"],
				Start: e["START"], End: e["END"], Stamp: e["STAMP"]})
		}
	}

	want := map[string]icsEvent{
		"/en/events/festival/festival.ics": {Summary: "Festival of cross-innovation", Description: "Three days of talks, in Riga.",
			Location: "Riga, Latvia", URL: "https://example.org/en/events/festival/",
			Start: "date:2020-09-08", End: "date:2020-09-11", Stamp: "utc:2020-09-08T00:00:00"},
		"/ru/events/festival/festival.ics": {Summary: "Фестиваль кросс-инноваций", Description: typeset(content.Russian, "Три дня встреч в Риге: доклады, обсуждения и мастерские для представителей культурных и креативных индустрий и других секторов из одиннадцати стран Северного измерения; запятые, точки с запятой и обратная косая черта \\ остаются как есть."),
			Location: "Рига, Латвия", URL: "https://example.org/ru/events/festival/",
			Start: "date:2020-09-08", End: "date:2020-09-11", Stamp: "utc:2020-09-08T00:00:00"},
		"/en/events/open-day/open-day.ics": {Summary: "Open day", Description: "One whole day, without a place.",
			URL: "https://example.org/en/events/open-day/", Start: "date:2020-10-01", End: "date:2020-10-02", Stamp: "utc:2020-10-01T00:00:00"},
		"/en/events/evening/evening.ics": {Summary: "Evening talk; with, commas </script><script>alert(1)</script> & more",
			Description: "At six in Helsinki, on the offset of Finnish summer time.", Location: "Helsinki, Finland",
			URL: "https://example.org/en/events/evening/", Start: "utc:2020-09-10T15:00:00", End: "utc:2020-09-10T17:30:00", Stamp: "utc:2020-09-10T15:00:00"},
		"/en/events/focus-group/focus-group.ics": {Summary: "Online focus group", Description: "Two hours online.", Location: "Online",
			URL: "https://example.org/en/events/focus-group/", Start: "utc:2020-07-02T08:00:00", End: "utc:2020-07-02T10:00:00", Stamp: "utc:2020-07-02T08:00:00"},
		"/ru/events/focus-group/focus-group.ics": {Summary: "Онлайн-встреча фокус-группы", Description: "Два часа онлайн.", Location: "Онлайн",
			URL: "https://example.org/ru/events/focus-group/", Start: "utc:2020-07-02T08:00:00", End: "utc:2020-07-02T10:00:00", Stamp: "utc:2020-07-02T08:00:00"},
	}
	uids := map[string]string{} // slug → UID
	for file, w := range want {
		evs := got[file]
		if len(evs) != 1 {
			t.Errorf("%s: %d events, want 1", file, len(evs))
			continue
		}
		e := evs[0]
		slug := strings.TrimSuffix(filepath.Base(file), ".ics")
		if u, ok := uids[slug]; ok && u != e.UID {
			t.Errorf("%s: UID %q differs from the other language's %q", file, e.UID, u)
		}
		uids[slug] = e.UID
		w.UID = e.UID
		if e != w {
			t.Errorf("%s:\n got %+v\nwant %+v", file, e, w)
		}
	}
	seen := map[string]string{}
	for slug, u := range uids {
		if u == "" {
			t.Errorf("%s: no UID", slug)
		}
		if other, ok := seen[u]; ok {
			t.Errorf("%s and %s have the same UID %q", slug, other, u)
		}
		seen[u] = slug
	}
	// The calendars of all events hold every event of their language,
	// newest first, each as in its own file.
	for lang, slugs := range map[string][]string{"en": {"open-day", "evening", "festival", "focus-group"}, "ru": {"festival", "focus-group"}} {
		all := got["/"+lang+"/events/events.ics"]
		if len(all) != len(slugs) {
			t.Errorf("/%s/events/events.ics: %d events, want %d", lang, len(all), len(slugs))
			continue
		}
		for i, slug := range slugs {
			own := got["/"+lang+"/events/"+slug+"/"+slug+".ics"]
			if len(own) == 1 && all[i] != own[0] {
				t.Errorf("/%s/events/events.ics: event %d is\n%+v\nnot as in its own file\n%+v", lang, i, all[i], own[0])
			}
		}
	}
	if n := len(files); n != len(want)+2 {
		t.Errorf("%d calendar files, want %d: %v", n, len(want)+2, files)
	}
}

// TestCalendarsAreStable builds the fixture twice: the calendar files
// are the same bytes, with lines ended by CRLF.
func TestCalendarsAreStable(t *testing.T) {
	archive, err := os.ReadFile("testdata/published/calendars.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var builds [2]map[string][]byte
	first := t.TempDir()
	writeSite(t, first, archive)
	opts := siteOptions(t, first)
	for i := range builds {
		if i > 0 { // the same site in another folder
			dir := t.TempDir()
			writeSite(t, dir, archive)
			opts.Content, opts.Out = filepath.Join(dir, "content"), filepath.Join(dir, "public")
		}
		if _, err := Build(opts); err != nil {
			t.Fatalf("the site does not build:\n%v", err)
		}
		builds[i] = map[string][]byte{}
		err := filepath.WalkDir(opts.Out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(p, ".ics") {
				return err
			}
			rel, _ := filepath.Rel(opts.Out, p)
			builds[i][rel], err = os.ReadFile(p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(builds[0]) == 0 {
		t.Fatal("no calendar files")
	}
	for name, data := range builds[0] {
		if !bytes.Equal(data, builds[1][name]) {
			t.Errorf("%s differs between builds", name)
		}
		if lines := bytes.Count(data, []byte("\n")); lines == 0 || bytes.Count(data, []byte("\r\n")) != lines {
			t.Errorf("%s: not every line ends with CRLF", name)
		}
	}
}
