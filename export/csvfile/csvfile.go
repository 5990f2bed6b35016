// Package csvfile writes timelines as CSV (RFC 4180) for spreadsheets and
// data tools: one header row, then one row per event in timeline order,
// with CRLF line endings.
//
// The columns are:
//
//	id            the event's UUID
//	date          the date in EDTF ("2025-11-06", "2025-11-07/2026-05~")
//	date_text     the date as the source words it
//	earliest      the first day the event can fall on, YYYY-MM-DD; empty for an open or unknown start
//	latest        the last day, YYYY-MM-DD; empty for an open or unknown end
//	kind          the kind's word ("treaty-accession")
//	kind_name     the kind's display name ("Accession")
//	cameo         the CAMEO event code ("057")
//	plover        the PLOVER event type, with its mode after a slash ("CONSULT/phone")
//	status        the status word ("announced")
//	title         the title, in English
//	participants  "Name (role, capacity); …", actors by their English name of the event's time
//	place         venue, place name, city and country, comma-separated
//	instrument    the instrument's English name
//	tags          the tags, "; "-joined
//	sources       "publisher URL; …"
//	quote         the text of the first quote of the first source that has one
//
// Years in earliest and latest have at least four digits; years before
// year 1 are astronomical, with a minus sign ("-0043-03-15" is 15 March 44
// BCE), and years after 9999 have a plus sign, as ISO 8601 writes them.
//
// # Formula injection
//
// Spreadsheets run a cell that starts with =, +, -, or @ as a formula, and
// some do for a leading tab or line break, or after leading blanks, which
// they skip. Following OWASP's advice on CSV injection, a cell gets a
// leading apostrophe ('), which spreadsheets show as text and do not
// display, when
//
//   - its first character is a tab, a carriage return or a line feed, or
//   - its first character that is neither white space (Unicode's
//     White_Space, the no-break space among them) nor a control character
//     is =, +, - or @, or one of their full-width forms ＝ ＋ － ＠, which
//     some spreadsheets take for the ASCII ones.
//
// So "=1+1", " =1+1", "\n=1+1" and "\u00a0@SUM(A1)" are all guarded, and
// " 1+1" and "'=1" are not. The rule applies to every cell, so dates of
// negative years ("-0044", "-0043-03-15") get the apostrophe too: the safe
// rule has no exceptions, and a reader that wants the date strips one
// leading apostrophe.
//
// # Line breaks
//
// A line break inside a cell, LF, CR LF or a lone CR, is written as CR LF
// inside the quoted cell. Readers that keep line breaks as they are, such
// as Python's csv module and spreadsheets, read CR LF; Go's encoding/csv
// reads LF.
//
// The output is deterministic: the same timeline gives the same bytes.
package csvfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

var columns = []string{"id", "date", "date_text", "earliest", "latest", "kind", "kind_name",
	"cameo", "plover", "status", "title", "participants", "place", "instrument", "tags",
	"sources", "quote"}

// Columns returns the names of the columns, the header row [Encode]
// writes. The slice is the caller's own.
func Columns() []string { return slices.Clone(columns) }

// Options control [Encode]. A nil or zero Options writes plain UTF-8.
type Options struct {
	// BOM starts the file with a UTF-8 byte order mark, which Excel needs
	// to read UTF-8 rather than a legacy code page.
	BOM bool
}

// Encode writes tl to w as CSV: the header row of [Columns], then one row
// per event in timeline order. CSV carries every event; the report counts
// them. It returns the first error writing to w.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	if opts != nil && opts.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return rep, fmt.Errorf("csvfile: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(columns); err != nil {
		return rep, fmt.Errorf("csvfile: %w", err)
	}
	row := make([]string, len(columns))
	names := present.NewNames(tl)
	for e := range tl.Shared(timeline.Query{}) {
		fill(row, names, e)
		for i, cell := range row {
			row[i] = Neutralize(lineBreaks(cell))
		}
		if err := cw.Write(row); err != nil {
			return rep, fmt.Errorf("csvfile: %w", err)
		}
		rep.Events++
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return rep, fmt.Errorf("csvfile: %w", err)
	}
	return rep, nil
}

// Neutralize returns cell with a leading apostrophe if a spreadsheet could
// read it as a formula: if it starts with a tab, a carriage return or a
// line feed, or if its first character that is neither white space nor a
// control character is =, +, - or @, or their full-width forms. Other cells
// are returned unchanged. The package doc gives the reasons.
func Neutralize(cell string) string {
	if formula(cell) {
		return "'" + cell
	}
	return cell
}

// formula reports whether Neutralize guards cell.
func formula(cell string) bool {
	if cell != "" && (cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n') {
		return true
	}
	// Spreadsheets skip leading blanks before they look for a formula, and
	// some skip line breaks and other invisible characters too.
	for _, r := range cell {
		switch r {
		case '=', '+', '-', '@', '＝', '＋', '－', '＠':
			return true
		}
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			return false
		}
	}
	return false
}

// lineBreaks writes every line break of s as LF, which encoding/csv then
// writes as CR LF. Without it a lone CR would be lost: encoding/csv drops
// CR in quoted cells when it writes CR LF line endings.
func lineBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func fill(row []string, names *present.Names, e *event.Event) {
	d := e.Date
	var earliest, latest string
	if day, ok := d.Earliest(); ok {
		earliest = day.String()
	}
	if day, ok := d.Latest(); ok {
		latest = day.String()
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
		e.Title, participants(names, e), present.Place(e.Place), e.Instrument.Name,
		strings.Join(e.Tags, "; "), sources(e.Sources), quote,
	})
}

func participants(names *present.Names, e *event.Event) string {
	parts := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		s := names.Label(p.Actor, e.Date) + " (" + p.Role.String()
		if p.Capacity != "" {
			s += ", " + p.Capacity
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, "; ")
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
