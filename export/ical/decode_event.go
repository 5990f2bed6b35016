package ical

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
)

// finishCalendar turns the VEVENTs of a calendar into events, now that its
// VTIMEZONEs are known.
func (d *decoder) finishCalendar(cal *vcalendar) {
	for _, v := range cal.events {
		if d.full {
			return
		}
		d.convert(v, cal)
	}
}

// convert turns one VEVENT into an event, or reports why it cannot.
func (d *decoder) convert(v *vevent, cal *vcalendar) {
	before := len(d.errs)
	ls := d.sortLines(v)
	var e event.Event
	e.ID = d.eventID(v, ls)
	e.Kind, e.Tags = d.kindAndTags(ls)
	e.Status = d.status(ls)
	e.Title = d.title(ls)
	e.Description, _ = d.text(ls, "DESCRIPTION")
	e.Place = d.place(ls)
	if p := ls.one["URL"]; p != nil && p.value != "" {
		e.Sources = []event.Source{{URL: p.value}}
	}
	e.Links = d.links(ls)
	e.Date = d.date(ls, cal)
	d.lossless(ls, &e)
	d.checkCodes(ls.one, e.Kind)

	if len(d.errs) > before || ls.one["RECURRENCE-ID"] != nil {
		return
	}
	if line, dup := d.ids[e.ID]; dup {
		d.problemf(v.line, "VEVENT with the ID %s of the VEVENT on line %d", e.ID, line)
		return
	}
	d.ids[e.ID] = v.line
	r := read{ev: e, line: v.line, lossless: ls.one["X-ACCORDLINE-EVENT"] != nil}
	if !r.lossless {
		r.ours = ls.one["X-ACCORDLINE-KIND"] != nil
		r.guessed = ls.one["X-ACCORDLINE-KIND"] == nil && !slices.ContainsFunc(d.categoryValues(ls.categories), func(t string) bool { return categoryKind(t) != 0 })
	}
	d.events = append(d.events, r)
}

// A read is an event as read, with what the report needs to say of it.
type read struct {
	ev       event.Event
	line     int  // of its BEGIN:VEVENT
	lossless bool // restored from X-ACCORDLINE-EVENT
	ours     bool // written by Encode without the lossless payload
	guessed  bool // of the default kind
}

// eventProps are the properties of a VEVENT that may be given only once.
var eventProps = []string{
	"UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "GEO", "STATUS", "URL",
	"RECURRENCE-ID", "X-ACCORDLINE-EVENT", "X-ACCORDLINE-TITLE", "X-ACCORDLINE-KIND", "X-ACCORDLINE-STATUS",
	"X-ACCORDLINE-DATE", "X-CAMEO-CODE", "X-PLOVER-TYPE", "X-PLOVER-MODE",
}

// eventLines are the properties of a VEVENT that convert reads: those of
// eventProps by name, and the CATEGORIES and RELATED-TO lines, which may
// repeat.
type eventLines struct {
	one        map[string]*contentLine
	categories []*contentLine
	related    []*contentLine
}

// sortLines sorts the properties of v, reporting those of eventProps
// given twice.
func (d *decoder) sortLines(v *vevent) *eventLines {
	ls := &eventLines{one: make(map[string]*contentLine)}
	for i := range v.props {
		p := &v.props[i]
		switch {
		case p.name == "CATEGORIES":
			ls.categories = append(ls.categories, p)
		case p.name == "RELATED-TO":
			ls.related = append(ls.related, p)
		case slices.Contains(eventProps, p.name):
			if first := ls.one[p.name]; first != nil {
				d.problemf(p.line, "%s given twice in a VEVENT (first on line %d)", p.name, first.line)
				continue
			}
			ls.one[p.name] = p
		}
	}
	return ls
}

// text returns the TEXT value of a property of eventProps, and its line;
// a value that cannot be unescaped is reported, and read as absent.
func (d *decoder) text(ls *eventLines, name string) (string, *contentLine) {
	p := ls.one[name]
	if p == nil {
		return "", nil
	}
	s, err := unescapeText(p.value)
	if err != nil {
		d.problem(p.line, err, name)
		return "", nil
	}
	return s, p
}

// eventID reads the UID.
func (d *decoder) eventID(v *vevent, ls *eventLines) uuid.UUID {
	uid, p := d.text(ls, "UID")
	switch {
	case p == nil:
		if ls.one["UID"] == nil {
			d.problem(v.line, nil, "VEVENT without UID")
		}
	case uid == "":
		d.problem(p.line, nil, "empty UID")
	default:
		return uidToID(uid)
	}
	return uuid.Nil
}

// uidToID returns the event ID of a UID: the UUID it is, or the version 5
// UUID of the UID in event.Namespace.
func uidToID(uid string) uuid.UUID {
	if len(uid) == 36 {
		if id, err := uuid.Parse(uid); err == nil {
			return id
		}
	}
	return uuid.NewSHA1(event.Namespace, []byte(uid))
}

// kindAndTags reads the kind from X-ACCORDLINE-KIND, else from a category
// naming a kind, else takes the default; the other categories are the
// tags. The category that gives the kind is not a tag.
func (d *decoder) kindAndTags(ls *eventLines) (event.Kind, []string) {
	tags := d.categoryValues(ls.categories)
	var kind event.Kind
	kindTag := -1
	if s, p := d.text(ls, "X-ACCORDLINE-KIND"); p != nil {
		k, err := event.ParseKind(s)
		if err == nil && k == 0 {
			err = errors.New("empty kind")
		}
		if err != nil {
			d.problem(p.line, err, "X-ACCORDLINE-KIND")
		}
		kind = k
		kindTag = slices.IndexFunc(tags, func(t string) bool { return t == k.Name() })
	} else {
		for i, t := range tags {
			if k := categoryKind(t); k != 0 {
				kind, kindTag = k, i
				break
			}
		}
		if kind == 0 {
			kind = d.opts.DefaultKind
		}
	}
	if kindTag >= 0 {
		tags = slices.Delete(tags, kindTag, kindTag+1)
	}
	if len(tags) == 0 {
		return kind, nil
	}
	return kind, tags
}

// categoryValues returns the values of the CATEGORIES lines, trimmed,
// without the empty ones.
func (d *decoder) categoryValues(lines []*contentLine) []string {
	var values []string
	for _, p := range lines {
		vs, err := splitText(p.value)
		if err != nil {
			d.problem(p.line, err, "CATEGORIES")
			continue
		}
		for _, t := range vs {
			if t = strings.TrimSpace(t); t != "" {
				values = append(values, t)
			}
		}
	}
	return values
}

// categoryKinds maps the words and display names of the kinds, in lower
// case, to the kinds.
var categoryKinds = func() map[string]event.Kind {
	m := make(map[string]event.Kind)
	for _, k := range event.Kinds() {
		m[k.String()] = k
		m[strings.ToLower(k.Name())] = k
	}
	return m
}()

// categoryKind returns the kind a category names by its word or display
// name, in any case, or 0.
func categoryKind(c string) event.Kind {
	if len(c) > 64 {
		return 0
	}
	return categoryKinds[strings.ToLower(c)]
}

// status reads X-ACCORDLINE-STATUS, else STATUS; without either, the
// event is announced. STATUS is checked even when X-ACCORDLINE-STATUS
// overrides it.
func (d *decoder) status(ls *eventLines) event.Status {
	s, p := d.text(ls, "X-ACCORDLINE-STATUS")
	sp := ls.one["STATUS"]
	switch {
	case p != nil:
		st, err := event.ParseStatus(s)
		if err == nil && st == 0 {
			err = errors.New("empty status")
		}
		if err != nil {
			d.problem(p.line, err, "X-ACCORDLINE-STATUS")
		}
		if sp != nil {
			d.icalStatus(sp)
		}
		return st
	case sp != nil:
		return d.icalStatus(sp)
	}
	return event.Announced
}

var icalStatuses = map[string]event.Status{
	"CONFIRMED": event.Occurred, "TENTATIVE": event.Planned, "CANCELLED": event.Cancelled,
}

// icalStatus reads STATUS.
func (d *decoder) icalStatus(p *contentLine) event.Status {
	st, ok := icalStatuses[strings.ToUpper(p.value)]
	if !ok {
		d.problemf(p.line, "STATUS %s is not TENTATIVE, CONFIRMED or CANCELLED", quoteShort(p.value))
	}
	return st
}

// title reads SUMMARY, or X-ACCORDLINE-TITLE when given: where Encode
// approximated the date, it added the date to SUMMARY and wrote the title
// alone in X-ACCORDLINE-TITLE.
func (d *decoder) title(ls *eventLines) string {
	title, _ := d.text(ls, "SUMMARY")
	if s, p := d.text(ls, "X-ACCORDLINE-TITLE"); p != nil {
		return s
	}
	return title
}

// place reads LOCATION as the place's name, and GEO.
func (d *decoder) place(ls *eventLines) event.Place {
	var pl event.Place
	pl.Name, _ = d.text(ls, "LOCATION")
	if p := ls.one["GEO"]; p != nil {
		if c, err := parseGeo(p.value); err != nil {
			d.problemf(p.line, "GEO %s: %v", quoteShort(p.value), err)
		} else {
			pl.Coordinates = c
		}
	}
	return pl
}

// links reads RELATED-TO; a RELTYPE that names none of the link types is
// read as refers-to.
func (d *decoder) links(ls *eventLines) []event.Link {
	var links []event.Link
	for _, p := range ls.related {
		uid, err := unescapeText(p.value)
		if err != nil || uid == "" {
			d.problem(p.line, err, "RELATED-TO: empty or invalid")
			continue
		}
		rel, _ := p.param("RELTYPE")
		typ, ok := relTypeLinks[strings.ToUpper(rel)]
		if !ok {
			typ = event.RefersTo
		}
		links = append(links, event.Link{Type: typ, Target: uidToID(uid)})
	}
	return links
}

var relTypeLinks = map[string]event.LinkType{
	"PARENT": event.PartOf, "X-ACCORDLINE-ANNOUNCES": event.Announces,
	"X-ACCORDLINE-FOLLOWS": event.Follows, "X-ACCORDLINE-REFERS-TO": event.RefersTo,
}

// date reads X-ACCORDLINE-DATE when given, since DTSTART and DTEND cannot
// hold every date (an empty one means no date); else the standard
// properties, which are checked either way.
func (d *decoder) date(ls *eventLines, cal *vcalendar) event.Date {
	dt := d.standardDate(ls.one, cal)
	s, p := d.text(ls, "X-ACCORDLINE-DATE")
	switch {
	case p == nil:
		return dt
	case s == "":
		return event.Date{}
	}
	dt, err := event.ParseDate(s)
	if err != nil {
		d.problem(p.line, err, "X-ACCORDLINE-DATE")
	}
	return dt
}

// standardDate reads the date the standard properties give: DTSTART with
// DTEND or DURATION.
func (d *decoder) standardDate(one map[string]*contentLine, cal *vcalendar) event.Date {
	sp, ep, dp := one["DTSTART"], one["DTEND"], one["DURATION"]
	if sp == nil {
		for _, p := range []*contentLine{ep, dp} {
			if p != nil {
				d.problemf(p.line, "%s without DTSTART", p.name)
			}
		}
		return event.Date{}
	}
	if ep != nil && dp != nil {
		d.problemf(dp.line, "both DTEND (line %d) and DURATION", ep.line)
		return event.Date{}
	}
	start, ok := d.moment(sp, cal)
	if !ok {
		return event.Date{}
	}
	var end moment
	var endLine int
	switch {
	case ep != nil:
		end, ok = d.dtend(ep, start, cal)
		endLine = ep.line
	case dp != nil:
		end, ok = d.durationEnd(dp, start)
		endLine = dp.line
	default:
		return start.date()
	}
	if !ok {
		return event.Date{}
	}
	return d.span(start, end, sp.line, endLine)
}

// dtend reads a DTEND, which must be of the type of the event's start.
func (d *decoder) dtend(p *contentLine, start moment, cal *vcalendar) (moment, bool) {
	end, ok := d.moment(p, cal)
	if !ok {
		return moment{}, false
	}
	if end.allDay != start.allDay || end.floating != start.floating {
		d.problemf(p.line, "DTEND is not of the same type as DTSTART (DATE, DATE-TIME in UTC or a zone, or floating)")
		return moment{}, false
	}
	return end, true
}

// durationEnd reads a DURATION, and returns the end of the event it gives.
func (d *decoder) durationEnd(p *contentLine, start moment) (moment, bool) {
	du, err := parseDuration(p.value)
	if err == nil && start.allDay && du.secs != 0 {
		err = errors.New("an all-day event lasts whole days")
	}
	if err != nil {
		d.problemf(p.line, "DURATION %s: %v", quoteShort(p.value), err)
		return moment{}, false
	}
	return moment{allDay: start.allDay, floating: start.floating,
		t: start.t.AddDate(0, 0, du.days).Add(time.Duration(du.secs) * time.Second)}, true
}

// span returns the date of an event from start to end, which is exclusive
// for all-day events; the end is read on endLine, DTSTART on startLine.
func (d *decoder) span(start, end moment, startLine, endLine int) event.Date {
	if end.t.Year() > 9999 {
		d.problemf(endLine, "the event ends after the year 9999")
		return event.Date{}
	}
	if start.allDay {
		last := end.t.AddDate(0, 0, -1)
		if last.Before(start.t) {
			d.problemf(endLine, "an all-day event must end at least a day after its DTSTART (line %d)", startLine)
			return event.Date{}
		}
		if last.Equal(start.t) {
			return start.date()
		}
		dt, err := event.Between(start.date(), moment{allDay: true, t: last}.date())
		if err != nil {
			d.problem(endLine, err, "DTEND")
		}
		return dt
	}
	switch {
	case end.t.Before(start.t):
		d.problemf(endLine, "the event ends before DTSTART (line %d)", startLine)
		return event.Date{}
	case end.t.Equal(start.t):
		return start.date()
	}
	dt, err := event.Between(start.date(), end.date())
	if err != nil {
		d.problem(endLine, err, "end of the event")
	}
	return dt
}

// A moment is DTSTART or DTEND read: a day, or a time in UTC, in a zone,
// or floating.
type moment struct {
	allDay   bool
	floating bool
	t        time.Time // the day at 00:00 UTC, the instant, or the floating wall clock as UTC
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

// moment reads a DTSTART or DTEND.
func (d *decoder) moment(p *contentLine, cal *vcalendar) (moment, bool) {
	value, _ := p.param("VALUE")
	value = strings.ToUpper(value)
	tzid, hasTZ := p.param("TZID")
	switch {
	case value == "DATE" || (value == "" && len(p.value) == 8):
		c, err := parseDate(p.value)
		if err != nil {
			d.problemf(p.line, "%s %s: %v", p.name, quoteShort(p.value), err)
			return moment{}, false
		}
		return moment{allDay: true, t: c.wall}, true
	case value != "" && value != "DATE-TIME":
		d.problemf(p.line, "%s;VALUE=%s is not supported", p.name, value)
		return moment{}, false
	}
	c, err := parseDateTime(p.value)
	if err != nil {
		d.problemf(p.line, "%s %s: %v", p.name, quoteShort(p.value), err)
		return moment{}, false
	}
	switch {
	case c.utc && hasTZ:
		d.problemf(p.line, "%s: TZID on a UTC time %s", p.name, quoteShort(p.value))
		return moment{}, false
	case c.utc:
		return moment{t: c.wall}, true
	case !hasTZ:
		return moment{floating: true, t: c.wall}, true
	}
	loc, ok := d.resolveTZID(p, tzid, c.wall, cal)
	if !ok {
		return moment{}, false
	}
	y, mo, dd := c.wall.Date()
	h, mi, s := c.wall.Clock()
	return moment{t: time.Date(y, mo, dd, h, mi, s, 0, loc)}, true
}

// lossless replaces e with the event X-ACCORDLINE-EVENT holds, when it is
// given and its ID agrees with the UID's.
func (d *decoder) lossless(ls *eventLines, e *event.Event) {
	p := ls.one["X-ACCORDLINE-EVENT"]
	if p == nil {
		return
	}
	data, err := payload(p)
	if err != nil {
		d.problem(p.line, err, "X-ACCORDLINE-EVENT")
		return
	}
	lossless, err := jsondoc.DecodeEvent(data, nil)
	switch {
	case err != nil:
		d.jsonProblems(p.line, "X-ACCORDLINE-EVENT", err)
	case lossless.ID == uuid.Nil:
		lossless.ID = e.ID
		*e = lossless
	case lossless.ID != e.ID && e.ID != uuid.Nil:
		d.problemf(p.line, "X-ACCORDLINE-EVENT: the event's ID %s is not the UID's %s", lossless.ID, e.ID)
	default:
		*e = lossless
	}
}

// checkCodes reports CAMEO and PLOVER codes that disagree with the kind.
func (d *decoder) checkCodes(one map[string]*contentLine, k event.Kind) {
	if !k.IsKnown() {
		return // the kind is reported
	}
	typ, mode := k.PLOVER()
	if p := one["X-CAMEO-CODE"]; p != nil && p.value != k.CAMEO() && (p.value != k.HostCAMEO() || p.value == "") {
		d.problemf(p.line, "X-CAMEO-CODE %s disagrees with the kind %s (%s)", quoteShort(p.value), k, k.CAMEO())
	}
	if p := one["X-PLOVER-TYPE"]; p != nil && !strings.EqualFold(p.value, typ) {
		d.problemf(p.line, "X-PLOVER-TYPE %s disagrees with the kind %s (%q)", quoteShort(p.value), k, typ)
	}
	if p := one["X-PLOVER-MODE"]; p != nil && !strings.EqualFold(p.value, mode) {
		d.problemf(p.line, "X-PLOVER-MODE %s disagrees with the kind %s (%q)", quoteShort(p.value), k, mode)
	}
}
