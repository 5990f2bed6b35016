package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// TestWindowsZones checks the table from CLDR: every zone it names is in
// the zone database, and Outlook's names and display names find theirs.
func TestWindowsZones(t *testing.T) {
	seen := map[string]bool{}
	for _, z := range windowsZones {
		_, err := time.LoadLocation(z.iana)
		assert.NoError(t, err, z.windows)
		assert.False(t, seen[z.windows], "%s twice", z.windows)
		seen[z.windows] = true
		assert.True(t, strings.HasPrefix(z.display, "(UTC"), z.display)
	}
	assert.Len(t, windowsZones, 139)
	for name, want := range map[string]string{
		"Eastern Standard Time":                                           "America/New_York",
		"W. Europe Standard Time":                                         "Europe/Berlin",
		"w. europe standard time":                                         "Europe/Berlin",
		"(UTC-05:00) Eastern Time (US & Canada)":                          "America/New_York",
		"(UTC-05:00) Eastern Time (US and Canada)":                        "America/New_York",
		"(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":    "Europe/Berlin",
		"(UTC+01:00) Brussels, Copenhagen, Madrid, Paris":                 "Europe/Paris",
		"(UTC+06:00) Astana":                                              "Asia/Bishkek",
		"Tokyo Standard Time":                                             "Asia/Tokyo",
		"(UTC+03:00) Moscow, St. Petersburg":                              "Europe/Moscow",
		"Western/Central Europe":                                          "",
		"Mars Standard Time":                                              "",
		"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna, X": "",
	} {
		assert.Equal(t, want, windowsZone(name), name)
	}
}

// TestZoneNames reads TZIDs the way Outlook, Thunderbird, Evolution and
// others write them, without a VTIMEZONE, and with one.
func TestZoneNames(t *testing.T) {
	for _, tt := range []struct {
		tzid  string
		zone  []string
		want  string
		noted export.Action
	}{
		{"Europe/Berlin", nil, "2025-07-01T10:00:00+02:00[Europe/Berlin]", 0},
		{"W. Europe Standard Time", nil, "2025-07-01T10:00:00+02:00[Europe/Berlin]", export.Guessed},
		{"(UTC-05:00) Eastern Time (US & Canada)", nil, "2025-07-01T10:00:00-04:00[America/New_York]", export.Guessed},
		{"/mozilla.org/20050126_1/Europe/Berlin", nil, "2025-07-01T10:00:00+02:00[Europe/Berlin]", export.Guessed},
		{"/Europe/Stockholm", nil, "2025-07-01T10:00:00+02:00[Europe/Stockholm]", export.Guessed},
		{"/freeassociation.sourceforge.net/Tzfile/Europe/London", nil, "2025-07-01T10:00:00+01:00[Europe/London]", export.Guessed},
		{"Eastern Standard Time", outlookEastern, "2025-07-01T10:00:00-04:00[America/New_York]", 0},
		// A VTIMEZONE that disagrees with the name's zone is followed.
		{"Europe/Berlin", listedZone[:7:7], "2025-07-01T10:00:00+01:00", 0},
		// An unknown name without a VTIMEZONE: floating time, noted.
		{"Western/Central Europe", nil, "2025-07-01T10:00:00", export.Approximated},
	} {
		t.Run(tt.tzid, func(t *testing.T) {
			zone := tt.zone
			if zone != nil {
				zone = append(zone, "END:VTIMEZONE")
				zone[1] = "TZID:" + tt.tzid
			}
			input := withZone(zone, "UID:"+testUID, "SUMMARY:x", `DTSTART;TZID="`+tt.tzid+`":20250701T100000`)
			tl, rep := decodeLenient(t, input)
			assert.Equal(t, tt.want, first(t, tl).Date.String())
			if tt.noted != 0 {
				assert.NotEmpty(t, rep.NotesOf(tt.noted))
			}
		})
	}
}

// TestCalendarZone reads floating times in the zone of X-WR-TIMEZONE when
// the caller asks.
func TestCalendarZone(t *testing.T) {
	input := ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
		"X-WR-CALNAME:Pressetermine", "X-WR-TIMEZONE:Europe/Berlin",
		"BEGIN:VEVENT", "UID:a@google.com", "SUMMARY:Pressekonferenz", "DTSTART:20251106T100000", "DTEND:20251106T110000", "END:VEVENT",
		"END:VCALENDAR")
	tl, _ := decodeLenient(t, input)
	assert.Equal(t, "2025-11-06T10:00:00/2025-11-06T11:00:00", first(t, tl).Date.String())
	assert.Equal(t, "Pressetermine", tl.Title())

	tl, _, err := Decode(strings.NewReader(input), &DecodeOptions{CalendarZone: true})
	require.NoError(t, err)
	assert.Equal(t, "2025-11-06T10:00:00+01:00[Europe/Berlin]/2025-11-06T11:00:00+01:00[Europe/Berlin]", first(t, tl).Date.String())
	_, ok := tl.Actor("calendar:pressetermine")
	assert.True(t, ok, "the publisher is named after the calendar")
}

// TestVTimezoneRules reads VTIMEZONE rules with COUNT, BYHOUR and
// BYMINUTE.
func TestVTimezoneRules(t *testing.T) {
	zone := []string{
		"BEGIN:VTIMEZONE", "TZID:Custom",
		"BEGIN:STANDARD", "DTSTART:20001029T000000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;BYHOUR=3;BYMINUTE=0",
		"TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:20000326T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3",
		"TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
		"END:VTIMEZONE",
	}
	for when, want := range map[string]string{
		"20011028T023000": "2001-10-28T02:30:00+02:00", // before 03:00 by BYHOUR
		"20011028T033000": "2001-10-28T03:30:00+01:00",
		"20020701T120000": "2002-07-01T12:00:00+02:00", // the third summer
		"20030701T120000": "2003-07-01T12:00:00+01:00", // after COUNT
	} {
		e := decodeOne(t, withZone(zone, "UID:"+testUID, "DTSTART;TZID=Custom:"+when))
		assert.Equal(t, want, e.Date.String(), when)
	}
}

// TestForeignPeople reads ORGANIZER and ATTENDEE as actors and
// participants, and the timeline takes the events.
func TestForeignPeople(t *testing.T) {
	input := ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
		"BEGIN:VEVENT", "UID:040000008200E00074C5B7101A82E008", "SUMMARY:Talks with the delegation",
		"DTSTART:20251106T090000Z",
		`ORGANIZER;CN="Office of the Minister":mailto:office@mfa.example`,
		"ATTENDEE;CN=Jane Doe;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:Jane.Doe@Example.org",
		"ATTENDEE;CN=Kazakhstan;ROLE=CHAIR:mailto:embassy@kz.example",
		"ATTENDEE;CN=Room 4;CUTYPE=ROOM:mailto:room4@mfa.example",
		"ATTENDEE;CN=Absent;PARTSTAT=DECLINED:mailto:absent@example.org",
		"ATTENDEE;CN=Office of the Minister:mailto:office@mfa.example",
		"END:VEVENT",
		"END:VCALENDAR")
	kz := event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}
	tl, rep, err := Decode(strings.NewReader(input), &DecodeOptions{Actors: []event.Actor{kz}})
	require.NoError(t, err)
	require.Equal(t, 1, tl.Len(), "%v", rep.Notes)
	e := first(t, tl)
	assert.Equal(t, event.Summit, e.Kind, "three actors")
	assert.Equal(t, []event.Participation{
		{Actor: "office:mfa.example", Role: event.Organizer},
		{Actor: "jane.doe:example.org", Role: event.Participant},
		{Actor: "KZ", Role: event.Host}, // the caller's actor, by its name
	}, e.Participants)
	jane, ok := tl.Actor("jane.doe:example.org")
	require.True(t, ok)
	assert.Equal(t, event.Actor{ID: "jane.doe:example.org", Type: event.Person, Name: "Jane Doe", Aliases: []string{"jane.doe@example.org"}}, jane)
	assert.Len(t, rep.NotesOf(export.Created), 2)
	assert.Len(t, rep.NotesOf(export.Dropped), 2, "the room and the one who declined")
	assert.Equal(t, []event.ActorID{"jane.doe:example.org"}, tl.ResolveActor("jane.doe@example.org"))

	// A kind the caller maps, whose roles the organizer fills.
	input = strings.Replace(input, "SUMMARY:", "CATEGORIES:Pressestatement\r\nSUMMARY:", 1)
	tl, rep, err = Decode(strings.NewReader(input), &DecodeOptions{Actors: []event.Actor{kz}, Kinds: map[string]event.Kind{"pressestatement": event.Statement}})
	require.NoError(t, err)
	e = first(t, tl)
	assert.Equal(t, event.Statement, e.Kind)
	assert.Equal(t, []event.ActorID{"office:mfa.example"}, e.InRole(event.Speaker))
	assert.Empty(t, rep.NotesOf(export.Skipped))

	// A kind the caller asks for and the event cannot be: skipped, with
	// the reason on the line of the property at fault.
	tl, rep, err = Decode(strings.NewReader(input), &DecodeOptions{DefaultKind: event.TreatySignature})
	require.NoError(t, err)
	assert.Equal(t, 0, tl.Len())
	require.Len(t, rep.NotesOf(export.Skipped), 1)
	assert.Contains(t, rep.NotesOf(export.Skipped)[0].Reason, "instrument")
}

// TestForeignEventsAddToATimeline adds what Decode reads, foreign events
// with made actors included, to another timeline.
func TestForeignEventsAddToATimeline(t *testing.T) {
	input := calendar(
		veventLines("a@example.org", "Briefing", "ORGANIZER;CN=Desk:mailto:desk@example.org"),
		veventLines("b@example.org", "Holiday"),
		veventLines("c@example.org", "Call", "ATTENDEE:mailto:a@example.org", "ATTENDEE:mailto:b@example.org", "CATEGORIES:Phone call"),
	)
	read, rep := decodeLenient(t, input)
	require.Equal(t, 3, read.Len(), "%v", rep.Notes)
	tl := timeline.New("mine", "")
	for a := range read.Actors() {
		require.NoError(t, tl.PutActor(a))
	}
	var events []event.Event
	for e := range read.All() {
		events = append(events, e)
	}
	_, err := tl.Add(events...)
	require.NoError(t, err)
	assert.Equal(t, 3, tl.Len())
}

// TestOptionsAreValidated checks DecodeOptions and Options as data.
func TestOptionsAreValidated(t *testing.T) {
	for _, opts := range []DecodeOptions{
		{DefaultKind: 200},
		{Kinds: map[string]event.Kind{"x": 99}},
		{Kinds: map[string]event.Kind{" ": event.Visit}},
		{MaxBytes: -1},
		{MaxOccurrences: -5},
		{Actors: []event.Actor{{ID: "bad id", Type: event.State, Name: "x"}}},
		{Publisher: "nobody"},
	} {
		_, _, err := Decode(strings.NewReader(""), &opts)
		require.ErrorIs(t, err, ErrOptions, "%+v", opts)
		var l event.ErrorList
		require.ErrorAs(t, err, &l)
		assert.NotEmpty(t, l[0].Path)
	}
	tl := timeline.New("t", "")
	for _, u := range []string{"<script>alert(1)</script>", "https://example.org/<script>", "javascript:alert(1)", "https://exa mple.org",
		"https://example.org/\"x\"", "https://example.org/a\x00", "//example.org", "https://example.org/ä"} {
		var buf bytes.Buffer
		_, err := Encode(&buf, tl, &Options{URL: u})
		require.ErrorIs(t, err, ErrOptions, u)
		assert.Zero(t, buf.Len())
	}
}

// TestLongTextRoundTrip writes a 100,000-character string in every text
// field of an event and its actor, and reads it back with the default
// options: what the model accepts, the writer writes and the reader reads.
func TestLongTextRoundTrip(t *testing.T) {
	for _, s := range []string{strings.Repeat("a", 100_000), strings.Repeat("ä😀\\;,", 20_000)} {
		tl := fuzztext.Everywhere(t, s)
		for _, lossless := range []bool{true, false} {
			var buf bytes.Buffer
			_, err := Encode(&buf, tl, &Options{Lossless: lossless, Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }})
			require.NoError(t, err)
			got, rep, err := Decode(&buf, nil)
			require.NoError(t, err)
			if !lossless {
				assert.Equal(t, 1, rep.Events+len(rep.NotesOf(export.Skipped)))
				continue
			}
			require.Equal(t, 1, got.Len(), "%v", rep.Notes)
			assert.Equal(t, first(t, tl), first(t, got))
			for a := range tl.Actors() {
				b, ok := got.Actor(a.ID)
				require.True(t, ok)
				assert.Equal(t, a, b)
			}
		}
	}
}
