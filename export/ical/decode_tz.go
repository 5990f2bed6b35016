package ical

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// A vtimezone is a VTIMEZONE as read.
type vtimezone struct {
	line     int
	tzid     string
	tzidLine int
	location string // X-LIC-LOCATION: the zone database name libical adds
	obs      []*zoneObservance
	given    int // STANDARD and DAYLIGHT components, read or not
}

// A zoneObservance is a STANDARD or DAYLIGHT part of a VTIMEZONE: from
// each of its onsets on, the offset is to.
type zoneObservance struct {
	line     int
	start    time.Time // DTSTART: local time, held as UTC
	from, to int       // offsets in seconds east of UTC
	rule     *zoneRule
	rdates   []time.Time
	problem  error // an RRULE or RDATE this reader cannot follow
	probLine int
}

// An obsReader gathers the properties of a STANDARD or DAYLIGHT until its
// END.
type obsReader struct {
	obs   *zoneObservance
	props []contentLine
}

// timezoneProperty reads a property of a VTIMEZONE.
func (d *decoder) timezoneProperty(tz *vtimezone, p *contentLine) {
	switch p.name {
	case "TZID":
		if tz.tzid != "" {
			d.problem(p.line, p.name, "", nil, "given twice (first on line %d)", tz.tzidLine)
			return
		}
		v, err := d.unescape(p)
		if err != nil || v == "" {
			d.problem(p.line, p.name, "", err, "empty or invalid")
			return
		}
		tz.tzid, tz.tzidLine = v, p.line
	case "X-LIC-LOCATION":
		tz.location, _ = d.unescape(p)
	}
}

// finishTimezone takes in a VTIMEZONE that was closed, making its TZID
// known to the calendar if it is usable.
func (d *decoder) finishTimezone(tz *vtimezone, cal *vcalendar) {
	switch {
	case tz.tzid == "":
		d.problem(tz.line, "VTIMEZONE", "", nil, "without TZID")
	case tz.given == 0:
		d.problem(tz.line, "VTIMEZONE", tz.tzid, nil, "has no STANDARD or DAYLIGHT")
	case len(tz.obs) < tz.given:
		// The observances' problems are reported.
	case cal.zones[tz.tzid] != nil:
		d.problem(tz.tzidLine, "TZID", tz.tzid, nil, "VTIMEZONE given twice (first on line %d)", cal.zones[tz.tzid].line)
	default:
		cal.zones[tz.tzid] = tz
	}
}

// observance reads a STANDARD or DAYLIGHT component, and reports whether
// it is usable.
func (d *decoder) observance(c *component) bool {
	o := c.obs.obs
	bad := false
	problem := func(p *contentLine, value string, err error) {
		d.problem(p.line, c.name+" "+p.name, value, err, "")
		bad = true
	}
	var haveStart, haveFrom, haveTo bool
	var count int
	for i := range c.obs.props {
		p := &c.obs.props[i]
		switch p.name {
		case "DTSTART":
			t, err := parseDateTime(p.value)
			if err == nil && t.utc {
				err = errors.New("must be a local time, without Z")
			}
			if err != nil {
				problem(p, p.value, err)
				continue
			}
			o.start, haveStart = t.wall, true
		case "TZOFFSETFROM", "TZOFFSETTO":
			off, err := parseUTCOffset(p.value)
			if err != nil {
				problem(p, p.value, err)
				continue
			}
			if p.name == "TZOFFSETFROM" {
				o.from, haveFrom = off, true
			} else {
				o.to, haveTo = off, true
			}
		case "RRULE":
			if o.rule != nil || o.problem != nil {
				o.problem, o.probLine = errors.New("more than one RRULE"), p.line
				continue
			}
			r, n, err := parseZoneRule(p.value)
			if err != nil {
				o.problem, o.probLine = fmt.Errorf("RRULE %s: %w", event.QuoteValue(p.value), err), p.line
				continue
			}
			o.rule, count = r, n
		case "RDATE":
			if v, _ := p.param("VALUE"); v != "" && !strings.EqualFold(v, "DATE-TIME") {
				o.problem, o.probLine = fmt.Errorf("RDATE;VALUE=%s is not supported", v), p.line
				continue
			}
			for s := range strings.SplitSeq(p.value, ",") {
				t, err := parseDateTime(s)
				if err != nil {
					problem(p, s, err)
					break
				}
				o.rdates = append(o.rdates, t.wall)
			}
		}
	}
	for _, m := range []struct {
		ok   bool
		name string
	}{{haveStart, "DTSTART"}, {haveFrom, "TZOFFSETFROM"}, {haveTo, "TZOFFSETTO"}} {
		if !m.ok && !bad {
			d.problem(c.line, c.name, "", nil, "without %s", m.name)
			bad = true
		}
	}
	if bad {
		return false
	}
	if r := o.rule; r != nil {
		if !r.until.IsZero() && r.untilUTC {
			r.until = r.until.Add(time.Duration(o.from) * time.Second) // to local time
		}
		if count > 0 {
			r.countUntil(o.start, count)
		}
	}
	return true
}

// A zoneRule is the subset of RRULE that time zone observances use: every
// year, in one month, on the n-th (or last) weekday of the month, or on
// the weekday that falls on one of a list of days, or on a fixed day, at
// the time of DTSTART or of BYHOUR and BYMINUTE.
type zoneRule struct {
	month     time.Month // 0: the month of DTSTART
	nth       int        // 1..5 or -1..-5 with weekday; 0: see monthDays
	weekday   time.Weekday
	byDay     bool
	monthDays []int
	hour, min int // -1: those of DTSTART
	until     time.Time
	untilUTC  bool // until is in UTC until the observance is read, local time after
}

var rruleWeekdays = map[string]time.Weekday{
	"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday,
}

// parseZoneRule parses the RRULE of an observance, and returns its COUNT
// or 0.
func parseZoneRule(s string) (*zoneRule, int, error) {
	r := &zoneRule{hour: -1, min: -1}
	yearly := false
	count := 0
	for part := range strings.SplitSeq(s, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, 0, errors.New("not a recurrence rule")
		}
		k, v = strings.ToUpper(k), strings.ToUpper(v)
		switch k {
		case "FREQ":
			if v != "YEARLY" {
				return nil, 0, errors.New("only FREQ=YEARLY is supported in time zones")
			}
			yearly = true
		case "INTERVAL":
			if v != "1" {
				return nil, 0, errors.New("only INTERVAL=1 is supported in time zones")
			}
		case "WKST":
		case "BYMONTH":
			m, ok := smallAtoi(v)
			if !ok || m < 1 || m > 12 {
				return nil, 0, errors.New("BYMONTH: only one month is supported")
			}
			r.month = time.Month(m)
		case "BYHOUR", "BYMINUTE":
			n, ok := smallAtoi(v)
			if !ok || (k == "BYHOUR" && n > 23) || n > 59 {
				return nil, 0, fmt.Errorf("%s: only one value is supported", k)
			}
			if k == "BYHOUR" {
				r.hour = n
			} else {
				r.min = n
			}
		case "BYDAY":
			if err := r.parseByDay(v); err != nil {
				return nil, 0, err
			}
		case "BYMONTHDAY":
			for f := range strings.SplitSeq(v, ",") {
				x, ok := smallAtoi(f)
				if !ok || x < 1 || x > 31 {
					return nil, 0, errors.New("BYMONTHDAY: only positive days are supported")
				}
				r.monthDays = append(r.monthDays, x)
			}
			slices.Sort(r.monthDays)
		case "UNTIL":
			c, err := parseDateTime(v)
			if err != nil {
				if c, err = parseDate(v); err != nil {
					return nil, 0, fmt.Errorf("UNTIL: %w", err)
				}
				c.wall = c.wall.Add(24*time.Hour - time.Second) // the whole day
			}
			r.until, r.untilUTC = c.wall, c.utc
		case "COUNT":
			n, ok := smallAtoi(v)
			if !ok || n < 1 {
				return nil, 0, errors.New("COUNT: not a positive number")
			}
			count = n
		default:
			return nil, 0, fmt.Errorf("%s is not supported in time zones", k)
		}
	}
	switch {
	case !yearly:
		return nil, 0, errors.New("no FREQ")
	case r.byDay && r.nth == 0 && len(r.monthDays) == 0:
		return nil, 0, errors.New("BYDAY without a week number needs BYMONTHDAY")
	case !r.byDay && len(r.monthDays) > 1:
		return nil, 0, errors.New("BYMONTHDAY: only one day is supported without BYDAY")
	case count > 0 && !r.until.IsZero():
		return nil, 0, errors.New("both COUNT and UNTIL")
	}
	return r, count, nil
}

// countUntil turns COUNT into the UNTIL of its last onset: DTSTART is the
// first of the count.
func (r *zoneRule) countUntil(start time.Time, count int) {
	n := 1
	last := start
	for y := start.Year() + 1; n < count && y <= start.Year()+4*count; y++ {
		if c, ok := r.occurrence(y, start); ok {
			n++
			last = c
		}
	}
	r.until = last
}

// parseByDay reads the BYDAY of a rule: one weekday, after a week number
// in the month, counted from its end when negative, if any.
func (r *zoneRule) parseByDay(v string) error {
	n := len(v) - 2
	wd, ok := rruleWeekdays[v[max(n, 0):]]
	if n < 0 || !ok {
		return errors.New("BYDAY: only one weekday is supported")
	}
	r.weekday, r.byDay = wd, true
	if n == 0 {
		return nil
	}
	num := v[:n]
	neg := num[0] == '-'
	num = strings.TrimLeft(num, "+-")
	x, ok := smallAtoi(num)
	if !ok || x < 1 || x > 5 || len(v[:n])-len(num) > 1 {
		return errors.New("BYDAY: week number out of range")
	}
	if neg {
		x = -x
	}
	r.nth = x
	return nil
}

// occurrence returns the onset of the rule in year, as local time, for an
// observance that starts at start.
func (r *zoneRule) occurrence(year int, start time.Time) (time.Time, bool) {
	month := r.month
	if month == 0 {
		month = start.Month()
	}
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	day := 0
	switch {
	case r.byDay && r.nth > 0:
		first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC).Weekday()
		day = 1 + (int(r.weekday)-int(first)+7)%7 + 7*(r.nth-1)
	case r.byDay && r.nth < 0:
		lastWd := time.Date(year, month, last, 0, 0, 0, 0, time.UTC).Weekday()
		day = last - (int(lastWd)-int(r.weekday)+7)%7 + 7*(r.nth+1)
	case r.byDay:
		for _, md := range r.monthDays {
			if md <= last && time.Date(year, month, md, 0, 0, 0, 0, time.UTC).Weekday() == r.weekday {
				day = md
				break
			}
		}
	case len(r.monthDays) == 1:
		day = r.monthDays[0]
	default:
		day = start.Day()
	}
	if day < 1 || day > last {
		return time.Time{}, false
	}
	h, m, s := start.Clock()
	if r.hour >= 0 {
		h = r.hour
	}
	if r.min >= 0 {
		m = r.min
	}
	return time.Date(year, month, day, h, m, s, 0, time.UTC), true
}

// onset returns the latest onset of o not after the local time t.
func (o *zoneObservance) onset(t time.Time) (time.Time, bool) {
	var best time.Time
	found := false
	consider := func(c time.Time) {
		if !c.After(t) && (!found || c.After(best)) {
			best, found = c, true
		}
	}
	if !o.start.After(t) {
		consider(o.start)
	}
	for _, rd := range o.rdates {
		consider(rd)
	}
	r := o.rule
	if r == nil || o.start.After(t) {
		return best, found
	}
	// The latest occurrence not after t, nor after UNTIL: search back
	// from the year of the earlier of the two. Rules of time zones occur
	// every year, or (a fifth Sunday, a 29 February) at most a few years
	// apart, so a dozen years are enough and keep the cost bounded.
	last := t
	if !r.until.IsZero() && r.until.Before(t) {
		last = r.until
	}
	for y := last.Year(); y > last.Year()-onsetYears && y >= o.start.Year(); y-- {
		if c, ok := r.occurrence(y, o.start); ok && !c.After(last) && !c.Before(o.start) {
			consider(c)
			break
		}
	}
	return best, found
}

// onsetYears is how many years back an onset of a rule is looked for.
const onsetYears = 12

// offsetAt returns the offset the zone gives to the local time t: that of
// the observance with the latest onset not after t, or before every onset
// the offset the earliest observance starts from.
func (tz *vtimezone) offsetAt(t time.Time) (int, *zoneObservance, error) {
	for _, o := range tz.obs {
		if o.problem != nil {
			return 0, o, o.problem
		}
	}
	var best, first *zoneObservance
	var bestAt time.Time
	for _, o := range tz.obs {
		if first == nil || o.start.Before(first.start) {
			first = o
		}
		if at, ok := o.onset(t); ok && (best == nil || at.After(bestAt)) {
			best, bestAt = o, at
		}
	}
	if best == nil {
		return first.from, nil, nil
	}
	return best.to, nil, nil
}

// A zoneAnswer is what a TZID means at one local time.
type zoneAnswer struct {
	loc      *time.Location // nil: unknown
	floating bool           // unknown, and read as floating time
}

// resolveTZID returns the zone the TZID of p means for the local time
// wall. The calendar's VTIMEZONE of that TZID says the offset; the
// zone database's zone of the name says it where there is no VTIMEZONE,
// and names the zone where the two agree. The name is the TZID, the
// X-LIC-LOCATION of its VTIMEZONE, the zone database name after a prefix
// ("/mozilla.org/20050126_1/Europe/Berlin"), or the zone CLDR gives for a
// Windows name ("W. Europe Standard Time"). An unknown TZID without a
// usable VTIMEZONE is a problem; in lenient reading, the time is read as
// floating, and the event noted as approximated.
func (d *decoder) resolveTZID(p *contentLine, tzid string, wall time.Time, cal *vcalendar, issues *[]issue) zoneAnswer {
	tz := cal.zones[tzid]
	named, how := d.zoneName(tzid, tz)
	if tz != nil {
		off, o, err := tz.offsetAt(wall)
		if err == nil {
			if named != nil {
				if _, noff := localIn(wall, named).Zone(); noff == off {
					return zoneAnswer{loc: named}
				}
			}
			return zoneAnswer{loc: time.FixedZone("", off)}
		}
		if named == nil {
			*issues = append(*issues, issue{line: o.probLine, field: "VTIMEZONE", value: tzid, msg: fmt.Sprintf("used on line %d", p.line), cause: err, action: export.Skipped})
			return zoneAnswer{}
		}
		*issues = append(*issues, issue{line: o.probLine, field: "VTIMEZONE", value: tzid, msg: fmt.Sprintf("used on line %d; read as the zone %s instead", p.line, named), cause: err, action: export.Approximated})
		return zoneAnswer{loc: named}
	}
	if named != nil {
		if how != "" {
			d.zoneNote(tzid, p.line, fmt.Sprintf("TZID without a VTIMEZONE: read as %s, %s", named, how))
		}
		return zoneAnswer{loc: named}
	}
	why := "is neither a zone of the zone database, nor a Windows zone name, nor a VTIMEZONE of the calendar"
	if _, looked := d.zones[tzid]; !looked {
		why = fmt.Sprintf("has no VTIMEZONE, and beyond %d distinct TZIDs the zone database is not consulted", maxZoneLookups)
	}
	*issues = append(*issues, issue{line: p.line, field: p.name + ";TZID", value: tzid, msg: why + "; read as a local time of no stated zone", action: export.Approximated})
	return zoneAnswer{floating: true}
}

// zoneNote notes once, for the whole input, how a TZID was read.
func (d *decoder) zoneNote(tzid string, line int, reason string) {
	if d.zoneNoted == nil {
		d.zoneNoted = make(map[string]bool)
	}
	if !d.zoneNoted[tzid] {
		d.zoneNoted[tzid] = true
		d.notes = append(d.notes, export.Note{Action: export.Guessed, Field: "TZID " + tzid, Line: line, Reason: reason})
	}
}

// localIn returns the instant of the wall clock wall, held as UTC, in
// loc. A wall clock that occurs twice, as when clocks go back, means its
// first instant; one that the zone skips, as when clocks go forward, is
// moved on by the length of the gap: 02:30 is 03:30 where 02:00 became
// 03:00 (RFC 5545 3.3.5). Go's time.Date guarantees neither.
func localIn(wall time.Time, loc *time.Location) time.Time {
	var first time.Time
	var offs [3]int
	for i, d := range [3]time.Duration{-14 * time.Hour, 0, 14 * time.Hour} {
		_, offs[i] = wall.Add(d).In(loc).Zone()
	}
	for _, off := range offs {
		c := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if _, o := c.Zone(); o == off && (first.IsZero() || c.Before(first)) {
			first = c
		}
	}
	if first.IsZero() {
		// In a gap: the offset in force before it gives the instant.
		return wall.Add(-time.Duration(offs[0]) * time.Second).In(loc)
	}
	return first
}

// zoneName returns the zone of the zone database a TZID names, and how it
// was found when not by the TZID itself.
func (d *decoder) zoneName(tzid string, tz *vtimezone) (*time.Location, string) {
	if loc := d.goZone(tzid); loc != nil {
		return loc, ""
	}
	if tz != nil && tz.location != "" {
		if loc := d.goZone(tz.location); loc != nil {
			return loc, "the X-LIC-LOCATION of its VTIMEZONE"
		}
	}
	if strings.HasPrefix(tzid, "/") {
		// "/mozilla.org/20050126_1/Europe/Berlin", "/Europe/Stockholm": the
		// longest tail that the zone database knows.
		for i := 0; i < len(tzid) && i >= 0; {
			rest := tzid[i+1:]
			if strings.Contains(rest, "/") || rest == "UTC" {
				if loc := d.goZone(rest); loc != nil {
					return loc, "the zone database name after its prefix"
				}
			}
			j := strings.IndexByte(rest, '/')
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	if name := windowsZone(tzid); name != "" {
		if loc := d.goZone(name); loc != nil {
			return loc, "the zone Unicode CLDR's windowsZones gives for the Windows name"
		}
	}
	return nil, ""
}

// windowsZone returns the zone database name of a Windows zone name or
// display name, or "".
func windowsZone(name string) string {
	name = strings.TrimSpace(name)
	if len(name) > 100 {
		return ""
	}
	// Older Windows wrote "(GMT+01:00)" where newer writes "(UTC+01:00)",
	// and some producers "US and Canada" for "US & Canada".
	if strings.HasPrefix(name, "(GMT") {
		name = "(UTC" + name[4:]
	}
	name = strings.ReplaceAll(name, " and ", " & ")
	for _, z := range windowsZones {
		if strings.EqualFold(z.windows, name) || strings.EqualFold(z.display, name) {
			return z.iana
		}
	}
	// A display name whose offset is written otherwise: the places alone.
	if _, places, ok := strings.Cut(name, ") "); ok && strings.HasPrefix(name, "(") {
		for _, z := range windowsZones {
			if _, zp, _ := strings.Cut(z.display, ") "); strings.EqualFold(zp, places) {
				return z.iana
			}
		}
	}
	return ""
}

// maxZoneLookups bounds the distinct TZIDs looked up in the zone
// database in one Decode: a lookup of an unknown name reads the whole
// database index, and calendars name a few zones, not thousands.
const maxZoneLookups = 100

// goZone returns the zone of the Go zone database with that name, or nil.
// Beyond maxZoneLookups distinct names, it returns nil, leaving the
// VTIMEZONEs of the calendar to say what the names mean.
func (d *decoder) goZone(name string) *time.Location {
	if loc, ok := d.zones[name]; ok {
		return loc
	}
	if len(d.zones) >= maxZoneLookups {
		return nil
	}
	var loc *time.Location
	switch name {
	case "", "Local":
	case "UTC", "Etc/UTC":
		loc = time.UTC
	default:
		if l, err := time.LoadLocation(name); err == nil {
			loc = l
		}
	}
	d.zones[name] = loc
	return loc
}
