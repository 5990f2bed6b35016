package ical

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// zonesUnderTest are zones with yearly rules in both hemispheres, rules
// that changed, half-hour and negative daylight saving time, and irregular
// changes (Morocco's around Ramadan, Samoa's day skipped).
var zonesUnderTest = []string{
	"America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe",
	"Asia/Jerusalem", "America/Sao_Paulo", "Africa/Casablanca", "Europe/Moscow",
	"Pacific/Apia", "Asia/Tehran", "America/Santiago", "Europe/Dublin", "Asia/Almaty",
	"Asia/Kolkata", "UTC", "America/St_Johns", "Africa/Cairo",
}

// writtenZone writes the VTIMEZONE of name for the years and reads it
// back with the package's reader.
func writtenZone(t *testing.T, name string, first, last int) (*vtimezone, string) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	var lw lineWriter
	lw.writeTimezone(loc, first, last)
	text := string(lw.out)
	d, err := parse(strings.NewReader("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"+text+"END:VCALENDAR\r\n"), &DecodeOptions{Strict: true})
	require.NoError(t, err, text)
	require.Len(t, d.cals, 1)
	tz := d.cals[0].zones[name]
	require.NotNil(t, tz, text)
	return tz, text
}

// TestTimezoneExact checks every VTIMEZONE the writer makes against the Go
// zone database: every fifth hour of the years it covers (five hours, so
// that every hour of the day comes), and the seconds and hours around
// every change of offset, the local time resolves through the
// VTIMEZONE to the instant it came from, but in the hour repeated when
// clocks go back, where a local time means its first instant (RFC 5545
// 3.3.5) and the writer writes the second in UTC.
func TestTimezoneExact(t *testing.T) {
	for _, name := range zonesUnderTest {
		for _, years := range [][2]int{{2025, 2025}, {1995, 2035}, {1970, 1972}} {
			t.Run(fmt.Sprint(name, years), func(t *testing.T) {
				tz, text := writtenZone(t, name, years[0], years[1])
				loc, _ := time.LoadLocation(name)
				start := time.Date(years[0], 1, 1, 0, 0, 0, 0, loc)
				end := time.Date(years[1]+1, 1, 1, 0, 0, 0, 0, loc)
				instants := []time.Time{}
				for at := start; at.Before(end); at = at.Add(5 * time.Hour) {
					instants = append(instants, at)
				}
				for _, c := range zoneChanges(loc, start, end) {
					at := c.onset
					instants = append(instants, at.Add(-time.Hour), at.Add(-time.Second), at, at.Add(time.Second), at.Add(time.Hour))
				}
				// Every observance has an onset before the first year, as
				// the Ruby icalendar gem needs.
				for _, o := range tz.obs {
					y, m, d := start.Date()
					on, ok := o.onset(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(-time.Second))
					assert.True(t, ok && on.Year() < years[0], "observance of line %d begins in %d", o.line, on.Year())
				}
				bad := 0
				for _, at := range instants {
					at = at.In(loc)
					if ambiguous(at) {
						continue
					}
					y, m, d := at.Date()
					wall := time.Date(y, m, d, at.Hour(), at.Minute(), at.Second(), 0, time.UTC)
					off, _, err := tz.offsetAt(wall)
					require.NoError(t, err)
					if _, want := at.Zone(); off != want {
						t.Errorf("%s: local %s: VTIMEZONE gives %d, the zone database %d", name, wall.Format("2006-01-02T15:04:05"), off, want)
						if bad++; bad > 5 {
							t.Fatalf("VTIMEZONE:\n%s", text)
						}
					}
				}
			})
		}
	}
}

// TestTimezoneRules checks that yearly changes are written as rules, as
// Outlook and Google write them, and that irregular ones are dated.
func TestTimezoneRules(t *testing.T) {
	_, text := writtenZone(t, "Europe/Berlin", 2000, 2030)
	assert.Equal(t, 4, strings.Count(text, "BEGIN:"), text) // VTIMEZONE, 1 January and two rules
	assert.Contains(t, text, "DTSTART:19990328T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n")
	assert.Contains(t, text, "DTSTART:19991031T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n")

	// New York changed its rule in 2007: the old rules end with UNTIL;
	// the new ones begin within the years, and are RDATEs of observances
	// that begin before them.
	_, text = writtenZone(t, "America/New_York", 2000, 2030)
	assert.Contains(t, text, "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z\r\n")
	assert.Contains(t, text, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\r\n")
	assert.Contains(t, text, "RDATE:20070311T020000\r\nRDATE:20080309T020000\r\n")
	assert.Contains(t, text, "RDATE:20071104T020000\r\nRDATE:20081102T020000\r\n")

	// Within one rule's years, the rules alone.
	_, text = writtenZone(t, "America/New_York", 2025, 2025)
	assert.Contains(t, text, "DTSTART:20240310T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n")
	assert.NotContains(t, text, "RDATE")

	// A zone without changes has its one observance.
	_, text = writtenZone(t, "Asia/Kolkata", 2025, 2025)
	assert.Equal(t, 1, strings.Count(text, "BEGIN:STANDARD"), text)
	assert.NotContains(t, text, "RRULE")
}

// TestZoneChangesAsScanned: zoneChanges finds the changes of offset that
// a scan of every hour finds (all of them: none of these zones changes
// twice within an hour), at the second the scan narrows each to.
func TestZoneChangesAsScanned(t *testing.T) {
	for _, name := range append(zonesUnderTest, "America/Caracas", "Asia/Pyongyang", "Europe/London") {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		start := time.Date(1900, 1, 1, 0, 0, 0, 0, loc)
		end := time.Date(2040, 1, 1, 0, 0, 0, 0, loc)
		var want []time.Time
		_, off := start.Zone()
		for at := start; at.Before(end); at = at.Add(time.Hour) {
			if _, o := at.Zone(); o != off {
				lo, hi := at.Add(-time.Hour).Unix(), at.Unix()
				for hi-lo > 1 {
					if mid := lo + (hi-lo)/2; func() bool { _, o := time.Unix(mid, 0).In(loc).Zone(); return o == off }() {
						lo = mid
					} else {
						hi = mid
					}
				}
				want = append(want, time.Unix(hi, 0))
				off = o
			}
		}
		var got []time.Time
		for _, c := range zoneChanges(loc, start, end) {
			got = append(got, time.Unix(c.onset.Unix(), 0))
			_, from := c.onset.Zone()
			assert.Equal(t, c.from, from, "%s: %s", name, c.onset)
		}
		if name != "UTC" {
			require.NotEmpty(t, want, name)
		}
		assert.Equal(t, want, got, name)
	}
}
