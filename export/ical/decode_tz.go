package ical

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

type vtimezone struct {
	line     int
	tzid     string
	tzidLine int
	obs      []*observance
	given    int // STANDARD and DAYLIGHT components, read or not
}

// An observance is a STANDARD or DAYLIGHT part of a VTIMEZONE: from its
// onsets on, the offset is to.
type observance struct {
	line     int
	props    []contentLine
	start    time.Time // DTSTART: local time, held as UTC
	from, to int       // offsets in seconds east of UTC
	rule     *zoneRule
	rdates   []time.Time
	problem  error // an RRULE or RDATE this reader cannot follow
	probLine int
}

// readTZID reads the TZID of a VTIMEZONE.
func (d *decoder) readTZID(tz *vtimezone, p *contentLine) {
	if tz.tzid != "" {
		d.problemf(p.line, "TZID given twice (first on line %d)", tz.tzidLine)
		return
	}
	v, err := unescapeText(p.value)
	if err != nil || v == "" {
		d.problem(p.line, err, "TZID: empty or invalid")
		return
	}
	tz.tzid, tz.tzidLine = v, p.line
}

// finishTimezone takes in a VTIMEZONE that was closed, making its TZID
// known to the calendar if it is usable.
func (d *decoder) finishTimezone(tz *vtimezone, cal *vcalendar) {
	switch {
	case tz.tzid == "":
		d.problem(tz.line, nil, "VTIMEZONE without TZID")
	case tz.given == 0:
		d.problemf(tz.line, "VTIMEZONE %s has no STANDARD or DAYLIGHT", quoteShort(tz.tzid))
	case len(tz.obs) < tz.given:
		// The observances' problems are reported.
	case cal.zones[tz.tzid] != nil:
		d.problemf(tz.tzidLine, "VTIMEZONE %s given twice (first on line %d)", quoteShort(tz.tzid), cal.zones[tz.tzid].line)
	default:
		cal.zones[tz.tzid] = tz
	}
}

// observance reads a STANDARD or DAYLIGHT component, and reports whether
// it is usable.
func (d *decoder) observance(c *component) bool {
	o := c.obs
	before := len(d.errs)
	var haveStart, haveFrom, haveTo bool
	for i := range o.props {
		p := &o.props[i]
		switch p.name {
		case "DTSTART":
			t, err := parseDateTime(p.value)
			if err == nil && t.utc {
				err = errors.New("must be a local time, without Z")
			}
			if err != nil {
				d.problemf(p.line, "%s DTSTART %s: %v", c.name, quoteShort(p.value), err)
				continue
			}
			o.start, haveStart = t.wall, true
		case "TZOFFSETFROM", "TZOFFSETTO":
			off, err := parseUTCOffset(p.value)
			if err != nil {
				d.problemf(p.line, "%s %s %s: %v", c.name, p.name, quoteShort(p.value), err)
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
			r, err := parseZoneRule(p.value)
			if err != nil {
				o.problem, o.probLine = fmt.Errorf("RRULE %s: %w", quoteShort(p.value), err), p.line
				continue
			}
			o.rule = r
		case "RDATE":
			if v, _ := p.param("VALUE"); v != "" && !strings.EqualFold(v, "DATE-TIME") {
				o.problem, o.probLine = fmt.Errorf("RDATE;VALUE=%s is not supported", v), p.line
				continue
			}
			for _, s := range strings.Split(p.value, ",") {
				t, err := parseDateTime(s)
				if err != nil {
					d.problemf(p.line, "%s RDATE %s: %v", c.name, quoteShort(s), err)
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
		if !m.ok && len(d.errs) == before {
			d.problemf(c.line, "%s without %s", c.name, m.name)
		}
	}
	if o.rule != nil && !o.rule.until.IsZero() && o.rule.untilUTC {
		o.rule.until = o.rule.until.Add(time.Duration(o.from) * time.Second) // to local time
	}
	return len(d.errs) == before
}

// A zoneRule is the subset of RRULE that time zone observances use: every
// year, in one month, on the n-th (or last) weekday of the month, or on
// the weekday that falls on one of a list of days, or on a fixed day.
type zoneRule struct {
	month     time.Month // 0: the month of DTSTART
	nth       int        // 1..5 or -1..-5 with weekday; 0: see monthDays
	weekday   time.Weekday
	byDay     bool
	monthDays []int
	until     time.Time // local time, or UTC until the observance is read
	untilUTC  bool
}

var rruleWeekdays = map[string]time.Weekday{
	"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday,
}

func parseZoneRule(s string) (*zoneRule, error) {
	r := &zoneRule{}
	yearly := false
	for _, part := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, errors.New("not a recurrence rule")
		}
		k, v = strings.ToUpper(k), strings.ToUpper(v)
		switch k {
		case "FREQ":
			if v != "YEARLY" {
				return nil, errors.New("only FREQ=YEARLY is supported in time zones")
			}
			yearly = true
		case "INTERVAL":
			if v != "1" {
				return nil, errors.New("only INTERVAL=1 is supported in time zones")
			}
		case "WKST":
		case "BYMONTH":
			m, ok := smallAtoi(v)
			if !ok || m < 1 || m > 12 {
				return nil, errors.New("BYMONTH: only one month is supported")
			}
			r.month = time.Month(m)
		case "BYDAY":
			if err := r.parseByDay(v); err != nil {
				return nil, err
			}
		case "BYMONTHDAY":
			for _, f := range strings.Split(v, ",") {
				x, ok := smallAtoi(f)
				if !ok || x < 1 || x > 31 {
					return nil, errors.New("BYMONTHDAY: only positive days are supported")
				}
				r.monthDays = append(r.monthDays, x)
			}
			slices.Sort(r.monthDays)
		case "UNTIL":
			c, err := parseDateTime(v)
			if err != nil {
				if c, err = parseDate(v); err != nil {
					return nil, fmt.Errorf("UNTIL: %w", err)
				}
				c.wall = c.wall.Add(24*time.Hour - time.Second) // the whole day
			}
			r.until, r.untilUTC = c.wall, c.utc
		default: // COUNT among them: time zones use UNTIL
			return nil, fmt.Errorf("%s is not supported in time zones", k)
		}
	}
	switch {
	case !yearly:
		return nil, errors.New("no FREQ")
	case r.byDay && r.nth == 0 && len(r.monthDays) == 0:
		return nil, errors.New("BYDAY without a week number needs BYMONTHDAY")
	case !r.byDay && len(r.monthDays) > 1:
		return nil, errors.New("BYMONTHDAY: only one day is supported without BYDAY")
	}
	return r, nil
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
	return time.Date(year, month, day, h, m, s, 0, time.UTC), true
}

// onset returns the latest onset of o not after the local time t.
func (o *observance) onset(t time.Time) (time.Time, bool) {
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
func (tz *vtimezone) offsetAt(t time.Time) (int, *observance, error) {
	for _, o := range tz.obs {
		if o.problem != nil {
			return 0, o, o.problem
		}
	}
	var best, first *observance
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

// resolveTZID returns the zone the TZID of p names for the local time
// wall: the zone of the Go zone database of that name, else the offset
// the calendar's VTIMEZONE of that TZID gives to wall.
func (d *decoder) resolveTZID(p *contentLine, tzid string, wall time.Time, cal *vcalendar) (*time.Location, bool) {
	if loc := d.goZone(tzid); loc != nil {
		return loc, true
	}
	tz := cal.zones[tzid]
	if tz == nil {
		why := "is neither a zone of the zone database nor a VTIMEZONE of the calendar"
		if _, looked := d.zones[tzid]; !looked {
			why = fmt.Sprintf("has no VTIMEZONE, and beyond %d distinct TZIDs the zone database is not consulted", maxZoneLookups)
		}
		d.problemf(p.line, "%s: TZID %s %s", p.name, quoteShort(tzid), why)
		return nil, false
	}
	off, o, err := tz.offsetAt(wall)
	if err != nil {
		d.problemf(o.probLine, "VTIMEZONE %s (used on line %d): %v", quoteShort(tzid), p.line, err)
		return nil, false
	}
	return time.FixedZone("", off), true
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
	case "UTC":
		loc = time.UTC
	default:
		if l, err := time.LoadLocation(name); err == nil {
			loc = l
		}
	}
	d.zones[name] = loc
	return loc
}
