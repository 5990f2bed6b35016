// Package present renders the parts of events that people read, in
// English, the same way in every format: dates ("1992", "November 2025",
// "Thursday, 6 November 2025", "From 6 November 2025"), the sections of a
// report that goes by year and day, actors' names, sources and places.
// The writers of package export use it, and so can programs that print
// timelines themselves.
package present

import (
	"strings"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// Status renders a status for reading: "Planned", "Announced",
// "Occurred", "Cancelled" or "Postponed".
func Status(s event.Status) string {
	w := s.String()
	if !s.IsKnown() || w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// SourceLabel renders a source for reading: its publisher and title, "All
// Israel: „Ein Bund der Stärke“", or what there is of them, or the host of
// its URL when it has neither.
func SourceLabel(src event.Source) string {
	label := src.Publisher
	if src.Title != "" {
		if label != "" {
			label += ": "
		}
		label += src.Title
	}
	if label == "" && event.ValidURL(src.URL) {
		_, rest, _ := strings.Cut(src.URL, "://")
		label, _, _ = strings.Cut(rest, "/")
	}
	return label
}

// Place renders a place from the most to the least particular part: "East
// Room, White House, Washington, D.C., US".
func Place(p event.Place) string {
	var parts []string
	for _, s := range []string{p.Venue, p.Name, p.City, p.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// Paragraphs splits text into its lines that are not blank, trimmed: the
// paragraphs of a description or quote.
func Paragraphs(s string) []string {
	var out []string
	for line := range strings.Lines(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// Clean returns s without what no format can carry: invalid UTF-8, control
// characters other than tab, line feed and carriage return, and
// noncharacters such as U+FFFE. It also reports whether it dropped
// anything, so that a writer can say so. The text of events has been
// validated and comes out unchanged; a timeline's own title need not have
// been ([timeline.New]).
func Clean(s string) (string, bool) {
	if event.ValidText(s, true) {
		return s, false
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case !event.ValidText(string(r), false):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// CleanTimeline returns the title and description of tl as [Clean] leaves
// them, noting in rep what it dropped.
func CleanTimeline(tl *timeline.Timeline, rep *export.Report) (title, description string) {
	title, dropped := Clean(tl.Title())
	if dropped {
		rep.Add(export.Note{Action: export.Dropped, Field: "timeline title", Reason: "characters the format cannot carry"})
	}
	description, dropped = Clean(tl.Description())
	if dropped {
		rep.Add(export.Note{Action: export.Dropped, Field: "timeline description", Reason: "characters the format cannot carry"})
	}
	return title, description
}
