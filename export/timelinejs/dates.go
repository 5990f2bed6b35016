package timelinejs

import (
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// A dateJSON is a TimelineJS date object. Year is required; the other parts
// are present only as far as the date is known.
type dateJSON struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	Hour        *int   `json:"hour,omitempty"`
	Minute      *int   `json:"minute,omitempty"`
	Second      *int   `json:"second,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// partsOf returns the TimelineJS date of a single point (a Date that is
// not an interval), as precise as the point is.
func partsOf(p event.Date) dateJSON {
	lo, _ := p.Earliest()
	hi, _ := p.Latest()
	out := dateJSON{Year: lo.Year()}
	prec := p.Precision()
	if prec >= event.PrecisionMonth && prec != event.PrecisionSeason &&
		lo.Year() == hi.Year() && lo.Month() == hi.Month() {
		out.Month = int(lo.Month())
		if prec >= event.PrecisionDay && lo == hi {
			_, _, out.Day = lo.Date()
		}
	}
	if t, ok := p.Time(); ok && out.Day != 0 {
		h, m, s := t.Clock()
		out.Hour, out.Minute, out.Second = &h, &m, &s
	}
	return out
}

// displayDate is the date as the source words it, with the readable
// rendering added where the wording does not already contain it.
func displayDate(e *event.Event) string {
	r := present.Date(e.Date)
	switch {
	case e.DateText == "":
		return r
	case r == "" || strings.Contains(strings.ToLower(e.DateText), strings.ToLower(r)):
		return e.DateText
	}
	if rest, ok := strings.CutPrefix(r, "From "); ok {
		r = "from " + rest
	} else if rest, ok := strings.CutPrefix(r, "Until "); ok {
		r = "until " + rest
	}
	return e.DateText + " (" + r + ")"
}

// placement returns the start and, for intervals with a known end, the
// end of e's slide; ok is false when the event cannot be placed.
func placement(d event.Date) (start dateJSON, end *dateJSON, ok bool) {
	switch {
	case d.IsZero():
		return dateJSON{}, nil, false
	case !d.IsInterval():
		return partsOf(d), nil, true
	}
	hasStart, hasEnd := d.StartBound() == event.BoundKnown, d.EndBound() == event.BoundKnown
	switch {
	case hasStart && hasEnd:
		e := partsOf(d.End())
		e.DisplayDate = present.Date(d.End())
		return partsOf(d.Start()), &e, true
	case hasStart:
		return partsOf(d.Start()), nil, true
	case hasEnd:
		return partsOf(d.End()), nil, true
	}
	return dateJSON{}, nil, false
}
