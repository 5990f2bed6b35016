package event

import (
	"encoding"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dtDay is date.New, short for the tables below.
func dtDay(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// dtParse parses s, with "" standing for the zero Date.
func dtParse(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	require.NoError(t, err, "ParseDate(%q)", s)
	return d
}

func dtLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

var (
	_ encoding.TextMarshaler   = Date{}
	_ encoding.TextAppender    = Date{}
	_ encoding.TextUnmarshaler = (*Date)(nil)
)

type dtValidCase struct {
	in       string
	want     string // canonical String(); "" means the same as in
	earliest date.Date
	latest   date.Date
	prec     Precision
	qual     Qualifier
	start    Bound
	end      Bound
	interval bool
	hasTime  bool
}

func dtValidCases() []dtValidCase {
	K, O, U := BoundKnown, BoundOpen, BoundUnknown
	min, max := date.Min(), date.Max()
	const (
		Jan = time.January
		Feb = time.February
		Mar = time.March
		Apr = time.April
		May = time.May
		Jun = time.June
		Jul = time.July
		Aug = time.August
		Sep = time.September
		Nov = time.November
		Dec = time.December
	)
	UA := Uncertain | Approximate
	return []dtValidCase{
		// Years.
		{in: "1992", earliest: dtDay(1992, Jan, 1), latest: dtDay(1992, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "0000", earliest: dtDay(0, Jan, 1), latest: dtDay(0, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "0001", earliest: dtDay(1, Jan, 1), latest: dtDay(1, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "9999", earliest: dtDay(9999, Jan, 1), latest: dtDay(9999, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "-1985", earliest: dtDay(-1985, Jan, 1), latest: dtDay(-1985, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "-0044", earliest: dtDay(-44, Jan, 1), latest: dtDay(-44, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "-9999", earliest: dtDay(-9999, Jan, 1), latest: dtDay(-9999, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y10000", earliest: dtDay(10000, Jan, 1), latest: dtDay(10000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y-10000", earliest: dtDay(-10000, Jan, 1), latest: dtDay(-10000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y170000", earliest: dtDay(170000, Jan, 1), latest: dtDay(170000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y-170000", earliest: dtDay(-170000, Jan, 1), latest: dtDay(-170000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y5000000", earliest: dtDay(5000000, Jan, 1), latest: dtDay(5000000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		{in: "Y-5000000", earliest: dtDay(-5000000, Jan, 1), latest: dtDay(-5000000, Dec, 31), prec: PrecisionYear, start: K, end: K},
		// Extension: "Y" years with month, season, day and time.
		{in: "Y17000-01", earliest: dtDay(17000, Jan, 1), latest: dtDay(17000, Jan, 31), prec: PrecisionMonth, start: K, end: K},
		{in: "Y-10000-02-29", earliest: dtDay(-10000, Feb, 29), latest: dtDay(-10000, Feb, 29), prec: PrecisionDay, start: K, end: K},
		{in: "Y10000-24", earliest: dtDay(10000, Dec, 1), latest: dtDay(10001, Feb, 28), prec: PrecisionSeason, start: K, end: K},
		{in: "Y12345-XX-XX?", earliest: dtDay(12345, Jan, 1), latest: dtDay(12345, Dec, 31), prec: PrecisionDay, qual: Uncertain, start: K, end: K},
		{in: "Y10000-01-01T00:00:00Z", earliest: dtDay(10000, Jan, 1), latest: dtDay(10000, Jan, 1), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "Y5000000-12-31", earliest: dtDay(5000000, Dec, 31), latest: dtDay(5000000, Dec, 31), prec: PrecisionDay, start: K, end: K},

		// Months and days.
		{in: "2025-11", earliest: dtDay(2025, Nov, 1), latest: dtDay(2025, Nov, 30), prec: PrecisionMonth, start: K, end: K},
		{in: "2025-01", earliest: dtDay(2025, Jan, 1), latest: dtDay(2025, Jan, 31), prec: PrecisionMonth, start: K, end: K},
		{in: "2025-12", earliest: dtDay(2025, Dec, 1), latest: dtDay(2025, Dec, 31), prec: PrecisionMonth, start: K, end: K},
		{in: "2025-02", earliest: dtDay(2025, Feb, 1), latest: dtDay(2025, Feb, 28), prec: PrecisionMonth, start: K, end: K},
		{in: "2024-02", earliest: dtDay(2024, Feb, 1), latest: dtDay(2024, Feb, 29), prec: PrecisionMonth, start: K, end: K},
		{in: "-0044-03", earliest: dtDay(-44, Mar, 1), latest: dtDay(-44, Mar, 31), prec: PrecisionMonth, start: K, end: K},
		{in: "2025-11-06", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionDay, start: K, end: K},
		{in: "2024-02-29", earliest: dtDay(2024, Feb, 29), latest: dtDay(2024, Feb, 29), prec: PrecisionDay, start: K, end: K},
		{in: "2000-02-29", earliest: dtDay(2000, Feb, 29), latest: dtDay(2000, Feb, 29), prec: PrecisionDay, start: K, end: K},
		{in: "0000-02-29", earliest: dtDay(0, Feb, 29), latest: dtDay(0, Feb, 29), prec: PrecisionDay, start: K, end: K},
		{in: "-0044-03-15", earliest: dtDay(-44, Mar, 15), latest: dtDay(-44, Mar, 15), prec: PrecisionDay, start: K, end: K},
		{in: "2025-12-31", earliest: dtDay(2025, Dec, 31), latest: dtDay(2025, Dec, 31), prec: PrecisionDay, start: K, end: K},

		// Seasons: northern meteorological, winter running into February.
		{in: "2001-21", earliest: dtDay(2001, Mar, 1), latest: dtDay(2001, May, 31), prec: PrecisionSeason, start: K, end: K},
		{in: "2001-22", earliest: dtDay(2001, Jun, 1), latest: dtDay(2001, Aug, 31), prec: PrecisionSeason, start: K, end: K},
		{in: "2001-23", earliest: dtDay(2001, Sep, 1), latest: dtDay(2001, Nov, 30), prec: PrecisionSeason, start: K, end: K},
		{in: "2001-24", earliest: dtDay(2001, Dec, 1), latest: dtDay(2002, Feb, 28), prec: PrecisionSeason, start: K, end: K},
		{in: "2003-24", earliest: dtDay(2003, Dec, 1), latest: dtDay(2004, Feb, 29), prec: PrecisionSeason, start: K, end: K},
		{in: "-0001-24", earliest: dtDay(-1, Dec, 1), latest: dtDay(0, Feb, 29), prec: PrecisionSeason, start: K, end: K},

		// Unspecified digits.
		{in: "201X", earliest: dtDay(2010, Jan, 1), latest: dtDay(2019, Dec, 31), prec: PrecisionDecade, start: K, end: K},
		{in: "20XX", earliest: dtDay(2000, Jan, 1), latest: dtDay(2099, Dec, 31), prec: PrecisionCentury, start: K, end: K},
		{in: "2XXX", earliest: dtDay(2000, Jan, 1), latest: dtDay(2999, Dec, 31), prec: PrecisionMillennium, start: K, end: K},
		{in: "0XXX", earliest: dtDay(0, Jan, 1), latest: dtDay(999, Dec, 31), prec: PrecisionMillennium, start: K, end: K},
		{in: "-201X", earliest: dtDay(-2019, Jan, 1), latest: dtDay(-2010, Dec, 31), prec: PrecisionDecade, start: K, end: K},
		{in: "-1XXX", earliest: dtDay(-1999, Jan, 1), latest: dtDay(-1000, Dec, 31), prec: PrecisionMillennium, start: K, end: K},
		{in: "2004-XX", earliest: dtDay(2004, Jan, 1), latest: dtDay(2004, Dec, 31), prec: PrecisionMonth, start: K, end: K},
		{in: "1985-04-XX", earliest: dtDay(1985, Apr, 1), latest: dtDay(1985, Apr, 30), prec: PrecisionDay, start: K, end: K},
		{in: "1985-XX-XX", earliest: dtDay(1985, Jan, 1), latest: dtDay(1985, Dec, 31), prec: PrecisionDay, start: K, end: K},
		{in: "2024-02-XX", earliest: dtDay(2024, Feb, 1), latest: dtDay(2024, Feb, 29), prec: PrecisionDay, start: K, end: K},

		// Date and time.
		{in: "2025-11-06T20:00:00", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "1985-04-12T23:20:30Z", earliest: dtDay(1985, Apr, 12), latest: dtDay(1985, Apr, 12), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "1985-04-12T23:20:30-04", want: "1985-04-12T23:20:30-04:00", earliest: dtDay(1985, Apr, 12), latest: dtDay(1985, Apr, 12), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "1985-04-12T23:20:30+04:30", earliest: dtDay(1985, Apr, 12), latest: dtDay(1985, Apr, 12), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "1985-04-12T00:00:00+00", want: "1985-04-12T00:00:00+00:00", earliest: dtDay(1985, Apr, 12), latest: dtDay(1985, Apr, 12), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "1985-04-12T23:59:59+23:59", earliest: dtDay(1985, Apr, 12), latest: dtDay(1985, Apr, 12), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00-05:00[America/New_York]", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-07-06T20:00:00-04:00[America/New_York]", earliest: dtDay(2025, Jul, 6), latest: dtDay(2025, Jul, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00+05:30[Asia/Kolkata]", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00+00:00[UTC]", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00-05:00[Etc/GMT+5]", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		// Both offsets of the repeated hour when clocks go back are valid.
		{in: "2025-11-02T01:30:00-04:00[America/New_York]", earliest: dtDay(2025, Nov, 2), latest: dtDay(2025, Nov, 2), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "2025-11-02T01:30:00-05:00[America/New_York]", earliest: dtDay(2025, Nov, 2), latest: dtDay(2025, Nov, 2), prec: PrecisionSecond, start: K, end: K, hasTime: true},
		{in: "-0044-03-15T12:00:00", earliest: dtDay(-44, Mar, 15), latest: dtDay(-44, Mar, 15), prec: PrecisionSecond, start: K, end: K, hasTime: true},

		// Qualifiers.
		{in: "1984?", earliest: dtDay(1984, Jan, 1), latest: dtDay(1984, Dec, 31), prec: PrecisionYear, qual: Uncertain, start: K, end: K},
		{in: "2004-06~", earliest: dtDay(2004, Jun, 1), latest: dtDay(2004, Jun, 30), prec: PrecisionMonth, qual: Approximate, start: K, end: K},
		{in: "2004-06-11%", earliest: dtDay(2004, Jun, 11), latest: dtDay(2004, Jun, 11), prec: PrecisionDay, qual: UA, start: K, end: K},
		{in: "2001-21~", earliest: dtDay(2001, Mar, 1), latest: dtDay(2001, May, 31), prec: PrecisionSeason, qual: Approximate, start: K, end: K},
		{in: "201X?", earliest: dtDay(2010, Jan, 1), latest: dtDay(2019, Dec, 31), prec: PrecisionDecade, qual: Uncertain, start: K, end: K},
		{in: "1985-XX-XX~", earliest: dtDay(1985, Jan, 1), latest: dtDay(1985, Dec, 31), prec: PrecisionDay, qual: Approximate, start: K, end: K},
		{in: "Y-170000%", earliest: dtDay(-170000, Jan, 1), latest: dtDay(-170000, Dec, 31), prec: PrecisionYear, qual: UA, start: K, end: K},
		{in: "-0044?", earliest: dtDay(-44, Jan, 1), latest: dtDay(-44, Dec, 31), prec: PrecisionYear, qual: Uncertain, start: K, end: K},
		{in: "2025-11-06T20:00:00-05:00~", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, qual: Approximate, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00~", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, qual: Approximate, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00Z?", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, qual: Uncertain, start: K, end: K, hasTime: true},
		{in: "2025-11-06T20:00:00-05:00[America/New_York]%", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, qual: UA, start: K, end: K, hasTime: true},

		// Level 0 intervals.
		{in: "1964/2008", earliest: dtDay(1964, Jan, 1), latest: dtDay(2008, Dec, 31), prec: PrecisionYear, start: K, end: K, interval: true},
		{in: "2004-06/2006-08", earliest: dtDay(2004, Jun, 1), latest: dtDay(2006, Aug, 31), prec: PrecisionMonth, start: K, end: K, interval: true},
		{in: "2004-02-01/2005-02-08", earliest: dtDay(2004, Feb, 1), latest: dtDay(2005, Feb, 8), prec: PrecisionDay, start: K, end: K, interval: true},
		{in: "2004-02-01/2005-02", earliest: dtDay(2004, Feb, 1), latest: dtDay(2005, Feb, 28), prec: PrecisionMonth, start: K, end: K, interval: true},
		{in: "2004-02-01/2005", earliest: dtDay(2004, Feb, 1), latest: dtDay(2005, Dec, 31), prec: PrecisionYear, start: K, end: K, interval: true},
		{in: "2005/2006-02", earliest: dtDay(2005, Jan, 1), latest: dtDay(2006, Feb, 28), prec: PrecisionYear, start: K, end: K, interval: true},
		{in: "2025-11-06/2025-11-06", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionDay, start: K, end: K, interval: true},
		{in: "2025-11/2025-11-06", earliest: dtDay(2025, Nov, 1), latest: dtDay(2025, Nov, 6), prec: PrecisionMonth, start: K, end: K, interval: true},
		{in: "-0500/0500", earliest: dtDay(-500, Jan, 1), latest: dtDay(500, Dec, 31), prec: PrecisionYear, start: K, end: K, interval: true},
		{in: "201X/2025", earliest: dtDay(2010, Jan, 1), latest: dtDay(2025, Dec, 31), prec: PrecisionDecade, start: K, end: K, interval: true},
		{in: "2001-24/2002-02", earliest: dtDay(2001, Dec, 1), latest: dtDay(2002, Feb, 28), prec: PrecisionSeason, start: K, end: K, interval: true},
		{in: "Y-10000/Y10000", earliest: dtDay(-10000, Jan, 1), latest: dtDay(10000, Dec, 31), prec: PrecisionYear, start: K, end: K, interval: true},

		// Open and unknown ends.
		{in: "2025-11-06/..", earliest: dtDay(2025, Nov, 6), latest: max, prec: PrecisionDay, start: K, end: O, interval: true},
		{in: "1985-04/..", earliest: dtDay(1985, Apr, 1), latest: max, prec: PrecisionMonth, start: K, end: O, interval: true},
		{in: "1985/..", earliest: dtDay(1985, Jan, 1), latest: max, prec: PrecisionYear, start: K, end: O, interval: true},
		{in: "../1985-04-12", earliest: min, latest: dtDay(1985, Apr, 12), prec: PrecisionDay, start: O, end: K, interval: true},
		{in: "../1985", earliest: min, latest: dtDay(1985, Dec, 31), prec: PrecisionYear, start: O, end: K, interval: true},
		{in: "1985-04-12/", earliest: dtDay(1985, Apr, 12), latest: max, prec: PrecisionDay, start: K, end: U, interval: true},
		{in: "/1985-04-12", earliest: min, latest: dtDay(1985, Apr, 12), prec: PrecisionDay, start: U, end: K, interval: true},
		{in: "/1985", earliest: min, latest: dtDay(1985, Dec, 31), prec: PrecisionYear, start: U, end: K, interval: true},
		{in: "1985/", earliest: dtDay(1985, Jan, 1), latest: max, prec: PrecisionYear, start: K, end: U, interval: true},
		// Neither end known: all time.
		{in: "../..", earliest: min, latest: max, prec: PrecisionNone, start: O, end: O, interval: true},
		{in: "/", earliest: min, latest: max, prec: PrecisionNone, start: U, end: U, interval: true},
		{in: "../", earliest: min, latest: max, prec: PrecisionNone, start: O, end: U, interval: true},
		{in: "/..", earliest: min, latest: max, prec: PrecisionNone, start: U, end: O, interval: true},

		// Level 1 qualified intervals.
		{in: "1984-06?/2004-08?", earliest: dtDay(1984, Jun, 1), latest: dtDay(2004, Aug, 31), prec: PrecisionMonth, qual: Uncertain, start: K, end: K, interval: true},
		{in: "1984-06-02?/2004-08-08~", earliest: dtDay(1984, Jun, 2), latest: dtDay(2004, Aug, 8), prec: PrecisionDay, qual: UA, start: K, end: K, interval: true},
		{in: "2004-06~/2004-06-11%", earliest: dtDay(2004, Jun, 1), latest: dtDay(2004, Jun, 11), prec: PrecisionMonth, qual: UA, start: K, end: K, interval: true},
		{in: "2003/2004-06-11%", earliest: dtDay(2003, Jan, 1), latest: dtDay(2004, Jun, 11), prec: PrecisionYear, qual: UA, start: K, end: K, interval: true},
		{in: "1952-23~/1953", earliest: dtDay(1952, Sep, 1), latest: dtDay(1953, Dec, 31), prec: PrecisionYear, qual: Approximate, start: K, end: K, interval: true},
		{in: "1984-06-02?/", earliest: dtDay(1984, Jun, 2), latest: max, prec: PrecisionDay, qual: Uncertain, start: K, end: U, interval: true},
		{in: "../2025-11~", earliest: min, latest: dtDay(2025, Nov, 30), prec: PrecisionMonth, qual: Approximate, start: O, end: K, interval: true},

		// Intervals with times.
		{in: "2025-11-06T20:00:00-05:00/2025-11-06T23:00:00-05:00", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, interval: true},
		{in: "2025-11-06T20:00:00/2025-11-06T20:00:00", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: K, end: K, interval: true},
		{in: "2025-11-06T20:00:00Z/..", earliest: dtDay(2025, Nov, 6), latest: max, prec: PrecisionSecond, start: K, end: O, interval: true},
		{in: "/2025-11-06T20:00:00+01", want: "/2025-11-06T20:00:00+01:00", earliest: min, latest: dtDay(2025, Nov, 6), prec: PrecisionSecond, start: U, end: K, interval: true},
		{in: "2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07T02:00:00+01:00[Europe/Paris]~", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 7), prec: PrecisionSecond, qual: Approximate, start: K, end: K, interval: true},
		{in: "2025-11-06T20:00:00/2025-11-07", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 7), prec: PrecisionDay, start: K, end: K, interval: true},
		{in: "2025-11-06/2025-11-06T08:00:00", earliest: dtDay(2025, Nov, 6), latest: dtDay(2025, Nov, 6), prec: PrecisionDay, start: K, end: K, interval: true},
	}
}

// TestDateParseValid checks every accepted form with its canonical text,
// covered range, precision, qualifier and bounds.
func TestDateParseValid(t *testing.T) {
	for _, tc := range dtValidCases() {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			require.NoError(t, err)
			want := tc.want
			if want == "" {
				want = tc.in
			}
			assert.Equal(t, want, d.String(), "String")
			assert.Equal(t, tc.earliest, d.first(), "Earliest: got %s want %s", d.first(), tc.earliest)
			assert.Equal(t, tc.latest, d.last(), "Latest: got %s want %s", d.last(), tc.latest)
			assert.Equal(t, tc.prec, d.Precision(), "Precision")
			assert.Equal(t, tc.qual, d.Qualifier(), "Qualifier")
			assert.Equal(t, tc.start, d.StartBound(), "StartBound")
			assert.Equal(t, tc.end, d.EndBound(), "EndBound")
			assert.Equal(t, tc.start == BoundKnown && tc.end == BoundKnown, d.Bounded(), "Bounded")
			assert.Equal(t, tc.interval, d.IsInterval(), "IsInterval")
			assert.Equal(t, tc.hasTime, d.HasTime(), "HasTime")
			assert.False(t, d.IsZero(), "IsZero")
			assert.LessOrEqual(t, d.first(), d.last())

			// The canonical form reads back to the same Date.
			back, err := ParseDate(d.String())
			require.NoError(t, err)
			assert.True(t, back == d, "ParseDate(String()) != d")
			assert.True(t, back.Equal(d))
			assert.Equal(t, 0, back.Compare(d))
			assert.Equal(t, d, MustParseDate(tc.in))
		})
	}
}

// TestDateParseDocExamples keeps the ParseDate documentation true: every
// example it gives as accepted parses and reads back, and every one it
// gives as rejected fails with the reason it names.
func TestDateParseDocExamples(t *testing.T) {
	for _, s := range []string{
		"1992", "-0044", "Y170000", "2025-11", "2025-11-06", "2001-21", "2001-24",
		"201X", "20XX", "2025-XX", "2XXX", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30+05",
		"1985-04-12T23:20:30+05:30", "1985-04-12T23:20:30", "1985-04-12T23:20:30+00",
		"2026-03~", "1984?", "2004-06-11%", "2025-11-05/2025-11-07", "2025-11-06/..", "2025-11-06/",
		"../..", "/", "../", "/..", "Y-5000000", "Y5000000",
		"2025-11-06T20:00:00-05:00[America/New_York]", "2025-11-06T20:00:00-05:00~",
		"Y10000-01-01", "Y-12345-06~",
	} {
		d, err := ParseDate(s)
		if assert.NoError(t, err, s) {
			assert.Equal(t, d, MustParseDate(d.String()), s)
		}
	}
	for s, want := range map[string]error{
		"Y170000002":                ErrYearOutOfRange,
		"1985-04-12T23:20:30-00":    ErrNegativeZero,
		"1985-04-12T23:20:30-00:00": ErrNegativeZero,
		"[1667, 1668]":              ErrLevel2,
		"{1960, 1961-12}":           ErrLevel2,
		"2004?-06":                  ErrLevel2,
		"2004-~06-11":               ErrLevel2,
		"156X-12-25":                ErrLevel2,
		"1985-XX-12":                ErrLevel2,
		"1984-1X":                   ErrLevel2,
		"XXXX":                      ErrLevel2,
		"Y17E7":                     ErrLevel2,
		"1950S2":                    ErrLevel2,
		"2001-25":                   ErrLevel2,
		"2001-41":                   ErrLevel2,
		"2025-11-06T20:00:00.5Z":    ErrDateSyntax,
		"2025-11-06T24:00:00":       ErrTimeOutOfRange,
		"2025-02-30":                ErrDayOutOfRange,
	} {
		_, err := ParseDate(s)
		assert.ErrorIs(t, err, want, s)
	}
	// A negative zero offset is also out of range, for callers that test
	// for that.
	_, err := ParseDate("1985-04-12T23:20:30-00:00")
	assert.ErrorIs(t, err, ErrOffsetRange)
	assert.Equal(t, `date "1985-04-12T23:20:30-00:00": zone offset out of range: a zero offset is written +00:00 or Z, not -00:00`, err.Error())
	_, err = ParseDate("2004?-06-11")
	assert.Equal(t, `date "2004?-06-11": EDTF level 2 is not supported`, err.Error())
}

// TestDateParseInvalid checks that every malformed or impossible date is
// rejected with a *DateError that carries the input and the right reason.
func TestDateParseInvalid(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{"", ErrEmptyDate},

		// Calendar values out of range.
		{"2025-02-30", ErrDayOutOfRange},
		{"2023-02-29", ErrDayOutOfRange},
		{"1900-02-29", ErrDayOutOfRange},
		{"2025-04-31", ErrDayOutOfRange},
		{"2025-11-00", ErrDayOutOfRange},
		{"2025-11-32", ErrDayOutOfRange},
		{"2025-13", ErrMonthOutOfRange},
		{"2025-00", ErrMonthOutOfRange},
		{"2025-20", ErrMonthOutOfRange},
		{"2025-25", ErrLevel2},
		{"2025-99", ErrMonthOutOfRange},
		{"2025-00-01", ErrMonthOutOfRange},
		{"2025-11-06T24:00:00", ErrTimeOutOfRange},
		{"2025-11-06T23:60:00", ErrTimeOutOfRange},
		{"2025-11-06T23:59:60", ErrTimeOutOfRange},
		{"2025-11-06T20:00:00+24:00", ErrOffsetRange},
		{"2025-11-06T20:00:00-24", ErrOffsetRange},
		{"2025-11-06T20:00:00+05:60", ErrOffsetRange},
		{"2025-11-06T20:00:00-00:00", ErrNegativeZero},
		{"2025-11-06T20:00:00-00", ErrNegativeZero},

		// Years.
		{"-0000", ErrDateSyntax},
		{"-0XXX", ErrDateSyntax},
		{"-00XX", ErrDateSyntax},
		{"-000X", ErrDateSyntax},
		{"Y2025", ErrDateSyntax},
		{"Y9999", ErrDateSyntax},
		{"Y-9999", ErrDateSyntax},
		{"Y1", ErrDateSyntax},
		{"Y", ErrDateSyntax},
		{"Y-", ErrDateSyntax},
		{"Y012345", ErrDateSyntax},
		{"Y17000-13", ErrMonthOutOfRange},
		{"Y10001-02-29", ErrDayOutOfRange},
		{"Y17000-1", ErrDateSyntax},
		{"Y17000-01-01T24:00:00", ErrTimeOutOfRange},
		{"Y17000X", ErrDateSyntax},
		{"y17000", ErrDateSyntax},
		{"Y5000001", ErrYearOutOfRange},
		{"Y-5000001", ErrYearOutOfRange},
		{"Y9999999", ErrYearOutOfRange},
		{"Y170000002", ErrYearOutOfRange},
		{"Y-170000002", ErrYearOutOfRange},
		{"12025", ErrDateSyntax},
		{"202", ErrDateSyntax},
		{"-", ErrDateSyntax},
		{"+2025", ErrDateSyntax},

		// Unspecified digits beyond level 1 (EDTF level 2), or lower case.
		{"1985-XX-12", ErrLevel2},
		{"201X-05", ErrLevel2},
		{"201X-XX", ErrLevel2},
		{"XXXX", ErrLevel2},
		{"X025", ErrLevel2},
		{"2X1X", ErrLevel2},
		{"20X5", ErrLevel2},
		{"201x", ErrDateSyntax},
		{"2025-xx", ErrDateSyntax},
		{"2025-11-xx", ErrDateSyntax},
		{"2025-X1", ErrLevel2},
		{"2025-11-1X", ErrLevel2},
		{"2025-21-01", ErrDateSyntax},
		{"2025-21-XX", ErrDateSyntax},
		{"156X-12-25", ErrLevel2},

		// Formats other than the EDTF extended format.
		{"20251106", ErrDateSyntax},
		{"2025-1106", ErrDateSyntax},
		{"2025-1", ErrDateSyntax},
		{"2025-", ErrDateSyntax},
		{"2025-11-", ErrDateSyntax},
		{"2025-11-6", ErrDateSyntax},
		{"06/11/2025", ErrDateSyntax},
		{"2025-11-06T200000", ErrDateSyntax},
		{"2025-11-06T20:00", ErrDateSyntax},
		{"2025-11-06T20", ErrDateSyntax},
		{"2025-11-06T", ErrDateSyntax},
		{"2025-11-06T20:00:00.5", ErrDateSyntax},
		{"2025-11-06T20:00:00,5Z", ErrDateSyntax},
		{"2025-11-06t20:00:00", ErrDateSyntax},
		{"2025-11-06 20:00:00", ErrDateSyntax},
		{"2025-11-06T20:00:00z", ErrDateSyntax},
		{"2025-11-06T20:00:00+0500", ErrDateSyntax},
		{"2025-11-06T20:00:00+5", ErrDateSyntax},
		{"2025-11-06T20:00:00+05:", ErrDateSyntax},
		{"2025-11-06T20:00:00+05:3", ErrDateSyntax},
		{"2025-11-06TXX:00:00", ErrDateSyntax},
		{"2025-11T20:00:00", ErrDateSyntax},
		{"2025T20:00:00", ErrDateSyntax},
		{"2025-11-XXT20:00:00", ErrDateSyntax},
		{"2025-21T20:00:00", ErrDateSyntax},

		// Trailing garbage and qualifiers in the wrong place.
		{"2025-11-06abc", ErrDateSyntax},
		{"2025-11-06 ", ErrDateSyntax},
		{" 2025", ErrDateSyntax},
		{"2025\n", ErrDateSyntax},
		{"2025??", ErrDateSyntax},
		{"2025?~", ErrDateSyntax},
		{"2025~?", ErrDateSyntax},
		{"2025%%", ErrDateSyntax},
		{"2025-11-06T20:00:00Z~~", ErrDateSyntax},
		{"?2025", ErrLevel2},
		{"~2025-06", ErrLevel2},
		{"2004-06~-11", ErrLevel2},
		{"2004?-06-11", ErrLevel2},
		{"2025!", ErrDateSyntax},

		// Zone names.
		{"2025-07-06T20:00:00-05:00[America/New_York]", ErrZoneMismatch},
		{"2025-11-06T20:00:00-04:00[America/New_York]", ErrZoneMismatch},
		{"2025-11-06T20:00:00+05:00[UTC]", ErrZoneMismatch},
		{"2025-03-09T02:30:00-05:00[America/New_York]", ErrZoneMismatch}, // skipped hour
		{"2025-03-09T02:30:00-04:00[America/New_York]", ErrZoneMismatch},
		{"2025-11-06T20:00:00-05:00[Mars/Base]", ErrUnknownZone},
		{"2025-11-06T20:00:00-05:00[america/new_york]", ErrUnknownZone},
		{"2025-11-06T20:00:00+00:00[Local]", ErrUnknownZone},
		{"2025-11-06T20:00:00[America/New_York]", ErrDateSyntax},
		{"2025-11-06T20:00:00Z[UTC]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[America/New_York", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00America/New_York]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[America/New_York][UTC]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[../../etc/passwd]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[America/New York]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[!u-ca=gregory]", ErrDateSyntax},
		{"2025-11-06T20:00:00-05:00[u-ca=gregory]", ErrDateSyntax},
		{"2025-11-06[America/New_York]", ErrDateSyntax},
		{"2025-11-06T20:00:00~[America/New_York]", ErrDateSyntax},

		// Intervals.
		{"2025-11-06/2025-11-01", ErrEndBeforeStart},
		{"2025/2024", ErrEndBeforeStart},
		{"2001-21/2001-02", ErrEndBeforeStart},
		{"2025-11-06T20:00:00/2025-11-06T19:59:59", ErrEndBeforeStart},
		// 20:00 at -05:00 is 01:00Z the next day, after 22:00Z.
		{"2025-11-06T20:00:00-05:00/2025-11-06T22:00:00Z", ErrEndBeforeStart},
		// Offsets compare as instants across days too: 04:00Z, then 01:00Z.
		{"2025-11-06T23:00:00-05:00/2025-11-07T01:00:00Z", ErrEndBeforeStart},
		{"2025-11-06/2025-13", ErrMonthOutOfRange},
		{"2025-02-30/..", ErrDayOutOfRange},
		{"..", ErrDateSyntax},
		{"...", ErrDateSyntax},
		{".../2025", ErrDateSyntax},
		{"2025/...", ErrDateSyntax},
		{"2025/..~", ErrDateSyntax},
		{"?/2025", ErrDateSyntax},
		{"1985/2025/2030", ErrDateSyntax},
		{"2025//2026", ErrDateSyntax},
		{"2025/2026?/", ErrDateSyntax},
		{"2025]/[2026", ErrDateSyntax},
		{"2025--2026", ErrDateSyntax},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			require.Error(t, err)
			assert.True(t, d == Date{}, "a failed parse returns the zero Date, got %q", d.String())
			assert.ErrorIs(t, err, tc.want)
			var de *DateError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tc.in, de.Input)
			assert.Equal(t, tc.want, de.Err, "DateError.Err is the sentinel itself")
			assert.Panics(t, func() { MustParseDate(tc.in) })

			// UnmarshalText rejects the same text, except the empty one.
			if tc.in != "" {
				keep := OnDay(2000, time.January, 1)
				uerr := keep.UnmarshalText([]byte(tc.in))
				assert.ErrorIs(t, uerr, tc.want)
				assert.Equal(t, OnDay(2000, time.January, 1), keep, "a failed UnmarshalText leaves the Date alone")
			}
		})
	}
}

func TestDateErrorMessage(t *testing.T) {
	_, err := ParseDate("2025-02-30")
	require.Error(t, err)
	assert.Equal(t, `date "2025-02-30": day out of range`, err.Error())
	assert.Equal(t, ErrDayOutOfRange, errors.Unwrap(err))

	// The input is quoted, so odd bytes stay visible.
	_, err = ParseDate("20\n25")
	require.Error(t, err)
	assert.Equal(t, `date "20\n25": not an EDTF date`, err.Error())
}

func TestDateZero(t *testing.T) {
	var d Date
	assert.True(t, d.IsZero())
	assert.Equal(t, "", d.String())
	assert.Equal(t, date.Min(), d.first())
	assert.Equal(t, date.Max(), d.last())
	assert.Equal(t, PrecisionNone, d.Precision())
	assert.Equal(t, Qualifier(0), d.Qualifier())
	assert.Equal(t, BoundNone, d.StartBound())
	assert.Equal(t, BoundNone, d.EndBound())
	assert.False(t, d.Bounded())
	assert.False(t, d.IsInterval())
	assert.False(t, d.HasTime())
	assert.Equal(t, "", d.Zone())
	_, ok := d.Time()
	assert.False(t, ok)
	assert.True(t, d.Start() == Date{})
	assert.True(t, d.End() == Date{})
	assert.False(t, d.Contains(Day(dtDay(2025, time.November, 6))))
	assert.False(t, d.Contains(Day(date.Min())))
	assert.False(t, d.Overlaps(d))
	assert.False(t, d.Overlaps(MustParseDate("../2025")))
	assert.False(t, d.Within(period(date.Min(), date.Max())))
	assert.False(t, d.Overlaps(period(date.Min(), date.Max())))
	assert.True(t, d.Qualified(Approximate) == Date{})
	assert.True(t, d.Qualified(Uncertain) == Date{})
	assert.True(t, From(d) == Date{})
}

func TestDateStartEnd(t *testing.T) {
	cases := []struct{ in, start, end string }{
		{"2025-11-06", "2025-11-06", "2025-11-06"},
		{"2025-11-06T20:00:00Z~", "2025-11-06T20:00:00Z~", "2025-11-06T20:00:00Z~"},
		{"1984-06-02?/2004-08-08~", "1984-06-02?", "2004-08-08~"},
		{"2025-11-06/..", "2025-11-06", ""},
		{"1985-04-12/", "1985-04-12", ""},
		{"../1985", "", "1985"},
		{"/1985", "", "1985"},
		{"../..", "", ""},
		{"/", "", ""},
		{"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07", "2025-11-06T20:00:00-05:00[America/New_York]", "2025-11-07"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d := MustParseDate(tc.in)
			assert.Equal(t, dtParse(t, tc.start), d.Start(), "Start")
			assert.Equal(t, dtParse(t, tc.end), d.End(), "End")
			assert.False(t, d.Start().IsInterval())
			assert.False(t, d.End().IsInterval())
		})
	}
	// The ends of an interval with times keep their times.
	d := MustParseDate("2025-11-06T20:00:00-05:00/2025-11-06T23:00:00-05:00")
	assert.True(t, d.Start().HasTime())
	assert.True(t, d.End().HasTime())
	assert.False(t, d.HasTime())
}

func TestPrecisionAndQualifierString(t *testing.T) {
	names := map[Precision]string{
		PrecisionNone: "none", PrecisionMillennium: "millennium", PrecisionCentury: "century",
		PrecisionDecade: "decade", PrecisionYear: "year", PrecisionSeason: "season",
		PrecisionMonth: "month", PrecisionDay: "day", PrecisionSecond: "second",
	}
	for p, want := range names {
		assert.Equal(t, want, p.String())
	}
	assert.Equal(t, "Precision(9)", Precision(9).String())
	assert.Equal(t, "Precision(255)", Precision(255).String())
	assert.Less(t, PrecisionNone, PrecisionMillennium)
	assert.Less(t, PrecisionDay, PrecisionSecond)

	assert.Equal(t, "", Qualifier(0).String())
	assert.Equal(t, "?", Uncertain.String())
	assert.Equal(t, "~", Approximate.String())
	assert.Equal(t, "%", (Uncertain | Approximate).String())
	assert.Equal(t, "?", (Uncertain | 8).String(), "unknown bits are ignored")
}

func TestDateConstructors(t *testing.T) {
	cases := []struct {
		name string
		got  Date
		want string
	}{
		{"Day", OnDay(2025, time.November, 6), "2025-11-06"},
		{"Day leap", OnDay(2024, time.February, 29), "2024-02-29"},
		{"Day normalized", OnDay(2025, time.February, 30), "2025-03-02"},
		{"Day normalized month", OnDay(2025, 13, 1), "2026-01-01"},
		{"Day day 0", OnDay(2025, time.March, 0), "2025-02-28"},
		{"Day negative year", OnDay(-44, time.March, 15), "-0044-03-15"},
		{"Day year 0", OnDay(0, time.January, 1), "0000-01-01"},
		{"OnDay", fromDay(dtDay(2025, time.November, 6)), "2025-11-06"},
		{"Month", InMonth(2025, time.November), "2025-11"},
		{"Month February", InMonth(2024, time.February), "2024-02"},
		{"Month normalized", InMonth(2025, 13), "2026-01"},
		{"Month zero", InMonth(2025, 0), "2024-12"},
		{"Month negative year", InMonth(-1, time.December), "-0001-12"},
		{"Year", InYear(1992), "1992"},
		{"Year negative", InYear(-44), "-0044"},
		{"Year zero", InYear(0), "0000"},
		{"Year long", InYear(170000), "Y170000"},
		{"Year long negative", InYear(-170000), "Y-170000"},
		{"At UTC", At(time.Date(2025, 11, 6, 20, 0, 0, 999_999_999, time.UTC)), "2025-11-06T20:00:00Z"},
		{"At offset", At(time.Date(2025, 11, 6, 20, 0, 0, 0, time.FixedZone("", -5*3600))), "2025-11-06T20:00:00-05:00"},
		{"At half-hour offset", At(time.Date(2025, 11, 6, 20, 1, 2, 0, time.FixedZone("", 5*3600+30*60))), "2025-11-06T20:01:02+05:30"},
		{"At zero offset", At(time.Date(2025, 11, 6, 20, 0, 0, 0, time.FixedZone("", 0))), "2025-11-06T20:00:00+00:00"},
		{"At zone", At(time.Date(2025, 11, 6, 20, 0, 0, 0, dtLoc(t, "America/New_York"))), "2025-11-06T20:00:00-05:00[America/New_York]"},
		{"At zone summer", At(time.Date(2025, 7, 6, 20, 0, 0, 0, dtLoc(t, "America/New_York"))), "2025-07-06T20:00:00-04:00[America/New_York]"},
		{"At zone Kolkata", At(time.Date(2025, 7, 6, 0, 0, 0, 0, dtLoc(t, "Asia/Kolkata"))), "2025-07-06T00:00:00+05:30[Asia/Kolkata]"},
		{"At unknown zone name", At(time.Date(2025, 11, 6, 20, 0, 0, 0, time.FixedZone("Mars/Base", 3600))), "2025-11-06T20:00:00+01:00"},
		{"At invalid zone name", At(time.Date(2025, 11, 6, 20, 0, 0, 0, time.FixedZone("My Zone", 3600))), "2025-11-06T20:00:00+01:00"},
		{"Since", From(OnDay(2025, time.November, 6)), "2025-11-06/.."},
		{"Since interval", From(MustParseDate("2020~/2021")), "2020~/.."},
		{"Since time", From(MustParseDate("2025-11-06T20:00:00Z")), "2025-11-06T20:00:00Z/.."},
		{"Approx", OnDay(2025, time.November, 6).Qualified(Approximate), "2025-11-06~"},
		{"Uncertain", InYear(1984).Qualified(Uncertain), "1984?"},
		{"Approx Uncertain", InYear(1984).Qualified(Uncertain).Qualified(Approximate), "1984%"},
		{"Approx twice", InYear(1984).Qualified(Approximate).Qualified(Approximate), "1984~"},
		{"Approx interval", MustParseDate("2020/2021?").Qualified(Approximate), "2020~/2021%"},
		{"Approx open end", MustParseDate("2020/..").Qualified(Approximate), "2020~/.."},
		{"Uncertain unknown start", MustParseDate("/2020").Qualified(Uncertain), "/2020?"},
		{"Approx time", MustParseDate("2025-11-06T20:00:00-05:00[America/New_York]").Qualified(Approximate), "2025-11-06T20:00:00-05:00[America/New_York]~"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got.String())
			want := MustParseDate(tc.want)
			assert.True(t, want == tc.got, "constructed Date differs from ParseDate(%q)", tc.want)
			assert.Equal(t, want.first(), tc.got.first())
			assert.Equal(t, want.last(), tc.got.last())
		})
	}
	// Years beyond ±5,000,000 give the zero Date.
	for _, d := range []Date{
		InYear(maxYear + 1), InYear(-maxYear - 1), InMonth(maxYear+1, time.January),
		OnDay(-maxYear-1, time.December, 31), fromDay(date.New(maxYear+1, time.January, 1)),
		At(time.Date(maxYear+1, 1, 1, 0, 0, 0, 0, time.UTC)),
	} {
		assert.True(t, d == Date{}, "got %q", d.String())
	}
	assert.Equal(t, "Y5000000", InYear(maxYear).String())
	assert.Equal(t, "Y-5000000", InYear(-maxYear).String())

	// Approx and Uncertain do not modify their receiver.
	d := InYear(1984)
	_ = d.Qualified(Approximate)
	assert.Equal(t, "1984", d.String())
}

func TestDateAtLocal(t *testing.T) {
	tm := time.Date(2025, 11, 6, 20, 0, 0, 0, time.Local)
	d := At(tm)
	assert.Equal(t, "", d.Zone(), "Local is not a zone name")
	got, ok := d.Time()
	require.True(t, ok)
	assert.True(t, got.Equal(tm), "got %v want %v", got, tm)
	back, err := ParseDate(d.String())
	require.NoError(t, err)
	assert.True(t, back == d)
}

func TestDateBetween(t *testing.T) {
	d5, d7 := OnDay(2025, time.November, 5), OnDay(2025, time.November, 7)
	ok := []struct {
		start, end Date
		want       string
	}{
		{d5, d7, "2025-11-05/2025-11-07"},
		{d5, d5, "2025-11-05/2025-11-05"},
		{Date{}, d7, "/2025-11-07"},
		{d5, Date{}, "2025-11-05/"},
		{Date{}, Date{}, "/"},
		{InMonth(2025, time.November), d5, "2025-11/2025-11-05"},
		{InYear(2025).Qualified(Approximate), d7.Qualified(Uncertain), "2025~/2025-11-07?"},
		{MustParseDate("2025-11-06T20:00:00Z"), MustParseDate("2025-11-06T21:00:00Z"), "2025-11-06T20:00:00Z/2025-11-06T21:00:00Z"},
		{MustParseDate("2025-11-06T20:00:00-05:00"), MustParseDate("2025-11-06T23:00:00-02:00"), "2025-11-06T20:00:00-05:00/2025-11-06T23:00:00-02:00"},
	}
	for _, tc := range ok {
		d, err := Between(tc.start, tc.end)
		require.NoError(t, err, tc.want)
		assert.Equal(t, tc.want, d.String())
		assert.True(t, MustParseDate(tc.want) == d, "Between(%q) differs from ParseDate", tc.want)
	}

	bad := []struct {
		start, end Date
		input      string
		want       error
	}{
		{d7, d5, "2025-11-07/2025-11-05", ErrEndBeforeStart},
		{InYear(2025), InYear(2024), "2025/2024", ErrEndBeforeStart},
		{MustParseDate("2025-11-06T20:00:00Z"), MustParseDate("2025-11-06T19:00:00Z"), "2025-11-06T20:00:00Z/2025-11-06T19:00:00Z", ErrEndBeforeStart},
		{MustParseDate("2020/2021"), d5, "2020/2021/2025-11-05", ErrDateSyntax},
		{d5, From(d7), "2025-11-05/2025-11-07/..", ErrDateSyntax},
	}
	for _, tc := range bad {
		d, err := Between(tc.start, tc.end)
		require.Error(t, err, tc.input)
		assert.True(t, d == Date{})
		assert.ErrorIs(t, err, tc.want)
		var de *DateError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, tc.input, de.Input)
	}
}

func TestDateTimeAndZone(t *testing.T) {
	ny := dtLoc(t, "America/New_York")
	cases := []struct {
		in     string
		ok     bool
		want   time.Time
		loc    string // name of the location of Time()
		offset int    // offset of the location of Time() at that instant
		zone   string
	}{
		{"2025-11-06T20:00:00-05:00[America/New_York]", true, time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC), "America/New_York", -5 * 3600, "America/New_York"},
		{"2025-07-06T20:00:00-04:00[America/New_York]", true, time.Date(2025, 7, 7, 0, 0, 0, 0, time.UTC), "America/New_York", -4 * 3600, "America/New_York"},
		{"2025-11-06T20:00:00-05:00[America/New_York]~", true, time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC), "America/New_York", -5 * 3600, "America/New_York"},
		{"2025-11-06T20:00:00Z", true, time.Date(2025, 11, 6, 20, 0, 0, 0, time.UTC), "UTC", 0, ""},
		{"2025-11-06T20:00:00+05:30", true, time.Date(2025, 11, 6, 14, 30, 0, 0, time.UTC), "", 19800, ""},
		{"2025-11-06T20:00:00-05", true, time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC), "", -18000, ""},
		{"2025-11-06T20:00:00", true, time.Date(2025, 11, 6, 20, 0, 0, 0, time.UTC), "UTC", 0, ""},
		{"-0044-03-15T12:00:00", true, time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC), "UTC", 0, ""},
		{"2025-11-06T20:00:00Z/..", true, time.Date(2025, 11, 6, 20, 0, 0, 0, time.UTC), "UTC", 0, ""},
		{"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07", true, time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC), "America/New_York", -5 * 3600, "America/New_York"},
		{"2025-11-06", false, time.Time{}, "", 0, ""},
		{"2025-11", false, time.Time{}, "", 0, ""},
		{"../2025-11-06T20:00:00Z", false, time.Time{}, "", 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			d := MustParseDate(tc.in)
			got, ok := d.Time()
			assert.Equal(t, tc.zone, d.Zone(), "Zone")
			require.Equal(t, tc.ok, ok)
			if !ok {
				assert.True(t, got.IsZero())
				return
			}
			assert.True(t, got.Equal(tc.want), "Time() = %v, want %v", got, tc.want)
			assert.Equal(t, tc.loc, got.Location().String())
			_, off := got.Zone()
			assert.Equal(t, tc.offset, off)
		})
	}

	// At and Time are inverse up to fractions of a second.
	for _, tm := range []time.Time{
		time.Date(2025, 11, 6, 20, 0, 0, 0, ny),
		time.Date(2025, 3, 9, 3, 0, 0, 0, ny),
		time.Date(2025, 11, 6, 20, 15, 30, 500, time.UTC),
		time.Date(2025, 11, 6, 20, 15, 30, 0, time.FixedZone("", -9*3600-30*60)),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		got, ok := At(tm).Time()
		require.True(t, ok)
		assert.True(t, got.Equal(tm.Truncate(time.Second)), "At(%v).Time() = %v", tm, got)
		_, o1 := got.Zone()
		_, o2 := tm.Zone()
		assert.Equal(t, o2, o1)
	}
}

func TestDateRanges(t *testing.T) {
	const (
		Jan = time.January
		Feb = time.February
		Mar = time.March
		Jun = time.June
		Oct = time.October
		Nov = time.November
		Dec = time.December
	)
	d := func(s string) Date { return dtParse(t, s) }
	day := dtDay

	contains := []struct {
		in   string
		day  date.Date
		want bool
	}{
		{"2025-11", day(2025, Nov, 1), true},
		{"2025-11", day(2025, Nov, 30), true},
		{"2025-11", day(2025, Dec, 1), false},
		{"2025-11", day(2025, Oct, 31), false},
		{"2025-11-06", day(2025, Nov, 6), true},
		{"2025-11-06", day(2025, Nov, 7), false},
		{"2025-11-06T23:00:00-05:00", day(2025, Nov, 6), true},
		{"2025-11-06T23:00:00-05:00", day(2025, Nov, 7), false},
		{"2001-24", day(2002, Feb, 28), true},
		{"2001-24", day(2002, Mar, 1), false},
		{"2001-24", day(2001, Nov, 30), false},
		{"201X", day(2019, Dec, 31), true},
		{"201X", day(2020, Jan, 1), false},
		{"2025-11-06/..", day(2025, Nov, 6), true},
		{"2025-11-06/..", date.Max(), true},
		{"2025-11-06/..", day(2025, Nov, 5), false},
		{"../1985", date.Min(), true},
		{"../1985", day(1986, Jan, 1), false},
		{"/1985", day(1000, Jan, 1), true},
	}
	for _, tc := range contains {
		assert.Equal(t, tc.want, d(tc.in).Contains(Day(tc.day)), "%q.Contains(%s)", tc.in, tc.day)
	}

	overlaps := []struct {
		a, b string
		want bool
	}{
		{"2025-11", "2025-11-06", true},
		{"2025-11", "2025-12-01", false},
		{"2025-11", "2025-10-31", false},
		{"2025-11", "2025-12", false},
		{"2025-11-06", "2025-11-06", true},
		{"2025-11-06", "2025-11-06T20:00:00Z", true},
		{"2025-11-06/2025-11-10", "2025-11-10/2025-11-20", true},
		{"2025-11-06/2025-11-10", "2025-11-11/2025-11-20", false},
		{"2025-11-06/..", "3000", true},
		{"2025-11-06/..", "2025", true},
		{"2025-11-06/..", "2025-11-05", false},
		{"../1985", "1985-12-31", true},
		{"../1985", "1986", false},
		{"../1985", "1985/..", true},
		{"/1985", "1986/", false},
		{"2001-24", "2002-02", true},
		{"2001-24", "2002-03", false},
		{"201X", "2019-12-31", true},
		{"201X", "2020", false},
		{"2025", "", false},
		{"", "", false},
	}
	for _, tc := range overlaps {
		a, b := d(tc.a), d(tc.b)
		assert.Equal(t, tc.want, a.Overlaps(b), "%q.Overlaps(%q)", tc.a, tc.b)
		assert.Equal(t, tc.want, b.Overlaps(a), "%q.Overlaps(%q)", tc.b, tc.a)
	}

	ranges := []struct {
		in                string
		from, to          date.Date
		within, overlapsR bool
	}{
		{"2025-11-06", day(2025, Nov, 1), day(2025, Nov, 30), true, true},
		{"2025-11-06", day(2025, Nov, 6), day(2025, Nov, 6), true, true},
		{"2025-11-06", day(2025, Nov, 7), day(2025, Nov, 30), false, false},
		{"2025-11", day(2025, Nov, 1), day(2025, Nov, 30), true, true},
		{"2025-11", day(2025, Nov, 2), day(2025, Nov, 30), false, true},
		{"2025-11", day(2025, Nov, 1), day(2025, Nov, 29), false, true},
		{"2025-11", day(2025, Oct, 1), day(2025, Oct, 31), false, false},
		{"2025-11", day(2025, Dec, 1), day(2025, Dec, 31), false, false},
		{"2025", day(2025, Jun, 1), day(2025, Jun, 30), false, true},
		{"2001-24", day(2001, Dec, 1), day(2002, Feb, 28), true, true},
		{"2001-24", day(2001, Dec, 1), day(2001, Dec, 31), false, true},
		{"2025-11-06/..", day(2025, Jan, 1), day(2100, Dec, 31), false, true},
		{"2025-11-06/..", day(2025, Jan, 1), date.Max(), false, true}, // never within: unbounded
		{"2025-11-06/..", day(2025, Jan, 1), day(2025, Nov, 5), false, false},
		{"../1985", date.Min(), day(1985, Dec, 31), false, true},
		{"../1985", day(1900, Jan, 1), day(1985, Dec, 31), false, true},
		{"1985-04-12/", day(1985, Jan, 1), day(2100, Dec, 31), false, true},
		{"", date.Min(), date.Max(), false, false},
	}
	for _, tc := range ranges {
		x := d(tc.in)
		assert.Equal(t, tc.within, x.Within(period(tc.from, tc.to)), "%q.Within(%s, %s)", tc.in, tc.from, tc.to)
		assert.Equal(t, tc.overlapsR, x.Overlaps(period(tc.from, tc.to)), "%q.OverlapsRange(%s, %s)", tc.in, tc.from, tc.to)
	}
}

func TestDateText(t *testing.T) {
	for _, s := range []string{
		"2025-11-06T20:00:00-05:00[America/New_York]~",
		"2025-11-06/..",
		"/1985",
		"Y-170000",
		"201X?",
	} {
		d := MustParseDate(s)
		b, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s, string(b))

		var back Date
		require.NoError(t, back.UnmarshalText(b))
		assert.True(t, back == d, "%q", s)

		b, err = d.AppendText([]byte("when: "))
		require.NoError(t, err)
		assert.Equal(t, "when: "+s, string(b))
	}

	b, err := Date{}.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	b, err = Date{}.AppendText([]byte("x"))
	require.NoError(t, err)
	assert.Equal(t, "x", string(b))

	d := OnDay(2025, time.November, 6)
	require.NoError(t, d.UnmarshalText(nil))
	assert.True(t, d == Date{}, "nil text gives the zero Date")
	d = OnDay(2025, time.November, 6)
	require.NoError(t, d.UnmarshalText([]byte{}))
	assert.True(t, d == Date{}, "empty text gives the zero Date")

	err = d.UnmarshalText([]byte("2025-02-30"))
	assert.ErrorIs(t, err, ErrDayOutOfRange)
	var de *DateError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "2025-02-30", de.Input)
}

func TestDateJSON(t *testing.T) {
	type record struct {
		When    Date  `json:"when"`
		Unknown Date  `json:"unknown"`
		Omitted Date  `json:"omitted,omitzero"`
		Ptr     *Date `json:"ptr,omitempty"`
		List    []Date
	}
	p := MustParseDate("1984-06-02?/")
	in := record{
		When: MustParseDate("2025-11-06T20:00:00-05:00[America/New_York]"),
		Ptr:  &p,
		List: []Date{InYear(1992), {}, MustParseDate("../1985"), MustParseDate("2001-24~")},
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"when": "2025-11-06T20:00:00-05:00[America/New_York]",
		"unknown": "",
		"ptr": "1984-06-02?/",
		"List": ["1992", "", "../1985", "2001-24~"]
	}`, string(b))

	var out record
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, out.When == in.When)
	assert.True(t, out.Unknown == Date{})
	assert.True(t, out.Omitted == Date{})
	require.NotNil(t, out.Ptr)
	assert.True(t, *out.Ptr == p)
	assert.Equal(t, in.List, out.List)

	// A Date as a map key uses the text form too.
	m := map[Date]int{InYear(1992): 1, MustParseDate("2025-11-06/.."): 2}
	b, err = json.Marshal(m)
	require.NoError(t, err)
	var mback map[Date]int
	require.NoError(t, json.Unmarshal(b, &mback))
	assert.Equal(t, m, mback)

	// Bad dates in JSON are reported as DateErrors.
	err = json.Unmarshal([]byte(`{"when":"2025-02-30"}`), &out)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDayOutOfRange)
	var de *DateError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "2025-02-30", de.Input)

	err = json.Unmarshal([]byte(`{"when":1992}`), &out)
	assert.Error(t, err, "a JSON number is not a date")
}

// TestDateCompareTable pins down the documented order: each list is sorted
// strictly ascending, and "" stands for the zero Date.
func TestDateCompareTable(t *testing.T) {
	chains := [][]string{
		// Open or unknown start first; zero Date last.
		{"../1985", "/1985", "-9999", "1900", "2025", ""},
		// Neither end known: all time, after every range that starts at
		// the beginning of time and ends earlier, and before every later
		// start; among themselves by text.
		{"../1985", "/1985", "../", "../..", "/", "/..", "Y-5000000", "2025/..", ""},
		{"Y-10000", "-9999", "-0001", "0000", "9999", "Y10000"},
		// Same first day: day < month < season-less year < decade; by Latest.
		{"2020-01-01", "2020-01", "2020", "202X"},
		{"2000-01-01", "2000-01", "2000", "200X", "20XX", "2XXX"},
		{"2001-12", "2001-24"},
		{"2001", "2001-03", "2001-21"},
		// A closed interval before an open one on the same start.
		{"2025-11-06", "2025-11-06/2025-11-10", "2025-11-06/.."},
		{"2025-11/2025-11-06", "2025-11", "2025-11/2025-12", "2025-11/.."},
		// Coarser precision first when the range is the same (rule 4 as
		// documented in date.go: the whole day before its times).
		{"2025", "2025-XX", "2025-XX-XX"},
		{"1985-04", "1985-04-XX"},
		{"2025-11-06", "2025-11-06T20:00:00/2025-11-06T21:00:00"},
		// The untimed day before its times, and times as instants across
		// offsets.
		{"2025-11-06", "2025-11-06T00:00:00", "2025-11-06T10:00:00", "2025-11-06T23:59:59"},
		{"2025-11-06", "2025-11-06T20:00:00+01:00", "2025-11-06T20:00:00Z", "2025-11-06T22:00:00Z", "2025-11-06T20:00:00-05:00"},
		{"2025-11-06T20:00:00+05:30[Asia/Kolkata]", "2025-11-06T20:00:00-05:00[America/New_York]", "2025-11-06T20:00:00-08:00[America/Los_Angeles]"},
		{"2025-11-02T01:30:00-04:00[America/New_York]", "2025-11-02T01:30:00-05:00[America/New_York]"},
		// Unqualified before uncertain before approximate before both.
		{"2025", "2025?", "2025~", "2025%"},
		{"2025-11-06T20:00:00Z", "2025-11-06T20:00:00Z?"},
		{"1984-06/2004-08", "1984-06?/2004-08", "1984-06/2004-08~", "1984-06?/2004-08~"},
		// Earlier Earliest wins over everything else.
		{"2025-11-05%", "2025-11-06T00:00:00", "2025-11-07/.."},
		{"2024-12-31/..", "2025-01-01"},
		// Earlier Latest wins over precision and qualifiers.
		{"2025-11-06/2025-11-07%", "2025-11-06/2025-11-08"},
	}
	for _, chain := range chains {
		ds := make([]Date, len(chain))
		for i, s := range chain {
			ds[i] = dtParse(t, s)
		}
		for i := range ds {
			assert.Equal(t, 0, ds[i].Compare(ds[i]), "%q vs itself", chain[i])
			for j := i + 1; j < len(ds); j++ {
				assert.Equal(t, -1, ds[i].Compare(ds[j]), "%q < %q", chain[i], chain[j])
				assert.Equal(t, +1, ds[j].Compare(ds[i]), "%q > %q", chain[j], chain[i])
			}
		}
		// Sorting a shuffled copy restores the chain.
		r := rand.New(rand.NewPCG(1, uint64(len(chain))))
		for range 5 {
			sh := slices.Clone(ds)
			r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
			slices.SortFunc(sh, Date.Compare)
			assert.Equal(t, ds, sh, "sorted %q", chain)
		}
	}

	// Equal dates compare equal, however they were written.
	same := [][2]string{
		{"2025-11-06T20:00:00+05", "2025-11-06T20:00:00+05:00"},
		{"2025-11-06T20:00:00+00", "2025-11-06T20:00:00+00:00"},
		{"", ""},
	}
	for _, p := range same {
		a, b := dtParse(t, p[0]), dtParse(t, p[1])
		assert.True(t, a == b)
		assert.Equal(t, 0, a.Compare(b))
	}
	assert.Equal(t, 0, OnDay(2025, time.November, 6).Compare(MustParseDate("2025-11-06")))
	assert.Equal(t, 0, Date{}.Compare(Date{}))
	// Same instant in two zones: different dates, so not equal.
	a := MustParseDate("2025-11-06T20:00:00Z")
	b := MustParseDate("2025-11-06T21:00:00+01:00")
	assert.NotEqual(t, 0, a.Compare(b))
	assert.Equal(t, -b.Compare(a), a.Compare(b))
}

// Time takes the instant from the offset, not from the zone rules, which
// give two instants in the hour repeated when clocks go back.
func TestDateTimeRepeatedHour(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"2025-11-02T01:30:00-04:00[America/New_York]", time.Date(2025, 11, 2, 5, 30, 0, 0, time.UTC)},
		{"2025-11-02T01:30:00-05:00[America/New_York]", time.Date(2025, 11, 2, 6, 30, 0, 0, time.UTC)},
	} {
		got, ok := MustParseDate(tc.in).Time()
		require.True(t, ok)
		assert.True(t, got.Equal(tc.want), "ParseDate(%q).Time() = %v, want the instant %v given by the offset", tc.in, got.UTC(), tc.want)
		assert.Equal(t, "America/New_York", got.Location().String())
	}
}

// Dates of years with more than four digits read back from their text.
func TestDateConstructorLongYears(t *testing.T) {
	for _, d := range []Date{
		OnDay(10000, time.January, 1),
		OnDay(-10000, time.January, 1),
		InMonth(12345, time.June),
		InMonth(-5_000_000, time.June),
		At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)),
	} {
		back, err := ParseDate(d.String())
		if assert.NoError(t, err) {
			assert.True(t, back == d, "constructed Date %q does not read back", d.String())
		}
	}
	assert.Equal(t, "Y10000-01-01", OnDay(10000, time.January, 1).String())
	assert.Equal(t, "Y-12345-06", InMonth(-12345, time.June).String())
}

// At gives a zone name only when the zone agrees with the offset of t, and
// gives instants whose offset is not a whole number of minutes in UTC, so
// that its text always reads back.
func TestDateAtRoundTrip(t *testing.T) {
	// time.Parse makes FixedZone("EST", 0) when the local zone does not
	// know the abbreviation.
	est, err := time.ParseInLocation(time.RFC1123, "Thu, 06 Nov 2025 20:00:00 EST", time.UTC)
	require.NoError(t, err)
	for _, tc := range []struct {
		tm   time.Time
		want string
	}{
		{est, "2025-11-06T20:00:00+00:00"},
		{time.Date(2025, 7, 6, 20, 0, 0, 0, time.FixedZone("CET", 3600)), "2025-07-06T20:00:00+01:00"}, // CET is +02:00 in July
		{time.Date(2025, 1, 6, 20, 0, 0, 0, time.FixedZone("CET", 3600)), "2025-01-06T20:00:00+01:00[CET]"},
		{time.Date(1850, 1, 1, 12, 0, 0, 0, dtLoc(t, "America/New_York")), "1850-01-01T16:56:02Z"}, // LMT -04:56:02
		{time.Date(2025, 1, 1, 12, 0, 0, 0, time.FixedZone("", 3600+30)), "2025-01-01T10:59:30Z"},
	} {
		d := At(tc.tm)
		assert.Equal(t, tc.want, d.String(), "At(%v)", tc.tm)
		back, err := ParseDate(d.String())
		if assert.NoError(t, err) {
			assert.True(t, back == d, "At(%v) = %q does not read back", tc.tm, d.String())
		}
		got, ok := d.Time()
		require.True(t, ok)
		assert.True(t, got.Equal(tc.tm), "At(%v).Time() = %v", tc.tm, got)
	}
}

// Since of an interval without a known start is the zero Date.
func TestDateSinceOpenStart(t *testing.T) {
	for _, in := range []string{"../2020", "/2020"} {
		d := From(MustParseDate(in))
		assert.True(t, d == Date{}, "Since(%q) = %#v, want the zero Date", in, d)
	}
}

// An interval whose end falls on an earlier local day than its start is
// rejected, even when the end is the later instant: its covered range of
// local days would run backwards. A local time and a time with an offset
// cannot be compared, so only their days are.
func TestDateIntervalEndsOnEarlierLocalDay(t *testing.T) {
	// 20:00Z to 23:00Z on 6 November, written with two offsets.
	_, err := ParseDate("2025-11-07T01:00:00+05:00/2025-11-06T23:00:00Z")
	assert.ErrorIs(t, err, ErrEndBeforeStart)
	_, err = ParseDate("1999-01-01T00:00:00Z/1998-12-31T19:00:00-05:00[America/New_York]")
	assert.ErrorIs(t, err, ErrEndBeforeStart)
	mixed := MustParseDate("2025-11-06T20:00:00/2025-11-06T19:00:00Z")
	assert.Equal(t, mixed.first(), mixed.last())
	// The same interval written with one offset is fine.
	same := MustParseDate("2025-11-06T20:00:00Z/2025-11-06T23:00:00Z")
	assert.True(t, same.Contains(Day(dtDay(2025, time.November, 6))))
}

// period is the date covering the days from and to, the covered range the
// tests ask about; an empty period when to is before from.
func period(from, to date.Date) Date {
	if from > to {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, lo: from, hi: from}, end: point{bound: BoundKnown, lo: to, hi: to}, interval: true}
}
