package ical

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// timeline puts the events read into a timeline with the actors they may
// refer to, and notes in the report what was skipped, dropped,
// approximated, guessed and created, in the order of the lines.
func (d *decoder) timeline(rep *export.Report) *timeline.Timeline {
	var title, desc string
	if len(d.cals) > 0 {
		title, _ = cleanText(d.cals[0].name, false)
		desc, _ = cleanText(d.cals[0].desc, true)
	}
	tl := timeline.New(title, desc)
	_ = tl.AddActors(d.opts.Actors...) // checked with the options
	// The calendar's own actors, where the caller's do not have them.
	for _, a := range d.actors {
		if _, ok := tl.Actor(a.ID); ok {
			continue
		}
		if err := tl.PutActor(a); err != nil {
			rep.Add(export.Note{Action: export.Dropped, Field: "X-ACCORDLINE-ACTOR " + string(a.ID), Reason: "not a valid actor: " + reasons(err)})
		}
	}
	put := 0 // created actors put in the timeline
	putCreated := func() {
		for ; put < len(d.created.order); put++ {
			id := d.created.order[put]
			c := d.created.byID[id]
			if _, ok := tl.Actor(id); ok {
				continue
			}
			if err := tl.PutActor(c.a); err != nil {
				rep.Add(export.Note{Action: export.Dropped, Field: "actor " + string(id), Line: c.line, Reason: "could not be made: " + reasons(err)})
				continue
			}
			rep.Add(export.Note{Action: export.Created, Field: "actor " + string(id), Line: c.line, Reason: fmt.Sprintf("%s %s: %s", c.a.Type, event.QuoteValue(c.a.Name), c.reason)})
		}
	}
	putCreated()
	for i := range d.issues {
		is := &d.issues[i]
		n := noteOf(is)
		if n.Action == export.Skipped {
			n.Action = export.Dropped // outside a VEVENT, only the line or component is lost
		}
		rep.Add(n)
	}
	for _, n := range d.notes {
		rep.Add(n)
	}
	reported := map[*vevent]bool{}
	var valid []*draft
	for _, dr := range d.drafts {
		if fatal := dr.v.fatal(); fatal != nil {
			if !reported[dr.v] {
				reported[dr.v] = true
				d.skipNote(rep, dr, fatal)
			}
			continue
		}
		if dr.skip != nil {
			d.skipNote(rep, dr, dr.skip)
			continue
		}
		err := dr.ev.Validate(tl)
		if err != nil && dr.kindTag != "" && !dr.lossless {
			// A category named a kind the event cannot be: read it as if
			// none did.
			c := &conv{d: d, v: dr.v, cal: dr.cal, dr: dr}
			c.unnameKind(reasons(err))
			putCreated()
			err = dr.ev.Validate(tl)
		}
		if err != nil {
			d.invalidNote(rep, dr, err)
			continue
		}
		valid = append(valid, dr)
		first := !reported[dr.v]
		reported[dr.v] = true
		d.eventNotes(rep, dr, first)
	}
	events := make([]event.Event, len(valid))
	for i, dr := range valid {
		events[i] = dr.ev
	}
	if _, err := tl.Add(events...); err != nil {
		// Validated one by one, they may still conflict as a whole: add
		// them one by one, noting the ones refused.
		for _, dr := range valid {
			if _, err := tl.Add(dr.ev); err != nil {
				d.invalidNote(rep, dr, err)
			}
		}
	}
	rep.Events = tl.Len()
	slices.SortStableFunc(rep.Notes, func(a, b export.Note) int { return cmp.Compare(a.Line, b.Line) })
	return tl
}

// noteOf makes an issue a note.
func noteOf(is *issue) export.Note {
	return export.Note{Action: is.action, Field: is.field, Line: is.line, Reason: is.reason()}
}

// eventNote fills in the event of a note.
func eventNote(n export.Note, dr *draft) export.Note {
	n.ID, n.Title, n.Date = dr.ev.ID, dr.ev.Title, dr.ev.Date.String()
	return n
}

// skipNote notes an event left out for an issue of its VEVENT.
func (d *decoder) skipNote(rep *export.Report, dr *draft, fatal *issue) {
	n := eventNote(noteOf(fatal), dr)
	n.Action = export.Skipped
	rep.Add(n)
}

// eventNotes notes what reading an event dropped, approximated or
// guessed: its VEVENT's issues once (first), and its own notes.
func (d *decoder) eventNotes(rep *export.Report, dr *draft, first bool) {
	if first {
		for i := range dr.v.issues {
			rep.Add(eventNote(noteOf(&dr.v.issues[i]), dr))
		}
	}
	for i := range dr.notes {
		rep.Add(eventNote(noteOf(&dr.notes[i]), dr))
	}
	switch {
	case dr.ours && first:
		rep.Add(eventNote(export.Note{Action: export.Dropped, Field: "participants, instrument and sources", Line: dr.v.line,
			Reason: "carried only as text in DESCRIPTION without X-ACCORDLINE-EVENT"}, dr))
	case dr.guessed != "" && first:
		line := dr.v.line
		if p := dr.fields["kind"]; p != nil {
			line = p.line
		}
		rep.Add(eventNote(export.Note{Action: export.Guessed, Field: "kind", Line: line, Reason: dr.guessed}, dr))
	}
}

// invalidNote notes an event the model refuses, at the line of the
// property its first problem comes from, with every problem.
func (d *decoder) invalidNote(rep *export.Report, dr *draft, err error) {
	var l event.ErrorList
	if !errors.As(err, &l) || len(l) == 0 {
		rep.Add(eventNote(export.Note{Action: export.Skipped, Line: dr.v.line, Field: "VEVENT", Reason: "not a valid event: " + err.Error()}, dr))
		return
	}
	var parts []string
	line, field := 0, ""
	for i, fe := range l {
		p := dr.property(strings.TrimPrefix(fe.Path, "events[0]."))
		pline, pname := dr.v.line, "VEVENT"
		if p != nil {
			pline, pname = p.line, p.name
		}
		if i == 0 {
			line, field = pline, pname
		}
		fe2 := *fe
		fe2.Line, fe2.Offset = 0, 0
		parts = append(parts, fmt.Sprintf("%s (line %d): %s", pname, pline, fe2.Error()))
	}
	rep.Add(eventNote(export.Note{Action: export.Skipped, Line: line, Field: field, Reason: "not a valid event: " + strings.Join(parts, "; ")}, dr))
}

// property returns the property a field of the event was read from: the
// one of the path, or of the field that holds it.
func (dr *draft) property(path string) *contentLine {
	for {
		if p := dr.fields[path]; p != nil {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return dr.fields[""]
		}
		path = path[:i]
	}
}

// reasons renders the problems of err on one line.
func reasons(err error) string {
	var l event.ErrorList
	if !errors.As(err, &l) {
		return err.Error()
	}
	s := make([]string, len(l))
	for i, fe := range l {
		s[i] = fe.Error()
	}
	return strings.Join(s, "; ")
}
