package present

import (
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
)

// Year renders an astronomical year for reading: 0 is 1 BCE, -43 is 44
// BCE.
func Year(y int) string {
	var buf [24]byte
	return string(appendYear(buf[:0], y))
}

func appendYear(b []byte, y int) []byte {
	if y <= 0 {
		return append(strconv.AppendInt(b, int64(1-y), 10), " BCE"...)
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// Day renders a calendar day for reading: "6 November 2025".
func Day(d event.Day) string {
	var buf [32]byte
	return string(appendDay(buf[:0], d))
}

func appendDay(b []byte, d event.Day) []byte {
	y, m, dd := d.Date()
	b = strconv.AppendInt(b, int64(dd), 10)
	b = append(b, ' ')
	b = append(b, m.String()...)
	b = append(b, ' ')
	return appendYear(b, y)
}

// LongDay renders a day with its weekday, as a day's heading: "Thursday, 6
// November 2025".
func LongDay(d event.Day) string {
	var buf [48]byte
	b := append(buf[:0], d.Weekday().String()...)
	return string(appendDay(append(b, ", "...), d))
}

var seasons = map[string]string{"21": "Spring", "22": "Summer", "23": "Autumn", "24": "Winter"}

// appendPoint renders a single date for reading, without its qualifier.
func appendPoint(b []byte, p event.Date) []byte {
	lo, _ := p.Earliest()
	hi, _ := p.Latest()
	switch prec := p.Precision(); {
	case prec == event.PrecisionSecond && lo == hi:
		t, _ := p.Time()
		b = append(appendDay(b, lo), ", "...)
		if t.Second() != 0 {
			return t.AppendFormat(b, "15:04:05")
		}
		return t.AppendFormat(b, "15:04")
	case prec >= event.PrecisionDay && lo == hi:
		return appendDay(b, lo)
	case prec == event.PrecisionSeason:
		text := p.String()
		if i := strings.LastIndexByte(text, '-'); i > 0 && i+3 <= len(text) {
			if name, ok := seasons[text[i+1:i+3]]; ok {
				return appendYear(append(append(b, name...), ' '), lo.Year())
			}
		}
	case prec >= event.PrecisionMonth && lo.Year() == hi.Year() && lo.Month() == hi.Month():
		return appendYear(append(append(b, lo.Month().String()...), ' '), lo.Year())
	}
	b = appendYear(b, lo.Year())
	if lo.Year() == hi.Year() {
		return b
	}
	return appendYear(append(b, "–"...), hi.Year())
}

// appendQualified renders a single date with its qualifier: "about May
// 2026", "6 November 2025?".
func appendQualified(b []byte, p event.Date) []byte {
	q := p.Qualifier()
	if q&event.Approximate != 0 {
		b = append(b, "about "...)
	}
	b = appendPoint(b, p)
	if q&event.Uncertain != 0 {
		b = append(b, '?')
	}
	return b
}

// Date renders a date for reading: "1992", "November 2025", "From 6
// November 2025", "7 November 2025 – about May 2026", "Date unknown" for
// an interval whose ends are both unknown. The zero Date gives "".
func Date(d event.Date) string {
	if d.IsZero() {
		return ""
	}
	var buf [80]byte
	return string(appendDate(buf[:0], d))
}

// AppendDate appends d, as [Date] renders it, to b: for writers that
// render many dates into a buffer of their own.
func AppendDate(b []byte, d event.Date) []byte { return appendDate(b, d) }

func appendDate(b []byte, d event.Date) []byte {
	switch {
	case d.IsZero():
		return b
	case !d.IsInterval():
		return appendQualified(b, d)
	}
	start, end := d.StartBound() == event.BoundKnown, d.EndBound() == event.BoundKnown
	switch {
	case start && end:
		s, e := d.Start(), d.End()
		sd, _ := s.Earliest()
		ed, _ := e.Earliest()
		if s.HasTime() && e.HasTime() && sd == ed && s.Qualifier() == e.Qualifier() {
			// The same day: "6 November 2025, 18:00–23:59".
			st, _ := s.Time()
			et, _ := e.Time()
			return et.In(st.Location()).AppendFormat(append(appendQualified(b, s), "–"...), "15:04")
		}
		return appendQualified(append(appendQualified(b, s), " – "...), e)
	case start && d.EndBound() == event.BoundOpen:
		return appendQualified(append(b, "From "...), d.Start())
	case start:
		return append(appendQualified(append(b, "From "...), d.Start()), ", end unknown"...)
	case end && d.StartBound() == event.BoundOpen:
		return appendQualified(append(b, "Until "...), d.End())
	case end:
		return append(appendQualified(append(b, "Until "...), d.End()), ", start unknown"...)
	}
	return append(b, "Date unknown"...)
}

// Heading renders a date as a heading: the readable date and, where it
// says something more, the date as the source words it: "From 6 November
// 2025 — soon", "1992 — for decades"; the wording alone where it holds
// the readable date ("since 1992"). Without either it is "Date
// unknown".
func Heading(d event.Date, wording string) string {
	r := Date(d)
	switch {
	case r == "" && wording == "":
		return "Date unknown"
	case r == "":
		return wording
	case wording == "" || strings.EqualFold(wording, r):
		return r
	case strings.Contains(strings.ToLower(wording), strings.ToLower(r)):
		return wording // "in November 2025" says all that "November 2025" does
	}
	return r + " — " + wording
}

// OneDay returns the day d falls on when it is known to the day or finer
// and covers a single day.
func OneDay(d event.Date) (event.Day, bool) {
	lo, ok1 := d.Earliest()
	hi, ok2 := d.Latest()
	if !ok1 || !ok2 || lo != hi || d.Precision() < event.PrecisionDay {
		return 0, false
	}
	return lo, true
}

// A Section is the place of an event in a report that goes by year, month
// and day, as the HTML page and the Markdown report do.
type Section struct {
	// Year is the year heading: "2025", "44 BCE", or "Undated" for events
	// whose date has no known end.
	Year string
	// Month is the month heading: "November 2025", "Over more than a
	// month" for dates no month holds, "Without a known date".
	Month string
	// Heading is the heading of the day, "Thursday, 6 November 2025", or
	// for a date that is not one day the date as [Heading] renders it.
	Heading string
	// Day is the day of the heading, when OnDay.
	Day   event.Day
	OnDay bool
}

// SectionOf returns the section of an event with date d, worded by its
// source as wording. A date with only a known end goes under the year of
// its end.
func SectionOf(d event.Date, wording string) Section {
	lo, okLo := d.Earliest()
	hi, okHi := d.Latest()
	if !okLo && !okHi {
		return Section{Year: "Undated", Month: "Without a known date", Heading: Heading(d, wording)}
	}
	if !okLo {
		lo = hi
	}
	s := Section{Year: Year(lo.Year()), Month: "Over more than a month"}
	if okLo && okHi && lo.Year() == hi.Year() && lo.Month() == hi.Month() {
		s.Month = lo.Month().String() + " " + s.Year
	}
	if day, ok := OneDay(d); ok {
		s.Heading, s.Day, s.OnDay = LongDay(day), day, true
		return s
	}
	s.Heading = Heading(d, wording)
	return s
}
