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
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

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
	r := &writer{w: w, names: present.NewNames(tl)}
	title, desc := present.CleanTimeline(tl, &rep)
	if title == "" {
		title = "Timeline"
	}
	r.raw(h1)
	r.esc(title)
	r.raw("\n")
	if desc := strings.TrimSpace(desc); desc != "" {
		r.raw("\n")
		r.paragraphs("", desc)
	}
	// The headings are compared as written, escaped: texts that escape
	// alike share a heading.
	var year, section, y, s []byte
	for e := range tl.Shared(timeline.Query{}) {
		sec := present.SectionOf(e.Date, e.DateText)
		y, s = appendEscaped(y[:0], sec.Year), appendEscaped(s[:0], sec.Heading)
		if !bytes.Equal(y, year) {
			r.heading(h2, y)
			year, section = append(year[:0], y...), section[:0]
		}
		if !bytes.Equal(s, section) {
			r.heading(h3, s)
			section = append(section[:0], s...)
		}
		r.raw("\n")
		r.event(e)
		rep.Events++
	}
	if err := r.flush(); err != nil {
		return rep, fmt.Errorf("markdown: %w", err)
	}
	return rep, nil
}
