package ical_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/timeline"
)

func ExampleEncode() {
	tl := timeline.New("Berlin desk", "")
	if err := tl.AddActors(
		event.Actor{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"},
		event.Actor{ID: "FR", Type: event.State, Name: "France", Country: "FR"},
	); err != nil {
		fmt.Println(err)
		return
	}
	_, err := tl.Add(
		event.Event{
			Kind: event.PhoneCall, Status: event.Occurred,
			Title: "Germany and France speak by phone",
			Date:  event.MustParseDate("2025-11-06"),
			Participants: []event.Participation{
				{Actor: "DE", Role: event.Caller}, {Actor: "FR", Role: event.Recipient},
			},
		},
		event.Event{
			Kind: event.BilateralMeeting, Status: event.Announced,
			Title: "Talks in Berlin",
			Date:  event.MustParseDate("2025-11-07T10:00:00+01:00[Europe/Berlin]/2025-11-07T12:00:00+01:00[Europe/Berlin]"),
			Place: event.Place{City: "Berlin", Country: "DE"},
			Participants: []event.Participation{
				{Actor: "DE", Role: event.Host}, {Actor: "FR", Role: event.Guest},
			},
		},
	)
	if err != nil {
		fmt.Println(err)
		return
	}

	var out strings.Builder
	rep, err := ical.Encode(&out, tl, &ical.Options{
		Now: func() time.Time { return time.Date(2025, 11, 7, 12, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	fmt.Printf("written %d, approximated %d, skipped %d\n", rep.Events, len(rep.NotesOf(export.Approximated)), len(rep.NotesOf(export.Skipped)))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//Accordline//Accordline timeline 1//EN
	// CALSCALE:GREGORIAN
	// NAME:Berlin desk
	// X-WR-CALNAME:Berlin desk
	// BEGIN:VTIMEZONE
	// TZID:Europe/Berlin
	// BEGIN:STANDARD
	// DTSTART:20240101T000000
	// TZOFFSETFROM:+0100
	// TZOFFSETTO:+0100
	// TZNAME:CET
	// END:STANDARD
	// BEGIN:DAYLIGHT
	// DTSTART:20240331T020000
	// RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
	// TZOFFSETFROM:+0100
	// TZOFFSETTO:+0200
	// TZNAME:CEST
	// END:DAYLIGHT
	// BEGIN:STANDARD
	// DTSTART:20241027T030000
	// RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
	// TZOFFSETFROM:+0200
	// TZOFFSETTO:+0100
	// TZNAME:CET
	// END:STANDARD
	// END:VTIMEZONE
	// BEGIN:VEVENT
	// UID:de7775fc-2787-505a-ac7b-e7ea2b6d9c85
	// DTSTAMP:20251107T120000Z
	// SEQUENCE:0
	// DTSTART;VALUE=DATE:20251106
	// DTEND;VALUE=DATE:20251107
	// SUMMARY:Germany and France speak by phone
	// DESCRIPTION:Phone call\, occurred. When: 2025-11-06.\n\nParticipants:\n- Ge
	//  rmany (Caller)\n- France (Recipient)
	// CATEGORIES:Phone call
	// STATUS:CONFIRMED
	// X-ACCORDLINE-KIND:phone-call
	// X-ACCORDLINE-STATUS:occurred
	// X-ACCORDLINE-DATE:2025-11-06
	// X-CAMEO-CODE:041
	// X-PLOVER-TYPE:CONSULT
	// X-PLOVER-MODE:phone
	// END:VEVENT
	// BEGIN:VEVENT
	// UID:edeebe48-9458-5cd6-84b1-39aa1c1fb164
	// DTSTAMP:20251107T120000Z
	// SEQUENCE:0
	// DTSTART;TZID=Europe/Berlin:20251107T100000
	// DTEND;TZID=Europe/Berlin:20251107T120000
	// SUMMARY:Talks in Berlin
	// DESCRIPTION:Bilateral meeting\, announced. When: 2025-11-07T10:00:00+01:00[
	//  Europe/Berlin]/2025-11-07T12:00:00+01:00[Europe/Berlin].\n\nParticipants:\
	//  n- Germany (Host)\n- France (Guest)
	// LOCATION:Berlin\, DE
	// CATEGORIES:Bilateral meeting
	// STATUS:TENTATIVE
	// X-ACCORDLINE-KIND:bilateral-meeting
	// X-ACCORDLINE-STATUS:announced
	// X-ACCORDLINE-DATE:2025-11-07T10:00:00+01:00[Europe/Berlin]/2025-11-07T12:00
	//  :00+01:00[Europe/Berlin]
	// X-CAMEO-CODE:040
	// X-PLOVER-TYPE:CONSULT
	// END:VEVENT
	// END:VCALENDAR
	// written 2, approximated 0, skipped 0
}
