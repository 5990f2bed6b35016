package event

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDay(t *testing.T) {
	tests := []struct {
		in   string
		y    int
		m    time.Month
		d    int
		week time.Weekday
	}{
		{"1970-01-01", 1970, time.January, 1, time.Thursday},
		{"2025-11-06", 2025, time.November, 6, time.Thursday},
		{"2024-02-29", 2024, time.February, 29, time.Thursday},
		{"0000-01-01", 0, time.January, 1, time.Saturday},
		{"-0043-03-15", -43, time.March, 15, time.Friday},
		{"+12025-01-01", 12025, time.January, 1, time.Date(12025, 1, 1, 0, 0, 0, 0, time.UTC).Weekday()},
	}
	for _, tt := range tests {
		d, err := ParseDay(tt.in)
		require.NoError(t, err, tt.in)
		y, m, dd := d.Date()
		assert.Equal(t, []int{tt.y, int(tt.m), tt.d}, []int{y, int(m), dd}, tt.in)
		assert.Equal(t, DayOf(tt.y, tt.m, tt.d), d)
		assert.Equal(t, tt.in, d.String())
		assert.Equal(t, tt.week, d.Weekday(), tt.in)
		assert.Equal(t, tt.y, d.Year())
		assert.Equal(t, tt.m, d.Month())
		text, err := d.MarshalText()
		require.NoError(t, err)
		var back Day
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, d, back)
	}
	assert.Equal(t, Day(0), DayOf(1, time.January, 1))
	assert.Equal(t, time.Monday, Day(0).Weekday())
	assert.Equal(t, DayOf(2025, time.March, 2), DayOf(2025, time.February, 30), "normalized like time.Date")
	assert.Equal(t, 1, DayOf(2025, 11, 7).DaysSince(DayOf(2025, 11, 6)))
	assert.Equal(t, DayOf(2025, 11, 7), DayOf(2025, 11, 6)+1)
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	at := DayOf(2025, 3, 30).In(berlin)
	assert.Equal(t, "2025-03-30T00:00:00+01:00", at.Format(time.RFC3339))
	assert.Equal(t, DayOf(2025, 3, 30), DayAt(at))

	for _, bad := range []struct {
		in   string
		want error
	}{
		{"2025-02-30", ErrDayOutOfRange},
		{"2025-13-01", ErrMonthOutOfRange},
		{"2025-11", ErrNotADay},
		{"2025-11-06T10:00:00Z", ErrNotADay},
		{"25-11-06", ErrNotADay},
		{"2025-11-6", ErrNotADay},
		{"Y12025-01-01", ErrNotADay},
		{"", ErrNotADay},
		{"+99999999-01-01", ErrYearOutOfRange},
	} {
		_, err := ParseDay(bad.in)
		assert.ErrorIs(t, err, bad.want, bad.in)
		var de *DateError
		assert.ErrorAs(t, err, &de, bad.in)
	}
}

func TestDateRangeAPI(t *testing.T) {
	// Open ends are visible as open, never as far-off days.
	for _, tt := range []struct {
		in                string
		first, last       string // "" for open or unknown
		firstOK, lastOK   bool
		contains, outside string
	}{
		{"2025-11", "2025-11-01", "2025-11-30", true, true, "2025-11-15", "2025-12-01"},
		{"2025-11-06/..", "2025-11-06", "", true, false, "9999-12-31", "2025-11-05"},
		{"../1985", "", "1985-12-31", false, true, "-4000-01-01", "1986-01-01"},
		{"/2025-11-06", "", "2025-11-06", false, true, "2025-11-06", "2025-11-07"},
		{"../..", "", "", false, false, "2025-11-06", ""},
	} {
		d := MustParseDate(tt.in)
		first, ok := d.Earliest()
		assert.Equal(t, tt.firstOK, ok, tt.in)
		if ok {
			assert.Equal(t, tt.first, first.String(), tt.in)
		}
		last, ok := d.Latest()
		assert.Equal(t, tt.lastOK, ok, tt.in)
		if ok {
			assert.Equal(t, tt.last, last.String(), tt.in)
		}
		in, err := ParseDay(tt.contains)
		require.NoError(t, err)
		assert.True(t, d.Contains(in), "%s contains %s", tt.in, tt.contains)
		if tt.outside != "" {
			out, err := ParseDay(tt.outside)
			require.NoError(t, err)
			assert.False(t, d.Contains(out), "%s does not contain %s", tt.in, tt.outside)
		}
	}
	var zero Date
	_, ok := zero.Earliest()
	assert.False(t, ok)
	_, ok = zero.Latest()
	assert.False(t, ok)
	assert.False(t, zero.Contains(DayOf(2025, 1, 1)))
	assert.False(t, InYear(2025).Within(zero))
	assert.False(t, zero.Within(InYear(2025)))

	// Within and Overlaps take a period as a Date.
	nov := InMonth(2025, time.November)
	assert.True(t, OnDay(2025, 11, 6).Within(nov))
	assert.True(t, OnDay(2025, 11, 6).Within(MustParseDate("2025-11-06/..")))
	assert.True(t, OnDay(2025, 11, 6).Within(MustParseDate("../..")))
	assert.False(t, MustParseDate("2025-11-06/..").Within(MustParseDate("../..")), "an open date is within nothing")
	assert.True(t, MustParseDate("2025-11-06/..").Overlaps(InYear(2030)))
	assert.False(t, MustParseDate("../2025-11-06").Overlaps(InYear(2030)))

	// The constructors of open intervals.
	assert.Equal(t, "2025-11-06/..", From(OnDay(2025, 11, 6)).String())
	assert.Equal(t, "../1985", Until(InYear(1985)).String())
	assert.Equal(t, "2025-11-05/..", From(MustParseDate("2025-11-05/2025-11-07")).String())
	assert.Equal(t, "../2025-11-07", Until(MustParseDate("2025-11-05/2025-11-07")).String())
	assert.True(t, From(Date{}).IsZero())
	assert.True(t, Until(Date{}).IsZero())
	assert.Equal(t, "2025~", InYear(2025).Qualified(Approximate).String())
	assert.Equal(t, "2025%", InYear(2025).Qualified(Approximate).Qualified(Uncertain).String())
	assert.Equal(t, "../..", MustParseDate("../..").Qualified(Uncertain).String())
}
