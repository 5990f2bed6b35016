package event

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// ErrNotADay is the reason [ParseDay] rejects text that is not a single
// calendar day.
var ErrNotADay = errors.New("not a day (yyyy-mm-dd)")

// A Day is a calendar day of the proleptic Gregorian calendar, counted in
// days from Monday, 1 January of the year 1, which is Day 0. Days compare
// with < and ==, and d+1 is the day after d; [Day.DaysSince] counts the
// days between two.
//
// A Day is the unit of a [Date]'s covered range ([Date.Earliest],
// [Date.Latest]): the first and last day on which an event can have taken
// place.
type Day int64

// DayOf returns the day of year, month and day. Like [time.Date], it
// normalizes values out of range: DayOf(2025, 2, 30) is 2 March 2025.
func DayOf(year int, month time.Month, day int) Day {
	return Day(date.New(year, month, day))
}

// DayAt returns the day of t in t's location.
func DayAt(t time.Time) Day { return Day(date.NewAt(t)) }

// ParseDay parses a day as ISO 8601 writes it: "2025-11-06", "-0043-03-15"
// (44 BCE), "+12025-01-01". A day that does not exist ("2025-02-30") or
// any other form is a [*DateError].
func ParseDay(s string) (Day, error) {
	t := s
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, t[1:]
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	ys, rest, ok := strings.Cut(t, "-")
	if !ok || len(ys) < 4 || len(rest) != 5 || rest[2] != '-' || !allDigits(ys) || !allDigits(rest[:2]) || !allDigits(rest[3:]) {
		return 0, &DateError{Input: s, Err: ErrNotADay}
	}
	y, err := strconv.Atoi(ys)
	if err != nil || y > maxYear {
		return 0, &DateError{Input: s, Err: ErrYearOutOfRange}
	}
	if neg {
		y = -y
	}
	m, _ := strconv.Atoi(rest[:2])
	d, _ := strconv.Atoi(rest[3:])
	switch {
	case m < 1 || m > 12:
		return 0, &DateError{Input: s, Err: ErrMonthOutOfRange}
	case d < 1 || d > daysIn(y, time.Month(m)):
		return 0, &DateError{Input: s, Err: ErrDayOutOfRange}
	}
	return DayOf(y, time.Month(m), d), nil
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// DaysSince returns the number of days from e to d: 1 when d is the day
// after e.
func (d Day) DaysSince(e Day) int { return int(d - e) }

// Date returns the year, month and day of d.
func (d Day) Date() (year int, month time.Month, day int) { return date.Date(d).Date() }

// Year returns the year of d.
func (d Day) Year() int { return date.Date(d).Year() }

// Month returns the month of d.
func (d Day) Month() time.Month { return date.Date(d).Month() }

// Weekday returns the day of the week of d.
func (d Day) Weekday() time.Weekday { return date.Date(d).Weekday() }

// In returns the first instant of d in loc: midnight, or the first time of
// the day where midnight does not exist there.
func (d Day) In(loc *time.Location) time.Time { return date.Date(d).MidnightIn(loc) }

// String returns d as ISO 8601 writes a day: "2025-11-06". Years are
// astronomical and at least four digits long, signed before 0 and after
// 9999: "-0043-03-15" is 15 March 44 BCE, the year 0 is 1 BCE.
func (d Day) String() string { return date.Date(d).String() }

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Day.String].
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts what
// [ParseDay] accepts.
func (d *Day) UnmarshalText(text []byte) error {
	v, err := ParseDay(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
