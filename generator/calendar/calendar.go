// Package calendar writes events as iCalendar files (RFC 5545), which
// calendar applications import: one file per event, and one with all
// the events of a language.
//
// A timed event starts and ends at moments written in UTC
// (DTSTART:20200702T080000Z), which every application shows in its own
// time zone. An event known by its days only is an all-day event:
// DTSTART;VALUE=DATE is its first day and DTEND;VALUE=DATE the day after
// its last, as RFC 5545 (3.6.1) counts them.
//
// Nothing in a file depends on when or where it was built: the UID is
// made from the event's slug, and DTSTAMP is the event's own start, so
// the same content gives the same bytes in every build.
//
// The files are written with github.com/arran4/golang-ical, which
// escapes text values, folds long lines at 75 octets and marks dates.
package calendar

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
)

// Event is one event as a calendar shows it, in one language.
type Event struct {
	// Key identifies the event across languages and builds: its slug. The
	// UID is made from it, so that importing the event in the other
	// language updates it instead of adding it twice.
	Key         string
	Summary     string // the title
	Description string // the summary
	Location    string // "" for none
	URL         string // the absolute address of the event's page
	// Start is when the event starts; for a whole-day event, its first
	// day's midnight in UTC.
	Start time.Time
	// End is when it ends, or the zero time when not known; for a
	// whole-day event, its last day's midnight in UTC.
	End      time.Time
	WholeDay bool
}

// Calendar is a set of events in one language.
type Calendar struct {
	Name   string // shown by calendar applications: the site's name
	Lang   string // the language of the texts: "en", "ru"
	Events []Event
}

// productID names the program that made the files (PRODID).
const productID = "-//Northern Dimension Partnership on Culture//ndpc//"

// Encode returns the calendar as an iCalendar file: UTF-8, lines ended
// with CRLF.
func Encode(c Calendar) []byte {
	cal := ics.NewCalendar()
	cal.SetProductId(productID + strings.ToUpper(c.Lang))
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	if c.Name != "" {
		cal.SetName(c.Name)
		cal.SetXWRCalName(c.Name)
	}
	lang := &ics.KeyValues{Key: string(ics.ParameterLanguage), Value: []string{c.Lang}}
	for _, e := range c.Events {
		v := cal.AddEvent(UID(e.Key))
		v.SetDtStampTime(e.Start.UTC())
		if e.WholeDay {
			v.SetAllDayStartAt(e.Start)
			last := e.Start
			if !e.End.IsZero() {
				last = e.End
			}
			v.SetAllDayEndAt(last.AddDate(0, 0, 1))
		} else {
			v.SetStartAt(e.Start)
			if !e.End.IsZero() {
				v.SetEndAt(e.End)
			}
		}
		v.SetSummary(oneLine(e.Summary), lang)
		if e.Description != "" {
			v.SetDescription(strings.ReplaceAll(e.Description, "\r\n", "\n"), lang)
		}
		if e.Location != "" {
			v.SetLocation(oneLine(e.Location), lang)
		}
		if e.URL != "" {
			v.SetURL(e.URL)
		}
	}
	var buf bytes.Buffer
	_ = cal.SerializeTo(&buf, ics.WithNewLineWindows) // writing to a buffer cannot fail
	return buf.Bytes()
}

// UID returns the iCalendar UID of the event with the key: a hash of
// it, the same in every language and build.
func UID(key string) string {
	sum := sha256.Sum256([]byte("ndpc event " + key))
	return hex.EncodeToString(sum[:16]) + "@ndpc"
}

// oneLine replaces line breaks with spaces: a summary or location is one
// line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
