package ical

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// veventLines is the lines of one VEVENT with the given UID and title on
// 6 November 2025, and the extra properties.
func veventLines(uid, title string, props ...string) []string {
	lines := []string{"BEGIN:VEVENT", "UID:" + uid, "SUMMARY:" + title}
	if !strings.Contains(strings.Join(props, "\n"), "DTSTART") {
		lines = append(lines, "DTSTART;VALUE=DATE:20251106")
	}
	return append(append(lines, props...), "END:VEVENT")
}

// calendar joins VEVENTs into a calendar; the first VEVENT begins on
// line 4.
func calendar(events ...[]string) string {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"}
	for _, e := range events {
		lines = append(lines, e...)
	}
	return ics(append(lines, "END:VCALENDAR")...)
}

func titles(tl *timeline.Timeline) []string {
	var out []string
	for e := range tl.All() {
		out = append(out, e.Title)
	}
	return out
}

// decodeLenient reads input with the default options, which must not fail.
func decodeLenient(t *testing.T, input string) (*timeline.Timeline, export.Report) {
	t.Helper()
	tl, rep, err := Decode(strings.NewReader(input), nil)
	require.NoError(t, err)
	return tl, rep
}

// noteAt returns the notes of the action on the line.
func noteAt(rep export.Report, a export.Action, line int) []export.Note {
	var out []export.Note
	for _, n := range rep.NotesOf(a) {
		if n.Line == line {
			out = append(out, n)
		}
	}
	return out
}

// TestLenientEachProblemCostsItsEvent puts one broken VEVENT (lines 8 to
// 12) between two good ones, for each problem real calendars have: the
// good ones are read, the broken one is skipped or loses the broken
// property only, and the report says so on the line of the problem.
func TestLenientEachProblemCostsItsEvent(t *testing.T) {
	tests := []struct {
		name   string
		props  []string // of the middle VEVENT
		action export.Action
		field  string
		prop   int // the index in props of the property at fault, or -1 for no note
		kept   bool
	}{
		{"malformed DATE", []string{"DTSTART;VALUE=DATE:20251306"}, export.Skipped, "DTSTART", 0, false},
		{"malformed DATE-TIME", []string{"DTSTART:2025-11-06T10:00:00Z"}, export.Skipped, "DTSTART", 0, false},
		{"malformed DTEND", []string{"DTSTART:20251106T100000Z", "DTEND:2025110"}, export.Dropped, "DTEND", 1, true},
		{"DTEND not after DTSTART", []string{"DTSTART:20251106T100000Z", "DTEND:20251106T090000Z"}, export.Dropped, "DTEND", 1, true},
		{"all-day DTEND equal to DTSTART", []string{"DTSTART;VALUE=DATE:20251106", "DTEND;VALUE=DATE:20251106"}, export.Dropped, "DTEND", 1, true},
		{"a property given twice", []string{"SUMMARY:again"}, export.Dropped, "SUMMARY", 0, true},
		{"a parameter given twice", []string{"LOCATION;LANGUAGE=de;LANGUAGE=en:Berlin"}, export.Dropped, "LOCATION;LANGUAGE", 0, true},
		{"a parameter given twice on DTSTART", []string{"DTSTART;VALUE=DATE;VALUE=DATE:20251106"}, export.Skipped, "DTSTART;VALUE", 0, false},
		{"a line without a colon", []string{"DESCRIPTION no colon"}, export.Dropped, "DESCRIPTION", 0, true},
		{"a bad GEO", []string{"GEO:91;0"}, export.Dropped, "GEO", 0, true},
		{"a bad escape", []string{`DESCRIPTION:a\qb`}, export.Dropped, "", -1, true}, // read as "aqb", no note
		{"a VTODO status", []string{"STATUS:NEEDS-ACTION"}, export.Dropped, "STATUS", 0, true},
		{"a control character", []string{"DESCRIPTION:a\x01b"}, export.Dropped, "DESCRIPTION", 0, true},
		{"invalid UTF-8", []string{"DESCRIPTION:a\xffb"}, export.Dropped, "DESCRIPTION", 0, true},
		{"an unknown TZID", []string{"DTSTART;TZID=Western/Central Europe:20251106T100000"}, export.Approximated, "DTSTART;TZID", 0, true},
		{"TZID on a UTC time", []string{"DTSTART;TZID=Europe/Berlin:20251106T100000Z"}, export.Dropped, "DTSTART;TZID", 0, true},
		{"a line too long", []string{"DESCRIPTION:" + strings.Repeat("x", 200)}, export.Dropped, "DESCRIPTION", 0, true},
		{"a DTSTART too long", []string{"DTSTART:" + strings.Repeat("1", 200)}, export.Skipped, "DTSTART", 0, false},
		{"an END of another component", []string{"END:VTODO"}, export.Dropped, "END", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := calendar(veventLines("a", "first"), veventLines("b", "broken", tt.props...), veventLines("c", "last"))
			opts := &DecodeOptions{}
			if strings.HasSuffix(tt.name, "too long") {
				opts.MaxLineBytes = 100
			}
			tl, rep, err := Decode(strings.NewReader(input), opts)
			require.NoError(t, err)
			want := []string{"first", "last"}
			if tt.kept {
				want = []string{"first", "broken", "last"}
			}
			assert.ElementsMatch(t, want, titles(tl))
			assert.Equal(t, len(want), rep.Events)
			if tt.prop < 0 {
				return
			}
			// The middle VEVENT begins on line 9; its properties on line 12,
			// after UID, SUMMARY and, unless they give one, DTSTART.
			line := 12 + tt.prop
			if !strings.Contains(strings.Join(tt.props, ""), "DTSTART") {
				line++
			}
			notes := noteAt(rep, tt.action, line)
			require.Len(t, notes, 1, "%v", rep.Notes)
			assert.Equal(t, tt.field, notes[0].Field)
			if tt.field != "" {
				assert.Equal(t, "broken", notes[0].Title)
			}
			assert.NotEmpty(t, notes[0].Reason)

			// Read strictly, the same input is an error on the same line.
			opts.Strict = true
			_, _, err = Decode(strings.NewReader(input), opts)
			require.ErrorIs(t, err, ErrSyntax)
			assert.Contains(t, lines(t, err), line)
		})
	}
}

// TestLenientStructure checks the problems of the structure: a VEVENT
// without its END, a VCALENDAR without its END, and input cut short.
func TestLenientStructure(t *testing.T) {
	// END:VEVENT missing before the next BEGIN:VEVENT: the open VEVENT
	// ends there.
	a := veventLines("a", "first")
	input := calendar(a[:len(a)-1], veventLines("b", "second"))
	tl, rep := decodeLenient(t, input)
	assert.Equal(t, []string{"first", "second"}, titles(tl))
	notes := noteAt(rep, export.Guessed, 4)
	require.NotEmpty(t, notes)
	assert.Equal(t, "BEGIN", notes[0].Field)
	assert.Contains(t, notes[0].Reason, "END:VEVENT missing before BEGIN:VEVENT on line 8")

	// Two calendars, the first without its END.
	input = strings.Replace(calendar(veventLines("a", "first")), "END:VCALENDAR\r\n", "", 1) + calendar(veventLines("b", "second"))
	tl, _ = decodeLenient(t, input)
	assert.Equal(t, []string{"first", "second"}, titles(tl))

	// Input cut inside a VEVENT: that event is lost, the others read.
	input = calendar(veventLines("a", "first")) + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:cut"
	tl, rep = decodeLenient(t, input)
	assert.Equal(t, []string{"first"}, titles(tl))
	assert.Len(t, rep.NotesOf(export.Skipped), 1)
}

// TestLenientDuplicateUIDs keeps one VEVENT per UID: the later SEQUENCE,
// else the first.
func TestLenientDuplicateUIDs(t *testing.T) {
	tl, rep := decodeLenient(t, calendar(veventLines("a", "first"), veventLines("a", "again")))
	assert.Equal(t, []string{"first"}, titles(tl))
	require.Len(t, rep.NotesOf(export.Skipped), 1)
	assert.Equal(t, "again", rep.NotesOf(export.Skipped)[0].Title)
	assert.Equal(t, 9, rep.NotesOf(export.Skipped)[0].Line)

	tl, rep = decodeLenient(t, calendar(veventLines("a", "first", "SEQUENCE:1"), veventLines("a", "updated", "SEQUENCE:2")))
	assert.Equal(t, []string{"updated"}, titles(tl))
	assert.Equal(t, "first", rep.NotesOf(export.Skipped)[0].Title)
}

// TestLenient404Events is the case of the issue: a file of 404 events of
// which 3 have bad dates reads 401.
func TestLenient404Events(t *testing.T) {
	var events [][]string
	for i := range 404 {
		date := fmt.Sprintf("DTSTART;VALUE=DATE:2025%02d%02d", i%12+1, i%28+1)
		if i == 7 || i == 200 || i == 403 {
			date = "DTSTART;VALUE=DATE:20250230"
		}
		events = append(events, veventLines(fmt.Sprintf("e%d@example.org", i), fmt.Sprintf("Event %d", i), date))
	}
	tl, rep := decodeLenient(t, calendar(events...))
	assert.Equal(t, 401, tl.Len())
	assert.Equal(t, 401, rep.Events)
	assert.Len(t, rep.NotesOf(export.Skipped), 3)
}

// TestLenientWhatProducersWrite reads what real producers write: no UID,
// no VERSION, escaped quotes, STATUS:NEEDS-ACTION, leap seconds.
func TestLenientWhatProducersWrite(t *testing.T) {
	// RFC 2445-era events without UID get an ID derived from their
	// content: the same on every reading.
	input := calendar(
		[]string{"BEGIN:VEVENT", "SUMMARY:Old", "DTSTART:19990101T100000Z", "END:VEVENT"},
		[]string{"BEGIN:VEVENT", "SUMMARY:Old", "DTSTART:19990102T100000Z", "END:VEVENT"},
	)
	tl1, rep := decodeLenient(t, input)
	tl2, _ := decodeLenient(t, input)
	require.Equal(t, 2, tl1.Len())
	var ids1, ids2 []string
	for e := range tl1.All() {
		ids1 = append(ids1, e.ID.String())
	}
	for e := range tl2.All() {
		ids2 = append(ids2, e.ID.String())
	}
	assert.Equal(t, ids1, ids2)
	assert.NotEqual(t, ids1[0], ids1[1])
	assert.Len(t, rep.NotesOf(export.Guessed), 2+2+2) // the UIDs, the kinds, the announcers

	// No VERSION: read, and noted; strictly, an error.
	noVersion := strings.Replace(calendar(veventLines("a", "first")), "VERSION:2.0\r\n", "", 1)
	tl, rep := decodeLenient(t, noVersion)
	assert.Equal(t, 1, tl.Len())
	require.Len(t, noteAt(rep, export.Guessed, 1), 1)
	assert.Equal(t, "VERSION", noteAt(rep, export.Guessed, 1)[0].Field)
	_, _, err := Decode(strings.NewReader(noVersion), &DecodeOptions{Strict: true})
	require.ErrorIs(t, err, ErrSyntax)
	assert.ErrorContains(t, err, "line 1: VERSION: missing")
	assert.NotContains(t, err.Error(), "read as", "strictly, nothing is read")

	// Escapes of other producers, a VTODO status, a leap second.
	tl, rep = decodeLenient(t, calendar(veventLines("a", `He said \"no\"`, "STATUS:NEEDS-ACTION", "DTSTART:20161231T235960Z")))
	e := first(t, tl)
	assert.Equal(t, `He said "no"`, e.Title)
	assert.Equal(t, event.Announced, e.Status)
	assert.Equal(t, "2016-12-31T23:59:59Z", e.Date.String())
	assert.Len(t, rep.NotesOf(export.Approximated), 1, "the leap second")

	// A date with the Z of UTC: the day, noted; strictly, an error.
	utcDate := calendar(veventLines("a", "Dated", "DTSTART:20210527Z", "DTEND:20210528Z"))
	tl, rep = decodeLenient(t, utcDate)
	assert.Equal(t, "2021-05-27", first(t, tl).Date.String())
	assert.Len(t, rep.NotesOf(export.Approximated), 2, "DTSTART and DTEND")
	_, _, err = Decode(strings.NewReader(utcDate), &DecodeOptions{Strict: true})
	require.Error(t, err)
}

func first(t *testing.T, tl *timeline.Timeline) event.Event {
	t.Helper()
	for e := range tl.All() {
		return e
	}
	t.Fatal("no event")
	return event.Event{}
}
