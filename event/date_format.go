package event

import (
	"strconv"
	"time"

	"github.com/rickb777/date/v2"
)

// String returns the EDTF text form of d, which [ParseDate] reads back to
// the same Date. Offsets are always written as "+hh:mm". The zero Date
// gives "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b, _ := d.AppendText(make([]byte, 0, 32))
	return string(b)
}

// AppendText appends the text form of d to b; it implements
// [encoding.TextAppender].
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	b = d.start.append(b)
	if d.interval {
		b = append(b, '/')
		b = d.end.append(b)
	}
	return b, nil
}

// MarshalText implements [encoding.TextMarshaler] with the EDTF text form.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseDate] accepts, and the empty text as the zero Date, so that every
// Date round trips through its text form.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (p *point) append(b []byte) []byte {
	switch p.bound {
	case BoundOpen:
		return append(b, ".."...)
	case BoundUnknown, BoundNone:
		return b
	}
	y := int64(p.year)
	if y > 9999 || y < -9999 {
		b = append(b, 'Y')
		b = strconv.AppendInt(b, y, 10)
	} else {
		if y < 0 {
			b = append(b, '-')
			y = -y
		}
		digits := [4]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
		for i := 4 - int(p.yearX); i < 4; i++ {
			digits[i] = 'X'
		}
		b = append(b, digits[:]...)
	}
	switch {
	case p.monthX:
		b = append(b, "-XX"...)
	case p.month != 0:
		b = append2(append(b, '-'), int(p.month))
	}
	switch {
	case p.dayX:
		b = append(b, "-XX"...)
	case p.day != 0:
		b = append2(append(b, '-'), int(p.day))
	}
	if p.timed {
		b = append2(append(b, 'T'), int(p.hour))
		b = append2(append(b, ':'), int(p.minute))
		b = append2(append(b, ':'), int(p.second))
		switch p.tz {
		case tzUTC:
			b = append(b, 'Z')
		case tzOffset:
			off := p.offset
			if off < 0 {
				b, off = append(b, '-'), -off
			} else {
				b = append(b, '+')
			}
			b = append2(b, int(off/3600))
			b = append2(append(b, ':'), int(off%3600/60))
		}
		if p.zone != "" {
			b = append(append(append(b, '['), p.zone...), ']')
		}
	}
	return append(b, p.qual.String()...)
}

func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Day returns the date of one calendar day. Like [time.Date], it normalizes
// values out of range: Day(2025, 2, 30) is 2 March 2025. Use [ParseDate]
// to reject such input instead. Days in years beyond ±5,000,000 give the
// zero Date, as do those of the other constructors.
func Day(year int, month time.Month, day int) Date {
	return fromDay(date.New(year, month, day))
}

// OnDay returns the date of the calendar day d.
func OnDay(d date.Date) Date { return fromDay(d) }

func fromDay(d date.Date) Date {
	y, m, dd := d.Date()
	if !yearInRange(y) {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, year: int32(y), month: int8(m), day: int8(dd), lo: d, hi: d}}
}

func yearInRange(y int) bool { return y >= -maxYear && y <= maxYear }

// Month returns the date of a whole month; the month is normalized as by
// [time.Date].
func Month(year int, month time.Month) Date {
	d := date.New(year, month, 1)
	y, m, _ := d.Date()
	if !yearInRange(y) {
		return Date{}
	}
	return Date{start: point{bound: BoundKnown, year: int32(y), month: int8(m), lo: d, hi: date.New(y, m+1, 0)}}
}

// Year returns the date of a whole year.
func Year(year int) Date {
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
// (not intervals); either may be the zero Date, which stands for an unknown
// end. It fails with [ErrEndBeforeStart] when end lies wholly before start.
func Between(start, end Date) (Date, error) {
	if start.interval || end.interval || (start.IsZero() && end.IsZero()) {
		return Date{}, &DateError{Input: start.String() + "/" + end.String(), Err: ErrDateSyntax}
	}
	d := Date{start: start.start, end: end.start, interval: true}
	if start.IsZero() {
		d.start = point{bound: BoundUnknown, lo: date.Min(), hi: date.Max()}
	}
	if end.IsZero() {
		d.end = point{bound: BoundUnknown, lo: date.Min(), hi: date.Max()}
	} else if !start.IsZero() && endsBefore(&d.end, &d.start) {
		return Date{}, &DateError{Input: d.String(), Err: ErrEndBeforeStart}
	}
	return d, nil
}

// Since returns the interval that starts at start and has an open end
// ("2025-11-06/.."): some time after, as in "soon".
func Since(start Date) Date {
	start = start.Start()
	if start.IsZero() {
		return Date{}
	}
	return Date{start: start.start, end: point{bound: BoundOpen, lo: date.Min(), hi: date.Max()}, interval: true}
}

// Approx returns d marked approximate ("~"): the whole date, or the known
// ends of an interval.
func (d Date) Approx() Date { return d.qualify(Approximate) }

// Uncertain returns d marked uncertain ("?"); see [Date.Approx].
func (d Date) Uncertain() Date { return d.qualify(Uncertain) }

func (d Date) qualify(q Qualifier) Date {
	if d.start.bound == BoundKnown {
		d.start.qual |= q
	}
	if d.interval && d.end.bound == BoundKnown {
		d.end.qual |= q
	}
	return d
}
