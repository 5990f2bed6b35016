package ical

import (
	"fmt"
	"math/bits"
	"strconv"
	"time"
)

// writeTimezone writes a VTIMEZONE for the named zone of the Go zone
// database, exact for the years from first to last, as Outlook and Google
// write theirs: one observance for the offset in force on 1 January of the
// year before the first, then for each change of offset that recurs every
// year on the same rule (the last Sunday of March at 02:00), one
// observance with an RRULE from its first onset; a rule still in force
// after the last year has no UNTIL, one that ended the UTC time of its
// last onset. Irregular changes are dated.
//
// Every observance has an onset before the first year, so that readers
// that look for each observance's last onset before a time (as the Ruby
// icalendar gem does, and fails where one has none) find one: the changes
// that begin within the years, after a change of rule (New York's in
// 2007) or irregularly (Morocco's around Ramadan), are grouped by their
// offsets and name into observances whose DTSTART lies before the
// VTIMEZONE's first observance, which overrides it, and whose onsets are
// RDATEs.
func (lw *lineWriter) writeTimezone(loc *time.Location, first, last int) {
	lw.simple("BEGIN", "VTIMEZONE")
	lw.prop("TZID")
	lw.text(loc.String())
	start := time.Date(first-1, time.January, 1, 0, 0, 0, 0, loc)
	name, off := start.Zone()
	lw.observance(zoneChange{dst: start.IsDST(), name: name, from: off, to: off, onset: start.In(time.FixedZone("", off))}, "", nil)
	firstDay := time.Date(first, time.January, 1, 0, 0, 0, 0, loc)
	type group struct {
		dst      bool
		name     string
		from, to int
	}
	var later []group
	onsets := map[group][]time.Time{}
	// The year after the last tells which rules go on.
	for _, r := range zoneRuns(zoneChanges(loc, start, time.Date(last+2, time.January, 1, 0, 0, 0, 0, loc))) {
		c := r.changes[0]
		if c.onset.Year() > last {
			continue // begins after the events: not needed
		}
		if c.onset.Before(firstDay) {
			lw.observance(c, r.rule(last), nil)
			continue
		}
		g := group{c.dst, c.name, c.from, c.to}
		if onsets[g] == nil {
			later = append(later, g)
		}
		for _, x := range r.changes {
			if x.onset.Year() <= last+1 {
				onsets[g] = append(onsets[g], x.onset)
			}
		}
	}
	for _, g := range later {
		before := start.AddDate(0, 0, -7).In(time.FixedZone("", g.from))
		lw.observance(zoneChange{dst: g.dst, name: g.name, from: g.from, to: g.to, onset: before}, "", onsets[g])
	}
	lw.simple("END", "VTIMEZONE")
}

// A zoneChange is one change of offset in a zone, or the offset in force
// at the start: at onset, a local time in the offset before the change,
// the offset goes from from to to, in seconds east of UTC.
type zoneChange struct {
	dst      bool
	name     string
	from, to int
	onset    time.Time // in time.FixedZone("", from)
}

// zoneChanges returns the changes of offset of loc in [start, end), a time
// in loc: the bounds of its zone periods ([time.Time.ZoneBounds]) where
// the offset changes, not only the abbreviation.
func zoneChanges(loc *time.Location, start, end time.Time) []zoneChange {
	var out []zoneChange
	_, off := start.In(loc).Zone()
	for t := start.In(loc); ; {
		_, next := t.ZoneBounds()
		if next.IsZero() || !next.Before(end) || !next.After(t) {
			return out
		}
		if name, to := next.Zone(); to != off {
			out = append(out, zoneChange{dst: next.IsDST(), name: name, from: off, to: to, onset: next.In(time.FixedZone("", off))})
			off = to
		}
		t = next
	}
}

// A zoneRun is a change of offset that recurs in consecutive years on
// one rule: the same offsets and name, in the same month, on the same
// weekday at the same local time, on a day that one of the rules of
// RRULE BYDAY describes in every year of the run.
type zoneRun struct {
	changes []zoneChange
	// days holds bit d when the rule "the weekday on or after day d"
	// (d = 1..31) gives each change's day; last says "the last weekday of
	// the month" does.
	days uint32
	last bool
}

// dayRules returns the rules that give the day of the change c.
func dayRules(c zoneChange) (days uint32, last bool) {
	d := c.onset.Day()
	monthLen := time.Date(c.onset.Year(), c.onset.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	for from := max(d-6, 1); from <= d && from+6 <= monthLen; from++ {
		days |= 1 << from
	}
	return days, d+7 > monthLen
}

// sameRule reports whether the changes a and b, of two consecutive years,
// can be occurrences of one yearly rule, but for the day in the month.
func sameRule(a, b zoneChange) bool {
	ha, ma, sa := a.onset.Clock()
	hb, mb, sb := b.onset.Clock()
	return a.dst == b.dst && a.name == b.name && a.from == b.from && a.to == b.to &&
		a.onset.Month() == b.onset.Month() && a.onset.Weekday() == b.onset.Weekday() &&
		b.onset.Year() == a.onset.Year()+1 && ha == hb && ma == mb && sa == sb
}

// zoneRuns groups changes into runs, in the order of their first change.
func zoneRuns(changes []zoneChange) []zoneRun {
	var runs []zoneRun
	open := map[int]bool{} // indexes in runs of the runs that may go on
	for _, c := range changes {
		days, last := dayRules(c)
		joined := false
		for i := range runs {
			r := &runs[i]
			if !open[i] || !sameRule(r.changes[len(r.changes)-1], c) {
				continue
			}
			if r.days&days == 0 && !(r.last && last) {
				continue
			}
			r.changes = append(r.changes, c)
			r.days &= days
			r.last = r.last && last
			joined = true
			break
		}
		if !joined {
			open[len(runs)] = true
			runs = append(runs, zoneRun{changes: []zoneChange{c}, days: days, last: last})
		}
		// A run that missed a year is over.
		for i := range runs {
			if l := runs[i].changes[len(runs[i].changes)-1]; open[i] && l.onset.Year() < c.onset.Year()-1 {
				delete(open, i)
			}
		}
	}
	return runs
}

var rruleDays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// rule returns the RRULE of a run of at least two changes, with UNTIL
// when last is its last year, or "" for a single change.
func (r *zoneRun) rule(lastYear int) string {
	if len(r.changes) < 2 {
		return ""
	}
	c := r.changes[0]
	s := "FREQ=YEARLY;BYMONTH=" + strconv.Itoa(int(c.onset.Month())) + ";BYDAY="
	wd := rruleDays[c.onset.Weekday()]
	// The first, second or third weekday, the last, the fourth (the last
	// is the likelier rule where both give the same days), or the weekday
	// on or after a day.
	switch {
	case r.days&(1<<1|1<<8|1<<15) != 0:
		n := bits.TrailingZeros32(r.days & (1<<1 | 1<<8 | 1<<15))
		s += strconv.Itoa((n-1)/7+1) + wd
	case r.last:
		s += "-1" + wd
	case r.days&(1<<22) != 0:
		s += "4" + wd
	default:
		from := bits.TrailingZeros32(r.days)
		s += wd + ";BYMONTHDAY=" + strconv.Itoa(from)
		for d := from + 1; d <= from+6; d++ {
			s += "," + strconv.Itoa(d)
		}
	}
	if end := r.changes[len(r.changes)-1]; end.onset.Year() <= lastYear {
		s += ";UNTIL=" + end.onset.UTC().Format("20060102T150405Z")
	}
	return s
}

// observance writes a STANDARD or DAYLIGHT observance, with its RRULE
// when it recurs, and its RDATEs, local times in the offset before each.
func (lw *lineWriter) observance(o zoneChange, rule string, rdates []time.Time) {
	kind := "STANDARD"
	if o.dst {
		kind = "DAYLIGHT"
	}
	lw.simple("BEGIN", kind)
	lw.simple("DTSTART", o.onset.Format("20060102T150405"))
	if rule != "" {
		lw.simple("RRULE", rule)
	}
	// One date per RDATE: the Ruby icalendar gem fails on a list.
	for _, t := range rdates {
		lw.prop("RDATE")
		lw.line = t.AppendFormat(append(lw.line, ':'), "20060102T150405")
		lw.end()
	}
	lw.simple("TZOFFSETFROM", utcOffset(o.from))
	lw.simple("TZOFFSETTO", utcOffset(o.to))
	if o.name != "" {
		lw.prop("TZNAME")
		lw.text(o.name)
	}
	lw.simple("END", kind)
}

// utcOffset formats an offset as RFC 5545 UTC-OFFSET: +hhmm or +hhmmss.
func utcOffset(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
