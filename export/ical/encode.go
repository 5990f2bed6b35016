package ical

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/words"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// ProdID names the library in the PRODID of every calendar it writes.
const ProdID = "-//Accordline//Accordline timeline 1//EN"

// A DatePolicy says how events are written whose dates a calendar cannot
// hold exactly.
type DatePolicy uint8

// The policies. For dates of coarse precision (a month, a season, a year,
// a decade, unspecified digits, an approximate or uncertain day, an
// interval mixing precisions), DatePolicySpan writes the whole covered
// range as all-day; for dates with an open or unknown end ("soon"),
// DatePolicySpan writes the first known day as all-day. Either way the
// summary says the date is not exact, with the date as the source words
// it, and the report notes the event as approximated. DatePolicySkip
// leaves such events out, and the report notes them as skipped.
// DatePolicyDefault is DatePolicySpan for [Options.Imprecise] and
// DatePolicySkip for [Options.Open].
const (
	DatePolicyDefault DatePolicy = iota
	DatePolicySpan
	DatePolicySkip
)

var datePolicyWords = words.List{"default", "span", "skip"}

// String returns the word for p: "default", "span" or "skip".
func (p DatePolicy) String() string { return datePolicyWords.Format("DatePolicy", int(p)) }

// MarshalText implements [encoding.TextMarshaler].
func (p DatePolicy) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], so that a policy
// can be a flag ([flag.TextVar]).
func (p *DatePolicy) UnmarshalText(text []byte) error {
	i, err := datePolicyWords.Parse(ErrOptions, "date policy", text)
	*p = DatePolicy(i)
	return err
}

// Options control what Encode writes. A nil or zero Options asks for the
// defaults.
type Options struct {
	// Name and Description of the calendar (RFC 7986 NAME, DESCRIPTION and
	// X-WR-CALNAME); by default the timeline's title and description.
	Name, Description string
	// URL is where the calendar can be fetched again (RFC 7986 URL): an
	// absolute http or https URL.
	URL string
	// Refresh suggests how often to fetch it again (REFRESH-INTERVAL), in
	// whole seconds; under a second leaves it out.
	Refresh time.Duration
	// Method is "" (none, for files to subscribe to or import) or
	// "PUBLISH" (RFC 5546), which then needs Organizer, a mailto: URI.
	Method, Organizer string
	// Now gives the time of DTSTAMP; time.Now by default. Tests and
	// reproducible builds inject a fixed clock.
	Now func() time.Time
	// Imprecise is the policy for dates of coarse precision, span by
	// default; Open the policy for dates with an open or unknown end, skip
	// by default.
	Imprecise DatePolicy
	Open      DatePolicy
	// Lossless adds to every event an X-ACCORDLINE-EVENT property holding
	// the event as JSON, and to the calendar an X-ACCORDLINE-ACTOR for each
	// actor, from which Decode restores the timeline exactly.
	Lossless bool
}

// ErrOptions is the reason Encode refuses options it cannot write.
var ErrOptions = errors.New("ical: invalid option")

// check validates the options as data: they end up in the calendar.
func (o *Options) check() error {
	var errs event.ErrorList
	bad := func(field, value, why string) {
		errs = append(errs, &event.FieldError{Path: field, Value: value, Err: fmt.Errorf("%w: %s", ErrOptions, why)})
	}
	if o.Method != "" && o.Method != "PUBLISH" {
		bad("Method", o.Method, "only PUBLISH is supported")
	}
	if o.Method == "PUBLISH" && !strings.HasPrefix(strings.ToLower(o.Organizer), "mailto:") {
		bad("Organizer", o.Organizer, "METHOD:PUBLISH needs an organizer mailto: URI")
	}
	if o.URL != "" && (!event.ValidURL(o.URL) || !validURI(o.URL)) {
		bad("URL", o.URL, "not an absolute http or https URL of the characters RFC 3986 allows")
	}
	if o.Organizer != "" && (!validURI(o.Organizer) || !strings.HasPrefix(strings.ToLower(o.Organizer), "mailto:") || len(o.Organizer) == len("mailto:")) {
		bad("Organizer", o.Organizer, "not a mailto: URI of the characters RFC 3986 allows")
	}
	if !event.ValidText(o.Name, false) {
		bad("Name", o.Name, "control characters")
	}
	if !event.ValidText(o.Description, true) {
		bad("Description", o.Description, "control characters")
	}
	for _, p := range []struct {
		name string
		v    DatePolicy
	}{{"Imprecise", o.Imprecise}, {"Open", o.Open}} {
		if p.v > DatePolicySkip {
			bad(p.name, p.v.String(), "unknown date policy")
		}
	}
	return errs.Err()
}

// validURI reports whether s holds only what a URI may (RFC 3986: ASCII
// letters, digits, the reserved and unreserved marks, and "%" before two
// hex digits): an option is refused rather than escaped, so that the
// calendar says what the caller said.
func validURI(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		case !uriByte[c]:
			return false
		}
	}
	return s != ""
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// Encode writes the timeline as an iCalendar (RFC 5545) stream: a
// VCALENDAR with one VEVENT per event it can hold, and a VTIMEZONE for
// every zone an event names, covering the years of the events that use
// it. It looks at the events' dates first, then writes as it goes, in
// timeline order, and returns a report of every event it approximated or
// skipped.
//
// Invalid options are an [event.ErrorList] wrapping [ErrOptions], and
// nothing is written. Any other error means the output is incomplete: a
// write failed.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	var o Options
	if opts != nil {
		o = *opts
	}
	if err := o.check(); err != nil {
		return rep, err
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Name == "" {
		o.Name = tl.Title()
	}
	if o.Description == "" {
		o.Description = tl.Description()
	}
	// The timeline's own title and description are not validated as events
	// are: make them valid UTF-8, which the writer relies on; the TEXT
	// writer escapes line breaks and drops control characters.
	o.Name, o.Description = strings.ToValidUTF8(o.Name, "\uFFFD"), strings.ToValidUTF8(o.Description, "\uFFFD")
	enc := &encoder{names: present.NewNames(tl), tl: tl, opts: o, stamp: o.Now().UTC().Format("20060102T150405Z")}
	enc.lw.w = w
	if err := enc.calendar(&rep); err != nil {
		return rep, err
	}
	return rep, enc.lw.flush()
}

type encoder struct {
	lw    lineWriter
	tl    *timeline.Timeline
	opts  Options
	stamp string
	json  []byte
	names *present.Names
}

// calendar writes the calendar: its properties, the VTIMEZONEs the
// events need, and the events.
func (enc *encoder) calendar(rep *export.Report) error {
	lw := &enc.lw
	lw.simple("BEGIN", "VCALENDAR")
	lw.simple("VERSION", "2.0")
	lw.prop("PRODID")
	lw.text(ProdID)
	lw.simple("CALSCALE", "GREGORIAN")
	if enc.opts.Method != "" {
		lw.simple("METHOD", enc.opts.Method)
	}
	if enc.opts.Name != "" {
		lw.prop("NAME")
		lw.text(enc.opts.Name)
		lw.prop("X-WR-CALNAME")
		lw.text(enc.opts.Name)
	}
	if enc.opts.Description != "" {
		lw.prop("DESCRIPTION")
		lw.text(enc.opts.Description)
	}
	if enc.opts.URL != "" {
		lw.prop("URL")
		if err := lw.uri("URL", enc.opts.URL); err != nil {
			return err
		}
	}
	if enc.opts.Refresh >= time.Second {
		lw.prop("REFRESH-INTERVAL")
		_ = lw.param("VALUE", "DURATION")
		lw.raw(duration(enc.opts.Refresh))
	}
	if enc.opts.Lossless {
		for a := range enc.tl.EachActor() {
			enc.json = jsondoc.AppendActor(enc.json[:0], a)
			enc.binary("X-ACCORDLINE-ACTOR", enc.json)
		}
	}
	enc.timezones()
	// From here on the text is the events', which the timeline validated,
	// and the names of its actors.
	lw.valid = true
	for e := range enc.tl.Shared(timeline.Query{}) {
		t, note := enc.timing(e)
		if note != "" && t.skip {
			rep.Add(export.Note{Action: export.Skipped, ID: e.ID, Title: e.Title, Date: e.Date.String(), Reason: note})
			continue
		}
		if note != "" {
			rep.Add(export.Note{Action: export.Approximated, ID: e.ID, Title: e.Title, Date: e.Date.String(), Reason: note})
		}
		if err := enc.event(e, &t, note != ""); err != nil {
			return fmt.Errorf("ical: event %s (%q): %w", e.ID, e.Title, err)
		}
		if lw.err != nil {
			return lw.err
		}
		rep.Events++
	}
	lw.simple("END", "VCALENDAR")
	return lw.err
}

// timezones writes a VTIMEZONE for every zone name the events to be
// written carry, covering the years of those events. It looks at the
// events in place, through a query that selects none, as their dates are
// all it needs: copying every event out of the timeline for that would
// cost as much as writing them.
func (enc *encoder) timezones() {
	// The event's own location, not one loaded again: the zone database
	// is read from disk at every load.
	type span struct {
		first, last int
		loc         *time.Location
	}
	zones := map[string]*span{}
	var order []string
	enc.tl.Count(timeline.Where(func(e *event.Event) bool {
		if e.Date.Start().Zone() == "" && e.Date.End().Zone() == "" {
			return false // only zone names need a VTIMEZONE
		}
		t, note := enc.timing(e)
		if t.allDay || t.utc || t.floating || (t.skip && note != "") {
			return false
		}
		for _, p := range [2]*time.Time{&t.start, &t.end} {
			if p.IsZero() {
				continue
			}
			name := p.Location().String()
			z := zones[name]
			if z == nil {
				z = &span{p.Year(), p.Year(), p.Location()}
				zones[name] = z
				order = append(order, name)
			}
			z.first, z.last = min(z.first, p.Year()), max(z.last, p.Year())
		}
		return false
	}))
	// In the order of the names: the order the query met them in is not
	// the timeline's.
	slices.Sort(order)
	for _, name := range order {
		z := zones[name]
		enc.lw.writeTimezone(z.loc, z.first, z.last)
	}
}

// timing is how an event's date is written.
type timing struct {
	skip     bool
	allDay   bool
	from, to event.Day // all-day: first and last day
	start    time.Time // timed: start, in its zone
	end      time.Time // timed: end, or zero
	utc      bool      // timed, written in UTC
	floating bool      // timed, local time of no stated zone
}

// timing decides how e's date is written, and returns the reason when it
// is not written exactly.
func (enc *encoder) timing(e *event.Event) (timing, string) {
	d := e.Date
	switch {
	case d.IsZero():
		return timing{skip: true}, "no date"
	case !d.Bounded():
		if enc.opts.Open != DatePolicySpan {
			return timing{skip: true}, "open or unknown end: a calendar needs a day"
		}
		day, ok := d.Earliest()
		reason := "open or unknown end: written on its first possible day"
		if !ok {
			day, ok = d.Latest()
			reason = "open or unknown start: written on its last possible day"
		}
		if !ok {
			return timing{skip: true}, "open or unknown start and end: a calendar needs a day"
		}
		if y := day.Year(); y < 0 || y > 9998 {
			return timing{skip: true}, "year outside 0000 to 9998, which iCalendar cannot write"
		}
		return timing{allDay: true, from: day, to: day}, reason
	}
	first, _ := d.Earliest()
	last, _ := d.Latest()
	if y0, y1 := first.Year(), last.Year(); y0 < 0 || y1 > 9998 {
		// A DATE has four digits, and an all-day end is the day after.
		return timing{skip: true}, "year outside 0000 to 9998, which iCalendar cannot write"
	}
	start, end := d.Start(), d.End()
	if start.HasTime() && end.HasTime() && d.Qualifier() == 0 && start.HasOffset() == end.HasOffset() {
		t := timing{}
		t.start, _ = start.Time()
		if d.IsInterval() {
			t.end, _ = end.Time()
			if !t.end.After(t.start) {
				t.end = time.Time{} // an instant: DTSTART alone
			}
		}
		switch {
		case !start.HasOffset():
			t.floating = true
		case start.Zone() == "" || (d.IsInterval() && end.Zone() != start.Zone()):
			t.utc = true
			t.start = t.start.UTC()
			if !t.end.IsZero() {
				t.end = t.end.UTC()
			}
		}
		return t, ""
	}
	_, oneStart := present.OneDay(start)
	_, oneEnd := present.OneDay(end)
	exact := d.Qualifier() == 0 && start.Precision() == event.PrecisionDay && end.Precision() == event.PrecisionDay && oneStart && oneEnd
	t := timing{allDay: true, from: first, to: last}
	switch {
	case exact:
		return t, ""
	case enc.opts.Imprecise == DatePolicySkip && d.Qualifier() != 0:
		return timing{skip: true}, "approximate or uncertain date"
	case enc.opts.Imprecise == DatePolicySkip:
		return timing{skip: true}, "date of " + d.Precision().String() + " precision"
	case d.Qualifier() != 0:
		return t, "approximate or uncertain date: written as the days it covers"
	}
	return t, "date of " + d.Precision().String() + " precision: written as the days it covers"
}

var statuses = map[event.Status]string{
	event.Planned: "TENTATIVE", event.Announced: "TENTATIVE", event.Postponed: "TENTATIVE",
	event.Occurred: "CONFIRMED", event.Cancelled: "CANCELLED",
}

var relTypes = map[event.LinkType]string{
	event.PartOf: "PARENT", event.Announces: "X-ACCORDLINE-ANNOUNCES",
	event.Follows: "X-ACCORDLINE-FOLLOWS", event.RefersTo: "X-ACCORDLINE-REFERS-TO",
}

// event writes one VEVENT. approximated says its date is not written
// exactly, and the summary says so.
func (enc *encoder) event(e *event.Event, t *timing, approximated bool) error {
	lw := &enc.lw
	lw.simple("BEGIN", "VEVENT")
	if err := enc.identity(e); err != nil {
		return err
	}
	enc.when(t)
	enc.summary(e, approximated)
	lw.prop("DESCRIPTION")
	lw.startText()
	enc.description(e)
	lw.end()
	enc.place(&e.Place)
	enc.categories(e)
	lw.simple("STATUS", statuses[e.Status])
	if err := enc.sourceURL(e.Sources); err != nil {
		return err
	}
	if err := enc.relatedTo(e.Links); err != nil {
		return err
	}
	enc.extensions(e, approximated)
	lw.simple("END", "VEVENT")
	return nil
}

// identity writes UID, DTSTAMP, SEQUENCE and, for METHOD:PUBLISH, the
// ORGANIZER.
func (enc *encoder) identity(e *event.Event) error {
	lw := &enc.lw
	lw.prop("UID")
	lw.line = appendUUID(append(lw.line, ':'), e.ID)
	lw.end()
	lw.simple("DTSTAMP", enc.stamp)
	lw.simple("SEQUENCE", "0")
	if enc.opts.Method == "PUBLISH" {
		lw.prop("ORGANIZER")
		return lw.uri("ORGANIZER", enc.opts.Organizer)
	}
	return nil
}

// summary writes SUMMARY: the title, and when the date is approximated,
// the date as the source words it, for the calendar's reader to see.
func (enc *encoder) summary(e *event.Event, approximated bool) {
	lw := &enc.lw
	lw.prop("SUMMARY")
	lw.startText()
	lw.addText(e.Title)
	if approximated {
		lw.addRaw(" (")
		if e.DateText != "" {
			lw.addText(e.DateText)
		} else {
			lw.addRaw("date not exact: ")
			lw.addText(e.Date.String())
		}
		lw.addRaw(")")
	}
	lw.end()
}

// place writes LOCATION and GEO, for the parts of p that are given.
func (enc *encoder) place(p *event.Place) {
	lw := &enc.lw
	if p.Venue != "" || p.Name != "" || p.City != "" || p.Country != "" {
		lw.prop("LOCATION")
		lw.startText()
		sep := false
		for _, v := range [...]string{p.Venue, p.Name, p.City, p.Country} {
			if v != "" {
				if sep {
					lw.addRaw("\\, ")
				}
				lw.addText(v)
				sep = true
			}
		}
		lw.end()
	}
	if c := p.Coordinates; c != nil {
		lw.prop("GEO")
		lw.line = append(lw.line, ':')
		lw.line = strconv.AppendFloat(lw.line, c.Lat, 'f', 6, 64)
		lw.line = append(lw.line, ';')
		lw.line = strconv.AppendFloat(lw.line, c.Lon, 'f', 6, 64)
		lw.end()
	}
}

// categories writes CATEGORIES: the kind's name, then the tags.
func (enc *encoder) categories(e *event.Event) {
	lw := &enc.lw
	lw.prop("CATEGORIES")
	lw.startText()
	lw.addText(e.Kind.Name())
	for _, tag := range e.Tags {
		lw.addRaw(",")
		lw.addText(tag)
	}
	lw.end()
}

// sourceURL writes the URL of the first source that has one: a VEVENT
// holds at most one URL.
func (enc *encoder) sourceURL(sources []event.Source) error {
	for _, s := range sources {
		if s.URL != "" {
			enc.lw.prop("URL")
			return enc.lw.uri("URL", s.URL)
		}
	}
	return nil
}

// relatedTo writes RELATED-TO for every link.
func (enc *encoder) relatedTo(links []event.Link) error {
	lw := &enc.lw
	for _, l := range links {
		lw.prop("RELATED-TO")
		if err := lw.param("RELTYPE", relTypes[l.Type]); err != nil {
			return err
		}
		lw.line = appendUUID(append(lw.line, ':'), l.Target)
		lw.end()
	}
	return nil
}

// extensions writes the X- properties: the kind, status, date and title,
// which the standard properties hold only in part, for Decode to read
// back; the CAMEO code and the PLOVER type and mode; and with
// Options.Lossless the whole event as JSON.
func (enc *encoder) extensions(e *event.Event, approximated bool) {
	lw := &enc.lw
	lw.simple("X-ACCORDLINE-KIND", e.Kind.String())
	lw.simple("X-ACCORDLINE-STATUS", e.Status.String())
	lw.prop("X-ACCORDLINE-DATE")
	lw.startText()
	lw.line, _ = e.Date.AppendText(lw.line) // EDTF needs no TEXT escaping
	lw.end()
	if approximated {
		lw.prop("X-ACCORDLINE-TITLE")
		lw.startText()
		lw.addText(e.Title)
		lw.end()
	}
	if c := e.Kind.CAMEO(); c != "" {
		lw.simple("X-CAMEO-CODE", c)
	}
	if typ, mode := e.Kind.PLOVER(); typ != "" {
		lw.simple("X-PLOVER-TYPE", typ)
		if mode != "" {
			lw.simple("X-PLOVER-MODE", mode)
		}
	}
	if enc.opts.Lossless {
		enc.json = jsondoc.AppendEvent(enc.json[:0], e)
		enc.binary("X-ACCORDLINE-EVENT", enc.json)
	}
}

// binary writes a property holding data as BINARY (RFC 5545 3.3.1):
// base64, which no parser unescapes or folds differently, so that the
// lossless JSON survives a round trip through any of them.
func (enc *encoder) binary(name string, data []byte) {
	lw := &enc.lw
	lw.prop(name)
	_ = lw.param("ENCODING", "BASE64")
	_ = lw.param("VALUE", "BINARY")
	lw.line = append(lw.line, ':')
	lw.line = base64.StdEncoding.AppendEncode(lw.line, data)
	lw.end()
}

func appendUUID(b []byte, id uuid.UUID) []byte {
	const hex = "0123456789abcdef"
	for i, c := range id {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hex[c>>4], hex[c&0xf])
	}
	return b
}

// when writes DTSTART and DTEND.
func (enc *encoder) when(t *timing) {
	lw := &enc.lw
	if t.allDay {
		lw.prop("DTSTART")
		_ = lw.param("VALUE", "DATE")
		lw.line = appendDay(append(lw.line, ':'), t.from)
		lw.end()
		lw.prop("DTEND") // exclusive: the day after the last
		_ = lw.param("VALUE", "DATE")
		lw.line = appendDay(append(lw.line, ':'), t.to+1)
		lw.end()
		return
	}
	for _, p := range [...]struct {
		name string
		t    time.Time
	}{{"DTSTART", t.start}, {"DTEND", t.end}} {
		if p.t.IsZero() {
			continue
		}
		lw.prop(p.name)
		switch {
		case t.utc:
			lw.line = p.t.AppendFormat(append(lw.line, ':'), "20060102T150405Z")
		case t.floating:
			lw.line = p.t.AppendFormat(append(lw.line, ':'), "20060102T150405")
		case ambiguous(p.t):
			// In the hour repeated when clocks go back, a local time means
			// its first occurrence (RFC 5545 3.3.5): the second is written
			// in UTC.
			lw.line = p.t.UTC().AppendFormat(append(lw.line, ':'), "20060102T150405Z")
		default:
			_ = lw.param("TZID", p.t.Location().String())
			lw.line = p.t.AppendFormat(append(lw.line, ':'), "20060102T150405")
		}
		lw.end()
	}
}

// ambiguous reports whether the wall time of t in its zone names another
// instant first, as in the hour repeated when clocks go back.
func ambiguous(t time.Time) bool {
	y, m, d := t.Date()
	wall := time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return !localIn(wall, t.Location()).Equal(t.Truncate(time.Second))
}

// appendDay appends a day as an RFC 5545 DATE, YYYYMMDD. Encode refuses
// events in years a DATE cannot hold before it gets here.
func appendDay(b []byte, d event.Day) []byte {
	y, m, dd := d.Date()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		byte('0'+int(m)/10), byte('0'+int(m)%10), byte('0'+dd/10), byte('0'+dd%10))
}

// description writes the event as readable text into the open TEXT
// value: its description, who took part in which role and capacity, the
// instrument, and the sources with their quotes.
func (enc *encoder) description(e *event.Event) {
	lw := &enc.lw
	if e.Description != "" {
		lw.addText(e.Description)
		lw.addRaw("\\n\\n")
	}
	lw.addText(e.Kind.Name())
	lw.addRaw("\\, ")
	lw.addRaw(e.Status.String())
	lw.addRaw(". When: ")
	if e.DateText != "" {
		lw.addText(e.DateText)
		lw.addRaw(" (")
		lw.line, _ = e.Date.AppendText(lw.line)
		lw.addRaw(")")
	} else {
		lw.line, _ = e.Date.AppendText(lw.line)
	}
	lw.addRaw(".")
	if len(e.Participants) > 0 {
		lw.addRaw("\\n\\nParticipants:")
		for _, p := range e.Participants {
			lw.addRaw("\\n- ")
			lw.addText(enc.names.Label(p.Actor, e.Date))
			lw.addRaw(" (")
			lw.addText(p.Role.Name())
			lw.addRaw(")")
			if p.Capacity != "" {
				lw.addRaw("\\, ")
				lw.addText(p.Capacity)
			}
		}
	}
	if !e.Instrument.IsZero() {
		lw.addRaw("\\n\\nInstrument: ")
		lw.addText(e.Instrument.Name)
	}
	if len(e.Sources) > 0 {
		lw.addRaw("\\n\\nSources:")
		for _, s := range e.Sources {
			lw.addRaw("\\n-")
			for _, v := range [...]string{s.Publisher, s.Title, s.URL} {
				if v != "" {
					lw.addRaw(" ")
					lw.addText(v)
				}
			}
			if s.Lang != "" {
				lw.addRaw(" [")
				lw.addText(s.Lang)
				lw.addRaw("]")
			}
			for _, q := range s.Quotes {
				lw.addRaw("\\n  „")
				lw.addText(q.Text)
				lw.addRaw("“")
				if q.Translation != "" {
					lw.addRaw("\\n  (")
					lw.addText(q.Translation)
					lw.addRaw(")")
				}
			}
		}
	}
}

// duration formats a duration of a second or more as RFC 5545 DURATION:
// P1D, PT1H30M, PT1H0M5S; fractions of a second are dropped.
func duration(d time.Duration) string {
	d = d.Truncate(time.Second)
	var b strings.Builder
	b.WriteByte('P')
	if days := d / (24 * time.Hour); days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10) + "D")
		d -= days * 24 * time.Hour
	}
	if d > 0 {
		h := d / time.Hour
		m := (d - h*time.Hour) / time.Minute
		sec := (d - h*time.Hour - m*time.Minute) / time.Second
		b.WriteByte('T')
		if h > 0 {
			b.WriteString(strconv.FormatInt(int64(h), 10) + "H")
		}
		if m > 0 || (h > 0 && sec > 0) { // no seconds after hours without minutes
			b.WriteString(strconv.FormatInt(int64(m), 10) + "M")
		}
		if sec > 0 {
			b.WriteString(strconv.FormatInt(int64(sec), 10) + "S")
		}
	}
	return b.String()
}
