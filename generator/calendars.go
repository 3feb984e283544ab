package generator

import (
	"path"

	"ndpc/generator/calendar"
	"ndpc/generator/content"
	"ndpc/generator/diag"
)

// eventCalendarPath returns the site path of an event's iCalendar file,
// beside its page: /en/events/SLUG/SLUG.ics.
func eventCalendarPath(ev *content.Event) string {
	return ev.URL() + ev.Slug + ".ics"
}

// eventsCalendarPath returns the site path of the iCalendar file with
// every event of a language: /en/events/events.ics.
func eventsCalendarPath(lang content.Lang) string {
	return content.URLFor(lang, content.SectionEvents, "") + "events.ics"
}

// calendarFiles plans an iCalendar file for every event and one with all
// the events of each language that has any (package calendar).
func (b *builder) calendarFiles() []siteFile {
	var files []siteFile
	for _, lang := range content.Langs {
		lang := lang
		var events []*content.Event
		for _, ev := range b.site.Events[lang] {
			if !ev.WholeMonth { // a month is not a day a calendar can show
				events = append(events, ev)
			}
		}
		for _, ev := range events {
			ev := ev
			files = append(files, siteFile{path: eventCalendarPath(ev), raw: true,
				inputs: []input{fmInput(ev.Page), inPages, inI18n, inSettings},
				make: func(b *builder) []byte {
					e, err := b.calendarEvent(ev)
					if err != nil {
						b.problems.Errorf(ev.Path, 0, 0, "making its calendar file: %v", err)
						return nil
					}
					return calendar.Encode(calendar.Calendar{Name: ev.Title, Lang: string(lang), Events: []calendar.Event{e}})
				}})
		}
		if len(events) == 0 {
			continue // RFC 5545: a calendar has at least one component
		}
		files = append(files, siteFile{path: eventsCalendarPath(lang), raw: true,
			inputs: []input{inPages, inI18n, inSettings, sectionInput(lang, content.SectionEvents)},
			make: func(b *builder) []byte {
				name, err := b.locales[lang].T("site.title")
				if err != nil {
					b.problems.Add(diag.Problem{Path: "i18n", Severity: diag.Error, Message: err.Error()})
					return nil
				}
				var all []calendar.Event
				for _, ev := range events {
					if e, err := b.calendarEvent(ev); err == nil { // else its own file says why
						all = append(all, e)
					}
				}
				return calendar.Encode(calendar.Calendar{Name: name, Lang: string(lang), Events: all})
			}})
	}
	return files
}

// calendarEvent returns an event as its calendar file shows it, with its
// place named in the event's language: "Riga, Latvia", "Online".
func (b *builder) calendarEvent(ev *content.Event) (calendar.Event, error) {
	L := b.locales[ev.Lang]
	where := ev.Location
	if ev.Country != nil {
		country, err := L.Country(ev.Country.Code)
		if err != nil {
			return calendar.Event{}, err
		}
		if where == "" {
			where = country
		} else {
			where += ", " + country
		}
	}
	if where == "" && ev.Online {
		online, err := L.T("events.online")
		if err != nil {
			return calendar.Event{}, err
		}
		where = online
	}
	return calendar.Event{
		Key: path.Join(ev.Section, ev.Slug), Summary: ev.Title, Description: ev.Summary, Location: where,
		URL: b.baseURL + ev.URL(), Start: ev.Start, End: ev.End, WholeDay: ev.WholeDay,
	}, nil
}
