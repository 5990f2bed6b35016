package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/lint"
)

// printTimeline writes the timeline as readable text, grouped by the day
// events fall on, or by their date where they do not fall on one known day.
func printTimeline(w io.Writer, tl *timeline.Timeline) error {
	p := &printer{w: w, tl: tl, names: present.NewNames(tl)}
	p.printf("%s\n%s\n%d events, %d actors\n", tl.Title(), tl.Description(), tl.Len(), tl.NumActors())
	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByDay) {
		p.heading(groupLabel(g))
		for _, e := range g.Events {
			p.event(&e)
		}
	}
	p.lint()
	return p.err
}

func (p *printer) heading(label string) {
	p.printf("\n%s\n%s\n", label, strings.Repeat("=", len([]rune(label))))
}

// lint prints what the consistency checks find in the timeline as of the
// day after the article: links against time, stale plans, treaty actions
// out of order, actors outside their existence or offices, duplicates.
func (p *printer) lint() {
	asOf := event.OnDay(stamp().Date())
	p.heading("Consistency checks as of " + present.Date(asOf))
	findings := lint.Check(p.tl, &lint.Options{AsOf: asOf})
	if len(findings) == 0 {
		p.printf("\n  nothing found\n")
	}
	for _, f := range findings {
		p.printf("\n  %s\n", f)
	}
}

type printer struct {
	w     io.Writer
	tl    *timeline.Timeline
	names *present.Names
	err   error
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
			who = append(who, p.participant(pt, e.Date))
		}
		p.printf("    who:   %s\n", strings.Join(who, "; "))
	}
	if where := present.Place(e.Place); where != "" {
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

func (p *printer) participant(pt event.Participation, d event.Date) string {
	name := p.names.Label(pt.Actor, d) // the name of the time, and today's beside it
	if a, ok := p.names.Actor(pt.Actor); ok {
		if de := a.NameIn("de"); de != name {
			name += " (de: " + de + ")"
		}
	}
	s := name + " as " + strings.ToLower(pt.Role.Name())
	if pt.Capacity != "" {
		s += ", " + pt.Capacity
	}
	return s
}

// groupLabel names a group of events by day: the day when they fall on one
// known day, and otherwise their date in words.
func groupLabel(g timeline.Group) string {
	d := g.Events[0].Date
	if day, ok := present.OneDay(d); ok {
		return present.LongDay(day)
	}
	if d.IsZero() {
		return "Date unknown"
	}
	return present.Date(d)
}
