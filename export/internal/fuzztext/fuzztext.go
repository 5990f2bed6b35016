// Package fuzztext gives the fuzz targets of the text writers (HTML, SVG,
// CSV, Markdown, TimelineJS) their seeds and their timeline: one event with
// the fuzzed text in every text field.
package fuzztext

import (
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Seeds returns the seeds of the writers' fuzz targets: markup, formulas,
// Markdown and characters that break lines or scripts.
func Seeds() []string {
	return []string{
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
}

// Timeline returns a timeline of one event with s in every text field:
// title, description, date text, capacity, place, tag, source publisher and
// title, quote text and translation, instrument name, and the actor's
// English and German name. It skips the test when the timeline rejects s.
func Timeline(t testing.TB, s string) *timeline.Timeline {
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
