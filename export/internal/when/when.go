// Package when renders dates for people to read, in English: "1992",
// "November 2025", "Thursday, 6 November 2025", "From 6 November 2025".
// The exporters that write text for readers share it.
package when

import (
	"strconv"
	"strings"

	rdate "github.com/rickb777/date/v2"

	"github.com/accordline/accordline/event"
)

// Year renders an astronomical year for reading: 0 is 1 BCE.
func Year(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + " BCE"
	}
	return strconv.Itoa(y)
}

// Day renders a calendar day for reading: "6 November 2025".
func Day(d rdate.Date) string {
	y, m, dd := d.Date()
	return strconv.Itoa(dd) + " " + m.String() + " " + Year(y)
}

var seasons = map[string]string{"21": "Spring", "22": "Summer", "23": "Autumn", "24": "Winter"}

// point renders a single point for reading, without its qualifier.
func point(p event.Date) string {
	lo, hi := p.Earliest(), p.Latest()
	switch prec := p.Precision(); {
	case prec == event.PrecisionSecond && lo == hi:
		t, _ := p.Time()
		s := Day(lo) + ", " + t.Format("15:04")
		if t.Second() != 0 {
			s = Day(lo) + ", " + t.Format("15:04:05")
		}
		return s
	case prec >= event.PrecisionDay && lo == hi:
		return Day(lo)
	case prec == event.PrecisionSeason:
		text := p.String()
		if i := strings.LastIndexByte(text, '-'); i > 0 && i+3 <= len(text) {
			if name, ok := seasons[text[i+1:i+3]]; ok {
				return name + " " + Year(lo.Year())
			}
		}
	case prec >= event.PrecisionMonth && lo.Year() == hi.Year() && lo.Month() == hi.Month():
		return lo.Month().String() + " " + Year(lo.Year())
	}
	if lo.Year() == hi.Year() {
		return Year(lo.Year())
	}
	return Year(lo.Year()) + "–" + Year(hi.Year())
}

// qualified renders a single point with its qualifier: "about May 2026",
// "6 November 2025?".
func qualified(p event.Date) string {
	s := point(p)
	q := p.Qualifier()
	if q&event.Approximate != 0 {
		s = "about " + s
	}
	if q&event.Uncertain != 0 {
		s += "?"
	}
	return s
}

// Readable renders d for reading: "1992", "November 2025", "From 6
// November 2025", "7 November 2025 – about May 2026". The zero Date gives
// "".
func Readable(d event.Date) string {
	switch {
	case d.IsZero():
		return ""
	case !d.IsInterval():
		return qualified(d)
	}
	start, end := d.StartBound() == event.BoundKnown, d.EndBound() == event.BoundKnown
	switch {
	case start && end:
		s, e := d.Start(), d.End()
		if s.HasTime() && e.HasTime() && s.Earliest() == e.Earliest() && s.Qualifier() == e.Qualifier() {
			// The same day: "6 November 2025, 18:00–23:59".
			st, _ := s.Time()
			et, _ := e.Time()
			return qualified(s) + "–" + et.In(st.Location()).Format("15:04")
		}
		return qualified(s) + " – " + qualified(e)
	case start && d.EndBound() == event.BoundOpen:
		return "From " + qualified(d.Start())
	case start:
		return "From " + qualified(d.Start()) + ", end unknown"
	case end:
		return "Until " + qualified(d.End())
	}
	return "Date unknown"
}
