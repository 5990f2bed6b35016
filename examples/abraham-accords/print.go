package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// printTimeline writes the timeline as readable text, grouped by the day
// events fall on, or by their date where they do not fall on one known day.
func printTimeline(w io.Writer, tl *timeline.Timeline) error {
	p := &printer{w: w, tl: tl}
	p.printf("%s\n%s\n%d events, %d actors\n", tl.Title(), tl.Description(), tl.Len(), tl.NumActors())
	for _, g := range tl.Group(timeline.Query{}, timeline.ByDay) {
		label := groupLabel(g)
		p.printf("\n%s\n%s\n", label, strings.Repeat("=", len([]rune(label))))
		for _, e := range g.Events {
			p.event(e)
		}
	}
	return p.err
}

type printer struct {
	w   io.Writer
	tl  *timeline.Timeline
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) event(e *event.Event) {
	p.printf("\n  %s — %s [%s]\n", e.Kind.Name(), e.Title, e.Status)
	when := e.Date.String()
	if when == "" {
		when = "date unknown"
	}
	if e.DateText != "" {
		when = e.DateText + " (" + when + ")"
	}
	p.printf("    when:  %s\n", when)
	if len(e.Participants) > 0 {
		var who []string
		for _, pt := range e.Participants {
			who = append(who, p.participant(pt))
		}
		p.printf("    who:   %s\n", strings.Join(who, "; "))
	}
	if where := place(e.Place); where != "" {
		p.printf("    where: %s\n", where)
	}
	if !e.Instrument.IsZero() {
		p.printf("    about: %s\n", e.Instrument.Name)
	}
	for _, s := range e.Sources {
		for _, q := range s.Quotes {
			lang := q.Lang
			if lang == "" {
				lang = s.Lang
			}
			p.printf("    quote: „%s“ (%s, %s)\n", q.Text, lang, s.Publisher)
			if q.Translation != "" {
				p.printf("           “%s” (%s)\n", q.Translation, q.TranslationLang)
			}
		}
	}
	for _, r := range p.tl.Related(e.ID) {
		p.printf("    %s: %s\n", r.Name(), r.Other.Title)
	}
}

func (p *printer) participant(pt event.Participation) string {
	name := string(pt.Actor)
	if a, ok := p.tl.Actor(pt.Actor); ok {
		name = a.Name
		if de := a.NameIn("de"); de != a.Name {
			name += " (de: " + de + ")"
		}
	}
	s := name + " as " + strings.ToLower(pt.Role.Name())
	if pt.Capacity != "" {
		s += ", " + pt.Capacity
	}
	return s
}

func place(pl event.Place) string {
	var parts []string
	for _, s := range []string{pl.Venue, pl.Name, pl.City, pl.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// groupLabel names a group of events by day: the day when they fall on one
// known day, and otherwise a description of their date.
func groupLabel(g timeline.Group) string {
	d := g.Events[0].Date
	if d.Bounded() && d.Earliest() == d.Latest() {
		return d.Earliest().Format("Monday, 2 January 2006")
	}
	return describe(d)
}

// describe writes a date in English words.
func describe(d event.Date) string {
	if d.IsZero() {
		return "Date unknown"
	}
	if d.IsInterval() {
		start, end := d.Start(), d.End()
		switch {
		case d.StartBound() != event.BoundKnown:
			return "Until " + describe(end)
		case d.EndBound() == event.BoundOpen:
			return "From " + describe(start) + " on"
		case d.EndBound() == event.BoundUnknown:
			return "From " + describe(start) + ", end unknown"
		}
		return describe(start) + " to " + describe(end)
	}
	var s string
	switch d.Precision() {
	case event.PrecisionDay, event.PrecisionSecond:
		s = d.Earliest().Format("2 January 2006")
	case event.PrecisionMonth:
		s = d.Earliest().Format("January 2006")
		if d.Latest().Month() != d.Earliest().Month() {
			s = "A month of " + d.Earliest().Format("2006")
		}
	case event.PrecisionSeason:
		s = []string{"Spring", "Summer", "Autumn", "Winter"}[(int(d.Earliest().Month())-3)/3%4] + " " + d.Earliest().Format("2006")
	case event.PrecisionYear:
		s = d.Earliest().Format("2006")
	default:
		s = d.Earliest().Format("2006") + "–" + d.Latest().Format("2006")
	}
	switch d.Qualifier() {
	case event.Approximate:
		s = "About " + s
	case event.Uncertain:
		s = "Possibly " + s
	case event.Approximate | event.Uncertain:
		s = "Possibly about " + s
	}
	return s
}
