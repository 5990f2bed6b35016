package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/markdown"
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

// FuzzEncode checks that text comes out only escaped: no headings but the
// writer's, no links but the source's, no raw '<'.
func FuzzEncode(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzzTimeline(t, s)
		var b bytes.Buffer
		if err := markdown.Encode(&b, tl); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		out := b.String()
		headings := map[string]bool{"# Fuzz": true, "## 2025": true, "### Thursday, 6 November 2025": true}
		items := 0
		for _, line := range strings.Split(out, "\n") {
			trimmed := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(trimmed, "#") && !headings[line] {
				t.Errorf("heading from text: %q", line)
			}
			if strings.HasPrefix(line, "-") {
				items++
				if !strings.HasPrefix(line, "- **") {
					t.Errorf("event line does not start with \"- **\": %q", line)
				}
			}
		}
		if items != 1 {
			t.Errorf("got %d event bullets, want 1\n%s", items, out)
		}
		// Walk the output honouring backslash escapes: an unescaped '<' or
		// "](" comes from the writer or is an injection.
		links := 0
		for i := 0; i < len(out); i++ {
			switch out[i] {
			case '\\':
				i++
			case '<':
				t.Errorf("raw '<' at %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
			case ']':
				if i+1 < len(out) && out[i+1] == '(' {
					links++
				}
			}
		}
		// The source's link appears once in the Sources item.
		if links != 1 {
			t.Errorf("got %d links, want 1 (the source's)\n%s", links, out)
		}
	})
}

// FuzzEscape checks that Escape leaves no special character unescaped and
// no line break.
func FuzzEscape(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := markdown.Escape(s)
		if strings.ContainsAny(out, "\r\n") {
			t.Errorf("Escape(%q) = %q has a line break", s, out)
		}
		for i := 0; i < len(out); i++ {
			c := out[i]
			if c == '\\' {
				i++
				continue
			}
			if strings.IndexByte("`*_{}[]()#+-.!|<>~=&", c) >= 0 {
				t.Errorf("Escape(%q) = %q leaves %q unescaped", s, out, c)
			}
		}
	})
}
