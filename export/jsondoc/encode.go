package jsondoc

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// The format names and the version this package writes and reads.
const (
	DocumentFormat = "accordline/timeline"
	LinesFormat    = "accordline/lines"
	Version        = 1
)

// flushAt is how much output is gathered before it is written.
const flushAt = 64 << 10

// Options control how [Encode] writes a document. A nil or zero Options
// writes compact JSON.
type Options struct {
	// Indent indents each level of the document with this text, such as
	// "  ", and puts each member on a line of its own. It may hold only
	// spaces and tabs.
	Indent string
}

// ErrOptions is the reason Encode refuses options.
var ErrOptions = errors.New("jsondoc: invalid option")

// Encode writes the timeline as one JSON document followed by a newline,
// with a report that counts its events: JSON carries every event whole. It
// writes as it goes, never holding the whole document in memory.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	var indent string
	if opts != nil {
		indent = opts.Indent
	}
	if strings.Trim(indent, " \t") != "" {
		return rep, event.ErrorList{{Path: "Indent", Value: indent, Err: fmt.Errorf("%w: only spaces and tabs", ErrOptions)}}
	}
	f := &flusher{w: w}
	var o object
	o.open(make([]byte, 0, 2*flushAt), 0, style{indent: indent})
	o.str("format", DocumentFormat)
	o.key("version")
	o.b = append(o.b, '0'+Version)
	o.str("title", tl.Title())
	o.opt("description", tl.Description())
	// The loops call the writers directly, not through a function value:
	// the address of an element passed to one would move every element to
	// the heap.
	n := 0
	for a := range tl.EachActor() {
		depth := o.nextElem("actors", n)
		o.b = f.maybeFlush(appendActor(o.b, a, depth, validText(o.st)))
		n++
	}
	o.endElems(n)
	n = 0
	for e := range tl.Shared(timeline.Query{}) {
		depth := o.nextElem("events", n)
		o.b = f.maybeFlush(appendEvent(o.b, e, depth, validText(o.st)))
		n++
	}
	o.endElems(n)
	rep.Events = n
	b := append(o.close(), '\n')
	f.write(b)
	return rep, f.err
}

// A flusher writes gathered output and keeps the first error.
type flusher struct {
	w   io.Writer
	err error
}

func (f *flusher) write(b []byte) {
	if f.err == nil {
		_, f.err = f.w.Write(b)
	}
}

// maybeFlush writes b when it has grown large and returns it emptied, or
// returns it as it is.
func (f *flusher) maybeFlush(b []byte) []byte {
	if len(b) < flushAt {
		return b
	}
	f.write(b)
	return b[:0]
}

// AppendEvent appends the JSON object of one event, compact, as it appears
// in documents and JSON Lines records.
func AppendEvent(b []byte, e *event.Event) []byte { return appendEvent(b, e, 0, style{}) }

// AppendActor appends the JSON object of one actor, compact.
func AppendActor(b []byte, a *event.Actor) []byte { return appendActor(b, a, 0, style{}) }

// validText returns st for the text of a timeline's events and actors,
// which it validated, and so holds valid UTF-8; its title and description
// it did not.
func validText(st style) style {
	st.valid = true
	return st
}
