package ical

import (
	"bufio"
	"bytes"
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
	"github.com/accordline/accordline/export/jsondoc"
)

// ErrSyntax is the reason of every [*SyntaxError]: errors.Is(err,
// ErrSyntax) holds for every problem [Decode] finds in its input.
var ErrSyntax = errors.New("invalid iCalendar")

// ErrTooLarge reports input longer than [DecodeOptions.MaxBytes], or a
// content line longer than [DecodeOptions.MaxLineBytes] once unfolded.
var ErrTooLarge = errors.New("input too large")

// DecodeOptions control what [Decode] accepts. The zero DecodeOptions are
// usable: every zero field takes its default.
type DecodeOptions struct {
	// DefaultKind is the kind of events that do not say theirs (other
	// producers' events); default event.BilateralMeeting.
	DefaultKind event.Kind
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

// A SyntaxError is one problem in the input: the physical line (from 1)
// where it starts, what is wrong, and the underlying cause, if any.
type SyntaxError struct {
	Line int
	Msg  string
	// Err is the cause, when there is one more precise than ErrSyntax: an
	// [*event.DateError], an [event.WordError], a [jsondoc.ErrorList] for
	// a bad X-ACCORDLINE-EVENT, or [ErrTooLarge]. It is nil otherwise.
	Err error
}

// Error returns "line 12: message" followed by the cause, if any.
func (e *SyntaxError) Error() string {
	s := "line " + strconv.Itoa(e.Line) + ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns [ErrSyntax] and the cause, so that [errors.Is] and
// [errors.As] find either.
func (e *SyntaxError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrSyntax}
	}
	return []error{ErrSyntax, e.Err}
}

// An ErrorList is every problem [Decode] found, in the order of the input.
type ErrorList []*SyntaxError

// Error returns the problems one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(l)))
	b.WriteString(" problems:")
	for _, e := range l {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems for [errors.Is] and [errors.As].
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Decode reads an iCalendar stream and returns its VEVENTs as events, in
// the order of the file.
//
// It reads what [Encode] writes back to the same events: with
// [Options.Lossless], the X-ACCORDLINE-EVENT property restores each event
// exactly; otherwise the X-ACCORDLINE-KIND, -STATUS, -DATE and -TITLE
// properties restore the kind, status, date and title, and the standard
// properties the rest they can hold. It reads other producers' calendars
// too: UID gives the ID (a UID that is not a UUID gives the version 5 UUID
// of the UID in [event.Namespace]); SUMMARY the title; DESCRIPTION the
// description; LOCATION the place's name; GEO its coordinates; CATEGORIES
// the tags, and the kind when one names it (by its word or its display
// name, in any case), else [DecodeOptions.DefaultKind]; STATUS the status
// (CONFIRMED occurred, TENTATIVE planned, CANCELLED cancelled, none
// announced); URL a source; RELATED-TO the links (RELTYPE=PARENT part-of,
// X-ACCORDLINE-ANNOUNCES, -FOLLOWS and -REFERS-TO those types, any other
// refers-to).
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
// Reading is strict: every problem found is reported, as an [ErrorList]
// of [*SyntaxError]s naming the line where it starts, and no events are
// returned. An error reading r is returned as it is.
func Decode(r io.Reader, opts DecodeOptions) ([]event.Event, error) {
	switch {
	case opts.DefaultKind == 0:
		opts.DefaultKind = event.BilateralMeeting
	case !opts.DefaultKind.IsKnown():
		return nil, fmt.Errorf("ical: DecodeOptions.DefaultKind: unknown kind %d", uint8(opts.DefaultKind))
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = defaultMaxBytes
	}
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = defaultMaxLineBytes
	}
	d := &decoder{
		opts:  opts,
		ids:   make(map[uuid.UUID]int),
		zones: make(map[string]*time.Location),
	}
	d.lr = lineReader{
		br:      bufio.NewReaderSize(io.LimitReader(r, opts.MaxBytes+1), 64<<10),
		max:     opts.MaxBytes,
		maxLine: opts.MaxLineBytes,
	}
	d.run()
	if d.lr.err != nil {
		return nil, fmt.Errorf("ical: reading line %d: %w", d.lr.phys, d.lr.err)
	}
	if len(d.errs) > 0 {
		slices.SortStableFunc(d.errs, func(a, b *SyntaxError) int { return cmp.Compare(a.Line, b.Line) })
		return nil, d.errs
	}
	return d.events, nil
}

// lineReader reads content lines: physical lines joined where the next
// one starts with a space or tab, with the line break and that one
// character removed. Lines may end in CRLF or LF alone.
type lineReader struct {
	br      *bufio.Reader
	max     int64 // bytes in the whole input
	maxLine int   // bytes in one unfolded line

	n     int64  // bytes consumed
	phys  int    // physical lines begun
	buf   []byte // the current content line, unfolded
	folds []int  // offsets in buf where continuation lines start
	start int    // physical line where buf starts

	tooLong  bool // the current line is longer than maxLine; buf is not kept
	tooLarge bool // the input is longer than max
	eof      bool
	bom      bool // the byte order mark has been looked for
	err      error
}

// next reads the next non-empty content line into buf. It returns false
// at the end of the input, and when reading must stop.
func (lr *lineReader) next() bool {
	if !lr.bom {
		lr.bom = true
		if b, _ := lr.br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			_, _ = lr.br.Discard(3)
			lr.n += 3
		}
	}
	for lr.running() {
		lr.buf, lr.folds, lr.tooLong = lr.buf[:0], lr.folds[:0], false
		if !lr.physical(false) {
			return false
		}
		lr.start = lr.phys
		for lr.running() {
			b, err := lr.br.Peek(1)
			if err != nil || (b[0] != ' ' && b[0] != '\t') {
				break
			}
			_, _ = lr.br.Discard(1)
			lr.phys++
			if lr.n++; lr.n > lr.max {
				lr.tooLarge = true
				break
			}
			lr.folds = append(lr.folds, len(lr.buf))
			lr.physical(true)
		}
		if lr.tooLarge || lr.err != nil {
			return false
		}
		if len(lr.buf) == 0 && !lr.tooLong {
			continue // blank lines are skipped
		}
		return true
	}
	return false
}

func (lr *lineReader) running() bool { return !lr.eof && !lr.tooLarge && lr.err == nil }

// physical appends one physical line to buf, without its line break, and
// reports whether there was one. counted says the line was already
// counted, because its first character (a fold) was read.
func (lr *lineReader) physical(counted bool) bool {
	read := counted
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			if !read {
				read = true
				lr.phys++
			}
			if lr.n += int64(len(chunk)); lr.n > lr.max {
				lr.tooLarge = true
				return true
			}
			if !lr.tooLong {
				if len(lr.buf)+len(chunk) > lr.maxLine+2 { // +2: the CRLF
					lr.tooLong = true
				} else {
					lr.buf = append(lr.buf, chunk...)
				}
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			lr.eof = true
		default:
			lr.err = err
		}
		break
	}
	if !lr.tooLong {
		lr.buf = bytes.TrimSuffix(lr.buf, []byte("\n"))
		lr.buf = bytes.TrimSuffix(lr.buf, []byte("\r"))
		if len(lr.buf) > lr.maxLine {
			lr.tooLong = true
		}
	}
	return read
}

// lineOf returns the physical line of offset off in buf.
func (lr *lineReader) lineOf(off int) int {
	n := lr.start
	for _, f := range lr.folds {
		if off < f {
			break
		}
		n++
	}
	return n
}

// A contentLine is one property: NAME;PARAM=value:value.
type contentLine struct {
	name   string // upper case
	params []lineParam
	value  string
	line   int
}

type lineParam struct {
	name   string   // upper case
	values []string // RFC 6868 escapes decoded
}

// param returns the first value of the named parameter, and whether it
// is there.
func (p *contentLine) param(name string) (string, bool) {
	for _, q := range p.params {
		if q.name == name {
			if len(q.values) == 0 {
				return "", true
			}
			return q.values[0], true
		}
	}
	return "", false
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

type decoder struct {
	opts   DecodeOptions
	lr     lineReader
	errs   ErrorList
	full   bool // too many problems: stop
	stack  []*component
	seen   bool // a VCALENDAR was begun
	events []event.Event
	ids    map[uuid.UUID]int         // event IDs read, and the line of their VEVENT
	zones  map[string]*time.Location // Go zones looked up, nil for unknown names
}

func (d *decoder) problem(line int, err error, msg string) {
	if d.full {
		return
	}
	if len(d.errs) >= maxDecodeErrors {
		d.full = true
		d.errs = append(d.errs, &SyntaxError{Line: line, Msg: "too many problems; reading stopped"})
		return
	}
	d.errs = append(d.errs, &SyntaxError{Line: line, Msg: msg, Err: err})
}

func (d *decoder) problemf(line int, format string, args ...any) {
	d.problem(line, nil, fmt.Sprintf(format, args...))
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

func isNameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if !isNameChar(s[i]) {
			return false
		}
	}
	return true
}

// parseLine parses the current content line: name *(";" param) ":" value.
func (d *decoder) parseLine() (contentLine, bool) {
	lr := &d.lr
	b := lr.buf
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		d.problem(lr.lineOf(off), nil, "invalid UTF-8")
		return contentLine{}, false
	}
	for i, c := range b {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			d.problemf(lr.lineOf(i), "control character %U in a content line", rune(c))
			return contentLine{}, false
		}
	}
	s := string(b)
	p := contentLine{line: lr.start}
	i := 0
	for i < len(s) && isNameChar(s[i]) {
		i++
	}
	if i == 0 {
		d.problemf(lr.start, "content line %s does not start with a property name", quoteShort(s))
		return p, false
	}
	p.name = strings.ToUpper(s[:i])
	var seen map[string]bool // parameter names
	if !strings.Contains(s[i:], ":") {
		d.problemf(lr.start, "no \":\" in content line %s", quoteShort(s))
		return p, false
	}
	for i < len(s) && s[i] == ';' {
		i++
		j := i
		for i < len(s) && isNameChar(s[i]) {
			i++
		}
		if i == j || i == len(s) || s[i] != '=' {
			d.problemf(lr.lineOf(i), "%s: parameter without a name or \"=\"", p.name)
			return p, false
		}
		q := lineParam{name: strings.ToUpper(s[j:i])}
		if seen[q.name] {
			d.problemf(lr.lineOf(j), "%s: parameter %s given twice", p.name, q.name)
			return p, false
		}
		if seen == nil {
			seen = make(map[string]bool)
		}
		seen[q.name] = true
		i++ // '='
		for {
			var v string
			if i < len(s) && s[i] == '"' {
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					d.problemf(lr.lineOf(i), "%s: parameter %s: unterminated quoted value", p.name, q.name)
					return p, false
				}
				v = s[i+1 : i+1+end]
				i += end + 2
			} else {
				j := i
				for i < len(s) && s[i] != ';' && s[i] != ':' && s[i] != ',' {
					if s[i] == '"' {
						d.problemf(lr.lineOf(i), "%s: parameter %s: double quote inside a value", p.name, q.name)
						return p, false
					}
					i++
				}
				v = s[j:i]
			}
			q.values = append(q.values, decodeCaret(v))
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
		p.params = append(p.params, q)
	}
	if i == len(s) || s[i] != ':' {
		d.problemf(lr.lineOf(i), "%s: expected \":\" or \";\" after the name or a parameter", p.name)
		return p, false
	}
	p.value = s[i+1:]
	return p, true
}

// decodeCaret decodes the RFC 6868 escapes of a parameter value: ^n is a
// line break, ^' a double quote and ^^ a caret; a caret before anything
// else stays as it is.
func decodeCaret(s string) string {
	if !strings.Contains(s, "^") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '^' && i+1 < len(s) {
			switch s[i+1] {
			case 'n':
				b, i = append(b, '\n'), i+1
				continue
			case '\'':
				b, i = append(b, '"'), i+1
				continue
			case '^':
				b, i = append(b, '^'), i+1
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// unescapeText decodes a TEXT value: \\ \; \, and \n or \N.
func unescapeText(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		if i+1 == len(s) {
			return "", errors.New(`backslash at the end of a TEXT value`)
		}
		i++
		switch s[i] {
		case '\\', ';', ',':
			b = append(b, s[i])
		case 'n', 'N':
			b = append(b, '\n')
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", fmt.Errorf(`invalid escape "\%c" in a TEXT value`, r)
		}
	}
	return string(b), nil
}

// splitText splits a list of TEXT values at the commas that are not
// escaped, and decodes each.
func splitText(s string) ([]string, error) {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			v, err := unescapeText(s[start:i])
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			start = i + 1
		}
	}
	v, err := unescapeText(s[start:])
	if err != nil {
		return nil, err
	}
	return append(out, v), nil
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
		tz := c.tz
		switch {
		case tz.tzid == "":
			d.problem(c.line, nil, "VTIMEZONE without TZID")
		case tz.given == 0:
			d.problemf(c.line, "VTIMEZONE %s has no STANDARD or DAYLIGHT", quoteShort(tz.tzid))
		case len(tz.obs) < tz.given:
			// The observances' problems are reported.
		case parent.cal.zones[tz.tzid] != nil:
			d.problemf(tz.tzidLine, "VTIMEZONE %s given twice (first on line %d)", quoteShort(tz.tzid), parent.cal.zones[tz.tzid].line)
		default:
			parent.cal.zones[tz.tzid] = tz
		}
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
			if c.tz.tzid != "" {
				d.problemf(p.line, "TZID given twice (first on line %d)", c.tz.tzidLine)
				return
			}
			v, err := unescapeText(p.value)
			if err != nil || v == "" {
				d.problem(p.line, err, "TZID: empty or invalid")
				return
			}
			c.tz.tzid, c.tz.tzidLine = v, p.line
		}
	case c.cal != nil:
		if p.name == "VERSION" && strings.TrimSpace(p.value) != "2.0" {
			d.problemf(p.line, "VERSION %s: only iCalendar 2.0 is read", quoteShort(p.value))
		}
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

// parseUTCOffset parses a UTC-OFFSET: +hhmm or +hhmmss.
func parseUTCOffset(s string) (int, error) {
	if (len(s) != 5 && len(s) != 7) || (s[0] != '+' && s[0] != '-') {
		return 0, errors.New("not a UTC offset (+hhmm)")
	}
	n, ok := allDigits(s[1:])
	if !ok {
		return 0, errors.New("not a UTC offset (+hhmm)")
	}
	h, m, sec := n[0]*10+n[1], n[2]*10+n[3], 0
	if len(n) == 6 {
		sec = n[4]*10 + n[5]
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, errors.New("offset out of range")
	}
	off := h*3600 + m*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

// allDigits returns the decimal digits of s, and whether s is all digits.
func allDigits(s string) ([]int, bool) {
	out := make([]int, len(s))
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		out[i] = int(s[i] - '0')
	}
	return out, true
}

// smallAtoi parses a non-negative decimal number of at most 9 digits.
func smallAtoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// A civil is a DATE or DATE-TIME value as written: its wall clock, held as
// UTC, and whether it has a time and a Z.
type civil struct {
	wall    time.Time
	hasTime bool
	utc     bool
}

// parseDate parses a DATE: yyyymmdd.
func parseDate(s string) (civil, error) {
	if len(s) != 8 {
		return civil{}, errors.New("not a DATE (yyyymmdd)")
	}
	n, ok := allDigits(s)
	if !ok {
		return civil{}, errors.New("not a DATE (yyyymmdd)")
	}
	y := n[0]*1000 + n[1]*100 + n[2]*10 + n[3]
	m, dd := n[4]*10+n[5], n[6]*10+n[7]
	if m < 1 || m > 12 {
		return civil{}, errors.New("month out of range")
	}
	if dd < 1 || dd > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return civil{}, errors.New("day out of range")
	}
	return civil{wall: time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)}, nil
}

// parseDateTime parses a DATE-TIME: yyyymmddThhmmss, with an optional Z.
func parseDateTime(s string) (civil, error) {
	utc := strings.HasSuffix(s, "Z")
	body := strings.TrimSuffix(s, "Z")
	if len(body) != 15 || body[8] != 'T' {
		return civil{}, errors.New("not a DATE-TIME (yyyymmddThhmmss)")
	}
	c, err := parseDate(body[:8])
	if err != nil {
		return c, err
	}
	n, ok := allDigits(body[9:])
	if !ok {
		return civil{}, errors.New("not a DATE-TIME (yyyymmddThhmmss)")
	}
	h, m, sec := n[0]*10+n[1], n[2]*10+n[3], n[4]*10+n[5]
	if h > 23 || m > 59 || sec > 59 {
		return civil{}, errors.New("time of day out of range")
	}
	c.wall = c.wall.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
	c.hasTime, c.utc = true, utc
	return c, nil
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
			n := len(v) - 2
			wd, ok := rruleWeekdays[v[max(n, 0):]]
			if n < 0 || !ok {
				return nil, errors.New("BYDAY: only one weekday is supported")
			}
			r.weekday, r.byDay = wd, true
			if n > 0 {
				num := v[:n]
				neg := num[0] == '-'
				num = strings.TrimLeft(num, "+-")
				x, ok := smallAtoi(num)
				if !ok || x < 1 || x > 5 || len(v[:n])-len(num) > 1 {
					return nil, errors.New("BYDAY: week number out of range")
				}
				if neg {
					x = -x
				}
				r.nth = x
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
		return event.Day(m.t.Date())
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
	y, mo, dd := c.wall.Date()
	h, mi, s := c.wall.Clock()
	if loc := d.goZone(tzid); loc != nil {
		return moment{t: time.Date(y, mo, dd, h, mi, s, 0, loc)}, true
	}
	tz := cal.zones[tzid]
	if tz == nil {
		why := "is neither a zone of the zone database nor a VTIMEZONE of the calendar"
		if _, looked := d.zones[tzid]; !looked {
			why = fmt.Sprintf("has no VTIMEZONE, and beyond %d distinct TZIDs the zone database is not consulted", maxZoneLookups)
		}
		d.problemf(p.line, "%s: TZID %s %s", p.name, quoteShort(tzid), why)
		return moment{}, false
	}
	off, o, err := tz.offsetAt(c.wall)
	if err != nil {
		d.problemf(o.probLine, "VTIMEZONE %s (used on line %d): %v", quoteShort(tzid), p.line, err)
		return moment{}, false
	}
	return moment{t: time.Date(y, mo, dd, h, mi, s, 0, time.FixedZone("", off))}, true
}

// A durationValue is a DURATION value: nominal days, then exact seconds.
type durationValue struct {
	days int
	secs int64
}

func parseDuration(s string) (durationValue, error) {
	bad := errors.New("not a DURATION (P1D, PT1H30M, P1W)")
	var du durationValue
	if strings.HasPrefix(s, "-") {
		return du, errors.New("negative DURATION")
	}
	s = strings.TrimPrefix(s, "+")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return du, bad
	}
	s = s[1:]
	num := func() (int, bool) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		n, ok := smallAtoi(s[:i])
		s = s[i:]
		return n, ok && s != ""
	}
	if s[0] != 'T' {
		n, ok := num()
		if !ok {
			return du, bad
		}
		switch s[0] {
		case 'W':
			if len(s) != 1 || n > 1_000_000 {
				return du, bad
			}
			du.days = 7 * n
			return du, nil
		case 'D':
			if n > 10_000_000 {
				return du, bad
			}
			du.days = n
			s = s[1:]
		default:
			return du, bad
		}
		if s == "" {
			return du, nil
		}
	}
	if s[0] != 'T' || len(s) < 3 {
		return du, bad
	}
	s = s[1:]
	next := 0 // the units, in order: H, M, S, each at most once
	for s != "" {
		n, ok := num()
		if !ok {
			return du, bad
		}
		u := strings.IndexByte("HMS", s[0])
		if u < next {
			return du, bad
		}
		du.secs += int64(n) * [...]int64{3600, 60, 1}[u]
		next, s = u+1, s[1:]
	}
	if du.secs > 1<<32 {
		return du, errors.New("DURATION too long")
	}
	return du, nil
}

// eventProps are the properties of a VEVENT that may be given only once.
var eventProps = []string{
	"UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "GEO", "STATUS", "URL",
	"RECURRENCE-ID", "X-ACCORDLINE-EVENT", "X-ACCORDLINE-TITLE", "X-ACCORDLINE-KIND", "X-ACCORDLINE-STATUS",
	"X-ACCORDLINE-DATE", "X-CAMEO-CODE", "X-PLOVER-TYPE", "X-PLOVER-MODE",
}

var icalStatuses = map[string]event.Status{
	"CONFIRMED": event.Occurred, "TENTATIVE": event.Planned, "CANCELLED": event.Cancelled,
}

var relTypeLinks = map[string]event.LinkType{
	"PARENT": event.PartOf, "X-ACCORDLINE-ANNOUNCES": event.Announces,
	"X-ACCORDLINE-FOLLOWS": event.Follows, "X-ACCORDLINE-REFERS-TO": event.RefersTo,
}

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

// convert turns one VEVENT into an event, or reports why it cannot.
func (d *decoder) convert(v *vevent, cal *vcalendar) {
	before := len(d.errs)
	one := make(map[string]*contentLine)
	var categories, related []*contentLine
	for i := range v.props {
		p := &v.props[i]
		switch {
		case p.name == "CATEGORIES":
			categories = append(categories, p)
		case p.name == "RELATED-TO":
			related = append(related, p)
		case slices.Contains(eventProps, p.name):
			if first := one[p.name]; first != nil {
				d.problemf(p.line, "%s given twice in a VEVENT (first on line %d)", p.name, first.line)
				continue
			}
			one[p.name] = p
		}
	}
	text := func(name string) (string, *contentLine) {
		p := one[name]
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

	var e event.Event
	if uid, p := text("UID"); p == nil {
		if one["UID"] == nil {
			d.problem(v.line, nil, "VEVENT without UID")
		}
	} else if uid == "" {
		d.problem(p.line, nil, "empty UID")
	} else {
		e.ID = uidToID(uid)
	}

	// Kind: X-ACCORDLINE-KIND, else a category naming a kind, else the
	// default. The category that gives the kind is not a tag.
	var tags []string
	for _, p := range categories {
		vs, err := splitText(p.value)
		if err != nil {
			d.problem(p.line, err, "CATEGORIES")
			continue
		}
		for _, t := range vs {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
	}
	kindTag := -1
	if s, p := text("X-ACCORDLINE-KIND"); p != nil {
		k, err := event.ParseKind(s)
		if err == nil && k == 0 {
			err = errors.New("empty kind")
		}
		if err != nil {
			d.problem(p.line, err, "X-ACCORDLINE-KIND")
		}
		e.Kind = k
		kindTag = slices.IndexFunc(tags, func(t string) bool { return t == k.Name() })
	} else {
		for i, t := range tags {
			if k := categoryKind(t); k != 0 {
				e.Kind, kindTag = k, i
				break
			}
		}
		if e.Kind == 0 {
			e.Kind = d.opts.DefaultKind
		}
	}
	if kindTag >= 0 {
		tags = slices.Delete(tags, kindTag, kindTag+1)
	}
	if len(tags) > 0 {
		e.Tags = tags
	}

	if s, p := text("X-ACCORDLINE-STATUS"); p != nil {
		st, err := event.ParseStatus(s)
		if err == nil && st == 0 {
			err = errors.New("empty status")
		}
		if err != nil {
			d.problem(p.line, err, "X-ACCORDLINE-STATUS")
		}
		e.Status = st
		if p := one["STATUS"]; p != nil {
			if _, ok := icalStatuses[strings.ToUpper(p.value)]; !ok {
				d.problemf(p.line, "STATUS %s is not TENTATIVE, CONFIRMED or CANCELLED", quoteShort(p.value))
			}
		}
	} else if p := one["STATUS"]; p != nil {
		st, ok := icalStatuses[strings.ToUpper(p.value)]
		if !ok {
			d.problemf(p.line, "STATUS %s is not TENTATIVE, CONFIRMED or CANCELLED", quoteShort(p.value))
		}
		e.Status = st
	} else {
		e.Status = event.Announced
	}

	e.Title, _ = text("SUMMARY")
	if s, p := text("X-ACCORDLINE-TITLE"); p != nil {
		e.Title = s
	}
	e.Description, _ = text("DESCRIPTION")
	e.Place.Name, _ = text("LOCATION")
	if p := one["GEO"]; p != nil {
		if c, err := parseGeo(p.value); err != nil {
			d.problemf(p.line, "GEO %s: %v", quoteShort(p.value), err)
		} else {
			e.Place.Coordinates = c
		}
	}
	if p := one["URL"]; p != nil && p.value != "" {
		e.Sources = []event.Source{{URL: p.value}}
	}
	for _, p := range related {
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
		e.Links = append(e.Links, event.Link{Type: typ, Target: uidToID(uid)})
	}

	e.Date = d.eventDate(one, cal)
	if s, p := text("X-ACCORDLINE-DATE"); p != nil && s != "" {
		dt, err := event.ParseDate(s)
		if err != nil {
			d.problem(p.line, err, "X-ACCORDLINE-DATE")
		}
		e.Date = dt
	} else if p != nil {
		e.Date = event.Date{}
	}

	if s, p := text("X-ACCORDLINE-EVENT"); p != nil {
		lossless, err := jsondoc.DecodeEvent([]byte(s), jsondoc.Limits{})
		switch {
		case err != nil:
			d.problem(p.line, err, "X-ACCORDLINE-EVENT")
		case lossless.ID == uuid.Nil:
			lossless.ID = e.ID
			e = lossless
		case lossless.ID != e.ID && e.ID != uuid.Nil:
			d.problemf(p.line, "X-ACCORDLINE-EVENT: the event's ID %s is not the UID's %s", lossless.ID, e.ID)
		default:
			e = lossless
		}
	}
	d.checkCodes(one, e.Kind)

	if len(d.errs) > before || one["RECURRENCE-ID"] != nil {
		return
	}
	if line, dup := d.ids[e.ID]; dup {
		d.problemf(v.line, "VEVENT with the ID %s of the VEVENT on line %d", e.ID, line)
		return
	}
	d.ids[e.ID] = v.line
	d.events = append(d.events, e)
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

// eventDate reads DTSTART with DTEND or DURATION.
func (d *decoder) eventDate(one map[string]*contentLine, cal *vcalendar) event.Date {
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
		if end, ok = d.moment(ep, cal); !ok {
			return event.Date{}
		}
		if end.allDay != start.allDay || end.floating != start.floating {
			d.problemf(ep.line, "DTEND is not of the same type as DTSTART (DATE, DATE-TIME in UTC or a zone, or floating)")
			return event.Date{}
		}
		endLine = ep.line
	case dp != nil:
		du, err := parseDuration(dp.value)
		if err == nil && start.allDay && du.secs != 0 {
			err = errors.New("an all-day event lasts whole days")
		}
		if err != nil {
			d.problemf(dp.line, "DURATION %s: %v", quoteShort(dp.value), err)
			return event.Date{}
		}
		end = moment{allDay: start.allDay, floating: start.floating,
			t: start.t.AddDate(0, 0, du.days).Add(time.Duration(du.secs) * time.Second)}
		endLine = dp.line
	default:
		return start.date()
	}
	if end.t.Year() > 9999 {
		d.problemf(endLine, "the event ends after the year 9999")
		return event.Date{}
	}
	if start.allDay {
		last := end.t.AddDate(0, 0, -1)
		if last.Before(start.t) {
			d.problemf(endLine, "an all-day event must end at least a day after its DTSTART (line %d)", sp.line)
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
		d.problemf(endLine, "the event ends before DTSTART (line %d)", sp.line)
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

// parseGeo parses GEO: latitude;longitude as FLOATs, in range.
func parseGeo(s string) (*event.Coordinates, error) {
	a, b, ok := strings.Cut(s, ";")
	if !ok {
		return nil, errors.New(`not "latitude;longitude"`)
	}
	lat, err1 := parseFloat(a)
	lon, err2 := parseFloat(b)
	switch {
	case err1 != nil || err2 != nil:
		return nil, errors.New(`not "latitude;longitude" in decimal degrees`)
	case lat < -90 || lat > 90:
		return nil, errors.New("latitude out of range")
	case lon < -180 || lon > 180:
		return nil, errors.New("longitude out of range")
	}
	return &event.Coordinates{Lat: lat, Lon: lon}, nil
}

// parseFloat parses a FLOAT: ["+" / "-"] 1*DIGIT ["." 1*DIGIT].
func parseFloat(s string) (float64, error) {
	t := strings.TrimLeft(s, "+-")
	if len(s)-len(t) > 1 || len(t) > 64 {
		return 0, strconv.ErrSyntax
	}
	whole, frac, dot := strings.Cut(t, ".")
	if _, ok := allDigits(whole); !ok || whole == "" {
		return 0, strconv.ErrSyntax
	}
	if _, ok := allDigits(frac); dot && (!ok || frac == "") {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(s, 64)
}
