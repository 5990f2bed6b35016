package ical

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

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

// DecodeOptions control what [Decode] accepts and how it reads other
// producers' calendars. A nil or zero DecodeOptions asks for the defaults:
// lenient reading, no window, kinds guessed.
type DecodeOptions struct {
	// Strict makes every problem in the input an error: Decode then
	// returns an [event.ErrorList] of them all and no timeline. By
	// default, reading is lenient: every event that can be read is kept,
	// and each problem costs only its event, or only its property where
	// the event stands without it, and is noted in the report.
	Strict bool

	// Window bounds the occurrences of recurring events that are read to
	// those that start on a day the window covers (its Earliest to its
	// Latest day). Without a window, a rule with COUNT or UNTIL is read
	// whole, and a rule without an end is an error, or in lenient reading
	// a note, and only its first occurrence is read. The zero Date is no
	// window.
	Window event.Date
	// MaxOccurrences bounds the occurrences of recurring events read from
	// one input; default 100,000. Beyond it, the rest are an error, or
	// noted as dropped.
	MaxOccurrences int

	// DefaultKind is the kind of events that do not say theirs: neither
	// X-ACCORDLINE-KIND nor a category names one. The zero Kind asks for a
	// guess from the people the event names: an announcement with none or
	// one, a bilateral meeting with two, a summit with more.
	DefaultKind event.Kind
	// Kinds maps categories to kinds, for calendars whose CATEGORIES name
	// kinds in words of their own ("Pressekonferenz": event.Statement).
	// Categories are compared ignoring case, and this map comes before the
	// kinds' own words and names.
	Kinds map[string]event.Kind
	// Actors are actors the calendar's events may refer to, besides those
	// it carries itself (X-ACCORDLINE-ACTOR, written by [Encode] with
	// [Options.Lossless]). An ORGANIZER or ATTENDEE whose name (CN) or
	// address one of them has as a name or alias is that actor.
	Actors []event.Actor
	// Publisher is the actor, one of Actors, that stands for whoever
	// publishes the calendar, in the roles an event's kind needs and no
	// one the event names can take. By default an actor of type
	// event.Body is made for each calendar, named after it (NAME or
	// X-WR-CALNAME), and noted as created.
	Publisher event.ActorID
	// CalendarZone reads floating times (DATE-TIME without Z or TZID) in
	// the zone X-WR-TIMEZONE names, as Google Calendar and Apple Calendar
	// mean them, where the calendar gives one; they are local times of no
	// stated zone otherwise.
	CalendarZone bool

	// MaxBytes bounds the whole input; default 1 GiB, as package jsondoc's.
	MaxBytes int64
	// MaxLineBytes bounds one content line once unfolded; by default only
	// MaxBytes bounds it, so that whatever Encode writes reads back.
	MaxLineBytes int
}

const (
	defaultMaxBytes       = 1 << 30
	defaultMaxOccurrences = 100_000
	maxDecodeErrors       = 1000 // problems reported before the rest are counted
	maxNesting            = 32   // depth of nested components
)

// check validates the options as data, and fills in the defaults.
func (o *DecodeOptions) check() error {
	var errs event.ErrorList
	bad := func(field, value string, err error) {
		errs = append(errs, &event.FieldError{Path: field, Value: value, Err: fmt.Errorf("%w: %w", ErrOptions, err)})
	}
	if o.DefaultKind != 0 && !o.DefaultKind.IsKnown() {
		bad("DefaultKind", o.DefaultKind.String(), event.ErrUnknown)
	}
	for _, c := range slices.Sorted(maps.Keys(o.Kinds)) {
		switch k := o.Kinds[c]; {
		case strings.TrimSpace(c) == "":
			bad("Kinds", c, errors.New("empty category"))
		case !k.IsKnown():
			bad("Kinds["+strconv.Quote(c)+"]", k.String(), event.ErrUnknown)
		}
	}
	for _, n := range []struct {
		name string
		v    int64
	}{{"MaxBytes", o.MaxBytes}, {"MaxLineBytes", int64(o.MaxLineBytes)}, {"MaxOccurrences", int64(o.MaxOccurrences)}} {
		if n.v < 0 {
			bad(n.name, strconv.FormatInt(n.v, 10), event.ErrOutOfRange)
		}
	}
	if err := timeline.New("", "").AddActors(o.Actors...); err != nil {
		var l event.ErrorList
		errors.As(err, &l)
		for _, fe := range l {
			bad("A"+strings.TrimPrefix(fe.Path, "a"), fe.Value, fe.Err)
		}
	}
	if o.Publisher != "" && !slices.ContainsFunc(o.Actors, func(a event.Actor) bool { return a.ID == o.Publisher }) {
		bad("Publisher", string(o.Publisher), errors.New("not one of Actors"))
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = defaultMaxBytes
	}
	if o.MaxLineBytes == 0 || int64(o.MaxLineBytes) > o.MaxBytes {
		o.MaxLineBytes = int(min(o.MaxBytes, int64(^uint(0)>>1)))
	}
	if o.MaxOccurrences == 0 {
		o.MaxOccurrences = defaultMaxOccurrences
	}
	return errs.Err()
}

// An issue is one problem in the input, or one thing lenient reading did
// about it. In strict reading every issue is an error; in lenient reading
// it is a note of its action: Skipped (the event, or the component, is
// lost), Dropped (the property is), Approximated or Guessed.
type issue struct {
	line   int
	field  string // the property or component: "DTSTART", "VEVENT"
	value  string // the value at fault, when there is one
	msg    string
	cause  error
	action export.Action
	// note says it is no problem but what reading did: a note in either
	// reading, never an error.
	note bool
}

func (is *issue) reason() string {
	var b strings.Builder
	if is.value != "" {
		b.WriteString(event.QuoteValue(is.value))
		b.WriteString(": ")
	}
	b.WriteString(is.msg)
	if is.cause != nil {
		if is.msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(is.cause.Error())
	}
	return b.String()
}

func (is *issue) fieldError() *event.FieldError {
	return &event.FieldError{Line: is.line, Path: is.field, Value: is.value, Err: &syntaxError{msg: is.msg, cause: is.cause}}
}

// A syntaxError is one problem in the input: what is wrong, and the cause
// when there is one more precise than ErrSyntax: an [*event.DateError], an
// [*event.WordError], or [ErrTooLarge]. Decode reports it as the reason of
// an [event.FieldError] with the line, the property and the value.
type syntaxError struct {
	msg   string
	cause error
}

func (e *syntaxError) Error() string {
	switch {
	case e.cause == nil:
		return e.msg
	case e.msg == "":
		return e.cause.Error()
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
// it could not carry, guessed or made up. See the package documentation
// for what it reads, and how; [DecodeOptions] for its modes.
//
// In lenient reading (the default) the error is nil but for invalid
// options (an [event.ErrorList] wrapping [ErrOptions]), an error reading
// r (returned as it is), and input longer than [DecodeOptions.MaxBytes]
// ([ErrTooLarge]): never a half input passed off as whole. In strict
// reading every problem in the input is also an error: an
// [event.ErrorList] of problems naming the line, the property and the
// value, each wrapping [ErrSyntax], and no timeline is returned.
//
// Either way, an event that reads well but is not a valid event of the
// model (a treaty action without its instrument) is left out of the
// timeline and noted as skipped, with the reason and the line of the
// property at fault.
func Decode(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, export.Report, error) {
	var rep export.Report
	d, err := parse(r, opts)
	if err != nil {
		return nil, rep, err
	}
	tl := d.timeline(&rep)
	return tl, rep, nil
}

// parse reads the input into events without judging them as events of the
// model, which the timeline does.
func parse(r io.Reader, opts *DecodeOptions) (*decoder, error) {
	var o DecodeOptions
	if opts != nil {
		o = *opts
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	d := &decoder{opts: o, zones: make(map[string]*time.Location), kinds: foldKinds(o.Kinds)}
	d.lr = lineReader{
		br:      bufio.NewReaderSize(io.LimitReader(r, o.MaxBytes+1), 64<<10),
		max:     o.MaxBytes,
		maxLine: o.MaxLineBytes,
	}
	d.run()
	switch {
	case d.lr.err != nil:
		return nil, fmt.Errorf("ical: reading line %d: %w", d.lr.phys, d.lr.err)
	case d.lr.tooLarge:
		return nil, event.ErrorList{{Line: max(d.lr.phys, 1), Err: &syntaxError{msg: "input longer than " + strconv.FormatInt(o.MaxBytes, 10) + " bytes", cause: ErrTooLarge}}}
	}
	d.finishInput()
	if o.Strict {
		if err := d.strictErrors(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// A decoder reads one input. It keeps the components open at the current
// line on a stack, and turns the VEVENTs of a VCALENDAR into events only
// when the input ends: a VTIMEZONE may follow the VEVENTs that use it, and
// an override of an occurrence may come before its series.
type decoder struct {
	opts    DecodeOptions
	lr      lineReader
	issues  []issue // of the input outside any VEVENT
	stack   []*component
	cals    []*vcalendar
	seen    bool                      // a VCALENDAR was begun
	drafts  []*draft                  // the events read, in the order of the input
	actors  []event.Actor             // the actors of X-ACCORDLINE-ACTOR
	zones   map[string]*time.Location // Go zones looked up, nil for unknown names
	kinds   map[string]event.Kind     // DecodeOptions.Kinds by folded category
	created createdActors             // actors made for ORGANIZERs, ATTENDEEs and calendars
	occurs  int                       // occurrences of recurring events read
	notes   []export.Note             // notes of the whole input
	// zoneNoted holds the TZIDs whose reading is noted.
	zoneNoted map[string]bool
	dir       *event.Directory // the actors known before reading people
}

// add records an issue: on the VEVENT open at this point of the input,
// if any, else on the input.
func (d *decoder) add(is issue) {
	for i := len(d.stack) - 1; i >= 0; i-- {
		if v := d.stack[i].ev; v != nil {
			v.issues = append(v.issues, is)
			return
		}
	}
	d.issues = append(d.issues, is)
}

// problem records a problem that loses what it is in: the line, or in a
// VEVENT the property, or the event where it cannot stand without the
// property (DTSTART, UID, RECURRENCE-ID) or the problem is in its
// structure (BEGIN, END, a line that names nothing).
func (d *decoder) problem(line int, field, value string, cause error, format string, args ...any) {
	action := export.Skipped
	name, _, _ := strings.Cut(field, ";")
	if !slices.Contains(essential, name) {
		action = export.Dropped
	}
	d.add(issue{line: line, field: field, value: value, msg: fmt.Sprintf(format, args...), cause: cause, action: action})
}

// essential are the properties a VEVENT cannot stand without, and the
// fields of problems in its structure.
var essential = []string{"", "BEGIN", "END", "DTSTART", "UID", "RECURRENCE-ID"}

// strictErrors returns every issue as an error, in the order of the lines,
// or nil when there is none; beyond maxDecodeErrors, one more says how
// many were not listed.
func (d *decoder) strictErrors() error {
	var all []issue
	add := func(issues []issue) {
		for _, is := range issues {
			if !is.note {
				all = append(all, is)
			}
		}
	}
	add(d.issues)
	for _, c := range d.cals {
		for _, v := range c.events {
			add(v.issues)
		}
	}
	if len(all) == 0 {
		return nil
	}
	slices.SortStableFunc(all, func(a, b issue) int { return cmp.Compare(a.line, b.line) })
	var l event.ErrorList
	for i := range all {
		if i == maxDecodeErrors {
			l = append(l, &event.FieldError{Line: all[i].line, Err: fmt.Errorf("%w: %d more from this line on, not listed", event.ErrTooManyProblems, len(all)-i)})
			break
		}
		l = append(l, all[i].fieldError())
	}
	return l
}

func (d *decoder) run() {
	for d.lr.next() {
		if d.lr.tooLong {
			d.problem(d.lr.start, d.lr.name(), "", ErrTooLarge, "content line longer than %d bytes", d.opts.MaxLineBytes)
			continue
		}
		if p, ok := d.parseLine(); ok {
			d.handle(&p)
		}
		if len(d.stack) > maxNesting {
			break
		}
	}
	if d.lr.tooLarge || d.lr.err != nil {
		return
	}
	for len(d.stack) > 0 {
		c := d.stack[len(d.stack)-1]
		d.problem(c.line, "BEGIN", c.name, nil, "never closed: END:%s missing at the end of the input", c.name)
		d.stack = d.stack[:len(d.stack)-1]
		d.finish(c)
	}
	if !d.seen {
		d.problem(1, "VCALENDAR", "", nil, "none in the input")
	}
}

type component struct {
	name string // upper case
	line int    // of its BEGIN
	cal  *vcalendar
	ev   *vevent
	tz   *vtimezone
	obs  *obsReader
	// broken says the component was not closed where it should have been:
	// what it holds is not read.
	broken bool
}

// A vcalendar is a VCALENDAR as read: its properties, its VEVENTs and its
// VTIMEZONEs by TZID.
type vcalendar struct {
	line    int
	version bool
	name    string // NAME, or X-WR-CALNAME
	desc    string // DESCRIPTION
	zone    string // X-WR-TIMEZONE
	method  string
	events  []*vevent
	zones   map[string]*vtimezone
	pub     event.ActorID // the publisher's actor, once needed
}

// A vevent is a VEVENT as read: its properties, and its issues.
type vevent struct {
	line   int
	props  []contentLine
	issues []issue
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
		d.problem(p.line, "BEGIN", p.value, nil, "not a component name")
		return
	}
	// In lenient reading, a VEVENT or VCALENDAR that begins where another
	// is open ends the open one, which lost its END.
	if !d.opts.Strict && (name == "VEVENT" || name == "VCALENDAR") {
		for i := len(d.stack) - 1; i >= 0; i-- {
			if d.stack[i].name == name {
				d.closeFrom(i, p)
				break
			}
		}
	}
	if len(d.stack) == maxNesting {
		d.problem(p.line, "BEGIN", name, nil, "components nested more than %d deep: reading stops here", maxNesting)
		d.stack = append(d.stack, &component{name: name, line: p.line})
		return
	}
	c := &component{name: name, line: p.line}
	parent := d.top()
	ignored := parent != nil && parent.cal == nil && parent.ev == nil && parent.tz == nil && parent.obs == nil
	switch {
	case ignored:
		// Inside a component that is skipped, everything is.
	case name == "VCALENDAR":
		if parent != nil {
			d.problem(p.line, "BEGIN", name, nil, "inside %s", parent.name)
			break
		}
		d.seen = true
		c.cal = &vcalendar{line: p.line, zones: make(map[string]*vtimezone)}
	case parent == nil:
		d.problem(p.line, "BEGIN", name, nil, "outside a VCALENDAR")
	case name == "VEVENT" || name == "VTIMEZONE":
		if parent.cal == nil {
			d.problem(p.line, "BEGIN", name, nil, "inside %s", parent.name)
			break
		}
		if name == "VEVENT" {
			c.ev = &vevent{line: p.line}
		} else {
			c.tz = &vtimezone{line: p.line}
		}
	case name == "STANDARD" || name == "DAYLIGHT":
		if parent.tz == nil {
			d.problem(p.line, "BEGIN", name, nil, "outside a VTIMEZONE")
			break
		}
		c.obs = &obsReader{obs: &zoneObservance{line: p.line}}
		parent.tz.given++
	}
	d.stack = append(d.stack, c)
}

// closeFrom closes the components open from index i of the stack on,
// which were not closed before the line p. A VEVENT is taken to end
// there, and noted; what other components hold is not read.
func (d *decoder) closeFrom(i int, p *contentLine) {
	for len(d.stack) > i {
		c := d.stack[len(d.stack)-1]
		is := issue{line: c.line, field: "BEGIN", value: c.name, action: export.Skipped,
			msg: fmt.Sprintf("not closed: END:%s missing before %s:%s on line %d", c.name, p.name, strings.ToUpper(p.value), p.line)}
		if c.ev != nil {
			is.action, is.msg = export.Guessed, is.msg+"; taken to end there"
		}
		d.stack = d.stack[:len(d.stack)-1]
		if c.ev != nil {
			c.ev.issues = append(c.ev.issues, is)
		} else {
			d.add(is)
			c.broken = true
		}
		d.finish(c)
	}
}

func (d *decoder) end(p *contentLine) {
	name := strings.ToUpper(p.value)
	if !isName(name) {
		d.problem(p.line, "END", p.value, nil, "not a component name")
		return
	}
	i := len(d.stack) - 1
	for i >= 0 && d.stack[i].name != name {
		i--
	}
	if i < 0 {
		// Nothing of what is open ends: only the line is lost.
		is := issue{line: p.line, field: "END", value: name, action: export.Dropped, msg: "without BEGIN:" + name}
		if t := d.top(); t != nil {
			is.msg += fmt.Sprintf(" (BEGIN:%s on line %d is open)", t.name, t.line)
		}
		d.add(is)
		return
	}
	if i < len(d.stack)-1 {
		d.closeFrom(i+1, p)
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
	case c.tz != nil && !c.broken:
		d.finishTimezone(c.tz, parent.cal)
	case c.obs != nil && !c.broken:
		if d.observance(c) {
			parent.tz.obs = append(parent.tz.obs, c.obs.obs)
		}
	}
}

// finishCalendar takes in a VCALENDAR that was closed.
func (d *decoder) finishCalendar(cal *vcalendar) {
	if !cal.version {
		msg := "missing: RFC 5545 requires VERSION:2.0 in every VCALENDAR"
		if !d.opts.Strict {
			msg += "; read as 2.0"
		}
		d.issues = append(d.issues, issue{line: cal.line, field: "VERSION", msg: msg, action: export.Guessed})
	}
	d.cals = append(d.cals, cal)
}

func (d *decoder) property(p *contentLine) {
	c := d.top()
	switch {
	case c == nil:
		d.problem(p.line, p.name, "", nil, "outside a VCALENDAR")
	case c.ev != nil:
		c.ev.props = append(c.ev.props, *p)
	case c.obs != nil:
		c.obs.props = append(c.obs.props, *p)
	case c.tz != nil:
		d.timezoneProperty(c.tz, p)
	case c.cal != nil:
		d.calendarProperty(c.cal, p)
	}
}

// calendarProperty reads a property of a VCALENDAR.
func (d *decoder) calendarProperty(cal *vcalendar, p *contentLine) {
	text := func() string {
		s, err := d.unescape(p)
		if err != nil {
			return ""
		}
		return s
	}
	switch p.name {
	case "VERSION":
		if cal.version {
			d.problem(p.line, p.name, "", nil, "given twice")
			return
		}
		cal.version = true
		if strings.TrimSpace(p.value) != "2.0" {
			d.problem(p.line, p.name, p.value, nil, "only iCalendar 2.0 is read")
		}
	case "NAME":
		cal.name = text()
	case "X-WR-CALNAME":
		if cal.name == "" {
			cal.name = text()
		}
	case "DESCRIPTION", "X-WR-CALDESC":
		if cal.desc == "" {
			cal.desc = text()
		}
	case "X-WR-TIMEZONE":
		cal.zone = strings.TrimSpace(text())
	case "METHOD":
		cal.method = strings.ToUpper(p.value)
	case "X-ACCORDLINE-ACTOR":
		d.actor(p)
	}
}

// actor reads an X-ACCORDLINE-ACTOR, an actor of the lossless form.
func (d *decoder) actor(p *contentLine) {
	data, err := payload(p)
	if err != nil {
		d.problem(p.line, p.name, "", err, "")
		return
	}
	a, err := jsondoc.DecodeActor(data, jsonLimits(data))
	if err != nil {
		d.jsonProblems(p, err, export.Skipped)
		return
	}
	d.actors = append(d.actors, a)
}

// jsonProblems reports the problems of the JSON in a property on the
// property's line, with their JSON paths but without the JSON's own line
// and offset, which would name a second position in the same message.
func (d *decoder) jsonProblems(p *contentLine, err error, action export.Action) {
	var l event.ErrorList
	if !errors.As(err, &l) {
		d.add(issue{line: p.line, field: p.name, cause: err, action: action})
		return
	}
	for _, fe := range l {
		field := p.name
		if fe.Path != "" {
			field += " " + fe.Path
		}
		d.add(issue{line: p.line, field: field, value: fe.Value, cause: fe.Err, action: action})
	}
}

// jsonLimits are the limits of package jsondoc for the JSON of a lossless
// property: those of the line that holds it, so that whatever Encode
// wrote reads back.
func jsonLimits(data []byte) *jsondoc.DecodeOptions {
	return &jsondoc.DecodeOptions{MaxBytes: int64(len(data)) + 1, MaxString: len(data) + 1}
}
