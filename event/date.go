package event

import (
	"cmp"
	"time"

	"github.com/rickb777/date/v2"
)

// A Date is the date of an event as its sources give it: a year ("since
// 1992"), a season, a month ("in November 2025"), a day, a day with a local
// time and zone ("Thursday evening, 6 November 2025"), or an interval between
// two of these whose ends may be open or unknown ("soon", "in the coming
// months"). Each part may be qualified as approximate or uncertain, and
// trailing digits may be unspecified ("201X").
//
// The text form is the Extended Date/Time Format (EDTF) of ISO 8601-2,
// levels 0 and 1; see [ParseDate] for the accepted syntax and its two
// documented extensions.
//
// Every Date covers a range of days: [Date.Earliest] and [Date.Latest] are the
// first and last day on which the event can have taken place. Dates are
// ordered by [Date.Compare] and compared with ==.
//
// The zero Date is the unknown date: it covers no known day, sorts after
// every other date and formats as "".
type Date struct {
	start, end point
	interval   bool
}

// Precision says how finely a date is known. Higher values are finer.
type Precision uint8

// The precisions of a [Date], coarsest first.
const (
	PrecisionNone       Precision = iota // the unknown date
	PrecisionMillennium                  // "2XXX"
	PrecisionCentury                     // "20XX"
	PrecisionDecade                      // "201X"
	PrecisionYear                        // "1992"
	PrecisionSeason                      // "2001-21", spring 2001
	PrecisionMonth                       // "2025-11", and "2025-XX"
	PrecisionDay                         // "2025-11-06", and "2025-11-XX"
	PrecisionSecond                      // "2025-11-06T20:00:00-05:00"
)

var precisionNames = [...]string{"none", "millennium", "century", "decade", "year", "season", "month", "day", "second"}

// String returns the lower-case English name of the precision.
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "Precision(" + itoa(int64(p)) + ")"
}

// A Qualifier marks a date, or one end of an interval, as approximate ("~"),
// uncertain ("?") or both ("%").
type Qualifier uint8

// The qualifiers; they combine as bits.
const (
	Uncertain   Qualifier = 1 << iota // "?": the source is not sure of it
	Approximate                       // "~": the source gives it roughly
)

// String returns the EDTF suffix: "", "?", "~" or "%".
func (q Qualifier) String() string {
	switch q & (Uncertain | Approximate) {
	case Uncertain:
		return "?"
	case Approximate:
		return "~"
	case Uncertain | Approximate:
		return "%"
	}
	return ""
}

// Bound says what is known about one end of a date.
type Bound uint8

// The kinds of [Bound]. A single date and the zero Date have their start
// and end equal.
const (
	BoundNone    Bound = iota // the zero Date: nothing is known
	BoundKnown                // the end is a known date
	BoundOpen                 // EDTF "..": the interval has no end on this side
	BoundUnknown              // EDTF empty end: there is an end, but it is not known
)

type tzKind uint8

const (
	tzLocal  tzKind = iota // a time without offset: local time of an unstated zone
	tzUTC                  // "Z"
	tzOffset               // "+hh:mm" or "-hh:mm"
)

// point is one end of a Date: a calendar value with its qualifier, and the
// covered range of days cached so that ordering and range queries never
// have to recompute it.
type point struct {
	lo, hi date.Date // covered range; date.Min()/date.Max() when not bounded
	zone   string    // IANA zone name of the RFC 9557 suffix, if any
	offset int32     // seconds east of UTC, for tzOffset
	year   int32     // with unspecified digits written as 0
	bound  Bound
	month  int8 // 0 none, 1..12, 21..24 seasons
	day    int8 // 0 none
	yearX  int8 // number of unspecified trailing year digits
	monthX bool // "XX" month
	dayX   bool // "XX" day
	qual   Qualifier
	timed  bool
	tz     tzKind
	hour   int8
	minute int8
	second int8
}

// IsZero reports whether d is the zero Date, the unknown date.
func (d Date) IsZero() bool { return d.start.bound == BoundNone }

// IsInterval reports whether d was given as an interval "start/end".
func (d Date) IsInterval() bool { return d.interval }

// Earliest returns the first day d can fall on, and whether there is one:
// ok is false when the start of d is open or unknown, or d is the zero Date.
func (d Date) Earliest() (day Day, ok bool) {
	if d.start.bound != BoundKnown {
		return 0, false
	}
	return Day(d.start.lo), true
}

// Latest returns the last day d can fall on, and whether there is one: ok
// is false when the end of d is open or unknown, or d is the zero Date.
func (d Date) Latest() (day Day, ok bool) {
	e := &d.start
	if d.interval {
		e = &d.end
	}
	if e.bound != BoundKnown {
		return 0, false
	}
	return Day(e.hi), true
}

// first and last are the covered range with the infinities of an open or
// unknown end as the least and greatest day, for comparisons.
func (d Date) first() date.Date {
	if d.start.bound != BoundKnown {
		return date.Min()
	}
	return d.start.lo
}

func (d Date) last() date.Date {
	e := &d.start
	if d.interval {
		e = &d.end
	}
	if e.bound != BoundKnown {
		return date.Max()
	}
	return e.hi
}

// Bounded reports whether both ends of d are known days, so that
// [Date.Earliest] and [Date.Latest] both report one.
func (d Date) Bounded() bool {
	return d.start.bound == BoundKnown && (!d.interval || d.end.bound == BoundKnown)
}

// StartBound and EndBound say what is known about each end. For a date that
// is not an interval both are [BoundKnown]; for the zero Date both are
// [BoundNone].
func (d Date) StartBound() Bound { return d.start.bound }

// EndBound says what is known about the end of d; see [Date.StartBound].
func (d Date) EndBound() Bound {
	if d.interval {
		return d.end.bound
	}
	return d.start.bound
}

// Start returns the start of an interval as a date of its own, or d itself
// when d is not an interval. It is the zero Date when the start is open or
// unknown.
func (d Date) Start() Date {
	if !d.interval {
		return d
	}
	if d.start.bound != BoundKnown {
		return Date{}
	}
	return Date{start: d.start}
}

// End returns the end of an interval as a date of its own, or d itself when
// d is not an interval. It is the zero Date when the end is open or unknown.
func (d Date) End() Date {
	if !d.interval {
		return d
	}
	if d.end.bound != BoundKnown {
		return Date{}
	}
	return Date{start: d.end}
}

// Precision returns how finely d is known: for an interval, the coarser of
// its known ends.
func (d Date) Precision() Precision {
	p := d.start.precision()
	if d.interval {
		e := d.end.precision()
		if p == PrecisionNone || (e != PrecisionNone && e < p) {
			p = e
		}
	}
	return p
}

func (p *point) precision() Precision {
	switch {
	case p.bound != BoundKnown:
		return PrecisionNone
	case p.timed:
		return PrecisionSecond
	case p.day != 0 || p.dayX:
		return PrecisionDay
	case p.month >= 21:
		return PrecisionSeason
	case p.month != 0 || p.monthX:
		return PrecisionMonth
	}
	return PrecisionYear - Precision(p.yearX)
}

// Qualifier returns the qualifier of d; for an interval, those of both ends
// combined.
func (d Date) Qualifier() Qualifier {
	if d.interval {
		return d.start.qual | d.end.qual
	}
	return d.start.qual
}

// HasTime reports whether d is a single date with a time of day.
func (d Date) HasTime() bool { return !d.interval && d.start.timed }

// Time returns the instant of a date with a time of day, in the location
// given by its zone name or offset, and whether there is one. A local time
// without offset is returned as if it were UTC. For an interval it reports
// the start.
func (d Date) Time() (time.Time, bool) {
	p := &d.start
	if !p.timed {
		return time.Time{}, false
	}
	y, m, dd := p.lo.Date()
	wall := time.Date(y, m, dd, int(p.hour), int(p.minute), int(p.second), 0, time.UTC)
	if p.tz != tzOffset {
		return wall, true
	}
	// From the offset, not from the zone's rules: in the hour repeated when
	// clocks go back, only the offset tells which of the two instants it is.
	return wall.Add(-time.Duration(p.offset) * time.Second).In(p.location()), true
}

// HasOffset reports whether the time of d (of its start, for an interval)
// is given with a UTC offset or "Z", rather than as a local time of an
// unstated zone.
func (d Date) HasOffset() bool { return d.start.timed && d.start.tz != tzLocal }

// Zone returns the IANA zone name given with a time ("America/New_York"),
// or "" when the date carries none.
func (d Date) Zone() string { return d.start.zone }

func (p *point) location() *time.Location {
	if p.zone != "" {
		if loc, err := loadZone(p.zone); err == nil {
			return loc
		}
	}
	if p.tz == tzOffset {
		return time.FixedZone("", int(p.offset))
	}
	return time.UTC
}

// Contains reports whether day lies in the covered range of d. An open or
// unknown end contains every day on its side.
func (d Date) Contains(day Day) bool {
	return !d.IsZero() && d.first() <= date.Date(day) && date.Date(day) <= d.last()
}

// Overlaps reports whether d and e may fall on a common day: whether their
// covered ranges intersect. The zero Date overlaps nothing.
func (d Date) Overlaps(e Date) bool {
	if d.IsZero() || e.IsZero() {
		return false
	}
	return d.first() <= e.last() && e.first() <= d.last()
}

// Within reports whether every day d can fall on lies in the covered range
// of e: the event certainly took place during e. A date with an open or
// unknown end is never within another, however long; any bounded date is
// within "1992/..". The zero Date is within nothing, and nothing is within
// it.
func (d Date) Within(e Date) bool {
	return d.Bounded() && !e.IsZero() && e.first() <= d.start.lo && d.last() <= e.last()
}

// Compare returns -1, 0 or +1 as d sorts before, equal to or after e. The
// order is total and consistent with ==:
//
//  1. The zero (unknown) Date sorts after every other date.
//  2. Earlier [Date.Earliest] first; an open or unknown start counts as the
//     beginning of time.
//  3. Then the narrower covered range first (earlier [Date.Latest]): on the
//     same first day, a day comes before its month, a month before its
//     year, and a closed interval before an open one ("soon").
//  4. Then coarser [Date.Precision] first: on the same day, the whole day
//     comes before the times of day, as calendars list all-day entries
//     before timed ones, so that "on 6 November" reads before "that
//     evening".
//  5. Then the time of day, as an instant where the zone is known.
//  6. Then fewer qualifiers first, and finally the text form, which tells
//     apart every two dates that are not ==.
func (d Date) Compare(e Date) int {
	if dz, ez := d.IsZero(), e.IsZero(); dz || ez {
		switch {
		case dz && ez:
			return 0
		case dz:
			return 1
		}
		return -1
	}
	if c := cmp.Compare(d.first(), e.first()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.last(), e.last()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Precision(), e.Precision()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.start.clockKey(), e.start.clockKey()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Qualifier(), e.Qualifier()); c != 0 {
		return c
	}
	if d == e {
		return 0
	}
	return cmp.Compare(d.String(), e.String())
}

// clockKey is the time of day in seconds, shifted to UTC where the offset is
// known, so that times on the same local day order as instants.
func (p *point) clockKey() int64 {
	if !p.timed {
		return -1 << 40
	}
	s := int64(p.hour)*3600 + int64(p.minute)*60 + int64(p.second)
	if p.tz == tzOffset {
		s -= int64(p.offset)
	}
	return s
}

// Equal reports whether d and e are the same date; it is the same as ==.
func (d Date) Equal(e Date) bool { return d == e }
