package ical

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// America/New_York as Google Calendar writes it.
var newYork = []string{
	"BEGIN:VTIMEZONE",
	"TZID:America/New_York",
	"X-LIC-LOCATION:America/New_York",
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"TZNAME:EDT",
	"DTSTART:19700308T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"TZNAME:EST",
	"DTSTART:19701101T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// Eastern time as Outlook writes it: a Windows zone name, observances from
// 1601 and rules that do not match their DTSTART.
var outlookEastern = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Eastern Standard Time",
	"BEGIN:STANDARD",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// Central Europe as Outlook writes it: the last Sunday of the month.
var outlookCET = []string{
	"BEGIN:VTIMEZONE",
	"TZID:W. Europe Standard Time",
	"BEGIN:STANDARD",
	"DTSTART:16010101T030000",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// A zone as this package writes them, one observance per change, under a
// name the zone database does not know.
var listedZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Paris (listed)",
	"BEGIN:STANDARD",
	"DTSTART:20250101T000000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0100",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:20250330T020000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"DTSTART:20251026T030000",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// An old-style rule: the Sunday among days 8 to 14 of March.
var monthDayZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:US-Eastern",
	"BEGIN:STANDARD",
	"DTSTART:19671029T020000",
	"RRULE:FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7;BYMONTH=11",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:19870405T020000",
	"RRULE:FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14;BYMONTH=3;UNTIL=20991231T070000Z",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// Daylight saving time that ended in 2010, then a new fixed offset.
var endedZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Ended DST",
	"BEGIN:STANDARD",
	"DTSTART:19701101T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU;UNTIL=20101107T060000Z",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:19700308T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;UNTIL=20100314T070000Z",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"DTSTART:20110101T000000",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0300",
	"END:STANDARD",
	"END:VTIMEZONE",
}

func TestDecodeDates(t *testing.T) {
	tests := []struct {
		name string
		zone []string
		when []string
		want string
	}{
		{"all-day", nil, []string{"DTSTART;VALUE=DATE:20251106", "DTEND;VALUE=DATE:20251107"}, "2025-11-06"},
		{"all-day without DTEND", nil, []string{"DTSTART;VALUE=DATE:20251106"}, "2025-11-06"},
		{"all-day without VALUE=DATE", nil, []string{"DTSTART:20251106", "DTEND:20251107"}, "2025-11-06"},
		{"all-day, several days", nil, []string{"DTSTART;VALUE=DATE:20251105", "DTEND;VALUE=DATE:20251108"}, "2025-11-05/2025-11-07"},
		{"all-day over the year's end", nil, []string{"DTSTART;VALUE=DATE:20251231", "DTEND;VALUE=DATE:20260102"}, "2025-12-31/2026-01-01"},
		{"all-day with DURATION", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P2D"}, "2025-11-05/2025-11-06"},
		{"all-day with DURATION of a week", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P1W"}, "2025-11-05/2025-11-11"},
		{"all-day with DURATION of a day", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P1D"}, "2025-11-05"},
		{"value names in lower case", nil, []string{"dtstart;value=date:20251106", "dtend;value=date:20251107"}, "2025-11-06"},
		{"UTC", nil, []string{"DTSTART:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"UTC with DTEND", nil, []string{"DTSTART:20251106T180000Z", "DTEND:20251106T193000Z"}, "2025-11-06T18:00:00Z/2025-11-06T19:30:00Z"},
		{"UTC with DURATION", nil, []string{"DTSTART:20251106T180000Z", "DURATION:PT1H30M"}, "2025-11-06T18:00:00Z/2025-11-06T19:30:00Z"},
		{"UTC with DURATION of days and time", nil, []string{"DTSTART:20251106T180000Z", "DURATION:P1DT1H1M1S"}, "2025-11-06T18:00:00Z/2025-11-07T19:01:01Z"},
		{"UTC with DTEND equal to DTSTART", nil, []string{"DTSTART:20251106T180000Z", "DTEND:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"VALUE=DATE-TIME", nil, []string{"DTSTART;VALUE=DATE-TIME:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"TZID with its VTIMEZONE, winter", newYork, []string{"DTSTART;TZID=America/New_York:20251106T200000"}, "2025-11-06T20:00:00-05:00[America/New_York]"},
		{"TZID with its VTIMEZONE, summer", newYork, []string{"DTSTART;TZID=America/New_York:20250701T100000"}, "2025-07-01T10:00:00-04:00[America/New_York]"},
		{"TZID interval", newYork, []string{"DTSTART;TZID=America/New_York:20251106T180000", "DTEND;TZID=America/New_York:20251106T235959"},
			"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]"},
		{"TZID of the zone database without VTIMEZONE", nil, []string{"DTSTART;TZID=Asia/Almaty:20251106T100000"}, "2025-11-06T10:00:00+05:00[Asia/Almaty]"},
		{"TZID quoted", newYork, []string{`DTSTART;TZID="America/New_York":20251106T200000`}, "2025-11-06T20:00:00-05:00[America/New_York]"},
		{"TZID in two zones", newYork, []string{"DTSTART;TZID=America/New_York:20251106T200000", "DTEND;TZID=Europe/Paris:20251107T030000"},
			"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07T03:00:00+01:00[Europe/Paris]"},
		{"TZID with DURATION over the change of offset", newYork, []string{"DTSTART;TZID=America/New_York:20251101T120000", "DURATION:P1DT1H"},
			"2025-11-01T12:00:00-04:00[America/New_York]/2025-11-02T13:00:00-05:00[America/New_York]"},
		{"Outlook zone name, winter", outlookEastern, []string{"DTSTART;TZID=Eastern Standard Time:20251106T200000", "DTEND;TZID=Eastern Standard Time:20251106T210000"},
			"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-06T21:00:00-05:00[America/New_York]"},
		{"Outlook zone name, summer", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250701T100000`}, "2025-07-01T10:00:00-04:00[America/New_York]"},
		{"Outlook zone name, day before the change", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250308T120000`}, "2025-03-08T12:00:00-05:00[America/New_York]"},
		{"Outlook zone name, day of the change", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250309T120000`}, "2025-03-09T12:00:00-04:00[America/New_York]"},
		{"Outlook last Sunday, before", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20250329T120000`}, "2025-03-29T12:00:00+01:00[Europe/Berlin]"},
		{"Outlook last Sunday, after", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20250330T120000`}, "2025-03-30T12:00:00+02:00[Europe/Berlin]"},
		{"Outlook last Sunday, autumn", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20251026T120000`}, "2025-10-26T12:00:00+01:00[Europe/Berlin]"},
		{"listed observances, summer", listedZone, []string{"DTSTART;TZID=Paris (listed):20250601T120000"}, "2025-06-01T12:00:00+02:00"},
		{"listed observances, winter", listedZone, []string{"DTSTART;TZID=Paris (listed):20251201T120000"}, "2025-12-01T12:00:00+01:00"},
		{"listed observances, before the first", listedZone, []string{"DTSTART;TZID=Paris (listed):20240601T120000"}, "2024-06-01T12:00:00+01:00"},
		{"BYMONTHDAY rule, summer", monthDayZone, []string{"DTSTART;TZID=US-Eastern:20250701T100000"}, "2025-07-01T10:00:00-04:00"},
		{"BYMONTHDAY rule, winter", monthDayZone, []string{"DTSTART;TZID=US-Eastern:20250101T100000"}, "2025-01-01T10:00:00-05:00"},
		{"rule with UNTIL, in force", endedZone, []string{"DTSTART;TZID=Ended DST:20090701T120000"}, "2009-07-01T12:00:00-04:00"},
		{"rule with UNTIL, last onset", endedZone, []string{"DTSTART;TZID=Ended DST:20101201T120000"}, "2010-12-01T12:00:00-05:00"},
		{"after the rules ended", endedZone, []string{"DTSTART;TZID=Ended DST:20250701T120000"}, "2025-07-01T12:00:00-03:00"},
		{"floating", nil, []string{"DTSTART:20251106T200000"}, "2025-11-06T20:00:00"},
		{"floating with DTEND", nil, []string{"DTSTART:20251106T200000", "DTEND:20251106T220000"}, "2025-11-06T20:00:00/2025-11-06T22:00:00"},
		{"floating with DURATION", nil, []string{"DTSTART:20251106T200000", "DURATION:PT2H"}, "2025-11-06T20:00:00/2025-11-06T22:00:00"},
		{"no date", nil, nil, ""},
		{"X-ACCORDLINE-DATE wins", nil, []string{"DTSTART;VALUE=DATE:20251101", "DTEND;VALUE=DATE:20251201", "X-ACCORDLINE-DATE:2025-11~"}, "2025-11~"},
		{"X-ACCORDLINE-DATE interval", nil, []string{"DTSTART;VALUE=DATE:20251106", "X-ACCORDLINE-DATE:2025-11-06/.."}, "2025-11-06/.."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decodeOne(t, withZone(tt.zone, append([]string{"UID:" + testUID}, tt.when...)...))
			assert.Equal(t, tt.want, e.Date.String())
		})
	}
}

func TestDecodeZoneNames(t *testing.T) {
	// A TZID of the zone database carries its name, so that the date's
	// time is in that zone; so does an Outlook name, by CLDR's table, where
	// its VTIMEZONE agrees.
	e := decodeOne(t, withZone(newYork, "UID:"+testUID, "DTSTART;TZID=America/New_York:20251106T200000"))
	assert.Equal(t, "America/New_York", e.Date.Zone())
	at, ok := e.Date.Time()
	require.True(t, ok)
	assert.True(t, at.Equal(time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC)))

	e = decodeOne(t, withZone(outlookEastern, "UID:"+testUID, "DTSTART;TZID=Eastern Standard Time:20251106T200000"))
	assert.Equal(t, "America/New_York", e.Date.Zone())
	at, ok = e.Date.Time()
	require.True(t, ok)
	assert.True(t, at.Equal(time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC)))
}

func TestDecodeManyZones(t *testing.T) {
	var ls []string
	ls = append(ls, "BEGIN:VCALENDAR")
	for i := range maxZoneLookups {
		zone := slices.Clone(listedZone)
		zone[1] = "TZID:Nowhere/Z" + strconv.Itoa(i)
		ls = append(ls, zone...)
		ls = append(ls, "BEGIN:VEVENT", "UID:"+strconv.Itoa(i), "DTSTART;TZID=Nowhere/Z"+strconv.Itoa(i)+":20250601T120000", "END:VEVENT")
	}
	ls = append(ls, listedZone...)
	ls = append(ls, "BEGIN:VEVENT", "UID:listed", "DTSTART;TZID=Paris (listed):20250601T120000", "END:VEVENT")
	n := len(ls) + 3
	ls = append(ls, "BEGIN:VEVENT", "UID:paris", "DTSTART;TZID=Europe/Paris:20250601T120000", "END:VEVENT", "END:VCALENDAR")

	_, err := decodeEvents(strings.NewReader(ics(ls...)), DecodeOptions{Strict: true})
	assert.Equal(t, []int{1, n}, lines(t, err)) // and no VERSION
	assert.ErrorContains(t, err, "beyond 100 distinct TZIDs")

	// Without the last event, every zone is read from its VTIMEZONE.
	ls = append(ls[:n-3], "END:VCALENDAR")
	evs, err := decodeEvents(strings.NewReader(ics(ls...)), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, evs, maxZoneLookups+1)
	for _, e := range evs {
		assert.Equal(t, "2025-06-01T12:00:00+02:00", e.Date.String())
	}
}
