package ical

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// at9 returns the days of a month at 09:00, as occurrences prints them.
func at9(y int, m time.Month, days ...int) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = time.Date(y, m, d, 9, 0, 0, 0, time.UTC).Format("2006-01-02 15:04")
	}
	return out
}

// days returns the days from first to last of a month, every step days.
func days(y int, m time.Month, first, last, step int) []string {
	var ds []int
	for d := first; d <= last; d += step {
		ds = append(ds, d)
	}
	return at9(y, m, ds...)
}

func cat(lists ...[]string) []string { return slices.Concat(lists...) }

// newYorkEvent is a calendar with one VEVENT in New York time, as the
// examples of RFC 5545 3.8.5.3 assume, with the zone's rules of each year
// from the zone database (the VTIMEZONE newYork has today's rules only).
func newYorkEvent(start string, props ...string) string {
	lines := []string{"UID:rfc-example@example.org", "SUMMARY:Example", "DTSTART;TZID=America/New_York:" + start}
	return oneEvent(append(lines, props...)...)
}

// occurrences decodes input with the window and returns the starts of
// its events in New York time, in timeline order.
func occurrences(t *testing.T, input, window string) []string {
	t.Helper()
	opts := &DecodeOptions{Strict: true}
	if window != "" {
		opts.Window = event.MustParseDate(window)
	}
	tl, rep, err := Decode(strings.NewReader(input), opts)
	require.NoError(t, err)
	require.Empty(t, rep.NotesOf(export.Skipped))
	ny, _ := time.LoadLocation("America/New_York")
	var out []string
	for e := range tl.All() {
		at, ok := e.Date.Start().Time()
		require.True(t, ok, "%s", e.Date)
		out = append(out, at.In(ny).Format("2006-01-02 15:04"))
	}
	return out
}

// TestRecurrenceRFC5545 expands every example of RFC 5545 3.8.5.3, in New
// York time as the RFC assumes; rules without an end within a window that
// ends where the RFC's list of occurrences does.
func TestRecurrenceRFC5545(t *testing.T) {
	sep, oct, nov, dec := time.September, time.October, time.November, time.December
	jan, feb, mar, apr := time.January, time.February, time.March, time.April
	may, jun, jul, aug := time.May, time.June, time.July, time.August
	tests := []struct {
		name, start, rule string
		extra             []string
		window            string
		want              []string
	}{
		{"daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10", nil, "", days(1997, sep, 2, 11, 1)},
		{"daily until December 24, 1997", "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z", nil, "",
			cat(days(1997, sep, 2, 30, 1), days(1997, oct, 1, 31, 1), days(1997, nov, 1, 30, 1), days(1997, dec, 1, 23, 1))},
		{"every other day, forever", "19970902T090000", "FREQ=DAILY;INTERVAL=2", nil, "1997-09-02/1997-12-03",
			cat(days(1997, sep, 2, 30, 2), days(1997, oct, 2, 30, 2), days(1997, nov, 1, 29, 2), at9(1997, dec, 1, 3))},
		{"every 10 days, 5 occurrences", "19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5", nil, "",
			cat(at9(1997, sep, 2, 12, 22), at9(1997, oct, 2, 12))},
		{"every day in January, for 3 years (YEARLY)", "19980101T090000", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", nil, "",
			cat(days(1998, jan, 1, 31, 1), days(1999, jan, 1, 31, 1), days(2000, jan, 1, 31, 1))},
		{"every day in January, for 3 years (DAILY)", "19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", nil, "",
			cat(days(1998, jan, 1, 31, 1), days(1999, jan, 1, 31, 1), days(2000, jan, 1, 31, 1))},
		{"weekly for 10 occurrences", "19970902T090000", "FREQ=WEEKLY;COUNT=10", nil, "",
			cat(at9(1997, sep, 2, 9, 16, 23, 30), at9(1997, oct, 7, 14, 21, 28), at9(1997, nov, 4))},
		{"weekly until December 24, 1997", "19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z", nil, "",
			cat(at9(1997, sep, 2, 9, 16, 23, 30), at9(1997, oct, 7, 14, 21, 28), at9(1997, nov, 4, 11, 18, 25), at9(1997, dec, 2, 9, 16, 23))},
		{"every other week, forever", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", nil, "1997-09-02/1998-02-17",
			cat(at9(1997, sep, 2, 16, 30), at9(1997, oct, 14, 28), at9(1997, nov, 11, 25), at9(1997, dec, 9, 23), at9(1998, jan, 6, 20), at9(1998, feb, 3, 17))},
		{"weekly on Tuesday and Thursday for five weeks (UNTIL)", "19970902T090000", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", nil, "",
			cat(at9(1997, sep, 2, 4, 9, 11, 16, 18, 23, 25, 30), at9(1997, oct, 2))},
		{"weekly on Tuesday and Thursday for five weeks (COUNT)", "19970902T090000", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", nil, "",
			cat(at9(1997, sep, 2, 4, 9, 11, 16, 18, 23, 25, 30), at9(1997, oct, 2))},
		{"every other week on Monday, Wednesday and Friday until December 24, 1997", "19970901T090000",
			"FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", nil, "",
			cat(at9(1997, sep, 1, 3, 5, 15, 17, 19, 29), at9(1997, oct, 1, 3, 13, 15, 17, 27, 29, 31), at9(1997, nov, 10, 12, 14, 24, 26, 28), at9(1997, dec, 8, 10, 12, 22))},
		{"every other week on Tuesday and Thursday, for 8 occurrences", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", nil, "",
			cat(at9(1997, sep, 2, 4, 16, 18, 30), at9(1997, oct, 2, 14, 16))},
		{"monthly on the first Friday for 10 occurrences", "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", nil, "",
			cat(at9(1997, sep, 5), at9(1997, oct, 3), at9(1997, nov, 7), at9(1997, dec, 5), at9(1998, jan, 2), at9(1998, feb, 6), at9(1998, mar, 6), at9(1998, apr, 3), at9(1998, may, 1), at9(1998, jun, 5))},
		{"monthly on the first Friday until December 24, 1997", "19970905T090000", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", nil, "",
			cat(at9(1997, sep, 5), at9(1997, oct, 3), at9(1997, nov, 7), at9(1997, dec, 5))},
		{"every other month on the first and last Sunday, 10 occurrences", "19970907T090000", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", nil, "",
			cat(at9(1997, sep, 7, 28), at9(1997, nov, 2, 30), at9(1998, jan, 4, 25), at9(1998, mar, 1, 29), at9(1998, may, 3, 31))},
		{"monthly on the second-to-last Monday for 6 months", "19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", nil, "",
			cat(at9(1997, sep, 22), at9(1997, oct, 20), at9(1997, nov, 17), at9(1997, dec, 22), at9(1998, jan, 19), at9(1998, feb, 16))},
		{"monthly on the third-to-the-last day, forever", "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3", nil, "1997-09-01/1998-02-26",
			cat(at9(1997, sep, 28), at9(1997, oct, 29), at9(1997, nov, 28), at9(1997, dec, 29), at9(1998, jan, 29), at9(1998, feb, 26))},
		{"monthly on the 2nd and 15th for 10 occurrences", "19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", nil, "",
			cat(at9(1997, sep, 2, 15), at9(1997, oct, 2, 15), at9(1997, nov, 2, 15), at9(1997, dec, 2, 15), at9(1998, jan, 2, 15))},
		{"monthly on the first and last day for 10 occurrences", "19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", nil, "",
			cat(at9(1997, sep, 30), at9(1997, oct, 1, 31), at9(1997, nov, 1, 30), at9(1997, dec, 1, 31), at9(1998, jan, 1, 31), at9(1998, feb, 1))},
		{"every 18 months on the 10th thru 15th for 10 occurrences", "19970910T090000", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", nil, "",
			cat(days(1997, sep, 10, 15, 1), days(1999, mar, 10, 13, 1))},
		{"every Tuesday, every other month", "19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", nil, "1997-09-01/1998-03-31",
			cat(at9(1997, sep, 2, 9, 16, 23, 30), at9(1997, nov, 4, 11, 18, 25), at9(1998, jan, 6, 13, 20, 27), at9(1998, mar, 3, 10, 17, 24, 31))},
		{"yearly in June and July for 10 occurrences", "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", nil, "",
			cat(at9(1997, jun, 10), at9(1997, jul, 10), at9(1998, jun, 10), at9(1998, jul, 10), at9(1999, jun, 10), at9(1999, jul, 10),
				at9(2000, jun, 10), at9(2000, jul, 10), at9(2001, jun, 10), at9(2001, jul, 10))},
		{"every other year on January, February and March for 10 occurrences", "19970310T090000", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", nil, "",
			cat(at9(1997, mar, 10), at9(1999, jan, 10), at9(1999, feb, 10), at9(1999, mar, 10), at9(2001, jan, 10), at9(2001, feb, 10), at9(2001, mar, 10),
				at9(2003, jan, 10), at9(2003, feb, 10), at9(2003, mar, 10))},
		{"every third year on the 1st, 100th and 200th day for 10 occurrences", "19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", nil, "",
			cat(at9(1997, jan, 1), at9(1997, apr, 10), at9(1997, jul, 19), at9(2000, jan, 1), at9(2000, apr, 9), at9(2000, jul, 18),
				at9(2003, jan, 1), at9(2003, apr, 10), at9(2003, jul, 19), at9(2006, jan, 1))},
		{"every 20th Monday of the year, forever", "19970519T090000", "FREQ=YEARLY;BYDAY=20MO", nil, "1997-01-01/1999-12-31",
			cat(at9(1997, may, 19), at9(1998, may, 18), at9(1999, may, 17))},
		{"Monday of week number 20, forever", "19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", nil, "1997-01-01/1999-12-31",
			cat(at9(1997, may, 12), at9(1998, may, 11), at9(1999, may, 17))},
		{"every Thursday in March, forever", "19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", nil, "1997-01-01/1999-12-31",
			cat(at9(1997, mar, 13, 20, 27), at9(1998, mar, 5, 12, 19, 26), at9(1999, mar, 4, 11, 18, 25))},
		{"every Thursday, but only during June, July and August, forever", "19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", nil, "1997-01-01/1999-12-31",
			cat(at9(1997, jun, 5, 12, 19, 26), at9(1997, jul, 3, 10, 17, 24, 31), at9(1997, aug, 7, 14, 21, 28),
				at9(1998, jun, 4, 11, 18, 25), at9(1998, jul, 2, 9, 16, 23, 30), at9(1998, aug, 6, 13, 20, 27),
				at9(1999, jun, 3, 10, 17, 24), at9(1999, jul, 1, 8, 15, 22, 29), at9(1999, aug, 5, 12, 19, 26))},
		{"every Friday the 13th, forever, without DTSTART", "19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
			[]string{"EXDATE;TZID=America/New_York:19970902T090000"}, "1997-01-01/2000-12-31",
			cat(at9(1998, feb, 13), at9(1998, mar, 13), at9(1998, nov, 13), at9(1999, aug, 13), at9(2000, oct, 13))},
		{"the first Saturday that follows the first Sunday of the month, forever", "19970913T090000", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", nil, "1997-01-01/1998-06-30",
			cat(at9(1997, sep, 13), at9(1997, oct, 11), at9(1997, nov, 8), at9(1997, dec, 13), at9(1998, jan, 10), at9(1998, feb, 7), at9(1998, mar, 7),
				at9(1998, apr, 11), at9(1998, may, 9), at9(1998, jun, 13))},
		{"every 4 years, the first Tuesday after a Monday in November, forever", "19961105T090000", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", nil, "1996-01-01/2004-12-31",
			cat(at9(1996, nov, 5), at9(2000, nov, 7), at9(2004, nov, 2))},
		{"the third instance of one of Tuesday, Wednesday or Thursday, for the next 3 months", "19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", nil, "",
			cat(at9(1997, sep, 4), at9(1997, oct, 7), at9(1997, nov, 6))},
		{"the second-to-last weekday of the month", "19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", nil, "1997-09-01/1998-03-31",
			cat(at9(1997, sep, 29), at9(1997, oct, 30), at9(1997, nov, 27), at9(1997, dec, 30), at9(1998, jan, 29), at9(1998, feb, 26), at9(1998, mar, 30))},
		// The RFC lists 09:00, 12:00 and 15:00, but its UNTIL, 17:00 UTC, is
		// 13:00 in New York (an erratum); both readings are tested.
		{"every 3 hours from 9:00 AM to 5:00 PM on a specific day, as written", "19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", nil, "",
			[]string{"1997-09-02 09:00", "1997-09-02 12:00"}},
		{"every 3 hours from 9:00 AM to 5:00 PM on a specific day, as meant", "19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", nil, "",
			[]string{"1997-09-02 09:00", "1997-09-02 12:00", "1997-09-02 15:00"}},
		{"every 15 minutes for 6 occurrences", "19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6", nil, "",
			[]string{"1997-09-02 09:00", "1997-09-02 09:15", "1997-09-02 09:30", "1997-09-02 09:45", "1997-09-02 10:00", "1997-09-02 10:15"}},
		{"every hour and a half for 4 occurrences", "19970902T090000", "FREQ=MINUTELY;INTERVAL=90;COUNT=4", nil, "",
			[]string{"1997-09-02 09:00", "1997-09-02 10:30", "1997-09-02 12:00", "1997-09-02 13:30"}},
		{"every 20 minutes from 9:00 AM to 4:40 PM every day (DAILY)", "19970902T090000", "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", nil, "1997-09-02/1997-09-03",
			twentyMinutes(2, 3)},
		{"every 20 minutes from 9:00 AM to 4:40 PM every day (MINUTELY)", "19970902T090000", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", nil, "1997-09-02/1997-09-03",
			twentyMinutes(2, 3)},
		{"WKST=MO", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", nil, "", at9(1997, aug, 5, 10, 19, 24)},
		{"WKST=SU", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", nil, "", at9(1997, aug, 5, 17, 19, 31)},
		{"an invalid date (February 30) is ignored", "20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", nil, "",
			cat(at9(2007, jan, 15, 30), at9(2007, feb, 15), at9(2007, mar, 15, 30))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			props := append([]string{"RRULE:" + tt.rule}, tt.extra...)
			assert.Equal(t, tt.want, occurrences(t, newYorkEvent(tt.start, props...), tt.window))
		})
	}
}

func twentyMinutes(days ...int) []string {
	var out []string
	for _, d := range days {
		for h := 9; h <= 16; h++ {
			for _, m := range []int{0, 20, 40} {
				out = append(out, fmt.Sprintf("1997-09-%02d %02d:%02d", d, h, m))
			}
		}
	}
	return out
}

// TestRecurrenceSet checks RDATE, EXDATE, RECURRENCE-ID, the IDs of
// occurrences and their link to the series.
func TestRecurrenceSet(t *testing.T) {
	input := ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
		"BEGIN:VEVENT",
		"UID:briefing@example.org",
		"SUMMARY:Weekly briefing",
		"DTSTART:20250106T100000Z",
		"DTEND:20250106T110000Z",
		"RRULE:FREQ=WEEKLY;COUNT=4",
		"RDATE:20250201T100000Z",
		"RDATE;VALUE=PERIOD:20250301T100000Z/PT3H",
		"EXDATE:20250106T100000Z", // DTSTART itself
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:briefing@example.org",
		"RECURRENCE-ID:20250120T100000Z",
		"SUMMARY:Weekly briefing, moved",
		"DTSTART:20250121T150000Z",
		"DTEND:20250121T160000Z",
		"END:VEVENT",
		"END:VCALENDAR")
	tl, rep, err := Decode(strings.NewReader(input), nil)
	require.NoError(t, err)
	require.Empty(t, rep.NotesOf(export.Skipped))
	var got []string
	series := uidToID("briefing@example.org")
	for e := range tl.All() {
		got = append(got, e.Date.String()+" "+e.Title)
		assert.Contains(t, e.Links, event.Link{Type: event.PartOf, Target: series}, e.Title)
	}
	assert.Equal(t, []string{
		"2025-01-13T10:00:00Z/2025-01-13T11:00:00Z Weekly briefing",
		"2025-01-21T15:00:00Z/2025-01-21T16:00:00Z Weekly briefing, moved",
		"2025-01-27T10:00:00Z/2025-01-27T11:00:00Z Weekly briefing",
		"2025-02-01T10:00:00Z/2025-02-01T11:00:00Z Weekly briefing",
		"2025-03-01T10:00:00Z/2025-03-01T13:00:00Z Weekly briefing",
	}, got)
	// The IDs derive from the UID and the occurrence's start in UTC: the
	// override has the ID of the occurrence it replaces.
	moved, ok := tl.Event(occurrenceID("briefing@example.org", "20250120T100000Z"))
	require.True(t, ok)
	assert.Equal(t, "Weekly briefing, moved", moved.Title)
	_, ok = tl.Event(series)
	assert.False(t, ok, "the series is not an event of its own")

	// Reading again, with a window, gives the same IDs.
	tl2, _, err := Decode(strings.NewReader(input), &DecodeOptions{Window: event.MustParseDate("2025-01-20/2025-01-31")})
	require.NoError(t, err)
	var ids []uuid.UUID
	for e := range tl2.All() {
		ids = append(ids, e.ID)
		_, ok := tl.Event(e.ID)
		assert.True(t, ok)
	}
	assert.Len(t, ids, 2)
}

// TestRecurrenceBounds checks that a rule without an end needs a window,
// and that the work stays bounded.
func TestRecurrenceBounds(t *testing.T) {
	forever := newYorkEvent("20250106T100000", "RRULE:FREQ=DAILY")
	_, err := decodeEvents(strings.NewReader(forever), DecodeOptions{Strict: true})
	require.ErrorIs(t, err, ErrSyntax)
	assert.ErrorContains(t, err, "no COUNT or UNTIL")

	tl, rep, err := Decode(strings.NewReader(forever), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, tl.Len(), "the first occurrence alone")
	assert.NotEmpty(t, rep.NotesOf(export.Dropped))

	tl, _, err = Decode(strings.NewReader(forever), &DecodeOptions{Window: event.MustParseDate("2025-02")})
	require.NoError(t, err)
	assert.Equal(t, 28, tl.Len())

	// A window with no end bounds nothing.
	tl, _, err = Decode(strings.NewReader(forever), &DecodeOptions{Window: event.MustParseDate("2025-02-01/..")})
	require.NoError(t, err)
	assert.Equal(t, 0, tl.Len(), "DTSTART is before the window")

	// Every second for a century: bounded by MaxOccurrences, and noted.
	costly := newYorkEvent("20000101T000000", "RRULE:FREQ=SECONDLY;UNTIL=21000101T000000Z")
	tl, rep, err = Decode(strings.NewReader(costly), &DecodeOptions{MaxOccurrences: 1000})
	require.NoError(t, err)
	assert.Equal(t, 1000, tl.Len())
	assert.NotEmpty(t, rep.NotesOf(export.Dropped))

	// A rule that never occurs gives up after a bounded number of steps.
	never := newYorkEvent("20000101T000000", "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2")
	start := time.Now()
	tl, rep, err = Decode(strings.NewReader(never), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, tl.Len(), "DTSTART alone")
	assert.NotEmpty(t, rep.NotesOf(export.Dropped))
	assert.Less(t, time.Since(start), 10*time.Second)
}

func TestParseRRuleErrors(t *testing.T) {
	for _, s := range []string{
		"", "COUNT=2", "FREQ=DAILY;COUNT=2;UNTIL=20250101", "FREQ=HOURLY;BYWEEKNO=2", "FREQ=DAILY;BYYEARDAY=3",
		"FREQ=WEEKLY;BYMONTHDAY=3", "FREQ=DAILY;BYSETPOS=1", "FREQ=WEEKLY;BYDAY=1MO", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO",
		"FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;BYHOUR=24", "FREQ=DAILY;BYMONTH=13", "FREQ=DAILY;WKST=XX", "FREQ=FORTNIGHTLY",
		"FREQ=DAILY;FREQ=DAILY", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=YEARLY;BYDAY=54MO", "FREQ=DAILY;UNTIL=2025",
	} {
		_, err := parseRRule(s)
		assert.Error(t, err, s)
	}
	r, err := parseRRule("freq=monthly;byday=-1fr, 1MO;X-NAME=1;")
	require.NoError(t, err)
	assert.Equal(t, []weekdayNum{{n: -1, wd: time.Friday}, {n: 1, wd: time.Monday}}, r.byDay)
}
