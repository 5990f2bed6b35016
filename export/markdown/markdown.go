// Package markdown writes timelines as Markdown reports, for READMEs and
// briefings:
//
//	# Title
//
//	Description
//
//	## 2025
//
//	### Thursday, 6 November 2025
//
//	- **Trump, Netanyahu and Tokayev speak by phone** — Phone call, occurred
//	  - When: 6 November 2025, before Trump's post that evening
//	  - Participants: Donald Trump (caller, President of the United States); …
//	  …
//
// Events come in timeline order under a heading per year and one per day.
// An event that falls on one day, at any time of it and even if the day
// is uncertain or approximate, goes under that day's heading; an event whose date spans more than a day, or is not known to
// the day, gets a heading of its own with the date as written: "From 6
// November 2025 (soon)", "1992 (since 1992)". Consecutive events with the
// same heading share it. Events without a date come last, under
// "## Undated".
//
// Each event is a bullet with its title, kind and status, then the date as
// the source gives it, participants with their roles, place, instrument,
// description, quotes as blockquotes with their language, and sources.
//
// # Escaping
//
// All text from events, actors and the timeline is escaped, so it cannot
// inject links, HTML, headings or formatting: the characters
// \ ` * _ { } [ ] ( ) # + - . ! | < > and also ~ = & are written with a
// backslash before them, and line breaks in single-line contexts become
// spaces. Sources are linked only when their URL is http or https, with
// parentheses, spaces and angle brackets percent-encoded.
//
// The output is deterministic: the same timeline gives the same bytes.
package markdown

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/internal/when"
	"github.com/accordline/accordline/timeline"
)

// special holds the characters [Escape] writes with a backslash.
const special = "\\`*_{}[]()#+-.!|<>~=&"

// Escape returns s with every Markdown-special character backslash-escaped
// and line breaks and tabs turned into spaces, so that it reads as plain
// text wherever Markdown allows inline text.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch {
		case r == '\r' || r == '\n' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune(special, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Encode writes tl to w as a Markdown report. It returns the first error
// writing to w.
func Encode(w io.Writer, tl *timeline.Timeline) error {
	bw := bufio.NewWriter(w)
	title := tl.Title()
	if title == "" {
		title = "Timeline"
	}
	bw.WriteString("# " + Escape(title) + "\n")
	if desc := strings.TrimSpace(tl.Description()); desc != "" {
		bw.WriteString("\n")
		writeParagraphs(bw, "", desc)
	}
	year, section := "", ""
	for e := range tl.All() {
		y, s := headings(e)
		if y != year {
			bw.WriteString("\n## " + y + "\n")
			year, section = y, ""
		}
		if s != section {
			bw.WriteString("\n### " + s + "\n")
			section = s
		}
		bw.WriteString("\n")
		writeEvent(bw, tl, e)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}

// headings returns the year and the day or date heading of e, escaped.
func headings(e *event.Event) (year, section string) {
	d := e.Date
	switch {
	case d.IsZero():
		return "Undated", Escape(heading(d, e.DateText))
	case d.StartBound() != event.BoundKnown && d.EndBound() != event.BoundKnown:
		return "Undated", Escape(heading(d, e.DateText))
	}
	lo, hi := d.Earliest(), d.Latest()
	if d.StartBound() != event.BoundKnown {
		lo = hi
	}
	year = Escape(when.Year(lo.Year()))
	if d.Bounded() && lo == hi && d.Precision() >= event.PrecisionDay {
		return year, Escape(lo.Weekday().String() + ", " + when.Day(lo))
	}
	return year, Escape(heading(d, e.DateText))
}

// writeParagraphs writes s as paragraphs, each line prefixed by indent,
// escaped.
func writeParagraphs(w *bufio.Writer, indent, s string) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	first := true
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if !first {
			w.WriteString("\n")
		}
		first = false
		w.WriteString(indent + Escape(line) + "\n")
	}
}

func actorName(tl *timeline.Timeline, id event.ActorID) string {
	if a, ok := tl.Actor(id); ok && a.Name != "" {
		return a.Name
	}
	return string(id)
}

func writeEvent(w *bufio.Writer, tl *timeline.Timeline, e *event.Event) {
	w.WriteString("- **" + Escape(e.Title) + "** — " + Escape(e.Kind.Name()) + ", " + Escape(e.Status.String()) + "\n")
	item := func(label, value string) {
		if value != "" {
			w.WriteString("  - " + label + ": " + value + "\n")
		}
	}
	date := e.DateText
	if date == "" {
		date = when.Readable(e.Date)
	}
	if date != "" && e.Date.String() != "" {
		date = Escape(date) + " (`" + e.Date.String() + "`)"
	} else {
		date = Escape(date)
	}
	item("When", date)
	var parts []string
	for _, p := range e.Participants {
		s := Escape(actorName(tl, p.Actor)) + " (" + Escape(strings.ToLower(p.Role.Name()))
		if p.Capacity != "" {
			s += ", " + Escape(p.Capacity)
		}
		parts = append(parts, s+")")
	}
	item("Participants", strings.Join(parts, "; "))
	var place []string
	for _, s := range []string{e.Place.Venue, e.Place.Name, e.Place.City, e.Place.Country} {
		if s != "" {
			place = append(place, Escape(s))
		}
	}
	item("Place", strings.Join(place, ", "))
	item("Instrument", Escape(e.Instrument.Name))
	var tags []string
	for _, t := range e.Tags {
		tags = append(tags, Escape(t))
	}
	item("Tags", strings.Join(tags, ", "))
	var srcs []string
	for _, s := range e.Sources {
		if l := sourceLink(s); l != "" {
			srcs = append(srcs, l)
		}
	}
	item("Sources", strings.Join(srcs, "; "))
	if desc := strings.TrimSpace(e.Description); desc != "" {
		w.WriteString("\n")
		writeParagraphs(w, "  ", desc)
	}
	for _, src := range e.Sources {
		for _, q := range src.Quotes {
			w.WriteString("\n")
			writeQuote(w, tl, src, q)
		}
	}
}

// writeQuote writes q as a blockquote inside the event's bullet: the text
// with its language, the translation with its, and who said it.
func writeQuote(w *bufio.Writer, tl *timeline.Timeline, src event.Source, q event.Quote) {
	lang := q.Lang
	if lang == "" {
		lang = src.Lang
	}
	line := func(text, lang string) {
		s := Escape(strings.TrimSpace(text))
		if lang != "" {
			s = "*(" + Escape(lang) + ")* " + s
		}
		w.WriteString("  > " + s + "\n")
	}
	line(q.Text, lang)
	if q.Translation != "" {
		w.WriteString("  >\n")
		line(q.Translation, q.TranslationLang)
	}
	var by []string
	if q.Speaker != "" {
		by = append(by, Escape(actorName(tl, q.Speaker)))
	}
	if src.Publisher != "" {
		by = append(by, Escape(src.Publisher))
	}
	if len(by) > 0 {
		w.WriteString("  >\n  > — " + strings.Join(by, ", ") + "\n")
	}
}

// sourceLink renders a source: a link if its URL is http or https, else
// its name as text.
func sourceLink(src event.Source) string {
	label := src.Publisher
	if src.Title != "" {
		if label != "" {
			label += ": "
		}
		label += src.Title
	}
	u, err := url.Parse(src.URL)
	if src.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Escape(label)
	}
	if label == "" {
		label = u.Host
	}
	return "[" + Escape(label) + "](" + linkTarget(u.String()) + ")"
}

// linkTarget percent-encodes the characters that could end or break a
// Markdown link destination.
func linkTarget(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', ' ', '<', '>', '\\', '`', '"', '\'', '[', ']', '*', '_':
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c), 16)))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
