package jsondoc

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// DecodeOptions bound what a reader accepts, so that hostile input fails
// fast instead of exhausting memory. A nil DecodeOptions, or a zero field,
// takes the default.
type DecodeOptions struct {
	MaxBytes  int64 // the whole input; default 1 GiB (per line for JSON Lines: 64 MiB)
	MaxString int   // bytes in one string, after unescaping; default 1 MiB
	MaxDepth  int   // nesting of objects and arrays; default 32 (documents need 7, JSON Lines records 8)
	MaxEvents int   // events in a document; default 10,000,000
	MaxActors int   // actors in a document or stream; default 1,000,000
	MaxErrors int   // problems reported before giving up; default 1,000
}

// withDefaults returns the options with the defaults filled in; o may be
// nil.
func (o *DecodeOptions) withDefaults() DecodeOptions {
	var l DecodeOptions
	if o != nil {
		l = *o
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = 1 << 30
	}
	if l.MaxString <= 0 {
		l.MaxString = 1 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 32
	}
	if l.MaxEvents <= 0 {
		l.MaxEvents = 10_000_000
	}
	if l.MaxActors <= 0 {
		l.MaxActors = 1_000_000
	}
	if l.MaxErrors <= 0 {
		l.MaxErrors = 1000
	}
	return l
}

// Decode reads one JSON document from r and returns its timeline, with a
// report that counts its events: JSON carries every event whole, so the
// report has no notes. It reads strictly: any problem in the document is an
// error, an [event.ErrorList] of [*event.FieldError] values naming every
// problem found with its JSON path, line and byte offset, and no timeline
// is returned. opts bound the input; nil gives safe defaults. Decode holds
// the input in memory until it returns, to locate the problems that
// validation finds; a [LineReader] reads JSON Lines in constant memory.
// When r tells how much it holds, as a [bytes.Reader], a [strings.Reader]
// or a file does, Decode sizes what it reads by it, and reads the events
// of a document of a megabyte or more in two halves at once, with the
// same result as reading them in one piece.
func Decode(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, export.Report, error) {
	return decode(r, opts, splitMin)
}

// decode is Decode, reading the events in two halves at once from split
// bytes of input left on (0 never).
func decode(r io.Reader, opts *DecodeOptions, split int64) (*timeline.Timeline, export.Report, error) {
	var rep export.Report
	d := &decoder{scanner: newScanner(r, opts.withDefaults(), "document"), split: split}
	doc := d.document()
	if len(d.errs) == 0 {
		tl := timeline.New(doc.title, doc.description)
		err := tl.AddActors(doc.actors...)
		if err == nil {
			if _, err = tl.Add(doc.events...); err == nil {
				rep.Events = tl.Len()
				return tl, rep, nil
			}
			errs, left := d.locate(asList(err), doc)
			return nil, rep, truncate(errs, d.limits.MaxErrors, d.root, left)
		}
	}
	if d.stopped {
		return nil, rep, d.errs
	}
	errs, left := d.validate(doc)
	return nil, rep, truncate(errs, d.limits.MaxErrors, d.root, left)
}

// validate checks the actors and events that were read without problems,
// so that a document with problems of both kinds gets all of them
// reported at once. It reports no problem that follows from another: an
// event that refers to an actor read with problems is not reported for
// it, and when the actors could not be read at all, no reference is
// checked. It returns the problems and how many it left out (see locate).
func (d *decoder) validate(doc *document) (event.ErrorList, int) {
	errs, left := d.errs, 0
	actors := &documentActors{flawed: make(map[event.ActorID]event.Actor)}
	for i, a := range doc.actors {
		if doc.actorAt[i].bad {
			actors.flawed[a.ID] = a
			continue
		}
		if err := addActor(&actors.valid, a); err != nil {
			if _, taken := actors.valid.Actor(a.ID); !taken {
				actors.flawed[a.ID] = a
			}
			located, n := d.locate(asList(err).Prefix("actors["+strconv.Itoa(i)+"]"), doc)
			errs, left = append(errs, located...), left+n
		}
	}
	var lookup event.ActorLookup = actors
	if doc.actorsUnread {
		lookup = nil
	}
	for i := range doc.events {
		if doc.eventAt[i].bad {
			continue
		}
		if err := doc.events[i].Validate(lookup); err != nil {
			located, n := d.locate(asList(err).Prefix("events["+strconv.Itoa(i)+"]"), doc)
			errs, left = append(errs, located...), left+n
		}
	}
	slices.SortStableFunc(errs, func(a, b *event.FieldError) int { return cmp.Compare(a.Offset, b.Offset) })
	return errs, left
}

// documentActors are the actors of a document that events are checked
// against: the valid ones, and those read or found with problems, which
// the document does hold, so that an event that refers to one is not
// reported for it: the actor's own problems are.
type documentActors struct {
	valid  event.Directory
	flawed map[event.ActorID]event.Actor
}

// Actor finds the actor id. An actor whose type could not be read passes
// for a state, so that no event is reported for the role it plays.
func (l *documentActors) Actor(id event.ActorID) (event.Actor, bool) {
	if a, ok := l.valid.Actor(id); ok {
		return a, true
	}
	a, ok := l.flawed[id]
	if ok && !a.Type.IsKnown() {
		a.Type = event.State
	}
	return a, ok
}

// joinPath joins the path of an element and a path within it.
func joinPath(element, path string) string {
	if path == "" || path[0] == '[' {
		return element + path
	}
	return element + "." + path
}

// element returns i and the rest of path when path starts with list[i].
func element(path, list string) (int, string, bool) {
	rest, ok := strings.CutPrefix(path, list+"[")
	if !ok {
		return 0, "", false
	}
	n, rest, ok := strings.Cut(rest, "]")
	if !ok {
		return 0, "", false
	}
	i, err := strconv.Atoi(n)
	return i, rest, err == nil && i >= 0
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

// span is where an element of a document's actors or events is in the
// input, and whether reading it found problems.
type span struct {
	start position
	end   int64
	bad   bool
}

type document struct {
	title, description string
	actors             []event.Actor
	events             []event.Event
	actorAt, eventAt   []span
	// actorsUnread is set when the document's actors are not an array:
	// then no event's references can be checked.
	actorsUnread bool
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
			if d.once(&seen, 0) {
				doc.actorsUnread = !elements(d, &doc.actors, &doc.actorAt, d.limits.MaxActors, "actors", (*decoder).actor)
			}
		case "events":
			if d.once(&seen, 1) && !d.eventsInTwo(doc) {
				elements(d, &doc.events, &doc.eventAt, d.limits.MaxEvents, "events", (*decoder).event)
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
	slices.SortStableFunc(d.errs, func(a, b *event.FieldError) int { return cmp.Compare(a.Offset, b.Offset) })
	if len(d.errs) > d.limits.MaxErrors {
		d.errs = truncate(d.errs, d.limits.MaxErrors, d.root, 0)
	} else if d.capped != nil {
		d.errs = append(d.errs, d.capped)
	}
	return doc
}

// elements reads the array of a document's actors or events into *dst,
// each in place with read, and notes where each is in *at, so that the
// problems validation finds can say where. It reports whether the value
// was an array. More than limit elements end reading: the limit bounds
// memory.
func elements[T any](d *decoder, dst *[]T, at *[]span, limit int, what string, read func(*decoder, *T)) bool {
	if !d.array() {
		return false
	}
	readElements(d, dst, at, limit, what, read, -1)
	return true
}

// readElements reads the elements of the array whose '[' was read, as
// elements describes, to its end; or, when stop is not negative, until the
// next element is the one after the comma at offset stop, and then reports
// whether it stopped there.
func readElements[T any](d *decoder, dst *[]T, at *[]span, limit int, what string, read func(*decoder, *T), stop int64) bool {
	first := d.offset()
	for {
		if stop >= 0 {
			d.ws()
			switch off := d.offset(); {
			case off == stop:
				return true
			case off > stop:
				stop = -1 // the comma was in an element
			}
		}
		if !d.nextElem() {
			break
		}
		if len(*dst) == limit {
			d.fatal(fmt.Errorf("%w: more than %d %s", ErrTooMany, limit, what))
			break
		}
		off, line := d.here()
		problems := len(d.errs)
		if len(*dst) == cap(*dst) {
			grown := make([]T, len(*dst), d.capacity(len(*dst), off-first, limit))
			copy(grown, *dst)
			*dst = grown
		}
		*dst = (*dst)[:len(*dst)+1]
		read(d, &(*dst)[len(*dst)-1])
		*at = append(*at, span{start: position{off, line}, end: d.offset(), bad: len(d.errs) > problems})
	}
	return false
}

// capacity returns the capacity to give a full slice of n elements of an
// array, whose n elements took read bytes and whose next starts at the
// offset now. When the input's size is known it is about the number of
// elements the rest would hold if they took as many bytes each, so that a
// large array is copied about twice, not once for each doubling; at most
// 16 times n, so that a few short elements and then a long one cannot make
// it allocate much more than doubling would. Doubling is the rule
// otherwise, since append grows large slices by a quarter, copying the
// elements read so far again and again.
func (d *decoder) capacity(n int, read int64, limit int) int {
	c := max(64, 2*n)
	if left := d.size - d.offset(); n >= 64 && read > 0 && left > 0 {
		more := min(int64(n)*left/read, 16*int64(n))
		c = n + int(more+more/16) + 16
	}
	return min(c, limit)
}

// duplicates reports actors and events given twice: in a document, unlike
// in a timeline, the same ID twice is a mistake, not a second report.
func (d *decoder) duplicates(doc *document) {
	actors := make(map[event.ActorID]int, len(doc.actors))
	for i, a := range doc.actors {
		if j, dup := actors[a.ID]; dup && a.ID != "" {
			d.duplicate("actors", i, j, &doc.actorAt[i], string(a.ID))
			continue
		}
		actors[a.ID] = i
	}
	events := make(map[uuid.UUID]int, len(doc.events))
	for i := range doc.events {
		// Events without an ID get the one derived from their facts, as in
		// a timeline, so that the same event given twice without an ID is
		// a duplicate too; but not one read with problems, whose facts
		// are not all there (null, null and null are not one event).
		e := &doc.events[i]
		if e.ID == uuid.Nil && doc.eventAt[i].bad {
			continue
		}
		e.EnsureID()
		if j, dup := events[e.ID]; dup {
			d.duplicate("events", i, j, &doc.eventAt[i], e.ID.String())
			continue
		}
		events[e.ID] = i
	}
}

// duplicate reports the ID of element i of list, the same as element j's,
// and marks element i as read with a problem: it is not validated, so that
// its ID is reported once.
func (d *decoder) duplicate(list string, i, j int, at *span, id string) {
	path := list + "[" + strconv.Itoa(i) + "].id"
	p := d.locateAll(*at, []string{"id"})[0].at
	at.bad = true
	d.errs = append(d.errs, &event.FieldError{Path: path, Line: p.line, Offset: p.off,
		Value: id, Err: fmt.Errorf("%w: %s", ErrDuplicateID, "also "+list+"["+strconv.Itoa(j)+"]")})
}

// locate gives each problem that validation found in a document, whose
// path starts with the element ("events[3].date"), the position of the
// value it concerns, and returns them as a new list. It walks each element
// once, and locates at most MaxErrors problems of each, no more can be
// reported: it returns how many it left out.
func (d *decoder) locate(l event.ErrorList, doc *document) (event.ErrorList, int) {
	out := make(event.ErrorList, 0, min(len(l), d.limits.MaxErrors))
	left := 0
	lists := [...]struct {
		name string
		at   []span
	}{{"actors", doc.actorAt}, {"events", doc.eventAt}}
	for start := 0; start < len(l); {
		// The problems of one element come together.
		list, i, ok := -1, 0, false
		for j := range lists {
			if i, _, ok = element(l[start].Path, lists[j].name); ok && i < len(lists[j].at) {
				list = j
				break
			}
		}
		if list < 0 {
			e := *l[start]
			if e.Path == "" {
				e.Path = d.root
			}
			out = append(out, &e)
			start++
			continue
		}
		prefix := lists[list].name + "[" + strconv.Itoa(i) + "]"
		end := start
		var paths []string
		for end < len(l) && (l[end].Path == prefix || strings.HasPrefix(l[end].Path, prefix+".") || strings.HasPrefix(l[end].Path, prefix+"[")) {
			if len(paths) < d.limits.MaxErrors {
				paths = append(paths, strings.TrimPrefix(l[end].Path[len(prefix):], "."))
			} else {
				left++
			}
			end++
		}
		for k, loc := range d.locateAll(lists[list].at[i], paths) {
			fe := l[start+k]
			out = append(out, &event.FieldError{Path: joinPath(prefix, loc.path), Line: loc.at.line, Offset: loc.at.off, Value: fe.Value, Err: fe.Err})
		}
		start = end
	}
	return out, left
}

// DecodeEvent reads one event object, as AppendEvent writes it, strictly.
// The event is not validated: that needs its actors.
func DecodeEvent(data []byte, opts *DecodeOptions) (event.Event, error) {
	d := &decoder{scanner: newScannerOf(data, 0, 1, opts.withDefaults(), "event")}
	var e event.Event
	d.event(&e)
	d.end()
	if len(d.errs) > 0 {
		return event.Event{}, d.errs
	}
	return e, nil
}

// DecodeActor reads one actor object, as AppendActor writes it, strictly.
// The actor is not validated.
func DecodeActor(data []byte, opts *DecodeOptions) (event.Actor, error) {
	d := &decoder{scanner: newScannerOf(data, 0, 1, opts.withDefaults(), "actor")}
	var a event.Actor
	d.actor(&a)
	d.end()
	if len(d.errs) > 0 {
		return event.Actor{}, d.errs
	}
	return a, nil
}

// addActor validates a and adds it to dir, where its ID must be new.
func addActor(dir *event.Directory, a event.Actor) error {
	if _, taken := dir.Actor(a.ID); taken {
		return event.ErrorList{{Path: "id", Value: string(a.ID), Err: event.ErrDuplicate}}
	}
	return dir.PutActor(a)
}
