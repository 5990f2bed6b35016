package jsondoc

import (
	"io"

	"github.com/accordline/accordline/event"
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

// An Encoder writes timelines as JSON documents to an output stream.
type Encoder struct {
	w      io.Writer
	indent string
}

// NewEncoder returns an encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

// SetIndent makes the encoder indent each level of the document with
// indent, such as "  ", and put each member on a line of its own. The
// empty string, the default, writes compact JSON.
func (enc *Encoder) SetIndent(indent string) { enc.indent = indent }

// Encode writes the timeline as one JSON document followed by a newline.
// It writes as it goes, never holding the whole document in memory.
func (enc *Encoder) Encode(tl *timeline.Timeline) error {
	w := &flusher{w: enc.w}
	var o object
	o.open(make([]byte, 0, 2*flushAt), 0, enc.indent)
	o.str("format", DocumentFormat)
	o.key("version")
	o.b = append(o.b, '0'+Version)
	o.str("title", tl.Title())
	o.opt("description", tl.Description())
	n := 0
	for a := range tl.Actors() {
		if n == 0 {
			o.beginArray("actors")
		}
		o.b = w.maybeFlush(appendActor(o.b, &a, o.elem(n), enc.indent))
		n++
	}
	if n > 0 {
		o.endArray()
	}
	n = 0
	for e := range tl.All() {
		if n == 0 {
			o.beginArray("events")
		}
		o.b = w.maybeFlush(appendEvent(o.b, e, o.elem(n), enc.indent))
		n++
	}
	if n > 0 {
		o.endArray()
	}
	b := append(o.close(), '\n')
	w.write(b)
	return w.err
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
func AppendEvent(b []byte, e *event.Event) []byte { return appendEvent(b, e, 0, "") }

// AppendActor appends the JSON object of one actor, compact.
func AppendActor(b []byte, a *event.Actor) []byte { return appendActor(b, a, 0, "") }
