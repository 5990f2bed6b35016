package ical

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// ErrSyntax is the reason of every problem [Decode] finds in its input:
// errors.Is(err, ErrSyntax) holds for each.
var ErrSyntax = errors.New("invalid iCalendar")

// ErrTooLarge reports input longer than [DecodeOptions.MaxBytes], or a
// content line longer than [DecodeOptions.MaxLineBytes] once unfolded.
var ErrTooLarge = errors.New("input too large")

// DecodeOptions control what [Decode] accepts. A nil or zero DecodeOptions
// asks for the defaults.
type DecodeOptions struct {
	// DefaultKind is the kind of events that do not say theirs (other
	// producers' events); default event.BilateralMeeting.
	DefaultKind event.Kind
	// Actors are actors the calendar's events may refer to, besides those
	// it carries itself (X-ACCORDLINE-ACTOR, written by [Encode] with
	// [Options.Lossless]).
	Actors []event.Actor
	// MaxBytes bounds the whole input; default 64 MiB.
	MaxBytes int64
	// MaxLineBytes bounds one content line once unfolded; default 1 MiB.
	MaxLineBytes int
}

const (
	defaultMaxBytes     = 64 << 20
	defaultMaxLineBytes = 1 << 20
	maxDecodeErrors     = 1000 // problems reported before giving up
	maxNesting          = 32   // depth of nested components
)

// A syntaxError is one problem in the input: what is wrong, and the cause
// when there is one more precise than ErrSyntax: an [*event.DateError], an
// [*event.WordError], or [ErrTooLarge]. Decode reports it as the reason of
// an [event.FieldError] with the line.
type syntaxError struct {
	msg   string
	cause error
}

func (e *syntaxError) Error() string {
	if e.cause == nil {
		return e.msg
	}
	return e.msg + ": " + e.cause.Error()
}

// Unwrap returns [ErrSyntax] and the cause, so that [errors.Is] and
// [errors.As] find either.
func (e *syntaxError) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrSyntax}
	}
	return []error{ErrSyntax, e.cause}
}

// Decode reads an iCalendar stream into a timeline, with a report of what
// it could not carry.
//
// It reads what [Encode] writes back to the same events: with
// [Options.Lossless], the X-ACCORDLINE-EVENT property restores each event
// exactly, and X-ACCORDLINE-ACTOR its actors; otherwise the
// X-ACCORDLINE-KIND, -STATUS, -DATE and -TITLE properties restore the kind,
// status, date and title, and the standard properties the rest they can
// hold, and the report notes that the participants, instrument and
// sources were dropped. It reads other producers' calendars too: UID gives
// the ID (a UID that is not a UUID gives the version 5 UUID of the UID in
// [event.Namespace]); SUMMARY the title; DESCRIPTION the description;
// LOCATION the place's name; GEO its coordinates; CATEGORIES the tags, and
// the kind when one names it (by its word or its display name, in any
// case), else [DecodeOptions.DefaultKind], which the report notes as
// guessed; STATUS the status (CONFIRMED occurred, TENTATIVE planned,
// CANCELLED cancelled, none announced); URL a source; RELATED-TO the links
// (RELTYPE=PARENT part-of, X-ACCORDLINE-ANNOUNCES, -FOLLOWS and -REFERS-TO
// those types, any other refers-to).
//
// DTSTART with DTEND or DURATION gives the date: a DATE is a day, and an
// all-day span of several days an interval of days; a DATE-TIME in UTC
// an instant in UTC; with a TZID a time in that zone, named when the Go
// zone database knows the TZID, with the offset its VTIMEZONE gives
// otherwise (as for Outlook's "Eastern Standard Time"); without either a
// local time of no stated zone. Only the first 100 distinct TZIDs are
// looked up in the zone database; the VTIMEZONEs give the others. Of the
// recurrence rules of VTIMEZONEs, yearly rules by month and weekday (or
// month day) with UNTIL are followed. RRULE, RDATE and RECURRENCE-ID are not
// expanded: a recurring event is read as its first occurrence, and
// VEVENTs that override one occurrence are left out.
//
// Lines may be folded, end in CRLF or LF alone; names and enumerated
// values are case-insensitive. VTODO, VJOURNAL, VALARM and other
// components are skipped, but must be well formed and balanced.
//
// Reading is strict: every problem found in the syntax is reported, as an
// [event.ErrorList] of problems naming the line where each starts and
// wrapping [ErrSyntax], and no timeline is returned. An event that reads
// well but is not a valid event of the model (a treaty action without its
// party, a participant the calendar does not name) is left out of the
// timeline and noted in the report as skipped, with the reason. An error
// reading r is returned as it is.
func Decode(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, export.Report, error) {
	var rep export.Report
	d, err := parse(r, opts)
	if err != nil {
		return nil, rep, err
	}
	tl, err := d.timeline(&rep)
	return tl, rep, err
}

// parse reads the input into events without judging them as events of the
// model, which the timeline does.
func parse(r io.Reader, opts *DecodeOptions) (*decoder, error) {
	var o DecodeOptions
	if opts != nil {
		o = *opts
	}
	switch {
	case o.DefaultKind == 0:
		o.DefaultKind = event.BilateralMeeting
	case !o.DefaultKind.IsKnown():
		return nil, fmt.Errorf("ical: DecodeOptions.DefaultKind: unknown kind %d", uint8(o.DefaultKind))
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = defaultMaxBytes
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = defaultMaxLineBytes
	}
	d := &decoder{
		opts:  o,
		ids:   make(map[uuid.UUID]int),
		zones: make(map[string]*time.Location),
	}
	d.lr = lineReader{
		br:      bufio.NewReaderSize(io.LimitReader(r, o.MaxBytes+1), 64<<10),
		max:     o.MaxBytes,
		maxLine: o.MaxLineBytes,
	}
	d.run()
	if d.lr.err != nil {
		return nil, fmt.Errorf("ical: reading line %d: %w", d.lr.phys, d.lr.err)
	}
	if len(d.errs) > 0 {
		slices.SortStableFunc(d.errs, func(a, b *event.FieldError) int { return cmp.Compare(a.Line, b.Line) })
		return nil, d.errs
	}
	return d, nil
}

// A decoder reads one input. It keeps the components open at the current
// line on a stack, and turns the VEVENTs of a VCALENDAR into events only
// when the VCALENDAR ends: a VTIMEZONE may follow the VEVENTs that use it.
type decoder struct {
	opts   DecodeOptions
	lr     lineReader
	errs   event.ErrorList
	full   bool // too many problems: stop
	stack  []*component
	seen   bool                      // a VCALENDAR was begun
	events []read                    // the events read, in the order of the input
	actors []event.Actor             // the actors of X-ACCORDLINE-ACTOR
	ids    map[uuid.UUID]int         // event IDs read, and the line of their VEVENT
	zones  map[string]*time.Location // Go zones looked up, nil for unknown names
}

func (d *decoder) problem(line int, err error, msg string) {
	if d.full {
		return
	}
	if len(d.errs) >= maxDecodeErrors {
		d.full = true
		d.errs = append(d.errs, &event.FieldError{Line: line, Err: fmt.Errorf("%w: reading stopped here", event.ErrTooManyProblems)})
		return
	}
	d.errs = append(d.errs, &event.FieldError{Line: line, Err: &syntaxError{msg: msg, cause: err}})
}

func (d *decoder) problemf(line int, format string, args ...any) {
	d.problem(line, nil, fmt.Sprintf(format, args...))
}

// quoteShort quotes s for a message, shortened when long.
func quoteShort(s string) string {
	if len(s) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return strconv.Quote(s)
}

func (d *decoder) run() {
	for !d.full && d.lr.next() {
		if d.lr.tooLong {
			d.problem(d.lr.start, ErrTooLarge, "content line longer than "+strconv.Itoa(d.opts.MaxLineBytes)+" bytes")
			continue
		}
		if p, ok := d.parseLine(); ok {
			d.handle(&p)
		}
	}
	switch {
	case d.full || d.lr.err != nil:
		return
	case d.lr.tooLarge:
		d.problem(max(d.lr.phys, 1), ErrTooLarge, "input longer than "+strconv.FormatInt(d.opts.MaxBytes, 10)+" bytes")
		return
	}
	for len(d.stack) > 0 {
		c := d.stack[len(d.stack)-1]
		d.stack = d.stack[:len(d.stack)-1]
		d.problemf(c.line, "BEGIN:%s is never closed: END:%s missing at the end of the input", c.name, c.name)
		if c.cal != nil {
			d.finishCalendar(c.cal) // report the problems of its events too
		}
	}
	if !d.seen {
		d.problem(1, nil, "no VCALENDAR in the input")
	}
}

type component struct {
	name string // upper case
	line int    // of its BEGIN
	cal  *vcalendar
	ev   *vevent
	tz   *vtimezone
	obs  *observance
}

type vcalendar struct {
	line   int
	events []*vevent
	zones  map[string]*vtimezone
}

type vevent struct {
	line  int
	props []contentLine
}

func (d *decoder) top() *component {
	if len(d.stack) == 0 {
		return nil
	}
	return d.stack[len(d.stack)-1]
}

func (d *decoder) handle(p *contentLine) {
	switch p.name {
	case "BEGIN":
		d.begin(p)
	case "END":
		d.end(p)
	default:
		d.property(p)
	}
}

func (d *decoder) begin(p *contentLine) {
	name := strings.ToUpper(p.value)
	if !isName(name) {
		d.problemf(p.line, "BEGIN:%s: not a component name", quoteShort(p.value))
		return
	}
	if len(d.stack) == maxNesting {
		d.problemf(p.line, "components nested more than %d deep", maxNesting)
		d.full = true // the structure can no longer be followed
		return
	}
	c := &component{name: name, line: p.line}
	parent := d.top()
	parentName := ""
	if parent != nil {
		parentName = parent.name
	}
	ignored := parent != nil && parent.cal == nil && parent.ev == nil && parent.tz == nil && parent.obs == nil
	switch {
	case ignored:
		// Inside a component that is skipped, everything is.
	case name == "VCALENDAR":
		if parent != nil {
			d.problemf(p.line, "BEGIN:VCALENDAR inside %s", parentName)
			break
		}
		d.seen = true
		c.cal = &vcalendar{line: p.line, zones: make(map[string]*vtimezone)}
	case parent == nil:
		d.problemf(p.line, "BEGIN:%s outside a VCALENDAR", name)
	case name == "VEVENT" || name == "VTIMEZONE":
		if parent.cal == nil {
			d.problemf(p.line, "BEGIN:%s inside %s", name, parentName)
			break
		}
		if name == "VEVENT" {
			c.ev = &vevent{line: p.line}
		} else {
			c.tz = &vtimezone{line: p.line}
		}
	case name == "STANDARD" || name == "DAYLIGHT":
		if parent.tz == nil {
			d.problemf(p.line, "BEGIN:%s outside a VTIMEZONE", name)
			break
		}
		c.obs = &observance{line: p.line}
		parent.tz.given++
	}
	d.stack = append(d.stack, c)
}

func (d *decoder) end(p *contentLine) {
	name := strings.ToUpper(p.value)
	if !isName(name) {
		d.problemf(p.line, "END:%s: not a component name", quoteShort(p.value))
		return
	}
	i := len(d.stack) - 1
	for i >= 0 && d.stack[i].name != name {
		i--
	}
	if i < 0 {
		if t := d.top(); t != nil {
			d.problemf(p.line, "END:%s without BEGIN:%s (BEGIN:%s on line %d is open)", name, name, t.name, t.line)
		} else {
			d.problemf(p.line, "END:%s without BEGIN:%s", name, name)
		}
		return
	}
	for _, open := range d.stack[i+1:] {
		d.problemf(open.line, "BEGIN:%s is not closed before END:%s on line %d", open.name, name, p.line)
	}
	c := d.stack[i]
	d.stack = d.stack[:i]
	d.finish(c)
}

// finish takes in a component that was closed.
func (d *decoder) finish(c *component) {
	parent := d.top()
	switch {
	case c.cal != nil:
		d.finishCalendar(c.cal)
	case c.ev != nil:
		parent.cal.events = append(parent.cal.events, c.ev)
	case c.tz != nil:
		d.finishTimezone(c.tz, parent.cal)
	case c.obs != nil:
		if d.observance(c) {
			parent.tz.obs = append(parent.tz.obs, c.obs)
		}
	}
}

func (d *decoder) property(p *contentLine) {
	c := d.top()
	switch {
	case c == nil:
		d.problemf(p.line, "%s outside a VCALENDAR", p.name)
	case c.ev != nil:
		c.ev.props = append(c.ev.props, *p)
	case c.obs != nil:
		c.obs.props = append(c.obs.props, *p)
	case c.tz != nil:
		if p.name == "TZID" {
			d.readTZID(c.tz, p)
		}
	case c.cal != nil:
		switch p.name {
		case "VERSION":
			if strings.TrimSpace(p.value) != "2.0" {
				d.problemf(p.line, "VERSION %s: only iCalendar 2.0 is read", quoteShort(p.value))
			}
		case "X-ACCORDLINE-ACTOR":
			d.actor(p)
		}
	}
}

// actor reads an X-ACCORDLINE-ACTOR, an actor of the lossless form.
func (d *decoder) actor(p *contentLine) {
	data, err := payload(p)
	if err != nil {
		d.problem(p.line, err, "X-ACCORDLINE-ACTOR")
		return
	}
	a, err := jsondoc.DecodeActor(data, nil)
	if err != nil {
		d.jsonProblems(p.line, "X-ACCORDLINE-ACTOR", err)
		return
	}
	d.actors = append(d.actors, a)
}

// jsonProblems reports the problems of the JSON in a property on the
// property's line, with their JSON paths but without the JSON's own line
// and offset, which would name a second position in the same message.
func (d *decoder) jsonProblems(line int, prop string, err error) {
	var l event.ErrorList
	if !errors.As(err, &l) {
		d.problem(line, err, prop)
		return
	}
	for _, fe := range l {
		msg := prop
		if fe.Path != "" {
			msg += " " + fe.Path
		}
		if fe.Value != "" {
			msg += " " + quoteShort(fe.Value)
		}
		d.problem(line, fe.Err, msg)
	}
}
