package ical

import (
	"errors"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// timeline puts the events read into a timeline with the actors they may
// refer to. An event the timeline refuses is left out and noted, with the
// reason; the others are noted where iCalendar did not carry all of them.
func (d *decoder) timeline(rep *export.Report) (*timeline.Timeline, error) {
	tl := timeline.New("", "")
	if err := tl.AddActors(d.opts.Actors...); err != nil {
		return nil, err
	}
	// The calendar's own actors, where the caller's do not have them.
	for _, a := range d.actors {
		if _, ok := tl.Actor(a.ID); ok {
			continue
		}
		if err := tl.PutActor(a); err != nil {
			rep.Add(export.Note{Action: export.Skipped, Field: "actor " + string(a.ID), Reason: "not a valid actor: " + reasons(err)})
		}
	}
	note := func(r *read, a export.Action, field, reason string) {
		rep.Add(export.Note{Action: a, ID: r.ev.ID, Title: r.ev.Title, Date: r.ev.Date.String(), Field: field, Line: r.line, Reason: reason})
	}
	for i := range d.events {
		r := &d.events[i]
		if err := r.ev.Validate(tl); err != nil {
			note(r, export.Skipped, "", "not a valid event: "+reasons(err))
			continue
		}
		if _, err := tl.Add(r.ev); err != nil {
			note(r, export.Skipped, "", "not a valid event: "+reasons(err))
			continue
		}
		rep.Events++
		switch {
		case r.ours:
			note(r, export.Dropped, "participants, instrument and sources",
				"carried only as text in DESCRIPTION without X-ACCORDLINE-EVENT")
		case r.guessed:
			note(r, export.Guessed, "kind", "neither X-ACCORDLINE-KIND nor a category names the kind: "+d.opts.DefaultKind.String())
		}
	}
	return tl, nil
}

// reasons renders the problems of err on one line.
func reasons(err error) string {
	var l event.ErrorList
	if !errors.As(err, &l) {
		return err.Error()
	}
	s := ""
	for i, fe := range l {
		if i > 0 {
			s += "; "
		}
		s += fe.Error()
	}
	return s
}
