package ical

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/jsondoc"
)

// A draft is an event as read from one VEVENT, or one occurrence of a
// recurring one, with what the timeline and the report need of it.
type draft struct {
	ev  event.Event
	v   *vevent
	cal *vcalendar
	key string // the UID, or the key derived for a VEVENT without one
	// fields maps paths of the event's fields ("participants[1]") to the
	// properties they were read from, for the lines of later problems.
	fields   map[string]*contentLine
	lossless bool // restored from X-ACCORDLINE-EVENT
	ours     bool // written by Encode without the lossless payload
	guessed  string
	// kindTag is the category that named the kind, and people the
	// participants ORGANIZER and ATTENDEE give, for when the kind the
	// category names cannot stand.
	kindTag string
	people  []event.Participation
	rec     *recurrence // RRULE, RDATE and EXDATE, when recurring
	recurID *moment     // RECURRENCE-ID, for an override of one occurrence
	seq     int         // SEQUENCE
	start   moment      // DTSTART, when given
	span    span        // how the end follows from the start
	notes   []issue     // notes of this event, besides its VEVENT's issues
	skip    *issue      // why it is left out, when its VEVENT is not
}

// A span says how an event's end follows from its start: not at all, by
// an exact duration (DTEND), or by a nominal one (DURATION).
type span struct {
	kind  byte // 0: no end; 'e': DTEND; 'd': DURATION
	exact time.Duration
	days  int
	secs  int64
	zone  *time.Location // DTEND's zone, where it differs from DTSTART's
}

// fatal returns the first issue of v that loses its event, or nil.
func (v *vevent) fatal() *issue {
	for i := range v.issues {
		if v.issues[i].action == export.Skipped && !v.issues[i].note {
			return &v.issues[i]
		}
	}
	return nil
}

// eventProps are the properties of a VEVENT that may be given only once.
var eventProps = []string{
	"UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "GEO", "STATUS", "URL",
	"RECURRENCE-ID", "SEQUENCE", "ORGANIZER", "RRULE", "X-ACCORDLINE-EVENT", "X-ACCORDLINE-TITLE", "X-ACCORDLINE-KIND",
	"X-ACCORDLINE-STATUS", "X-ACCORDLINE-DATE", "X-CAMEO-CODE", "X-PLOVER-TYPE", "X-PLOVER-MODE",
}

// eventLines are the properties of a VEVENT that convert reads: those of
// eventProps by name, and the lines of those that may repeat.
type eventLines struct {
	one        map[string]*contentLine
	categories []*contentLine
	related    []*contentLine
	attendees  []*contentLine
	rdates     []*contentLine
	exdates    []*contentLine
}

// A conv turns one VEVENT into a draft.
type conv struct {
	d   *decoder
	v   *vevent
	cal *vcalendar
	ls  *eventLines
	dr  *draft
}

// issue records an issue of the VEVENT.
func (c *conv) issue(line int, field, value string, cause error, action export.Action, format string, args ...any) {
	c.v.issues = append(c.v.issues, issue{line: line, field: field, value: value, cause: cause, action: action, msg: fmt.Sprintf(format, args...)})
}

// note records a note of the event, which is no problem in either reading.
func (c *conv) note(line int, field string, action export.Action, format string, args ...any) {
	c.dr.notes = append(c.dr.notes, issue{line: line, field: field, action: action, msg: fmt.Sprintf(format, args...), note: true})
}

// convert turns one VEVENT into a draft.
func (d *decoder) convert(v *vevent, cal *vcalendar) *draft {
	c := &conv{d: d, v: v, cal: cal, ls: d.sortLines(v), dr: &draft{v: v, cal: cal, fields: map[string]*contentLine{}}}
	dr, ls := c.dr, c.ls
	e := &dr.ev
	c.identity()
	if p := ls.one["SEQUENCE"]; p != nil {
		dr.seq, _ = smallAtoi(strings.TrimSpace(p.value))
	}
	e.Kind, e.Tags = c.kindAndTags()
	e.Status = c.status()
	e.Title = c.title()
	if s, p := c.text("DESCRIPTION", true); p != nil {
		e.Description = s
		dr.fields["description"] = p
	}
	e.Place = c.place()
	if p := ls.one["URL"]; p != nil {
		c.sourceURL(p)
	}
	e.Links = c.links()
	e.Date = c.date()
	c.recurrence()
	if !c.lossless() {
		c.people()
		c.checkCodes()
	}
	dr.ours = !dr.lossless && ls.one["X-ACCORDLINE-KIND"] != nil
	return dr
}

// sortLines sorts the properties of v, reporting those of eventProps
// given twice: the first is read.
func (d *decoder) sortLines(v *vevent) *eventLines {
	ls := &eventLines{one: make(map[string]*contentLine)}
	for i := range v.props {
		p := &v.props[i]
		switch {
		case p.name == "CATEGORIES":
			ls.categories = append(ls.categories, p)
		case p.name == "RELATED-TO":
			ls.related = append(ls.related, p)
		case p.name == "ATTENDEE":
			ls.attendees = append(ls.attendees, p)
		case p.name == "RDATE":
			ls.rdates = append(ls.rdates, p)
		case p.name == "EXDATE":
			ls.exdates = append(ls.exdates, p)
		case slices.Contains(eventProps, p.name):
			if first := ls.one[p.name]; first != nil {
				v.issues = append(v.issues, issue{line: p.line, field: p.name, value: p.value, action: export.Dropped,
					msg: fmt.Sprintf("given twice in a VEVENT: the first, on line %d, is read", first.line)})
				continue
			}
			ls.one[p.name] = p
		}
	}
	return ls
}

// text returns the TEXT value of a property of eventProps, cleaned to
// what the model's text fields hold, and its line; nil when it is not
// given or cannot be read.
func (c *conv) text(name string, multiline bool) (string, *contentLine) {
	p := c.ls.one[name]
	if p == nil {
		return "", nil
	}
	s, err := c.d.unescapeIn(p, c.v)
	if err != nil {
		return "", nil
	}
	return c.clean(p, s, multiline), p
}

// clean returns s without what the model's text cannot hold: control
// characters but tab (and line breaks where multiline), noncharacters,
// and line breaks in one-line fields, which become spaces. Removing
// characters is noted; line breaks made spaces are not.
func (c *conv) clean(p *contentLine, s string, multiline bool) string {
	out, removed := cleanText(s, multiline)
	if removed {
		c.issue(p.line, p.name, "", nil, export.Dropped, "control characters or noncharacters removed")
	}
	return out
}

// cleanText is clean without the note; removed says characters were.
func cleanText(s string, multiline bool) (out string, removed bool) {
	if !multiline {
		s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	} else {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	}
	out = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || (multiline && r == '\n'):
			return r
		case unicode.IsControl(r), r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
			removed = true
			return -1
		}
		return r
	}, s)
	return out, removed
}

// unescapeIn is unescape for a property of the VEVENT v, whose issues
// get the problem.
func (d *decoder) unescapeIn(p *contentLine, v *vevent) (string, error) {
	s, err := unescapeText(p.value)
	if err == nil {
		return s, nil
	}
	if d.opts.Strict {
		v.issues = append(v.issues, issue{line: p.line, field: p.name, value: p.value, cause: err, action: export.Dropped})
		return "", err
	}
	return unescapeLenient(p.value), nil
}

// identity reads the UID: the event's ID and the key of its series. A
// VEVENT without a UID, as files of the RFC 2445 era have, gets a key
// derived from its content, so that reading it twice gives one ID.
func (c *conv) identity() {
	dr := c.dr
	if uid, p := c.text("UID", false); p != nil && strings.TrimSpace(uid) != "" {
		dr.key = uid
		dr.ev.ID = uidToID(uid)
		return
	}
	var b strings.Builder
	b.WriteString(noUIDKey)
	for _, name := range []string{"DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "RRULE", "RECURRENCE-ID"} {
		b.WriteByte(0)
		if p := c.ls.one[name]; p != nil {
			tzid, _ := p.param("TZID")
			b.WriteString(tzid)
			b.WriteByte(0)
			b.WriteString(p.value)
		}
	}
	dr.key = b.String()
	dr.ev.ID = uuid.NewSHA1(event.Namespace, []byte(dr.key))
	line, what := c.v.line, "VEVENT without UID"
	if p := c.ls.one["UID"]; p != nil {
		line, what = p.line, "empty UID"
	}
	c.issue(line, "UID", "", nil, export.Guessed, "%s: the ID is derived from DTSTART, DTEND, DURATION, SUMMARY, LOCATION and RRULE", what)
}

// noUIDKey begins the key of a VEVENT without UID.
const noUIDKey = "accordline-ical-no-uid"

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
// that DecodeOptions.Kinds maps, else from one that names a kind; the
// other categories are the tags. The category that gives the kind is not
// a tag. Without a kind, people chooses one.
func (c *conv) kindAndTags() (event.Kind, []string) {
	tags, tagLines := c.categoryValues()
	var kind event.Kind
	kindTag := -1
	if s, p := c.text("X-ACCORDLINE-KIND", false); p != nil {
		k, err := event.ParseKind(s)
		if err == nil && k == 0 {
			err = errors.New("empty kind")
		}
		if err != nil {
			c.issue(p.line, p.name, "", err, export.Dropped, "")
		} else {
			kind = k
			kindTag = slices.IndexFunc(tags, func(t string) bool { return t == k.Name() })
			c.dr.fields["kind"] = p
		}
	}
	if kind == 0 {
		for j, lookup := range []func(string) event.Kind{c.d.optionKind, categoryKind} {
			if i := slices.IndexFunc(tags, func(t string) bool { return lookup(t) != 0 }); i >= 0 {
				kind, kindTag = lookup(tags[i]), i
				c.dr.fields["kind"] = tagLines[i]
				if j == 1 {
					c.dr.kindTag = tags[i]
				}
				break
			}
		}
	}
	if kindTag >= 0 {
		tags = slices.Delete(tags, kindTag, kindTag+1)
		tagLines = slices.Delete(tagLines, kindTag, kindTag+1)
	}
	// Tags are distinct: a category given twice is one tag.
	seen := map[string]bool{}
	out := tags[:0]
	for i, t := range tags {
		if !seen[t] {
			seen[t] = true
			c.dr.fields[fmt.Sprintf("tags[%d]", len(out))] = tagLines[i]
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return kind, nil
	}
	return kind, out
}

// categoryValues returns the values of the CATEGORIES lines, cleaned and
// trimmed, without the empty ones, and the line of each.
func (c *conv) categoryValues() ([]string, []*contentLine) {
	var values []string
	var lines []*contentLine
	for _, p := range c.ls.categories {
		vs, err := splitText(p.value, !c.d.opts.Strict)
		if err != nil {
			c.issue(p.line, p.name, p.value, err, export.Dropped, "")
			continue
		}
		for _, t := range vs {
			if t = strings.TrimSpace(c.clean(p, t, false)); t != "" {
				values = append(values, t)
				lines = append(lines, p)
			}
		}
	}
	return values, lines
}

// foldKinds returns DecodeOptions.Kinds by folded category.
func foldKinds(m map[string]event.Kind) map[string]event.Kind {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]event.Kind, len(m))
	for c, k := range m {
		out[event.Fold(strings.TrimSpace(c))] = k
	}
	return out
}

// optionKind returns the kind DecodeOptions.Kinds gives a category, or 0.
func (d *decoder) optionKind(c string) event.Kind {
	if d.kinds == nil || len(c) > 256 {
		return 0
	}
	return d.kinds[event.Fold(c)]
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
func (c *conv) status() event.Status {
	s, p := c.text("X-ACCORDLINE-STATUS", false)
	sp := c.ls.one["STATUS"]
	var st event.Status
	if sp != nil {
		st = c.icalStatus(sp)
		c.dr.fields["status"] = sp
	}
	if p != nil {
		x, err := event.ParseStatus(s)
		if err == nil && x == 0 {
			err = errors.New("empty status")
		}
		if err != nil {
			c.issue(p.line, p.name, "", err, export.Dropped, "")
		} else {
			st = x
			c.dr.fields["status"] = p
		}
	}
	if st == 0 {
		st = event.Announced
	}
	return st
}

var icalStatuses = map[string]event.Status{
	"CONFIRMED": event.Occurred, "TENTATIVE": event.Planned, "CANCELLED": event.Cancelled,
}

// icalStatus reads STATUS. The statuses of to-dos and journal entries
// (NEEDS-ACTION, COMPLETED, IN-PROCESS, DRAFT, FINAL), which some
// producers write in VEVENTs, say nothing of an event, which is read as
// announced.
func (c *conv) icalStatus(p *contentLine) event.Status {
	v := strings.ToUpper(strings.TrimSpace(p.value))
	st, ok := icalStatuses[v]
	if !ok {
		c.issue(p.line, p.name, p.value, nil, export.Dropped, "not TENTATIVE, CONFIRMED or CANCELLED; read as announced")
	}
	return st
}

// title reads SUMMARY, or X-ACCORDLINE-TITLE when given: where Encode
// approximated the date, it added the date to SUMMARY and wrote the title
// alone in X-ACCORDLINE-TITLE. An event without a title gets one.
func (c *conv) title() string {
	title, p := c.text("SUMMARY", false)
	if s, xp := c.text("X-ACCORDLINE-TITLE", false); xp != nil {
		title, p = s, xp
	}
	if strings.TrimSpace(title) != "" {
		c.dr.fields["title"] = p
		return strings.TrimSpace(title)
	}
	line := c.v.line
	if p != nil {
		line = p.line
	}
	c.note(line, "SUMMARY", export.Guessed, "no title: %q", untitled)
	return untitled
}

// untitled is the title of an event without one.
const untitled = "Untitled event"

// place reads LOCATION as the place's name, its lines joined by commas,
// and GEO.
func (c *conv) place() event.Place {
	var pl event.Place
	if s, p := c.text("LOCATION", true); p != nil {
		var parts []string
		for l := range strings.SplitSeq(s, "\n") {
			if l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), ",")); l != "" {
				parts = append(parts, l)
			}
		}
		pl.Name = strings.Join(parts, ", ")
		c.dr.fields["place"] = p
	}
	if p := c.ls.one["GEO"]; p != nil {
		if co, err := parseGeo(p.value); err != nil {
			c.issue(p.line, p.name, p.value, err, export.Dropped, "")
		} else {
			pl.Coordinates = co
			c.dr.fields["place.coordinates"] = p
		}
	}
	return pl
}

// sourceURL reads URL as the event's source, when it is an absolute http
// or https URL, which the model's sources hold.
func (c *conv) sourceURL(p *contentLine) {
	u := strings.TrimSpace(p.value)
	if u == "" {
		return
	}
	if !event.ValidURL(u) {
		c.issue(p.line, p.name, u, event.ErrInvalidURL, export.Dropped, "")
		return
	}
	c.dr.ev.Sources = []event.Source{{URL: u}}
	c.dr.fields["sources"] = p
}

// links reads RELATED-TO; a RELTYPE that names none of the link types is
// read as refers-to. A link to the event itself is left out.
func (c *conv) links() []event.Link {
	var links []event.Link
	for _, p := range c.ls.related {
		uid, err := c.d.unescapeIn(p, c.v)
		if err != nil {
			continue
		}
		if uid = strings.TrimSpace(uid); uid == "" {
			c.issue(p.line, p.name, "", nil, export.Dropped, "empty")
			continue
		}
		rel, _ := p.param("RELTYPE")
		typ, ok := relTypeLinks[strings.ToUpper(rel)]
		if !ok {
			typ = event.RefersTo
		}
		l := event.Link{Type: typ, Target: uidToID(uid)}
		switch {
		case l.Target == c.dr.ev.ID:
			c.issue(p.line, p.name, uid, event.ErrSelfLink, export.Dropped, "")
		case slices.Contains(links, l):
			// The same link twice is one link.
		default:
			c.dr.fields[fmt.Sprintf("links[%d]", len(links))] = p
			links = append(links, l)
		}
	}
	return links
}

var relTypeLinks = map[string]event.LinkType{
	"PARENT": event.PartOf, "X-ACCORDLINE-ANNOUNCES": event.Announces,
	"X-ACCORDLINE-FOLLOWS": event.Follows, "X-ACCORDLINE-REFERS-TO": event.RefersTo,
}

// lossless replaces the event with the one X-ACCORDLINE-EVENT holds, when
// it is given, reads, and its ID agrees with the UID's; it reports
// whether it did.
func (c *conv) lossless() bool {
	p := c.ls.one["X-ACCORDLINE-EVENT"]
	if p == nil {
		return false
	}
	dr := c.dr
	data, err := payload(p)
	if err != nil {
		c.issue(p.line, p.name, "", err, export.Dropped, "the standard properties are read instead")
		return false
	}
	lossless, err := jsondoc.DecodeEvent(data, jsonLimits(data))
	switch {
	case err != nil:
		before := len(c.v.issues)
		c.d.jsonProblemsIn(c.v, p, err)
		for i := before; i < len(c.v.issues); i++ {
			c.v.issues[i].action = export.Dropped
		}
		return false
	case lossless.ID == uuid.Nil:
		lossless.ID = dr.ev.ID
	case lossless.ID != dr.ev.ID && c.ls.one["UID"] != nil:
		c.issue(p.line, p.name, lossless.ID.String(), nil, export.Dropped, "the event's ID is not the UID's %s; the standard properties are read instead", dr.ev.ID)
		return false
	}
	dr.ev = lossless
	dr.lossless = true
	clear(dr.fields)
	dr.fields[""] = p
	return true
}

// jsonProblemsIn is jsonProblems for a property of the VEVENT v.
func (d *decoder) jsonProblemsIn(v *vevent, p *contentLine, err error) {
	var l event.ErrorList
	if !errors.As(err, &l) {
		v.issues = append(v.issues, issue{line: p.line, field: p.name, cause: err, action: export.Dropped})
		return
	}
	for _, fe := range l {
		field := p.name
		if fe.Path != "" {
			field += " " + fe.Path
		}
		v.issues = append(v.issues, issue{line: p.line, field: field, value: fe.Value, cause: fe.Err, action: export.Dropped})
	}
}

// checkCodes reports CAMEO and PLOVER codes that disagree with the kind.
func (c *conv) checkCodes() {
	k := c.dr.ev.Kind
	if !k.IsKnown() {
		return
	}
	one := c.ls.one
	typ, mode := k.PLOVER()
	if p := one["X-CAMEO-CODE"]; p != nil && p.value != k.CAMEO() && (p.value != k.HostCAMEO() || p.value == "") {
		c.issue(p.line, p.name, p.value, nil, export.Dropped, "disagrees with the kind %s (%s)", k, k.CAMEO())
	}
	if p := one["X-PLOVER-TYPE"]; p != nil && !strings.EqualFold(p.value, typ) {
		c.issue(p.line, p.name, p.value, nil, export.Dropped, "disagrees with the kind %s (%q)", k, typ)
	}
	if p := one["X-PLOVER-MODE"]; p != nil && !strings.EqualFold(p.value, mode) {
		c.issue(p.line, p.name, p.value, nil, export.Dropped, "disagrees with the kind %s (%q)", k, mode)
	}
}
