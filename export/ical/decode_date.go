package ical

import (
	"errors"
	"strings"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// A moment is DTSTART, DTEND, RECURRENCE-ID or a date of RDATE and
// EXDATE, read: a day, or a time in UTC, in a zone, or floating.
type moment struct {
	allDay   bool
	floating bool
	utc      bool
	t        time.Time // the day at 00:00 UTC, the instant, or the floating wall clock as UTC
	wall     time.Time // the wall clock as written, held as UTC
	tzid     string    // the TZID it was given with
}

func (m moment) date() event.Date {
	switch {
	case m.allDay:
		return event.OnDay(m.t.Date())
	case m.floating:
		dt, _ := event.ParseDate(m.t.Format("2006-01-02T15:04:05"))
		return dt
	}
	return event.At(m.t)
}

// key is the moment as an occurrence's identity: RECURRENCE-ID compares
// with it, and the occurrence's ID derives from it.
func (m moment) key() string {
	switch {
	case m.allDay:
		return m.t.Format("20060102")
	case m.floating:
		return m.t.Format("20060102T150405")
	}
	return m.t.UTC().Format("20060102T150405Z")
}

// date reads X-ACCORDLINE-DATE when given, since DTSTART and DTEND cannot
// hold every date (an empty one means no date); else the standard
// properties, which are read either way, for recurrence.
func (c *conv) date() event.Date {
	dt := c.standardDate()
	s, p := c.text("X-ACCORDLINE-DATE", false)
	switch {
	case p == nil:
		return dt
	case s == "":
		return event.Date{}
	}
	x, err := event.ParseDate(s)
	if err != nil {
		c.issue(p.line, p.name, s, err, export.Dropped, "")
		return dt
	}
	c.dr.fields["date"] = p
	return x
}

// standardDate reads the date the standard properties give: DTSTART with
// DTEND or DURATION. A DTSTART that cannot be read loses the event; a
// DTEND or DURATION that cannot, only itself.
func (c *conv) standardDate() event.Date {
	one := c.ls.one
	sp, ep, dp := one["DTSTART"], one["DTEND"], one["DURATION"]
	if sp == nil {
		for _, p := range []*contentLine{ep, dp} {
			if p != nil {
				c.issue(p.line, p.name, "", nil, export.Dropped, "without DTSTART")
			}
		}
		return event.Date{}
	}
	c.dr.fields["date"] = sp
	if ep != nil && dp != nil {
		c.issue(dp.line, dp.name, dp.value, nil, export.Dropped, "both DTEND (line %d) and DURATION: DTEND is read", ep.line)
		dp = nil
	}
	start, ok := c.moment(sp, export.Skipped)
	if !ok {
		return event.Date{}
	}
	c.dr.start = start
	switch {
	case ep != nil:
		end, ok := c.dtend(ep, start)
		if !ok {
			return start.date()
		}
		c.dr.span = span{kind: 'e', exact: end.t.Sub(start.t), days: int(end.t.Sub(start.t) / (24 * time.Hour))}
		if !start.allDay && !start.floating && end.t.Location() != start.t.Location() {
			c.dr.span.zone = end.t.Location()
		}
		return c.span(start, end, sp.line, ep)
	case dp != nil:
		du, ok := c.duration(dp, start)
		if !ok {
			return start.date()
		}
		c.dr.span = span{kind: 'd', days: du.days, secs: du.secs}
		return c.span(start, start.plus(du), sp.line, dp)
	}
	return start.date()
}

// plus returns m a nominal duration later: days on the calendar, then
// seconds.
func (m moment) plus(du durationValue) moment {
	m.t = m.t.AddDate(0, 0, du.days).Add(time.Duration(du.secs) * time.Second)
	m.wall = m.wall.AddDate(0, 0, du.days).Add(time.Duration(du.secs) * time.Second)
	return m
}

// dtend reads a DTEND, which must be of the type of the event's start.
func (c *conv) dtend(p *contentLine, start moment) (moment, bool) {
	end, ok := c.moment(p, export.Dropped)
	if !ok {
		return moment{}, false
	}
	if end.allDay != start.allDay || end.floating != start.floating {
		c.issue(p.line, p.name, p.value, nil, export.Dropped, "not of the type of DTSTART (DATE, DATE-TIME in UTC or a zone, or floating)")
		return moment{}, false
	}
	return end, true
}

// duration reads a DURATION.
func (c *conv) duration(p *contentLine, start moment) (durationValue, bool) {
	du, err := parseDuration(p.value)
	if err == nil && start.allDay && du.secs != 0 {
		err = errors.New("an all-day event lasts whole days")
	}
	if err != nil {
		c.issue(p.line, p.name, p.value, err, export.Dropped, "")
		return du, false
	}
	return du, true
}

// span returns the date of an event from start to end, which is exclusive
// for all-day events; the end is read from ep, DTSTART on startLine. An end
// not after the start is dropped.
func (c *conv) span(start, end moment, startLine int, ep *contentLine) event.Date {
	if end.t.Year() > 9999 {
		c.issue(ep.line, ep.name, ep.value, nil, export.Dropped, "the event ends after the year 9999")
		return start.date()
	}
	if start.allDay {
		last := end.t.AddDate(0, 0, -1)
		if last.Before(start.t) {
			c.issue(ep.line, ep.name, ep.value, nil, export.Dropped, "an all-day event must end at least a day after its DTSTART (line %d)", startLine)
			c.dr.span = span{}
			return start.date()
		}
		if last.Equal(start.t) {
			return start.date()
		}
		dt, err := event.Between(start.date(), moment{allDay: true, t: last}.date())
		if err != nil {
			c.issue(ep.line, ep.name, ep.value, err, export.Dropped, "")
			return start.date()
		}
		return dt
	}
	switch {
	case end.t.Before(start.t):
		c.issue(ep.line, ep.name, ep.value, nil, export.Dropped, "the event ends before DTSTART (line %d)", startLine)
		c.dr.span = span{}
		return start.date()
	case end.t.Equal(start.t):
		return start.date()
	}
	dt, err := event.Between(start.date(), end.date())
	if err != nil {
		c.issue(ep.line, ep.name, ep.value, err, export.Dropped, "")
		return start.date()
	}
	return dt
}

// moment reads a DTSTART or DTEND; a problem has the given action.
func (c *conv) moment(p *contentLine, action export.Action) (moment, bool) {
	value, _ := p.param("VALUE")
	value = strings.ToUpper(value)
	tzid, hasTZ := p.param("TZID")
	switch {
	case value == "DATE" || (value == "" && len(p.value) == 8):
		cv, err := parseDate(p.value)
		if err != nil {
			c.issue(p.line, p.name, p.value, err, action, "")
			return moment{}, false
		}
		return moment{allDay: true, t: cv.wall, wall: cv.wall}, true
	case value == "" && len(p.value) == 9 && (p.value[8] == 'Z' || p.value[8] == 'z') && !c.d.opts.Strict:
		// A date with the Z of UTC, which some producers write: a DATE
		// has no zone, so the day is read and the Z noted.
		cv, err := parseDate(p.value[:8])
		if err != nil {
			c.issue(p.line, p.name, p.value, err, action, "")
			return moment{}, false
		}
		c.note(p.line, p.name, export.Approximated, "%s read as the DATE %s: a date has no zone", p.value, p.value[:8])
		return moment{allDay: true, t: cv.wall, wall: cv.wall}, true
	case value != "" && value != "DATE-TIME":
		c.issue(p.line, p.name+";VALUE", value, nil, action, "not supported")
		return moment{}, false
	}
	cv, err := parseDateTime(p.value)
	if err != nil {
		c.issue(p.line, p.name, p.value, err, action, "")
		return moment{}, false
	}
	if cv.leap {
		c.note(p.line, p.name, export.Approximated, "the leap second %s read as the second before it", p.value)
	}
	return c.at(p, cv.wall, cv.utc, tzid, hasTZ, action)
}

// at returns the moment of a DATE-TIME whose wall clock is wall, in UTC,
// with the TZID, or floating.
func (c *conv) at(p *contentLine, wall time.Time, utc bool, tzid string, hasTZ bool, action export.Action) (moment, bool) {
	switch {
	case utc && hasTZ && c.d.opts.Strict:
		c.issue(p.line, p.name+";TZID", tzid, nil, action, "on a UTC time %s", p.value)
		return moment{}, false
	case utc && hasTZ:
		c.issue(p.line, p.name+";TZID", tzid, nil, export.Dropped, "on a UTC time %s: read as UTC", p.value)
		return moment{utc: true, t: wall, wall: wall}, true
	case utc:
		return moment{utc: true, t: wall, wall: wall}, true
	case !hasTZ:
		if c.d.opts.CalendarZone && c.cal.zone != "" {
			tzid, hasTZ = c.cal.zone, true
			break
		}
		return moment{floating: true, t: wall, wall: wall}, true
	}
	ans := c.d.resolveTZID(p, tzid, wall, c.cal, &c.v.issues)
	switch {
	case ans.floating:
		return moment{floating: true, t: wall, wall: wall}, true
	case ans.loc == nil:
		// The VTIMEZONE's problem is recorded; the event cannot stand
		// without its time.
		if action == export.Skipped {
			c.v.issues[len(c.v.issues)-1].action = export.Skipped
		} else {
			c.v.issues[len(c.v.issues)-1].action = export.Dropped
		}
		return moment{}, false
	}
	return moment{t: localIn(wall, ans.loc), wall: wall, tzid: tzid}, true
}
