package htmlpage_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/htmlpage"
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

// eventHandler matches an event-handler attribute inside a tag.
var eventHandler = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)

// FuzzEncode checks that text cannot inject markup into the page or the
// SVG: no script element, no event-handler attribute, one html element, and
// an SVG that parses as XML to the end.
func FuzzEncode(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzzTimeline(t, s)
		var page bytes.Buffer
		if err := htmlpage.Encode(&page, tl, htmlpage.Options{}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		out := page.String()
		if i := strings.Index(strings.ToLower(out), "<script"); i >= 0 {
			t.Errorf("page has a script element at %d: %q", i, excerpt(out, i))
		}
		// html/template escapes '<' in text and attributes, so every '<'
		// starts real markup.
		for i := 0; i < len(out); {
			j := strings.IndexByte(out[i:], '<')
			if j < 0 {
				break
			}
			start := i + j
			end := strings.IndexByte(out[start:], '>')
			if end < 0 {
				t.Errorf("unterminated tag at %d: %q", start, excerpt(out, start))
				break
			}
			tag := out[start : start+end+1]
			if eventHandler.MatchString(tag) {
				t.Errorf("tag with an event handler: %q", tag)
			}
			i = start + end + 1
		}
		if n := strings.Count(strings.ToLower(out), "<html"); n != 1 {
			t.Errorf("page has %d <html, want 1", n)
		}
		if n := strings.Count(strings.ToLower(out), "</html>"); n != 1 {
			t.Errorf("page has %d </html>, want 1", n)
		}

		var svg bytes.Buffer
		if err := htmlpage.EncodeSVG(&svg, tl, htmlpage.Options{}); err != nil {
			t.Fatalf("EncodeSVG: %v", err)
		}
		dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("SVG does not parse: %v\n%s", err, svg.String())
			}
		}
	})
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+80)
	return s[lo:hi]
}
