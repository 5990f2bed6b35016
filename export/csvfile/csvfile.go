// Package csvfile writes timelines as CSV (RFC 4180) for spreadsheets and
// data tools: one header row, then one row per event in timeline order,
// with CRLF line endings.
//
// The columns are:
//
//	id            the event's UUID
//	date          the date in EDTF ("2025-11-06", "2025-11-07/2026-05~")
//	date_text     the date as the source words it
//	earliest      the first day the event can fall on, YYYY-MM-DD; empty if unbounded
//	latest        the last day, YYYY-MM-DD; empty if unbounded
//	kind          the kind's word ("treaty-accession")
//	kind_name     the kind's display name ("Accession")
//	cameo         the CAMEO event code ("057")
//	plover        the PLOVER event type, with its mode after a slash ("CONSULT/phone")
//	status        the status word ("announced")
//	title         the title, in English
//	participants  "Name (role, capacity); …", actors by their English name
//	place         venue, place name, city and country, comma-separated
//	instrument    the instrument's English name
//	tags          the tags, "; "-joined
//	sources       "publisher URL; …"
//	quote         the text of the first quote of the first source that has one
//
// Years in earliest and latest have at least four digits; years before
// year 1 are astronomical, with a minus sign ("-0043-03-15" is 15 March 44
// BCE).
//
// # Formula injection
//
// Spreadsheets run a cell that starts with =, +, -, or @ as a formula, and
// some do for a leading tab or carriage return. Following OWASP's advice on
// CSV injection, every such cell gets a leading apostrophe ('), which
// spreadsheets show as text and do not display. The rule applies to every
// cell, so dates of negative years ("-0044", "-0043-03-15") get the
// apostrophe too: the safe rule has no exceptions, and a reader that
// wants the date strips one leading apostrophe.
//
// The output is deterministic: the same timeline gives the same bytes.
package csvfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	rdate "github.com/rickb777/date/v2"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Header is the header row [Encode] writes.
var Header = []string{"id", "date", "date_text", "earliest", "latest", "kind", "kind_name",
	"cameo", "plover", "status", "title", "participants", "place", "instrument", "tags",
	"sources", "quote"}

// Encode writes tl to w as CSV: the [Header] row, then one row per event
// in timeline order. It returns the first error writing to w.
func Encode(w io.Writer, tl *timeline.Timeline) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Header); err != nil {
		return fmt.Errorf("csvfile: %w", err)
	}
	row := make([]string, len(Header))
	for e := range tl.All() {
		fill(row, tl, e)
		for i, cell := range row {
			row[i] = Neutralize(cell)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("csvfile: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csvfile: %w", err)
	}
	return nil
}

// Neutralize returns cell with a leading apostrophe if it starts with a
// character that makes spreadsheets read it as a formula: =, +, -, @, tab
// or carriage return. Other cells are returned unchanged.
func Neutralize(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

func fill(row []string, tl *timeline.Timeline, e *event.Event) {
	d := e.Date
	var earliest, latest string
	if !d.IsZero() && d.StartBound() == event.BoundKnown {
		earliest = day(d.Earliest())
	}
	if !d.IsZero() && d.EndBound() == event.BoundKnown {
		latest = day(d.Latest())
	}
	ptype, pmode := e.Kind.PLOVER()
	if pmode != "" {
		ptype += "/" + pmode
	}
	var quote string
	for _, s := range e.Sources {
		if len(s.Quotes) > 0 {
			quote = s.Quotes[0].Text
			break
		}
	}
	copy(row, []string{
		e.ID.String(), d.String(), e.DateText, earliest, latest,
		e.Kind.String(), e.Kind.Name(), e.Kind.CAMEO(), ptype, e.Status.String(),
		e.Title, participants(tl, e), place(e.Place), e.Instrument.Name,
		strings.Join(e.Tags, "; "), sources(e.Sources), quote,
	})
}

// day writes d as YYYY-MM-DD, with a sign and at least four digits for the
// year.
func day(d rdate.Date) string {
	y, m, dd := d.Date()
	var b strings.Builder
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	ys := strconv.Itoa(y)
	b.WriteString(strings.Repeat("0", max(0, 4-len(ys))) + ys)
	fmt.Fprintf(&b, "-%02d-%02d", int(m), dd)
	return b.String()
}

func participants(tl *timeline.Timeline, e *event.Event) string {
	parts := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		name := string(p.Actor)
		if a, ok := tl.Actor(p.Actor); ok && a.Name != "" {
			name = a.Name
		}
		s := name + " (" + p.Role.String()
		if p.Capacity != "" {
			s += ", " + p.Capacity
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, "; ")
}

func place(p event.Place) string {
	var parts []string
	for _, s := range []string{p.Venue, p.Name, p.City, p.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func sources(srcs []event.Source) string {
	parts := make([]string, 0, len(srcs))
	for _, s := range srcs {
		if p := strings.TrimSpace(s.Publisher + " " + s.URL); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}
