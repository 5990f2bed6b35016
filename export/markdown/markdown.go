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
// is uncertain or approximate, goes under that day's heading; an event
// whose date spans more than a day, or is not known to the day, gets a
// heading of its own with the date as written: "From 6 November 2025 —
// soon", "since 1992" (see package present). Consecutive events
// with the same heading share it. Events without a date come last, under
// "## Undated". [Options.Level] moves every heading down, for a report
// inside another document.
//
// Each event is a bullet with its title, kind and status, then the date as
// the source gives it, participants with their roles, place, instrument,
// description, quotes as blockquotes with their language, and sources.
//
// # Escaping
//
// All text from events, actors and the timeline is escaped, so it cannot
// inject links, HTML, headings or formatting. Control characters, which
// Markdown cannot carry, are dropped (events cannot hold them; a
// timeline's title can, and the report says so). The characters
// \ ` * _ { } [ ] ( ) # + - . ! | < > and also ~ = & are written with a
// backslash before them, and line breaks in single-line contexts become
// spaces. Sources are linked only when their URL is http or https, with
// parentheses, spaces and angle brackets percent-encoded.
//
// GitHub's renderer, cmark-gfm, also links bare URLs, "www." addresses and
// e-mail addresses in text (its autolink extension), escaped or not, so
// the text breaks what it looks for, in ways that render the same:
//
//   - a ':' followed by "//", which starts a URL ("https://",
//     "ftp://"), is written as the character reference &#58;;
//   - a '.' after "www" is written as &#46;;
//   - an '@' that follows a letter, a digit or one of . + - _ : gets an
//     invisible U+2060 WORD JOINER, written &#8288;, before it. A character
//     reference does not help here: the extension finds e-mail addresses,
//     and "mailto:" and "xmpp:" ones, in the text after references are
//     decoded, so only a character that cannot end an address's local
//     part stops it.
//
// An event's title, in strong emphasis, is trimmed of white space, since
// "**" next to white space on the inside is no emphasis in Markdown.
//
// The output is deterministic: the same timeline gives the same bytes.
package markdown

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// special holds the characters [Escape] writes with a backslash.
const special = "\\`*_{}[]()#+-.!|<>~=&"

// Escape returns s with every Markdown-special character backslash-escaped
// and line breaks and tabs turned into spaces, so that it reads as plain
// text wherever Markdown allows inline text. It also breaks the URLs,
// "www." addresses and e-mail addresses that GitHub would link, as the
// package doc says, without changing how the text renders.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var prev rune // the rune before r in s, 0 at the start
	for i, r := range s {
		switch {
		case r == '\r' || r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			// Dropped: Markdown cannot carry it.
		case r == ':' && strings.HasPrefix(s[i+1:], "//"):
			b.WriteString("&#58;")
		case r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString("&#46;")
		case r == '@' && localPart(prev):
			b.WriteString("&#8288;@")
		case r < 0x80 && strings.ContainsRune(special, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// localPart reports whether cmark-gfm's autolink extension would take r,
// before an '@', for the end of an e-mail address's local part (or of
// "mailto:" or "xmpp:").
func localPart(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".+-_:", r)
}

// Options control [Encode]. A nil or zero Options writes a document of its
// own, with the title as its "#" heading.
type Options struct {
	// Level is the level of the title's heading, 1 ("#") to 4 ("####"),
	// for a report inside another document; the years and days go one and
	// two levels below it. 0 means 1.
	Level int
}

// ErrOptions is the reason Encode refuses options.
var ErrOptions = errors.New("markdown: invalid option")

// Encode writes tl to w as a Markdown report. It returns a report of what
// it dropped, and the first error writing to w.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	level := 1
	if opts != nil && opts.Level != 0 {
		level = opts.Level
	}
	if level < 1 || level > 4 {
		return rep, event.ErrorList{{Path: "Level", Value: strconv.Itoa(level), Err: fmt.Errorf("%w: a heading level from 1 to 4", ErrOptions)}}
	}
	h1, h2, h3 := strings.Repeat("#", level)+" ", strings.Repeat("#", level+1)+" ", strings.Repeat("#", level+2)+" "
	bw := bufio.NewWriter(w)
	title, desc := present.CleanTimeline(tl, &rep)
	if title == "" {
		title = "Timeline"
	}
	bw.WriteString(h1 + Escape(title) + "\n")
	if desc := strings.TrimSpace(desc); desc != "" {
		bw.WriteString("\n")
		writeParagraphs(bw, "", desc)
	}
	year, section := "", ""
	names := present.NewNames(tl)
	for e := range tl.Shared(timeline.Query{}) {
		sec := present.SectionOf(e.Date, e.DateText)
		y, s := Escape(sec.Year), Escape(sec.Heading)
		if y != year {
			bw.WriteString("\n" + h2 + y + "\n")
			year, section = y, ""
		}
		if s != section {
			bw.WriteString("\n" + h3 + s + "\n")
			section = s
		}
		bw.WriteString("\n")
		writeEvent(bw, names, e)
		rep.Events++
	}
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("markdown: %w", err)
	}
	return rep, nil
}

// writeParagraphs writes s as paragraphs, each line prefixed by indent,
// escaped.
func writeParagraphs(w *bufio.Writer, indent, s string) {
	for i, line := range present.Paragraphs(s) {
		if i > 0 {
			w.WriteString("\n")
		}
		w.WriteString(indent + Escape(line) + "\n")
	}
}

func writeEvent(w *bufio.Writer, names *present.Names, e *event.Event) {
	// A blank inside the ** would leave them literal asterisks.
	w.WriteString("- **" + Escape(strings.TrimSpace(e.Title)) + "** — " + Escape(e.Kind.Name()) + ", " + Escape(e.Status.String()) + "\n")
	item := func(label, value string) {
		if value != "" {
			w.WriteString("  - " + label + ": " + value + "\n")
		}
	}
	date := e.DateText
	if date == "" {
		date = present.Date(e.Date)
	}
	if date != "" && e.Date.String() != "" {
		date = Escape(date) + " (`" + e.Date.String() + "`)"
	} else {
		date = Escape(date)
	}
	item("When", date)
	var parts []string
	for _, p := range e.Participants {
		s := Escape(names.Label(p.Actor, e.Date)) + " (" + Escape(strings.ToLower(p.Role.Name()))
		if p.Capacity != "" {
			s += ", " + Escape(p.Capacity)
		}
		parts = append(parts, s+")")
	}
	item("Participants", strings.Join(parts, "; "))
	item("Place", Escape(present.Place(e.Place)))
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
			writeQuote(w, names, e, src, q)
		}
	}
}

// writeQuote writes q as a blockquote inside the event's bullet: the text
// with its language, the translation with its, and who said it.
func writeQuote(w *bufio.Writer, names *present.Names, e *event.Event, src event.Source, q event.Quote) {
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
		by = append(by, Escape(names.Name(q.Speaker, e.Date)))
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
	label := present.SourceLabel(src)
	if !event.ValidURL(src.URL) {
		return Escape(label)
	}
	return "[" + Escape(label) + "](" + linkTarget(src.URL) + ")"
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
