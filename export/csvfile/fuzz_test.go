package csvfile_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/timeline"
)

// hostileSeeds are the seeds of the fuzz target: markup, formulas, Markdown
// and characters that break lines or scripts.
var hostileSeeds = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`=HYPERLINK("x")`,
	`[x](javascript:alert(1))`,
	`**b**`,
	`</svg>`,
	"\u2028", "a\u2028b\u2029c",
	"🇰🇿 🤝 ✍️",
	"اتفاقيات أبراهام",
	"# heading",
	"+1", "-1", "@SUM(A1)",
	"\tTab",
	"line one\nline two",
	`<SCRIPT src=x></SCRIPT><svg onload=alert(1)>`,
	`]]><!-- -->&amp;`,
}

// fuzzTimeline returns a timeline of one event with s in every text field:
// title, description, date text, capacity, place, tag, source publisher and
// title, quote text and translation, instrument name, and the actor's
// English and German name. It skips the test when the timeline rejects s.
func fuzzTimeline(t *testing.T, s string) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Fuzz", "Fuzzed text")
	if err := tl.AddActors(event.Actor{ID: "fuzz-actor", Type: event.Person, Name: s,
		Names: map[string]string{"de": s}}); err != nil {
		t.Skip(err)
	}
	err := tl.Add(event.Event{
		Kind: event.Statement, Status: event.Occurred,
		Title: s, Description: s, Date: event.Day(2025, 11, 6), DateText: s,
		Participants: []event.Participation{{Actor: "fuzz-actor", Role: event.Speaker, Capacity: s}},
		Place:        event.Place{Name: s, Venue: s, City: s, Country: "KZ"},
		Instrument:   event.Instrument{ID: "fuzz-accord", Name: s},
		Sources: []event.Source{{Publisher: s, Title: s, URL: "https://example.org/a", Lang: "de",
			Quotes: []event.Quote{{Text: s, Speaker: "fuzz-actor", Translation: s, TranslationLang: "en"}}}},
		Tags: []string{s},
	})
	if err != nil {
		t.Skip(err)
	}
	return tl
}

// FuzzEncode checks that the CSV parses into the header and one row of the
// same width, and that no cell starts a formula.
func FuzzEncode(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzzTimeline(t, s)
		var b bytes.Buffer
		if err := csvfile.Encode(&b, tl); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		records, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, b.String())
		}
		if len(records) != 2 {
			t.Fatalf("got %d records, want 2\n%q", len(records), b.String())
		}
		if len(records[0]) != len(csvfile.Header) || len(records[1]) != len(records[0]) {
			t.Fatalf("got %d and %d columns, want %d", len(records[0]), len(records[1]), len(csvfile.Header))
		}
		for i, cell := range records[1] {
			if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
				t.Errorf("column %s starts a formula: %q", csvfile.Header[i], cell)
			}
		}
	})
}
