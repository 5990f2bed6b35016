// Package export holds what the format packages below it share: the
// [Report] that every reader and writer returns of what it could not carry
// exactly.
//
// Every format package has the same shape, in the manner of image/jpeg
// and encoding/json:
//
//	func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error)
//	func Decode(r io.Reader, opts *DecodeOptions) (*timeline.Timeline, export.Report, error)
//
// where a nil or zero Options asks for the documented defaults, and the
// Report lists every event the format approximated, left out or read with a
// guess, so that nothing is lost silently. The formats are jsondoc (JSON
// documents and JSON Lines, read and written), ical (iCalendar, read and
// written), htmlpage (an HTML page and an SVG picture), timelinejs, csvfile
// and markdown. Package present renders the text they share for readers:
// dates, names of the time, source labels.
package export

import (
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// A Report says what a writer or reader did not carry exactly. The zero
// Report says that everything was carried.
type Report struct {
	// Events is the number of events written or read.
	Events int
	// Notes lists, in the order met, each event or field that was
	// approximated, left out or guessed, with the reason.
	Notes []Note
}

// An Action says what a format did with something it could not carry.
type Action uint8

// The actions.
const (
	Approximated Action = iota + 1 // carried with less precision: a month written as its days
	Skipped                        // an event left out whole
	Dropped                        // a field or part of one left out, the event kept
	Guessed                        // a value the input does not give was supplied: a default kind
	Created                        // something the input names was made up: an actor for an attendee
)

var actionWords = [...]string{"", "approximated", "skipped", "dropped", "guessed", "created"}

// String returns the word for a: "approximated", "skipped", "dropped",
// "guessed" or "created".
func (a Action) String() string {
	if int(a) < len(actionWords) && a != 0 {
		return actionWords[a]
	}
	return "Action(" + strconv.Itoa(int(a)) + ")"
}

// A Note is one thing a format did not carry exactly.
type Note struct {
	Action Action
	// ID, Title and Date (its EDTF text) name the event, where there is
	// one and they are known.
	ID    uuid.UUID
	Title string
	Date  string
	// Field names what was dropped or guessed: "participants",
	// "DTSTART", "title".
	Field string
	// Line is the line of the input a reader met it on, from 1; 0 for
	// writers.
	Line int
	// Reason says why, in English: "open end: a calendar needs a day".
	Reason string
}

// String returns the note as one line: `skipped "Herzog to visit
// Kazakhstan" (2025-11-07/..): open end: a calendar needs a day`.
func (n Note) String() string {
	parts := []string{n.Action.String()}
	if n.Field != "" {
		parts = append(parts, n.Field)
	}
	what := ""
	switch {
	case n.Title != "":
		what = strconv.Quote(n.Title)
	case n.ID != uuid.Nil:
		what = "event " + n.ID.String()
	case n.Field == "":
		what = "an event"
	}
	if what != "" && n.Field != "" {
		parts = append(parts, "of")
	}
	if what != "" {
		parts = append(parts, what)
	}
	if n.Date != "" {
		parts = append(parts, "("+n.Date+")")
	}
	s := strings.Join(parts, " ")
	if n.Line > 0 {
		s = "line " + strconv.Itoa(n.Line) + ": " + s
	}
	if n.Reason != "" {
		s += ": " + n.Reason
	}
	return s
}

// Count returns the number of notes with the action a.
func (r *Report) Count(a Action) int {
	n := 0
	for _, note := range r.Notes {
		if note.Action == a {
			n++
		}
	}
	return n
}

// NotesOf returns the notes with the action a, in order.
func (r *Report) NotesOf(a Action) []Note {
	return slices.DeleteFunc(slices.Clone(r.Notes), func(n Note) bool { return n.Action != a })
}

// Add appends a note; it serves the format packages.
func (r *Report) Add(n Note) { r.Notes = append(r.Notes, n) }
