package event

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rickb777/date/v2"
)

// Reasons a date is rejected. [ParseDate] wraps them in a [*DateError].
var (
	ErrEmptyDate       = errors.New("empty date")
	ErrDateSyntax      = errors.New("not an EDTF date")
	ErrYearOutOfRange  = errors.New("year out of range")
	ErrMonthOutOfRange = errors.New("month out of range")
	ErrDayOutOfRange   = errors.New("day out of range")
	ErrTimeOutOfRange  = errors.New("time of day out of range")
	ErrOffsetRange     = errors.New("zone offset out of range")
	ErrUnknownZone     = errors.New("unknown time zone")
	ErrZoneMismatch    = errors.New("offset does not match the time zone")
	ErrEndBeforeStart  = errors.New("interval ends before it starts")
)

// maxYear bounds the years a Date accepts, well inside what [date.Date] can
// represent, so that the covered range of any date is a real day.
const maxYear = 5_000_000

// A DateError reports a date that cannot be parsed: the input and the reason,
// one of the Err... variables of this package.
type DateError struct {
	Input string
	Err   error
}

// Error returns `date "2025-02-30": day out of range`.
func (e *DateError) Error() string {
	return "date " + strconv.Quote(e.Input) + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *DateError) Unwrap() error { return e.Err }

// ParseDate parses the EDTF text form of a date. It accepts ISO 8601-2 EDTF
// levels 0 and 1:
//
//	1992                  year
//	-0044, Y170000002     negative and long years
//	2025-11, 2025-11-06   month, day
//	2001-21 … 2001-24     spring, summer, autumn, winter 2001
//	201X, 20XX, 2025-XX   unspecified digits, from the right only
//	1985-04-12T23:20:30Z  day and time, with "Z", "+hh", "+hh:mm" or no offset
//	2026-03~, 1984?, 2004-06-11%  approximate, uncertain, both
//	2025-11-05/2025-11-07 intervals of any two of the above
//	2025-11-06/..         open end ("..") or unknown end ("")
//
// and two extensions: a time may carry an RFC 9557 zone name after its
// offset ("2025-11-06T20:00:00-05:00[America/New_York]"), which must agree
// with the offset, and a time may be qualified ("…-05:00~": "in the
// evening"). Intervals may have times at their ends, as ISO 8601-1 allows.
//
// Seasons cover the northern meteorological seasons: spring is March to
// May, summer June to August, autumn September to November and winter
// December to the end of the next February. Qualifiers do not widen the
// covered range: "2026-03~" covers March 2026, and its qualifier is kept.
//
// Errors are [*DateError] values wrapping the reason, such as
// [ErrDayOutOfRange] for "2025-02-30".
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return Date{}, &DateError{Input: s, Err: err}
	}
	return d, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// dates written in program text, such as tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func parseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, ErrEmptyDate
	}
	slash := intervalSlash(s)
	if slash < 0 {
		p, err := parsePoint(s)
		return Date{start: p}, err
	}
	a, b := s[:slash], s[slash+1:]
	start, err := parseEnd(a)
	if err != nil {
		return Date{}, err
	}
	end, err := parseEnd(b)
	if err != nil {
		return Date{}, err
	}
	if start.bound != BoundKnown && end.bound != BoundKnown {
		return Date{}, ErrDateSyntax
	}
	if start.bound == BoundKnown && end.bound == BoundKnown && endsBefore(&end, &start) {
		return Date{}, ErrEndBeforeStart
	}
	return Date{start: start, end: end, interval: true}, nil
}

// intervalSlash finds the "/" between the ends of an interval, skipping the
// slashes of zone names in brackets.
func intervalSlash(s string) int {
	depth := 0
	for i := range len(s) {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '/':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func parseEnd(s string) (point, error) {
	switch s {
	case "":
		return point{bound: BoundUnknown, lo: date.Min(), hi: date.Max()}, nil
	case "..":
		return point{bound: BoundOpen, lo: date.Min(), hi: date.Max()}, nil
	}
	return parsePoint(s)
}

// endsBefore reports whether the end e lies before the start s: on an
// earlier day, or at an earlier time. Times with offsets compare as
// instants, local times as wall clocks; a local time and one with an offset
// cannot be compared, so only their days are.
func endsBefore(e, s *point) bool {
	if e.hi < s.lo {
		return true
	}
	if e.timed && s.timed {
		switch local := e.tz == tzLocal; {
		case local != (s.tz == tzLocal):
		case local && e.lo == s.lo:
			return e.clockKey() < s.clockKey()
		case !local:
			return int64(e.lo)*86400+e.clockKey() < int64(s.lo)*86400+s.clockKey()
		}
	}
	return false
}

// parsePoint parses one date or date-time with its qualifier.
func parsePoint(s string) (point, error) {
	p := point{bound: BoundKnown}
	rest, err := p.parseCalendar(s)
	if err != nil {
		return p, err
	}
	if rest != "" && rest[0] == 'T' {
		if p.day == 0 || p.dayX || p.monthX || p.yearX != 0 {
			return p, ErrDateSyntax
		}
		if rest, err = p.parseClock(rest[1:]); err != nil {
			return p, err
		}
	}
	if rest != "" {
		switch rest {
		case "?":
			p.qual = Uncertain
		case "~":
			p.qual = Approximate
		case "%":
			p.qual = Uncertain | Approximate
		default:
			return p, ErrDateSyntax
		}
	}
	return p, p.cover()
}

// parseCalendar reads the year, month and day, and returns what follows.
func (p *point) parseCalendar(s string) (string, error) {
	if s != "" && s[0] == 'Y' {
		rest, err := p.parseLongYear(s[1:])
		if err != nil {
			return rest, err
		}
		return p.parseMonthDay(rest)
	}
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if len(s) < 4 {
		return s, ErrDateSyntax
	}
	y := 0
	for i := range 4 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' && p.yearX == 0:
			y = y*10 + int(c-'0')
		case c == 'X' && i > 0:
			p.yearX++
			y *= 10
		default:
			return s, ErrDateSyntax
		}
	}
	if neg {
		if y == 0 {
			return s, ErrDateSyntax // "-0000" and "-0XXX" have no meaning
		}
		y = -y
	}
	p.year = int32(y)
	s = s[4:]
	if s != "" && s[0] == '-' && p.yearX != 0 {
		return s, ErrDateSyntax // "201X-05" is level 2
	}
	return p.parseMonthDay(s)
}

// parseMonthDay reads "-MM" and "-DD" after the year, if present.
func (p *point) parseMonthDay(s string) (string, error) {
	if s == "" || s[0] != '-' {
		return s, nil
	}
	m, x, ok := twoDigits(s[1:])
	if !ok {
		return s, ErrDateSyntax
	}
	s = s[3:]
	switch {
	case x:
		p.monthX = true
	case (m >= 1 && m <= 12) || (m >= 21 && m <= 24):
		p.month = int8(m)
	default:
		return s, ErrMonthOutOfRange
	}
	if s == "" || s[0] != '-' {
		return s, nil
	}
	if p.month >= 21 {
		return s, ErrDateSyntax // a season has no days
	}
	d, x, ok := twoDigits(s[1:])
	if !ok {
		return s, ErrDateSyntax
	}
	s = s[3:]
	switch {
	case x:
		p.dayX = true
	case p.monthX:
		return s, ErrDateSyntax // "1985-XX-12" is level 2
	case d < 1 || d > daysIn(int(p.year), time.Month(p.month)):
		return s, ErrDayOutOfRange
	default:
		p.day = int8(d)
	}
	return s, nil
}

// parseLongYear reads the digits after "Y": more than four, possibly
// negative. EDTF gives such years no month or day; as an extension, they
// may have them, so that every day a [Date] can hold has a text form.
func (p *point) parseLongYear(s string) (string, error) {
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n <= 4 || s[0] == '0' {
		return s, ErrDateSyntax
	}
	if n > 7 {
		return s, ErrYearOutOfRange
	}
	y, _ := strconv.Atoi(s[:n])
	if y > maxYear {
		return s, ErrYearOutOfRange
	}
	if neg {
		y = -y
	}
	p.year = int32(y)
	return s[n:], nil
}

// parseClock reads "hh:mm:ss", an optional offset and zone name.
func (p *point) parseClock(s string) (string, error) {
	if len(s) < 8 || s[2] != ':' || s[5] != ':' {
		return s, ErrDateSyntax
	}
	h, hx, ok1 := twoDigits(s[0:])
	m, mx, ok2 := twoDigits(s[3:])
	sec, sx, ok3 := twoDigits(s[6:])
	if !ok1 || !ok2 || !ok3 || hx || mx || sx {
		return s, ErrDateSyntax
	}
	if h > 23 || m > 59 || sec > 59 {
		return s, ErrTimeOutOfRange
	}
	p.timed, p.hour, p.minute, p.second = true, int8(h), int8(m), int8(sec)
	s = s[8:]
	switch {
	case s == "":
		return s, nil
	case s[0] == 'Z':
		p.tz = tzUTC
		s = s[1:]
	case s[0] == '+' || s[0] == '-':
		sign := 1
		if s[0] == '-' {
			sign = -1
		}
		oh, x, ok := twoDigits(s[1:])
		if !ok || x {
			return s, ErrDateSyntax
		}
		s = s[3:]
		om := 0
		if s != "" && s[0] == ':' {
			v, x, ok := twoDigits(s[1:])
			if !ok || x {
				return s, ErrDateSyntax
			}
			om, s = v, s[3:]
		}
		if oh > 23 || om > 59 {
			return s, ErrOffsetRange
		}
		p.tz, p.offset = tzOffset, int32(sign*(oh*3600+om*60))
	}
	if s != "" && s[0] == '[' {
		end := strings.IndexByte(s, ']')
		if end < 0 || p.tz != tzOffset || !validZoneName(s[1:end]) {
			return s, ErrDateSyntax
		}
		p.zone = s[1:end]
		s = s[end+1:]
	}
	return s, nil
}

// twoDigits reads two decimal digits, or "XX".
func twoDigits(s string) (n int, x, ok bool) {
	if len(s) < 2 {
		return 0, false, false
	}
	if s[0] == 'X' && s[1] == 'X' {
		return 0, true, true
	}
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), false, true
}

func validZoneName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '_' || c == '-' || c == '+') {
			return false
		}
	}
	return true
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// cover computes the covered range of days, and checks a zone name against
// the offset it comes with.
func (p *point) cover() error {
	y := int(p.year)
	if y > maxYear || y < -maxYear {
		return ErrYearOutOfRange
	}
	switch {
	case p.yearX != 0:
		span := 1
		for range p.yearX {
			span *= 10
		}
		first, last := y, y+span-1
		if y < 0 {
			first, last = y-span+1, y
		}
		p.lo, p.hi = date.New(first, time.January, 1), date.New(last, time.December, 31)
	case p.month == 0:
		p.lo, p.hi = date.New(y, time.January, 1), date.New(y, time.December, 31)
	case p.month >= 21:
		first := time.Month(3*(p.month-21) + 3)
		p.lo = date.New(y, first, 1)
		p.hi = date.New(y, first+3, 0) // day 0: the last day of the month before
	case p.day == 0:
		m := time.Month(p.month)
		p.lo, p.hi = date.New(y, m, 1), date.New(y, m+1, 0)
	default:
		p.lo = date.New(y, time.Month(p.month), int(p.day))
		p.hi = p.lo
	}
	if p.zone != "" {
		loc, err := loadZone(p.zone)
		if err != nil {
			return ErrUnknownZone
		}
		yy, mm, dd := p.lo.Date()
		local := time.Date(yy, mm, dd, int(p.hour), int(p.minute), int(p.second), 0, time.UTC)
		in := local.Add(-time.Duration(p.offset) * time.Second).In(loc)
		if _, off := in.Zone(); off != int(p.offset) {
			return ErrZoneMismatch
		}
	}
	return nil
}

// zones memoizes time.LoadLocation, which reads the zone database from disk
// on every call. It holds only immutable zone data, so sharing it between
// all callers is safe and changes no result.
var zones sync.Map // string → *time.Location

func loadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "Local" || name == "UTC" {
		// LoadLocation gives these special meanings; as zone names in data
		// only real database entries are accepted.
		if name == "UTC" {
			return time.UTC, nil
		}
		return nil, ErrUnknownZone
	}
	loc, err := time.LoadLocation(name)
	if err == nil {
		// Only found zones are kept, so hostile input cannot grow the map.
		zones.Store(name, loc)
	}
	return loc, err
}
