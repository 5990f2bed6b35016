package ical

import (
	"bytes"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// fuzzSeeds adds the seeds of the reader's fuzz targets: the shared
// fixtures, the corpus of testdata/calendars, and calendars of every shape
// the tests use.
func fuzzSeeds(f *testing.F) {
	for _, dir := range []string{fixtures, filepath.Join("..", "..", "testdata", "calendars")} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.ics"))
		for _, name := range names {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
}

// FuzzDecode checks that Decode never panics, and that in strict reading
// it either returns events or an event.ErrorList of line-numbered
// problems, never both.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	uid := "UID:" + testUID
	for _, s := range []string{
		oneEvent(uid, "SUMMARY:Kazakhstan joins\r\n  the Abraham Accords", "DTSTART;VALUE=DATE:20251106", "DTEND;VALUE=DATE:20251108"),
		oneEvent(uid, `DESCRIPTION:a\, b\; c\\ d\n e`, `CATEGORIES:Phone call,C5+1,x\,y`, "X-ACCORDLINE-KIND:phone-call", "X-CAMEO-CODE:041"),
		oneEvent(uid, `ORGANIZER;CN="^'MFA^'^n; Astana":mailto:a@example.org`, "GEO:51.169392;71.449074", "URL:https://example.org"),
		oneEvent(uid, "DTSTART:20251106T180000Z", "DURATION:P1DT2H3M4S", "STATUS:CANCELLED", "RELATED-TO;RELTYPE=PARENT:other@example.org"),
		oneEvent(uid, "DTSTART;TZID=America/New_York:20250106T100000", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12", "EXDATE;TZID=America/New_York:20250131T100000", "RDATE;VALUE=PERIOD:20250401T080000Z/PT2H"),
		oneEvent(uid, "RECURRENCE-ID:20250120T100000Z", "DTSTART:20250121T100000Z", "ORGANIZER;CN=A:mailto:a@example.org", "ATTENDEE;ROLE=CHAIR:mailto:b@example.org"),
		oneEvent(uid, "DTSTART:20251106T180000", "DTEND:20251106T200000", "X-ACCORDLINE-DATE:2025-11-06T18:00:00/..", "X-ACCORDLINE-STATUS:planned"),
		oneEvent(uid, `X-ACCORDLINE-EVENT:{"id":"`+testUID+`"\,"kind":"visit"\,"status":"occurred"\,"title":"t"}`),
		withZone(newYork, uid, "DTSTART;TZID=America/New_York:20251106T200000", "DTEND;TZID=America/New_York:20251106T210000"),
		withZone(outlookEastern, uid, "DTSTART;TZID=Eastern Standard Time:20250701T100000"),
		withZone(outlookCET, uid, "DTSTART;TZID=W. Europe Standard Time:20250330T120000"),
		withZone(listedZone, uid, "DTSTART;TZID=Paris (listed):20250601T120000"),
		withZone(monthDayZone, uid, "DTSTART;TZID=US-Eastern:20250701T100000"),
		strings.ReplaceAll(oneEvent(uid, "SUMMARY:LF\n only"), "\r\n", "\n"),
		ics("BEGIN:VCALENDAR", "BEGIN:VTODO", "BEGIN:VEVENT", "END:VTODO", "END:VCALENDAR"),
		ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", uid, "BEGIN:VALARM", "END:VEVENT", "END:VCALENDAR"),
		"",
		"BEGIN:VCALENDAR",
	} {
		f.Add([]byte(s))
	}
	var buf bytes.Buffer
	if _, err := Encode(&buf, seedTimeline(f), &Options{Lossless: true, Open: DatePolicySpan,
		Now: func() time.Time { return time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC) }}); err == nil {
		f.Add(buf.Bytes())
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		physical := bytes.Count(data, []byte("\n")) + 1
		for _, opts := range []DecodeOptions{{Strict: true}, {Strict: true, MaxBytes: 2048, MaxLineBytes: 100, DefaultKind: event.Summit}} {
			evs, err := decodeEvents(bytes.NewReader(data), opts)
			if err != nil {
				if evs != nil {
					t.Fatalf("events and an error: %v", err)
				}
				var list event.ErrorList
				if !errors.As(err, &list) || len(list) == 0 {
					t.Fatalf("not an event.ErrorList: %T %v", err, err)
				}
				if !errors.Is(err, ErrSyntax) {
					t.Fatalf("not ErrSyntax: %v", err)
				}
				for i, e := range list {
					if e.Line < 1 || e.Line > physical {
						t.Fatalf("problem on line %d of %d: %v", e.Line, physical, e)
					}
					if i > 0 && e.Line < list[i-1].Line {
						t.Fatalf("problems out of order: %v", err)
					}
				}
				continue
			}
			for _, e := range evs {
				if e.ID == uuid.Nil {
					t.Fatalf("event without ID: %+v", e)
				}
				if d, err := event.ParseDate(e.Date.String()); !e.Date.IsZero() && (err != nil || d != e.Date) {
					t.Fatalf("date %q does not round trip: %v", e.Date, err)
				}
			}
		}
	})
}

// FuzzDecodeLenient checks lenient reading: it never fails but on input
// too large, every event it returns is valid in the timeline it returns,
// the report counts them and names lines of the input, and reading the
// same input twice gives the same events and notes.
func FuzzDecodeLenient(f *testing.F) {
	fuzzSeeds(f)
	f.Add([]byte(oneEvent("UID:a", "DTSTART:20250106T100000Z", "RRULE:FREQ=DAILY")))
	f.Add([]byte(ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:x", "DTSTART;TZID=W. Europe Standard Time:20250106T100000", "BEGIN:VEVENT", "END:VCALENDAR")))
	f.Fuzz(func(t *testing.T, data []byte) {
		physical := bytes.Count(data, []byte("\n")) + 1
		opts := &DecodeOptions{MaxBytes: 1 << 16, Window: event.MustParseDate("2025"), MaxOccurrences: 500}
		tl, rep, err := Decode(bytes.NewReader(data), opts)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("lenient reading failed: %v", err)
			}
			return
		}
		if tl.Len() != rep.Events {
			t.Fatalf("%d events, the report says %d", tl.Len(), rep.Events)
		}
		for e := range tl.All() {
			if err := e.Validate(tl); err != nil {
				t.Fatalf("event %q not valid: %v", e.Title, err)
			}
		}
		for _, n := range rep.Notes {
			if n.Line < 0 || n.Line > physical {
				t.Fatalf("note on line %d of %d: %s", n.Line, physical, n)
			}
			if n.Action == export.Skipped && n.Line == 0 {
				t.Fatalf("a skipped event without its line: %s", n)
			}
		}
		tl2, rep2, err := Decode(bytes.NewReader(data), opts)
		if err != nil || tl2.Len() != tl.Len() || len(rep2.Notes) != len(rep.Notes) {
			t.Fatalf("a second reading differs: %v", err)
		}
		next, stop := iter.Pull(tl2.All())
		defer stop()
		for e := range tl.All() {
			e2, _ := next()
			if e.ID != e2.ID || e.Title != e2.Title || e.Date != e2.Date {
				t.Fatalf("a second reading differs: %q and %q", e.Title, e2.Title)
			}
		}
		for i := range rep.Notes {
			if rep.Notes[i] != rep2.Notes[i] {
				t.Fatalf("a second reading notes %s, not %s", rep2.Notes[i], rep.Notes[i])
			}
		}
	})
}
