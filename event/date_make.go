package event

import (
	"time"

	"github.com/rickb777/date/v2"
)

// The constructors below make dates in program text. They are named for
// how a source words the date: on a day, in a month or year, at an instant,
// between two dates, from or until one.

// OnDay returns the date of one calendar day. Like [time.Date], it
// normalizes values out of range: OnDay(2025, 2, 30) is 2 March 2025. Use
// [ParseDate] to reject such input instead. Days in years beyond
// ±5,000,000 give the zero Date, as do those of the other constructors.
// OnDay(d.Date()) is the date of the [Day] d.
func OnDay(year int, month time.Month, day int) Date {
	return fromDay(date.New(year, month, day))
}

func fromDay(d date.Date) Date {
	y, m, dd := d.Date()
	if !yearInRange(y) {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, year: int32(y), month: int8(m), day: int8(dd), lo: d, hi: d}}
}

func yearInRange(y int) bool { return y >= -maxYear && y <= maxYear }

// InMonth returns the date of a whole month; the month is normalized as by
// [time.Date].
func InMonth(year int, month time.Month) Date {
	d := date.New(year, month, 1)
	y, m, _ := d.Date()
	if !yearInRange(y) {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, year: int32(y), month: int8(m), lo: d, hi: date.New(y, m+1, 0)}}
}

// InYear returns the date of a whole year.
func InYear(year int) Date {
	if !yearInRange(year) {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, year: int32(year), lo: date.New(year, time.January, 1), hi: date.New(year, time.December, 31)}}
}

// At returns the date of an instant, in the location of t: with its IANA
// zone name when the location has one that the zone database knows and
// that gives the same offset, with a "Z" in UTC, and with only the offset
// otherwise. Offsets that are not whole minutes, such as local mean time
// before time zones, cannot be written in EDTF: such instants are given in
// UTC. Fractions of a second are dropped.
func At(t time.Time) Date {
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC()
	}
	if y := t.Year(); !yearInRange(y) {
		return Date{}
	}
	p := point{
		bound: BoundKnown, timed: true,
		hour: int8(t.Hour()), minute: int8(t.Minute()), second: int8(t.Second()),
	}
	y, m, dd := t.Date()
	p.year, p.month, p.day = int32(y), int8(m), int8(dd)
	p.lo = date.New(y, m, dd)
	p.hi = p.lo
	_, off := t.Zone()
	switch name := t.Location().String(); {
	case t.Location() == time.UTC:
		p.tz = tzUTC
	default:
		p.tz, p.offset = tzOffset, int32(off)
		if name != "Local" && name != "" && validZoneName(name) {
			if loc, err := loadZone(name); err == nil {
				if _, o := t.In(loc).Zone(); o == off {
					p.zone = name
				}
			}
		}
	}
	return Date{start: p}
}

// Between returns the interval from start to end. Both must be single dates
// (not intervals); either or both may be the zero Date, which stands for an
// unknown end: Between(Date{}, Date{}) is "/", which covers all time. It
// fails with [ErrEndBeforeStart] when end lies wholly before start.
func Between(start, end Date) (Date, error) {
	if start.interval || end.interval {
		return Date{}, &DateError{Input: start.String() + "/" + end.String(), Err: ErrDateSyntax}
	}
	d := Date{start: start.start, end: end.start, interval: true}
	if start.IsZero() {
		d.start = unknownEnd()
	}
	if end.IsZero() {
		d.end = unknownEnd()
	} else if !start.IsZero() && endsBefore(&d.end, &d.start) {
		return Date{}, &DateError{Input: d.String(), Err: ErrEndBeforeStart}
	}
	return d, nil
}

// From returns the interval that starts with start and has an open end
// ("2025-11-06/.."): from then on, as in "soon". The start of an interval
// stands for the interval; the zero Date gives the zero Date.
func From(start Date) Date {
	start = start.Start()
	if start.IsZero() {
		return Date{}
	}
	return Date{start: start.start, end: openEnd(), interval: true}
}

// Until returns the interval that ends with end and has an open start
// ("../1985"): at any time up to then. The end of an interval stands for
// the interval; the zero Date gives the zero Date.
func Until(end Date) Date {
	end = end.End()
	if end.IsZero() {
		return Date{}
	}
	return Date{start: openEnd(), end: end.start, interval: true}
}

func openEnd() point    { return point{bound: BoundOpen, lo: date.Min(), hi: date.Max()} }
func unknownEnd() point { return point{bound: BoundUnknown, lo: date.Min(), hi: date.Max()} }

// Qualified returns d marked with the qualifiers q, approximate ("~"),
// uncertain ("?") or both, in addition to those it has: the whole date, or
// the known ends of an interval. An interval with no known end ("../..")
// has nothing to qualify and is returned as it is.
func (d Date) Qualified(q Qualifier) Date {
	q &= Uncertain | Approximate
	if d.start.bound == BoundKnown {
		d.start.qual |= q
	}
	if d.interval && d.end.bound == BoundKnown {
		d.end.qual |= q
	}
	return d
}
