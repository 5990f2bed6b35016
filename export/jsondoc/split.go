package jsondoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/accordline/accordline/event"
)

// A large document's events are read in two halves at once, when the
// machine has the cores and the input tells its size: the second half on
// another goroutine, from a comma in the middle of the events that looks
// like one between two of them. JSON strings can hold any bytes, so the
// comma is a guess: the first half is read as ever, up to the comma, and
// the second half is used only when the first half stops exactly there,
// and the second was read to the end of the array without a problem.
// Otherwise the first half reads on, to the end, as it would have: the
// result, the problems found and where they are said to be are those of
// reading in one piece.

// splitMin is the least input, in bytes, worth reading in two; tests
// make a decoder's split smaller.
const splitMin = 1 << 20

// eventsInTwo reads the events array of doc in two halves at once when it
// can, and reports whether it read the array, or found it was not one.
func (d *decoder) eventsInTwo(doc *document) bool {
	if d.split <= 0 || d.size-d.offset() < d.split || runtime.GOMAXPROCS(0) < 2 || d.stopped || !d.slurp() {
		return false
	}
	limit := d.limits.MaxEvents
	if !d.array() {
		return true
	}
	// first reads the events in the first, or the only, piece, up to the
	// comma at offset stop when it is not negative.
	first := func(stop int64) bool {
		return readElements(d, &doc.events, &doc.eventAt, limit, "events", (*decoder).event, stop)
	}
	start := d.pos
	cut := eventBoundary(d.buf, start+(len(d.buf)-start)/2, start+3*(len(d.buf)-start)/4)
	if cut < 0 {
		first(-1)
		return true
	}
	// The second half, from after the comma, as the first would read it:
	// in the events array of the document, where an element begins.
	second := &decoder{scanner: newScannerOf(d.buf[cut+1:], d.off+int64(cut+1), 1, d.limits, d.root)}
	second.size = d.size
	second.stack = []pathElem{{key: []byte("events"), index: -2}, {index: -1}}
	if d.words != nil {
		// The words read so far (actor IDs, roles, languages) recur in
		// the second half as in the first.
		words := *d.words
		second.words = &words
	}
	var evs []event.Event
	var at []span
	done := make(chan struct{})
	go func() {
		defer close(done)
		readElements(second, &evs, &at, limit, "events", (*decoder).event, -1)
	}()
	// The first half's events are sized, from the input left, for both
	// halves, so that the second's are appended without copying the first.
	stopped := first(d.off + int64(cut))
	<-done
	if !stopped {
		return true // the comma was inside an element or after the array: all read
	}
	clean := len(second.errs) == 0 && !second.stopped && len(second.stack) == 1
	if !clean || len(doc.events)+len(evs) > limit {
		first(-1) // on, as if in one piece
		return true
	}
	line := d.line - 1 // the second half counted its lines from 1
	doc.events = append(doc.events, evs...)
	for _, a := range at {
		a.start.line += line
		doc.eventAt = append(doc.eventAt, a)
	}
	d.pos, d.line = cut+1+second.pos, line+second.line
	d.pop() // the array, which the second half closed
	d.halves = true
	return true
}

// eventBoundary returns the index in b of the first comma from from on,
// and before to, that looks like one between two events: after a '}' and
// before a '{' that opens with the key "id", as Encode writes events,
// whitespace aside; or -1.
func eventBoundary(b []byte, from, to int) int {
	key := []byte(`"id"`)
	for from < to {
		i := bytes.Index(b[from:to], key)
		if i < 0 {
			return -1
		}
		i += from
		from = i + 1
		j := skipBack(b, i)
		if j < 0 || b[j] != '{' {
			continue
		}
		if j = skipBack(b, j); j < 0 || b[j] != ',' {
			continue
		}
		if k := skipBack(b, j); k >= 0 && b[k] == '}' {
			return j
		}
	}
	return -1
}

// skipBack returns the index of the last byte before i that is not JSON
// whitespace, or -1.
func skipBack(b []byte, i int) int {
	for i--; i >= 0; i-- {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return i
		}
	}
	return -1
}

// slurp reads the rest of the input into the buffer, which then holds all
// of it from its offset on, and reports whether it did. It does not when
// the input is more than DecodeOptions.MaxBytes, leaving the problem to be
// found reading as ever.
func (s *scanner) slurp() bool {
	if s.eof {
		return true
	}
	total := s.size - s.off // the buffer's bytes and the rest, as the reader told
	if s.size > s.limits.MaxBytes || total < int64(len(s.buf)) {
		return false
	}
	b := make([]byte, len(s.buf), total+1)
	copy(b, s.buf)
	for tries := 0; ; tries++ {
		n, err := s.r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if s.off+int64(len(b)) > s.limits.MaxBytes {
			s.buf = b
			s.fatal(fmt.Errorf("%w: more than %d bytes", ErrTooLarge, s.limits.MaxBytes))
			return false
		}
		if n == 0 && err == nil && tries == 100 { // as more gives up
			err = io.ErrNoProgress
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.buf = b
			s.fatal(err)
			return false
		}
		if len(b) == cap(b) { // more than the reader told
			b = append(b, 0)[:len(b)]
		}
	}
	s.buf, s.eof = b, true
	return true
}
