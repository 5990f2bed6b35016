package ical

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// A recurrence is what makes a VEVENT recur: its RRULE, RDATEs and
// EXDATEs, read.
type recurrence struct {
	rule     *rrule
	ruleLine *contentLine
	rdates   []rdate
	exdates  map[string]bool // keys of the moments excluded
	exdays   map[string]bool // days excluded by EXDATE;VALUE=DATE from timed events
}

// An rdate is one date of RDATE, with its own end when it is a PERIOD.
type rdate struct {
	m   moment
	end *moment
}

// recurrence reads RRULE, RDATE, EXDATE and RECURRENCE-ID. A rule that
// cannot be read is dropped, and the event read as its first occurrence.
func (c *conv) recurrence() {
	ls, dr := c.ls, c.dr
	if p := ls.one["RECURRENCE-ID"]; p != nil {
		m, ok := c.moment(p, export.Skipped)
		if ok {
			dr.recurID = &m
			if rng, _ := p.param("RANGE"); strings.EqualFold(rng, "THISANDFUTURE") {
				c.note(p.line, p.name, export.Approximated, "RANGE=THISANDFUTURE: the changes are read for this occurrence only")
			}
		}
	}
	p := ls.one["RRULE"]
	if p == nil && len(ls.rdates) == 0 {
		if len(ls.exdates) > 0 {
			c.issue(ls.exdates[0].line, "EXDATE", "", nil, export.Dropped, "without RRULE or RDATE: nothing to exclude")
		}
		return
	}
	if c.ls.one["DTSTART"] == nil || c.dr.start.t.IsZero() {
		line := c.v.line
		if p != nil {
			line = p.line
		}
		c.issue(line, "RRULE", "", nil, export.Dropped, "a recurring event needs a DTSTART that reads: read without recurrence")
		return
	}
	rec := &recurrence{exdates: map[string]bool{}, exdays: map[string]bool{}}
	if p != nil {
		r, err := parseRRule(p.value)
		if err != nil {
			c.issue(p.line, p.name, p.value, err, export.Dropped, "read as the first occurrence alone")
		} else {
			rec.rule, rec.ruleLine = r, p
		}
	}
	for _, p := range ls.rdates {
		rec.rdates = append(rec.rdates, c.dateList(p, true)...)
	}
	for _, p := range ls.exdates {
		for _, x := range c.dateList(p, false) {
			rec.exdates[x.m.key()] = true
			if x.m.allDay && !c.dr.start.allDay {
				rec.exdays[x.m.key()] = true
			}
		}
	}
	if rec.rule == nil && len(rec.rdates) == 0 {
		return
	}
	dr.rec = rec
}

// dateList reads the dates of an RDATE or EXDATE: DATE, DATE-TIME, or for
// RDATE a PERIOD. A date that cannot be read is dropped.
func (c *conv) dateList(p *contentLine, periods bool) []rdate {
	value, _ := p.param("VALUE")
	value = strings.ToUpper(value)
	tzid, hasTZ := p.param("TZID")
	var out []rdate
	for f := range strings.SplitSeq(p.value, ",") {
		f = strings.TrimSpace(f)
		switch {
		case value == "DATE" || (value == "" && len(f) == 8):
			cv, err := parseDate(f)
			if err != nil {
				c.issue(p.line, p.name, f, err, export.Dropped, "")
				continue
			}
			out = append(out, rdate{m: moment{allDay: true, t: cv.wall, wall: cv.wall}})
		case value == "PERIOD" && periods:
			a, b, ok := strings.Cut(f, "/")
			cv, err := parseDateTime(a)
			if !ok || err != nil {
				c.issue(p.line, p.name, f, err, export.Dropped, "not a PERIOD")
				continue
			}
			m, ok := c.at(p, cv.wall, cv.utc, tzid, hasTZ, export.Dropped)
			if !ok {
				continue
			}
			var end moment
			if strings.HasPrefix(b, "P") || strings.HasPrefix(b, "+P") {
				du, err := parseDuration(b)
				if err != nil {
					c.issue(p.line, p.name, f, err, export.Dropped, "")
					continue
				}
				end = m.plus(du)
			} else {
				ce, err := parseDateTime(b)
				if err != nil {
					c.issue(p.line, p.name, f, err, export.Dropped, "")
					continue
				}
				if end, ok = c.at(p, ce.wall, ce.utc, tzid, hasTZ, export.Dropped); !ok {
					continue
				}
			}
			out = append(out, rdate{m: m, end: &end})
		case value == "" || value == "DATE-TIME":
			cv, err := parseDateTime(f)
			if err != nil {
				c.issue(p.line, p.name, f, err, export.Dropped, "")
				continue
			}
			if m, ok := c.at(p, cv.wall, cv.utc, tzid, hasTZ, export.Dropped); ok {
				out = append(out, rdate{m: m})
			}
		default:
			c.issue(p.line, p.name+";VALUE", value, nil, export.Dropped, "not supported")
			return out
		}
	}
	return out
}

// occurrenceID returns the ID of the occurrence of the series key that
// starts at the moment with the given key: the version 5 UUID, in
// event.Namespace, of the key, a NUL byte, and the moment's key (the
// RECURRENCE-ID's value, in UTC for a time in a zone), so that an
// override of the occurrence gets the ID of the occurrence it replaces,
// and reading the calendar again, with any window, gives the same IDs.
func occurrenceID(key, at string) uuid.UUID {
	return uuid.NewSHA1(event.Namespace, []byte(key+"\x00"+at))
}

// finishInput turns the VEVENTs read into drafts: converts each, keeps
// one VEVENT per UID, and expands the recurring ones, applying their
// overrides.
func (d *decoder) finishInput() {
	type master struct {
		dr    *draft
		index int // in list
	}
	var list []*draft
	masters := map[string]*master{}
	overrides := map[string][]*draft{} // by series key
	for _, cal := range d.cals {
		for _, v := range cal.events {
			dr := d.convert(v, cal)
			if v.fatal() != nil {
				list = append(list, dr) // reported as skipped
				continue
			}
			if dr.recurID != nil {
				overrides[dr.key] = append(overrides[dr.key], dr)
				continue
			}
			if m := masters[dr.key]; m != nil {
				first, later := m.dr, dr
				if later.seq > first.seq {
					// A later SEQUENCE is a newer version of the event.
					first.v.issues = append(first.v.issues, issue{line: first.v.line, field: "UID", value: dr.ev.ID.String(), action: export.Skipped,
						msg: fmt.Sprintf("the VEVENT on line %d has the same UID and a later SEQUENCE (%d), and is read instead", later.v.line, later.seq)})
					list[m.index] = later
					list = append(list, first)
					m.dr = later
					continue
				}
				is := issue{line: later.v.line, field: "UID", value: dr.key, action: export.Skipped,
					msg: fmt.Sprintf("the UID of the VEVENT on line %d", first.v.line)}
				if strings.HasPrefix(dr.key, noUIDKey) {
					is.value, is.msg = "", fmt.Sprintf("none, and the content the event ID derives from is that of the VEVENT on line %d", first.v.line)
				}
				later.v.issues = append(later.v.issues, is)
				list = append(list, later)
				continue
			}
			masters[dr.key] = &master{dr: dr, index: len(list)}
			list = append(list, dr)
		}
	}
	// Overrides of no series in the input stand alone.
	for key, ovs := range overrides {
		if masters[key] == nil {
			for _, ov := range ovs {
				d.asOccurrence(ov, ov.recurID.key())
				list = append(list, ov)
			}
		}
	}
	for _, dr := range list {
		if dr.rec == nil || dr.v.fatal() != nil {
			d.drafts = append(d.drafts, dr)
			continue
		}
		d.drafts = append(d.drafts, d.expand(dr, overrides[dr.key])...)
	}
	d.checkIDs()
}

// asOccurrence makes a draft the occurrence of its series that starts at
// the moment with key at: its ID, and a link to the series.
func (d *decoder) asOccurrence(dr *draft, at string) {
	series := dr.ev.ID
	if !dr.lossless {
		dr.ev.ID = occurrenceID(dr.key, at)
	}
	l := event.Link{Type: event.PartOf, Target: series}
	if series != dr.ev.ID && !slices.Contains(dr.ev.Links, l) {
		dr.ev.Links = append(dr.ev.Links, l)
	}
}

// expand returns the occurrences of a recurring draft within the window,
// with the overrides of its occurrences applied.
func (d *decoder) expand(dr *draft, ovs []*draft) []*draft {
	rec, start := dr.rec, dr.start
	var from, to time.Time
	if !d.opts.Window.IsZero() {
		if day, ok := d.opts.Window.Earliest(); ok {
			y, m, dd := day.Date()
			from = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		}
		if day, ok := d.opts.Window.Latest(); ok {
			y, m, dd := day.Date()
			to = time.Date(y, m, dd+1, 0, 0, 0, 0, time.UTC)
		}
	}
	// The starts of the occurrences, as wall clocks, with their own ends
	// for RDATE periods.
	type occ struct {
		wall time.Time
		m    *moment // RDATE's, resolved
		end  *moment
	}
	var occs []occ
	inRange := func(wall time.Time) bool {
		return (from.IsZero() || !wall.Before(from)) && (to.IsZero() || wall.Before(to))
	}
	if r := rec.rule; r != nil {
		if !r.bounded() && to.IsZero() {
			c := &conv{d: d, v: dr.v, cal: dr.cal, dr: dr}
			c.issue(rec.ruleLine.line, "RRULE", rec.ruleLine.value, nil, export.Dropped,
				"no COUNT or UNTIL, and no end of DecodeOptions.Window: only DTSTART and RDATE are read")
		} else {
			x := &expansion{r: r, start: start.wall, from: from, to: to, steps: maxRuleSteps}
			if !start.allDay && !start.floating {
				x.instant = func(wall time.Time) time.Time { return d.instantOf(dr, wall) }
			}
			if r.untilUTC && start.floating {
				// A floating rule with UNTIL in UTC: compared as wall clocks.
				x.instant = nil
			}
			err := x.each(func(t time.Time) bool {
				occs = append(occs, occ{wall: t})
				return len(occs) <= d.opts.MaxOccurrences
			})
			if err != nil {
				c := &conv{d: d, v: dr.v, cal: dr.cal, dr: dr}
				c.issue(rec.ruleLine.line, "RRULE", rec.ruleLine.value, err, export.Dropped, "the occurrences after %s are not read", occs[len(occs)-1].wall.Format("2006-01-02"))
			}
		}
	}
	if rec.rule == nil || (!rec.rule.bounded() && to.IsZero()) {
		if inRange(start.wall) {
			occs = append(occs, occ{wall: start.wall})
		}
	}
	for _, rd := range rec.rdates {
		if inRange(rd.m.wall) {
			m := rd.m
			occs = append(occs, occ{wall: m.wall, m: &m, end: rd.end})
		}
	}
	var out []*draft
	seen := map[string]bool{}
	byKey := map[string]*draft{}
	for _, ov := range ovs {
		byKey[ov.recurID.key()] = ov
	}
	for _, o := range occs {
		m := o.m
		if m == nil {
			mm := d.occurrenceStart(dr, o.wall)
			m = &mm
		}
		key := m.key()
		if seen[key] || rec.exdates[key] || rec.exdays[m.wall.Format("20060102")] {
			continue
		}
		seen[key] = true
		if d.occurs++; d.occurs > d.opts.MaxOccurrences {
			c := &conv{d: d, v: dr.v, cal: dr.cal, dr: dr}
			c.issue(dr.v.line, "RRULE", "", nil, export.Dropped, "more than DecodeOptions.MaxOccurrences (%d) occurrences in the input: those from %s on are not read", d.opts.MaxOccurrences, m.wall.Format("2006-01-02"))
			break
		}
		if ov := byKey[key]; ov != nil {
			delete(byKey, key)
			d.asOccurrence(ov, key)
			out = append(out, ov)
			continue
		}
		oc := &draft{ev: dr.ev.Clone(), v: dr.v, cal: dr.cal, key: dr.key, fields: dr.fields, lossless: dr.lossless, ours: dr.ours, guessed: dr.guessed}
		oc.ev.Date = d.occurrenceDate(dr, *m, o.end)
		d.asOccurrence(oc, key)
		out = append(out, oc)
	}
	// Overrides of occurrences the rule does not give (moved from
	// elsewhere, or outside the window) stand when their own start is in
	// the window.
	for key, ov := range byKey {
		if inRange(ov.start.wall) || ov.start.t.IsZero() {
			d.asOccurrence(ov, key)
			out = append(out, ov)
		}
	}
	slices.SortStableFunc(out, func(a, b *draft) int { return a.ev.Date.Compare(b.ev.Date) })
	// The series' notes, once, on its first occurrence read.
	for _, o := range out {
		if o.v == dr.v {
			o.notes = dr.notes
			break
		}
	}
	return out
}

// occurrenceStart returns the start of the occurrence of dr whose wall
// clock is wall.
func (d *decoder) occurrenceStart(dr *draft, wall time.Time) moment {
	s := dr.start
	m := moment{allDay: s.allDay, floating: s.floating, utc: s.utc, wall: wall, t: wall, tzid: s.tzid}
	if !s.allDay && !s.floating && !s.utc {
		m.t = d.instantIn(dr, wall)
	}
	return m
}

// instantIn returns the wall clock wall in the zone of dr's DTSTART.
func (d *decoder) instantIn(dr *draft, wall time.Time) time.Time {
	s := dr.start
	if s.tzid == "" {
		return localIn(wall, s.t.Location())
	}
	p := dr.v.propNamed("DTSTART")
	var issues []issue
	ans := d.resolveTZID(p, s.tzid, wall, dr.cal, &issues)
	if ans.loc == nil {
		return localIn(wall, s.t.Location())
	}
	return localIn(wall, ans.loc)
}

// instantOf returns the instant of a wall clock of dr's series, for UNTIL.
func (d *decoder) instantOf(dr *draft, wall time.Time) time.Time {
	if dr.start.utc {
		return wall
	}
	return d.instantIn(dr, wall).UTC()
}

// propNamed returns the first property of v of that name, or nil.
func (v *vevent) propNamed(name string) *contentLine {
	for i := range v.props {
		if v.props[i].name == name {
			return &v.props[i]
		}
	}
	return nil
}

// occurrenceDate returns the date of an occurrence that starts at m: to
// the end its own RDATE period gives, or the one the series' DTEND (the
// same exact duration) or DURATION (the same nominal duration) gives.
func (d *decoder) occurrenceDate(dr *draft, m moment, end *moment) event.Date {
	if end == nil {
		sp := dr.span
		e := m
		switch sp.kind {
		case 0:
			return m.date()
		case 'e':
			if m.allDay {
				e.t = m.t.AddDate(0, 0, sp.days)
			} else {
				e.t = m.t.Add(sp.exact)
				if sp.zone != nil {
					e.t = e.t.In(sp.zone)
				}
			}
		case 'd':
			e.t = m.t.AddDate(0, 0, sp.days).Add(time.Duration(sp.secs) * time.Second)
		}
		end = &e
	}
	switch {
	case m.allDay:
		last := end.t.AddDate(0, 0, -1)
		if !last.After(m.t) {
			return m.date()
		}
		dt, err := event.Between(m.date(), moment{allDay: true, t: last}.date())
		if err != nil {
			return m.date()
		}
		return dt
	case !end.t.After(m.t):
		return m.date()
	}
	if m.floating {
		end.floating = true
	}
	dt, err := event.Between(m.date(), end.date())
	if err != nil {
		return m.date()
	}
	return dt
}

// checkIDs skips every draft whose event ID an earlier one has: two
// VEVENTs whose UIDs are one UUID written two ways, or a lossless event
// with the ID of another.
func (d *decoder) checkIDs() {
	seen := map[uuid.UUID]*draft{}
	for _, dr := range d.drafts {
		if dr.v.fatal() != nil || dr.skip != nil {
			continue
		}
		if first := seen[dr.ev.ID]; first != nil {
			dr.skip = &issue{line: dr.v.line, field: "UID", value: dr.ev.ID.String(), action: export.Skipped,
				msg: fmt.Sprintf("the event ID of the VEVENT on line %d", first.v.line)}
			if d.opts.Strict {
				d.issues = append(d.issues, *dr.skip)
			}
			continue
		}
		seen[dr.ev.ID] = dr
	}
}
