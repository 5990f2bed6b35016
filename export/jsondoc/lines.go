package jsondoc

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// A LineWriter writes a JSON Lines stream: the header, then actors, then
// events, one JSON object per line. It buffers its output; call Flush at
// the end.
type LineWriter struct {
	w           *bufio.Writer
	title, desc string
	buf         []byte
	started     bool
	events      bool
	err         error
	// st is style{} but for a timeline's own events and actors, which
	// EncodeLines writes: their text is valid UTF-8.
	st style
}

// ErrOrder reports an actor written after an event: readers check events
// against the actors before them.
var ErrOrder = errors.New("actors must come before events")

// NewLineWriter returns a writer of a stream with the given title and
// description. It writes the header with the first record, or at Flush.
func NewLineWriter(w io.Writer, title, description string) *LineWriter {
	return &LineWriter{w: bufio.NewWriterSize(w, flushAt), title: title, desc: description}
}

func (lw *LineWriter) header() {
	if lw.started {
		return
	}
	lw.started = true
	var o object
	o.open(lw.buf[:0], 0, style{})
	o.str("format", LinesFormat)
	o.key("version")
	o.b = append(o.b, '0'+Version)
	o.str("title", lw.title)
	o.opt("description", lw.desc)
	lw.line(o.close())
}

func (lw *LineWriter) line(b []byte) {
	lw.buf = b[:0]
	if lw.err == nil {
		_, lw.err = lw.w.Write(append(b, '\n'))
	}
}

// WriteActor writes one actor. Actors must all come before the first event.
func (lw *LineWriter) WriteActor(a *event.Actor) error {
	if lw.events {
		return ErrOrder
	}
	lw.header()
	b := append(lw.buf[:0], `{"actor":`...)
	lw.line(append(appendActor(b, a, 0, lw.st), '}'))
	return lw.err
}

// WriteEvent writes one event.
func (lw *LineWriter) WriteEvent(e *event.Event) error {
	lw.header()
	lw.events = true
	b := append(lw.buf[:0], `{"event":`...)
	lw.line(append(appendEvent(b, e, 0, lw.st), '}'))
	return lw.err
}

// Flush writes any buffered output, and the header if nothing else was
// written.
func (lw *LineWriter) Flush() error {
	lw.header()
	if lw.err == nil {
		lw.err = lw.w.Flush()
	}
	return lw.err
}

// EncodeLines writes the timeline as a JSON Lines stream, with a report
// that counts its events. The records of JSON Lines are always compact:
// opts may be nil, and [Options.Indent] does not apply.
func EncodeLines(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	lw := NewLineWriter(w, tl.Title(), tl.Description())
	lw.st = validText(lw.st)
	for a := range tl.EachActor() {
		if err := lw.WriteActor(a); err != nil {
			return rep, err
		}
	}
	for e := range tl.Shared(timeline.Query{}) {
		if err := lw.WriteEvent(e); err != nil {
			return rep, err
		}
		rep.Events++
	}
	return rep, lw.Flush()
}

// A Record is one actor or one event read from a JSON Lines stream.
type Record struct {
	Actor *event.Actor // set for an actor line
	Event *event.Event // set for an event line
}

// A LineReader reads a JSON Lines stream record by record, in constant
// memory but for the actors, which it keeps to check the events against.
// DecodeOptions.MaxBytes bounds each line (default 64 MiB) rather than the stream.
type LineReader struct {
	r      *bufio.Reader
	d      *decoder
	limits DecodeOptions
	line   int
	off    int64 // offset of the next line
	start  int64 // offset of the line read last
	title  string
	desc   string
	header bool
	open   bool // the line read last has no line feed: the input ends on it
	events bool
	actors event.Directory
	// skipped are the actors whose lines had problems, by line, so that
	// an event that refers to one can say why it is unknown.
	skipped map[event.ActorID]int
	err     error // sticky: reading cannot go on
}

// NewLineReader returns a reader of the stream r; opts may be nil.
func NewLineReader(r io.Reader, opts *DecodeOptions) *LineReader {
	limits := opts.withDefaults()
	if opts == nil || opts.MaxBytes <= 0 {
		limits.MaxBytes = 64 << 20
	}
	return &LineReader{r: bufio.NewReaderSize(r, 64<<10), limits: limits, d: &decoder{scanner: newScanner(nil, limits, "record")}}
}

// Header reads the header line if it has not been read, and returns the
// title and description of the stream.
func (lr *LineReader) Header() (title, description string, err error) {
	if err := lr.readHeader(); err != nil {
		return "", "", err
	}
	return lr.title, lr.desc, nil
}

// Next returns the next actor or event. At the end of the stream it
// returns io.EOF. A line with problems is skipped and reported as an
// [event.ErrorList] naming the line; reading can go on after it. An event
// that names an actor whose line was skipped is skipped too, and its
// problem names that line. Problems that end the stream (a line too long,
// a read error, a missing or bad header) are returned by every later call
// too, as an [event.ErrorList] as well: every error but io.EOF is one.
func (lr *LineReader) Next() (Record, error) {
	if err := lr.readHeader(); err != nil {
		return Record{}, err
	}
	for {
		line, err := lr.readLine()
		if err != nil {
			lr.err = err
			return Record{}, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			return lr.record(line)
		}
	}
}

// readLine reads one line, without its end, checking its length.
func (lr *LineReader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		line = append(line, chunk...)
		if int64(len(bytes.TrimSuffix(line, []byte{'\n'}))) > lr.limits.MaxBytes {
			return nil, event.ErrorList{{Path: lr.where(), Line: lr.line + 1, Offset: lr.off,
				Err: fmt.Errorf("%w: a line longer than %d bytes", ErrTooLarge, lr.limits.MaxBytes)}}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
		case err == io.EOF:
			return nil, err
		case err != nil:
			return nil, event.ErrorList{{Path: lr.where(), Line: lr.line + 1, Offset: lr.off + int64(len(line)), Err: err}}
		}
		lr.line++
		lr.start = lr.off
		lr.off += int64(len(line))
		lr.open = line[len(line)-1] != '\n'
		return bytes.TrimSuffix(line, []byte{'\n'}), nil
	}
}

// where names the line to be read next: the header or a record.
func (lr *LineReader) where() string {
	if lr.header {
		return "record"
	}
	return "header"
}

// scan prepares the decoder to read one line.
func (lr *LineReader) scan(line []byte) *decoder {
	s := lr.d.scanner
	s.buf, s.kept, s.pos, s.eof, s.stopped = line, nil, 0, true, false
	s.off = lr.start
	s.line = lr.line
	s.stack, s.errs = s.stack[:0], nil
	s.root = lr.where()
	return lr.d
}

// readHeader reads the header line, unless it was read.
func (lr *LineReader) readHeader() error {
	for !lr.header && lr.err == nil {
		line, err := lr.readLine()
		switch {
		case err == io.EOF:
			end := lr.line + 1 // the line of the end of the input
			if lr.open {
				end = lr.line
			}
			lr.err = event.ErrorList{{Path: "header", Line: end, Offset: lr.off, Err: fmt.Errorf("%w: %s", ErrFormat, "no header line")}}
		case err != nil:
			lr.err = err
		case len(bytes.TrimSpace(line)) > 0:
			lr.parseHeader(line)
		}
	}
	return lr.err
}

func (lr *LineReader) parseHeader(line []byte) {
	d := lr.scan(line)
	off, l := d.here()
	if !d.object() {
		lr.err = d.errs
		return
	}
	var h header
	for d.nextKey() {
		if !d.headerMember(&h) {
			d.unknownKey()
		}
	}
	d.end()
	d.checkHeader(&h, LinesFormat, off, l)
	if len(d.errs) > 0 {
		slices.SortStableFunc(d.errs, func(a, b *event.FieldError) int { return cmp.Compare(a.Offset, b.Offset) })
		lr.err = d.errs
		return
	}
	lr.title, lr.desc = h.title, h.desc
	lr.header = true
}

func (lr *LineReader) record(line []byte) (Record, error) {
	d := lr.scan(line)
	off, l := d.here()
	var rec Record
	if !d.object() {
		return rec, d.errs
	}
	n := 0
	for d.nextKey() {
		n++
		switch k := string(d.key()); {
		case n > 1:
			d.unknownKey()
		case k == "actor":
			if lr.events {
				d.problem(off, l, "", ErrOrder)
			}
			rec.Actor = &event.Actor{}
			d.actor(rec.Actor)
		case k == "event":
			rec.Event = &event.Event{}
			d.event(rec.Event)
		default:
			d.unknownKey()
		}
	}
	d.end()
	if n == 0 && !d.stopped {
		d.missing(off, l, "actor or event")
	}
	if len(d.errs) > 0 {
		lr.skip(rec.Actor, l)
		slices.SortStableFunc(d.errs, func(a, b *event.FieldError) int { return cmp.Compare(a.Offset, b.Offset) })
		return Record{}, d.errs
	}
	var err error
	at := span{start: position{off, l}, end: d.offset()}
	switch {
	case rec.Actor != nil:
		if lr.actors.NumActors() >= lr.limits.MaxActors {
			lr.skip(rec.Actor, l)
			return Record{}, event.ErrorList{{Path: "actor", Line: l, Offset: off,
				Err: fmt.Errorf("%w: more than %d actors", ErrTooMany, lr.limits.MaxActors)}}
		}
		if err = addActor(&lr.actors, *rec.Actor); err != nil {
			lr.skip(rec.Actor, l)
		}
		err = d.locateRecord(err, "actor", at)
	case rec.Event != nil:
		lr.events = true
		err = lr.unknownWhy(d.locateRecord(rec.Event.Validate(&lr.actors), "event", at))
	}
	if err != nil {
		return Record{}, err
	}
	return rec, nil
}

// skip notes the actor a of line l, a line with problems, unless it is a
// second one with an ID already read.
func (lr *LineReader) skip(a *event.Actor, l int) {
	if a == nil || a.ID == "" || len(lr.skipped) >= lr.limits.MaxActors {
		return
	}
	if _, taken := lr.actors.Actor(a.ID); taken {
		return
	}
	if lr.skipped == nil {
		lr.skipped = make(map[event.ActorID]int)
	}
	if _, seen := lr.skipped[a.ID]; !seen {
		lr.skipped[a.ID] = l
	}
}

// unknownWhy adds to each unknown actor in err whose line was skipped
// which line that was: the actor is in the stream, but with problems.
func (lr *LineReader) unknownWhy(err error) error {
	if err == nil || len(lr.skipped) == 0 {
		return err
	}
	l := asList(err)
	for _, fe := range l {
		if line, ok := lr.skipped[event.ActorID(fe.Value)]; ok && errors.Is(fe.Err, event.ErrUnknownActor) {
			fe.Err = fmt.Errorf("%w: line %d gives it, with problems", fe.Err, line)
		}
	}
	return l
}

// locateRecord turns the validation errors of the actor or event (what) of
// the record at into errors that say where in the line each value is, at
// most MaxErrors of them.
func (d *decoder) locateRecord(err error, what string, at span) error {
	if err == nil {
		return nil
	}
	l := asList(err).Prefix(what)
	left := max(0, len(l)-d.limits.MaxErrors)
	l = l[:len(l)-left]
	paths := make([]string, len(l))
	for i, fe := range l {
		paths[i] = fe.Path
	}
	out := make(event.ErrorList, len(l))
	for i, loc := range d.locateAll(at, paths) {
		out[i] = &event.FieldError{Path: loc.path, Line: loc.at.line, Offset: loc.at.off, Value: l[i].Value, Err: l[i].Err}
	}
	slices.SortStableFunc(out, func(a, b *event.FieldError) int { return cmp.Compare(a.Offset, b.Offset) })
	return truncate(out, d.limits.MaxErrors, what, left)
}

// DecodeLines reads a whole JSON Lines stream into a timeline. Like
// [Decode] it is strict: any problem on any line is an error, every
// problem is reported, and no timeline is returned then.
func DecodeLines(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, export.Report, error) {
	var rep export.Report
	tl, err := decodeLines(r, opts)
	if tl != nil {
		rep.Events = tl.Len()
	}
	return tl, rep, err
}

func decodeLines(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, error) {
	lr := NewLineReader(r, opts)
	var errs event.ErrorList
	var actors []event.Actor
	var events []event.Event
	var actorAt, eventAt []position // the lines, for what the timeline finds
	left := 0                       // problems left out
	seen := make(map[uuid.UUID]int)
	for {
		rec, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// Every error of Next is an ErrorList but io.EOF. A line
			// with too many problems to report says how many it left
			// out: the stream's note counts them.
			for _, fe := range asList(err) {
				if more := (*moreProblems)(nil); errors.As(fe.Err, &more) {
					left += more.n
				} else {
					errs = append(errs, fe)
				}
			}
			if lr.err != nil || len(errs) >= lr.limits.MaxErrors {
				return nil, truncate(errs, lr.limits.MaxErrors, "stream", left)
			}
			continue
		}
		switch {
		case rec.Actor != nil:
			actors = append(actors, *rec.Actor)
			actorAt = append(actorAt, position{lr.start, lr.line})
		case rec.Event != nil:
			rec.Event.EnsureID() // as Decode does: see duplicates there
			if line, dup := seen[rec.Event.ID]; dup {
				errs = append(errs, &event.FieldError{Path: "event.id", Line: lr.line, Offset: lr.start, Value: rec.Event.ID.String(),
					Err: fmt.Errorf("%w: %s", ErrDuplicateID, "also line "+strconv.Itoa(line))})
				continue
			}
			seen[rec.Event.ID] = lr.line
			events = append(events, *rec.Event)
			eventAt = append(eventAt, position{lr.start, lr.line})
			if len(events) > lr.limits.MaxEvents {
				return nil, append(errs, &event.FieldError{Path: "event", Line: lr.line, Offset: lr.start,
					Err: fmt.Errorf("%w: more than %d events", ErrTooMany, lr.limits.MaxEvents)})
			}
		}
		if len(errs) >= lr.limits.MaxErrors {
			return nil, truncate(errs, lr.limits.MaxErrors, "stream", left)
		}
	}
	if len(errs) > 0 {
		return nil, truncate(errs, lr.limits.MaxErrors, "stream", left)
	}
	// Every record was checked as it was read; what the timeline could
	// still find is named by the line of its record.
	tl := timeline.New(lr.title, lr.desc)
	if err := tl.AddActors(actors...); err != nil {
		return nil, atLines(asList(err), "actors", "actor", actorAt)
	}
	if _, err := tl.Add(events...); err != nil {
		return nil, atLines(asList(err), "events", "event", eventAt)
	}
	return tl, nil
}

// atLines turns the problems a timeline found in a list of records, with
// paths such as "events[3].status", into problems of the records' lines,
// "event.status" on the line of the fourth event.
func atLines(l event.ErrorList, list, what string, at []position) event.ErrorList {
	out := make(event.ErrorList, 0, len(l))
	for _, fe := range l {
		e := &event.FieldError{Path: "stream", Value: fe.Value, Err: fe.Err}
		if i, rest, ok := element(fe.Path, list); ok && i < len(at) {
			e.Path, e.Line, e.Offset = what+rest, at[i].line, at[i].off
		}
		out = append(out, e)
	}
	return out
}

// truncate cuts a list of problems at n, and says how many it left out,
// with left, those left out before, as a problem of where, the whole
// input: at the first it leaves out, or after the last it keeps.
func truncate(errs event.ErrorList, n int, where string, left int) event.ErrorList {
	// A note of a list cut before counts in this one.
	if slices.ContainsFunc(errs, isMore) {
		kept := make(event.ErrorList, 0, len(errs))
		for _, fe := range errs {
			if more := (*moreProblems)(nil); errors.As(fe.Err, &more) {
				left += more.n
			} else {
				kept = append(kept, fe)
			}
		}
		errs = kept
	}
	if len(errs) <= n && left == 0 {
		return errs
	}
	var at *event.FieldError
	switch {
	case len(errs) > n:
		at, left = errs[n], left+len(errs)-n
		errs = errs[:n:n]
	case len(errs) > 0:
		at = errs[len(errs)-1]
	default:
		at = &event.FieldError{}
	}
	return append(errs, &event.FieldError{Path: where, Line: at.Line, Offset: at.Offset, Err: &moreProblems{left}})
}

// moreProblems ends a list of problems cut short: it says how many were
// left out, and is an [event.ErrTooManyProblems].
type moreProblems struct{ n int }

func (e *moreProblems) Error() string {
	return event.ErrTooManyProblems.Error() + ": " + strconv.Itoa(e.n) + " more not reported"
}

func (e *moreProblems) Unwrap() error { return event.ErrTooManyProblems }

func isMore(fe *event.FieldError) bool {
	var more *moreProblems
	return errors.As(fe.Err, &more)
}
