package jsondoc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Decode reads one JSON document from r and returns its timeline. It reads
// strictly: any problem in the document is an error, an [ErrorList] of
// [*Error] values naming every problem found, and no timeline is
// returned. Limits bound the input; the zero Limits are safe defaults.
func Decode(r io.Reader, limits Limits) (*timeline.Timeline, error) {
	d := &decoder{newScanner(r, limits)}
	doc := d.document()
	if len(d.errs) == 0 {
		tl := timeline.New(doc.title, doc.description)
		err := tl.AddActors(doc.actors...)
		if err == nil {
			if err = tl.Add(doc.events...); err == nil {
				return tl, nil
			}
			return nil, truncate(locate(asList(err), "events", doc.eventAt), d.limits.MaxErrors)
		}
	}
	if d.stopped {
		return nil, d.errs
	}
	errs := d.validate(doc)
	if len(errs) > d.limits.MaxErrors {
		errs = errs[:d.limits.MaxErrors]
	}
	return nil, errs
}

// validate checks the actors and events that were read without problems,
// so that a document with problems of both kinds gets all of them
// reported at once.
func (d *decoder) validate(doc *document) ErrorList {
	badActors, badEvents := make(map[int]bool), make(map[int]bool)
	for _, e := range d.errs {
		if i, ok := elementIndex(e.Path, "actors"); ok {
			badActors[i] = true
		}
		if i, ok := elementIndex(e.Path, "events"); ok {
			badEvents[i] = true
		}
	}
	errs := d.errs
	var dir event.Directory
	for i, a := range doc.actors {
		if badActors[i] {
			continue
		}
		if err := dir.Add(a); err != nil {
			prefixed := asList(err).Prefix("actors[" + strconv.Itoa(i) + "]")
			errs = append(errs, locate(prefixed, "actors", doc.actorAt)...)
		}
	}
	for i := range doc.events {
		if badEvents[i] {
			continue
		}
		if err := doc.events[i].Validate(&dir); err != nil {
			prefixed := asList(err).Prefix("events[" + strconv.Itoa(i) + "]")
			errs = append(errs, locate(prefixed, "events", doc.eventAt)...)
		}
	}
	slices.SortStableFunc(errs, func(a, b *Error) int { return cmp.Compare(a.Offset, b.Offset) })
	return errs
}

// elementIndex returns i when path starts with list[i].
func elementIndex(path, list string) (int, bool) {
	rest, ok := strings.CutPrefix(path, list+"[")
	if !ok {
		return 0, false
	}
	n, _, ok := strings.Cut(rest, "]")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n)
	return i, err == nil
}

func asList(err error) event.ErrorList {
	var l event.ErrorList
	if errors.As(err, &l) {
		return l
	}
	return event.ErrorList{{Err: err}}
}

// position is where a value starts in the input.
type position struct {
	off  int64
	line int
}

type document struct {
	title, description string
	actors             []event.Actor
	events             []event.Event
	actorAt, eventAt   []position
}

// header is what documents and JSON Lines streams begin with.
type header struct {
	seen                fields
	format, title, desc string
	version             float64
	formatAt, versionAt position
}

// headerMember reads the member under the current key if it is one of the
// header's, and reports whether it was.
func (d *decoder) headerMember(h *header) bool {
	switch string(d.key()) {
	case "format":
		if d.once(&h.seen, 0) {
			h.formatAt.off, h.formatAt.line = d.here()
			d.text(&h.format)
		}
	case "version":
		if d.once(&h.seen, 1) {
			h.versionAt.off, h.versionAt.line = d.here()
			var ok bool
			if h.version, ok = d.number(); !ok {
				h.version = Version // the problem is reported; do not report another
			}
		}
	case "title":
		if d.once(&h.seen, 2) {
			d.text(&h.title)
		}
	case "description":
		if d.once(&h.seen, 3) {
			d.text(&h.desc)
		}
	default:
		return false
	}
	return true
}

// checkHeader reports a header, of the object at off, that lacks a member
// or is not of the format and version this package reads.
func (d *decoder) checkHeader(h *header, format string, off int64, line int) {
	if d.stopped {
		return
	}
	switch {
	case h.seen&1 == 0:
		d.missing(off, line, "format")
	case h.format != format:
		d.problemAt("format", h.formatAt.off, h.formatAt.line, h.format, ErrFormat)
	}
	switch {
	case h.seen&2 == 0:
		d.missing(off, line, "version")
	case h.version != Version:
		d.problemAt("version", h.versionAt.off, h.versionAt.line, strconv.FormatFloat(h.version, 'g', -1, 64),
			fmt.Errorf("%w: %s", ErrVersion, "this reader reads version "+strconv.Itoa(Version)))
	}
	if h.seen&4 == 0 {
		d.missing(off, line, "title")
	}
}

func (d *decoder) document() *document {
	doc := &document{}
	off, line := d.here()
	if !d.object() {
		return doc
	}
	var h header
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "actors":
			if d.once(&seen, 0) && d.array() {
				for d.nextElem() {
					if len(doc.actors) == d.limits.MaxActors {
						d.fatal(ErrTooMany, "more than "+strconv.Itoa(d.limits.MaxActors)+" actors")
						break
					}
					o, l := d.here()
					doc.actorAt = append(doc.actorAt, position{o, l})
					doc.actors = append(doc.actors, event.Actor{})
					d.actor(&doc.actors[len(doc.actors)-1])
				}
			}
		case "events":
			if d.once(&seen, 1) && d.array() {
				for d.nextElem() {
					if len(doc.events) == d.limits.MaxEvents {
						d.fatal(ErrTooMany, "more than "+strconv.Itoa(d.limits.MaxEvents)+" events")
						break
					}
					o, l := d.here()
					doc.eventAt = append(doc.eventAt, position{o, l})
					doc.events = append(doc.events, event.Event{})
					d.event(&doc.events[len(doc.events)-1])
				}
			}
		default:
			if !d.headerMember(&h) {
				d.unknownKey()
			}
		}
	}
	d.end()
	d.checkHeader(&h, DocumentFormat, off, line)
	doc.title, doc.description = h.title, h.desc
	if !d.stopped {
		d.duplicates(doc)
	}
	if len(d.errs) > d.limits.MaxErrors {
		d.errs = d.errs[:d.limits.MaxErrors]
	}
	slices.SortStableFunc(d.errs, func(a, b *Error) int { return cmp.Compare(a.Offset, b.Offset) })
	return doc
}

// duplicates reports actors and events given twice: in a document, unlike
// in a timeline, the same ID twice is a mistake, not a second report.
func (d *decoder) duplicates(doc *document) {
	actors := make(map[event.ActorID]int, len(doc.actors))
	for i, a := range doc.actors {
		if j, dup := actors[a.ID]; dup && a.ID != "" {
			p := doc.actorAt[i]
			d.errs = append(d.errs, &Error{Path: "actors[" + strconv.Itoa(i) + "].id", Line: p.line, Offset: p.off,
				Value: string(a.ID), Err: fmt.Errorf("%w: %s", ErrDuplicateID, "also actors["+strconv.Itoa(j)+"]")})
			continue
		}
		actors[a.ID] = i
	}
	events := make(map[uuid.UUID]int, len(doc.events))
	for i := range doc.events {
		// Events without an ID get the one derived from their facts, as in
		// a timeline, so that the same event given twice without an ID is
		// a duplicate too.
		e := &doc.events[i]
		e.EnsureID()
		if j, dup := events[e.ID]; dup && e.ID != uuid.Nil {
			p := doc.eventAt[i]
			d.errs = append(d.errs, &Error{Path: "events[" + strconv.Itoa(i) + "].id", Line: p.line, Offset: p.off,
				Value: e.ID.String(), Err: fmt.Errorf("%w: %s", ErrDuplicateID, "also events["+strconv.Itoa(j)+"]")})
			continue
		}
		events[e.ID] = i
	}
}

// locate turns the validation errors of a timeline, whose paths start with
// "actors[i]" or "events[i]", into errors that say where in the input the
// element starts.
func locate(fl event.ErrorList, list string, at []position) ErrorList {
	out := make(ErrorList, 0, len(fl))
	for _, fe := range fl {
		e := &Error{Path: fe.Path, Value: fe.Value, Err: fe.Err}
		if i, ok := elementIndex(fe.Path, list); ok && i >= 0 && i < len(at) {
			e.Offset, e.Line = at[i].off, at[i].line
		}
		out = append(out, e)
	}
	return out
}

// DecodeEvent reads one event object, as AppendEvent writes it, strictly.
// The event is not validated: that needs its actors.
func DecodeEvent(data []byte, limits Limits) (event.Event, error) {
	d := &decoder{newScanner(bytes.NewReader(data), limits)}
	var e event.Event
	d.event(&e)
	d.end()
	if len(d.errs) > 0 {
		return event.Event{}, d.errs
	}
	return e, nil
}
