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

// writeCalendars writes an iCalendar file for every event and one with
// all the events of each language (package calendar), and returns how
// many it wrote.
func (b *builder) writeCalendars() int {
	n := 0
	for _, lang := range content.Langs {
		L := b.locales[lang]
		name, err := L.T("site.title")
		if err != nil {
			b.problems.Add(diag.Problem{Path: "i18n", Severity: diag.Error, Message: err.Error()})
			return n
		}
		var all []calendar.Event
		for _, ev := range b.site.Events[lang] {
			if ev.WholeMonth { // a month is not a day a calendar can show
				continue
			}
			e, err := b.calendarEvent(ev)
			if err != nil {
				b.problems.Errorf(ev.Path, 0, 0, "making its calendar file: %v", err)
				continue
			}
			all = append(all, e)
			ics := calendar.Encode(calendar.Calendar{Name: ev.Title, Lang: string(lang), Events: []calendar.Event{e}})
			if b.publishRaw(eventCalendarPath(ev), ics) {
				n++
			}
		}
		if len(all) == 0 {
			continue // RFC 5545: a calendar has at least one component
		}
		ics := calendar.Encode(calendar.Calendar{Name: name, Lang: string(lang), Events: all})
		if b.publishRaw(eventsCalendarPath(lang), ics) {
			n++
		}
	}
	return n
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
