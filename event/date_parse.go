package event

import (
	"errors"
	"fmt"
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

	// ErrNegativeZero is a zero offset written with a minus sign, "-00" or
	// "-00:00": ISO 8601 writes it "+00:00" or "Z". It wraps
	// [ErrOffsetRange], so errors.Is reports both.
	ErrNegativeZero = fmt.Errorf("%w: a zero offset is written +00:00 or Z, not -00:00", ErrOffsetRange)

	// ErrLevel2 reports a feature of EDTF level 2, which [ParseDate] leaves
	// out: sets, qualified or unspecified single components, exponential
	// years, significant digits and seasons 25 to 41.
	ErrLevel2 = errors.New("EDTF level 2 is not supported")
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
	return "date " + QuoteValue(e.Input) + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *DateError) Unwrap() error { return e.Err }

// ParseDate parses the EDTF text form of a date. It accepts ISO 8601-2 EDTF
// levels 0 and 1:
//
//	1992                  year
//	-0044, Y170000        negative and long years
//	2025-11, 2025-11-06   month, day
//	2001-21 … 2001-24     spring, summer, autumn, winter 2001
//	201X, 20XX, 2025-XX   unspecified digits, from the right only
//	1985-04-12T23:20:30Z  day and time, with "Z", "+hh", "+hh:mm" or no offset
//	2026-03~, 1984?, 2004-06-11%  approximate, uncertain, both
//	2025-11-05/2025-11-07 intervals of any two of the above
//	2025-11-06/..         open end ("..") or unknown end ("")
//	../.., /, ../, /..    both ends open or unknown: all time
//
// Years run from -5,000,000 to 5,000,000, the days a [Date] can cover;
// years of more than four digits take the prefix "Y" ("Y170000",
// "Y-5000000"), and longer ones, such as the EDTF example "Y170000002",
// are rejected with [ErrYearOutOfRange]. A year may have up to three
// unspecified digits ("2XXX", a millennium), where EDTF level 1 has one or
// two. A zero offset is written "Z", "+00" or "+00:00"; "-00" and "-00:00"
// are rejected with [ErrNegativeZero]. An interval neither of whose ends is
// known covers all time; its [Date.Precision] is [PrecisionNone].
//
// There are three extensions: a time may carry an RFC 9557 zone name after
// its offset ("2025-11-06T20:00:00-05:00[America/New_York]"), which must
// agree with the offset; a time may be qualified ("…-05:00~": "in the
// evening"); and a "Y" year, which EDTF gives no month or day, may have
// them like a four-digit year ("Y10000-01-01", "Y-12345-06~"), so that
// every day a Date can hold has a text form. Intervals may have times at
// their ends, as ISO 8601-1 allows, and their ends may be any of the dates
// above.
//
// Features of EDTF level 2 are rejected with [ErrLevel2]: sets ("[1667,
// 1668]", "{1960, 1961-12}"), qualifiers on single components ("2004?-06",
// "2004-~06-11"), unspecified digits other than the forms above
// ("156X-12-25", "1985-XX-12", "1984-1X", "XXXX"), exponential years
// ("Y17E7"), significant digits ("1950S2") and seasons 25 to 41. Fractions
// of a second and "24:00:00" are not accepted either.
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
	if isSet(s) {
		return Date{}, ErrLevel2
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
	// Both ends may be open or unknown ("../..", "/"): such an interval
	// covers all time.
	if start.bound == BoundKnown && end.bound == BoundKnown && endsBefore(&end, &start) {
		return Date{}, ErrEndBeforeStart
	}
	return Date{start: start, end: end, interval: true}, nil
}

// isSet reports whether s looks like an EDTF level 2 set: "[1667, 1668]"
// (one of) or "{1960, 1961-12}" (all of).
func isSet(s string) bool {
	n := len(s)
	return n > 2 && (s[0] == '[' && s[n-1] == ']' || s[0] == '{' && s[n-1] == '}') &&
		strings.ContainsAny(s, "0123456789")
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

// parsePoint parses one date or date-time with its qualifier. What fails
// only for qualifiers on single components ("2004?-06-11", "?2004",
// "2004-~06") is EDTF level 2.
func parsePoint(s string) (point, error) {
	p, err := parsePoint1(s)
	if err == ErrDateSyntax {
		if bare, ok := stripComponentQualifiers(s); ok {
			if _, berr := parsePoint1(bare); berr == nil || berr == ErrLevel2 {
				return p, ErrLevel2
			}
		}
	}
	return p, err
}

// stripComponentQualifiers removes the qualifiers that EDTF level 2 puts
// on single components of a date: before the date or a component ("?2004",
// "2004-~06") or after a component that is not the last ("2004?-06"). It
// reports whether there were any. The time of day is left alone.
func stripComponentQualifiers(s string) (string, bool) {
	cal := s
	if i := strings.IndexByte(s, 'T'); i >= 0 {
		cal = s[:i]
	}
	var b []byte
	for i := range len(cal) {
		c := cal[i]
		if (c == '?' || c == '~' || c == '%') &&
			(i == 0 || cal[i-1] == '-' || i+1 < len(cal) && cal[i+1] == '-') {
			if b == nil {
				b = append(make([]byte, 0, len(s)), cal[:i]...)
			}
			continue
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return s, false
	}
	return string(b) + s[len(cal):], true
}

// parsePoint1 parses one date or date-time of EDTF level 1.
func parsePoint1(s string) (point, error) {
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
	y, inner := 0, false
	for i := range 4 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			inner = inner || p.yearX != 0 // "1X99"
			y = y*10 + int(c-'0')
		case c == 'X':
			p.yearX++
			y *= 10
		default:
			return s, ErrDateSyntax
		}
	}
	if inner || p.yearX == 4 {
		return s, ErrLevel2 // "1X99", "XXXX": not one to three digits from the right
	}
	if neg {
		if y == 0 {
			return s, ErrDateSyntax // "-0000" and "-0XXX" have no meaning
		}
		y = -y
	}
	p.year = int32(y)
	s = s[4:]
	switch {
	case s != "" && s[0] == '-' && p.yearX != 0:
		return s, ErrLevel2 // "201X-05"
	case len(s) > 1 && s[0] == 'S' && s[1] >= '0' && s[1] <= '9':
		return s, ErrLevel2 // significant digits, "1950S2"
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
		return s, badTwoDigits(s[1:])
	}
	s = s[3:]
	switch {
	case x:
		p.monthX = true
	case (m >= 1 && m <= 12) || (m >= 21 && m <= 24):
		p.month = int8(m)
	case m >= 25 && m <= 41:
		return s, ErrLevel2 // hemispheres, quarters, quadrimesters, semesters
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
		return s, badTwoDigits(s[1:])
	}
	s = s[3:]
	switch {
	case x:
		p.dayX = true
	case p.monthX:
		return s, ErrLevel2 // "1985-XX-12"
	case d < 1 || d > daysIn(int(p.year), time.Month(p.month)):
		return s, ErrDayOutOfRange
	default:
		p.day = int8(d)
	}
	return s, nil
}

// parseLongYear reads the digits after "Y": more than four, possibly
// negative, at most 5,000,000. EDTF gives such years no month or day; as an
// extension, they may have them, so that every day a [Date] can hold has a
// text form.
func (p *point) parseLongYear(s string) (string, error) {
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n < len(s) && (s[n] == 'E' || s[n] == 'S') {
		return s, ErrLevel2 // exponent or significant digits, "Y17E7", "Y171010000S3"
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
		if sign < 0 && oh == 0 && om == 0 {
			return s, ErrNegativeZero
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

// badTwoDigits tells why s does not start with two digits or "XX": one
// unspecified digit ("1X", "X2") is EDTF level 2, anything else bad syntax.
func badTwoDigits(s string) error {
	if len(s) >= 2 && (s[0] == 'X' && s[1] >= '0' && s[1] <= '9' || s[1] == 'X' && s[0] >= '0' && s[0] <= '9') {
		return ErrLevel2
	}
	return ErrDateSyntax
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
