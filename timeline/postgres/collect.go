package postgres

import (
	"context"
	"slices"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Collect returns a new in-memory timeline holding the events q selects
// and the actors they refer to, with the same title and description, as
// [timeline.Timeline.Collect] does. It serves to write a selection in any
// format of package export, and to use the views of a timeline.Timeline
// (Group, Gaps, Related) on a selection made in the database.
func (t *Timeline) Collect(ctx context.Context, q timeline.Query) (*timeline.Timeline, error) {
	var title, desc string
	err := t.db.QueryRow(ctx, t.q(`SELECT title, description FROM {schema}.timeline`)).Scan(&title, &desc)
	if err != nil {
		return nil, err
	}
	var events []event.Event
	var ids []string
	for e, err := range t.Select(ctx, q) {
		if err != nil {
			return nil, err
		}
		events = append(events, e)
		for _, p := range e.Participants {
			ids = append(ids, string(p.Actor))
		}
		for _, s := range e.Sources {
			for _, q := range s.Quotes {
				if q.Speaker != "" {
					ids = append(ids, string(q.Speaker))
				}
			}
		}
		for _, a := range e.Alternatives {
			if a.Actor != "" {
				ids = append(ids, string(a.Actor))
			}
		}
	}
	slices.Sort(ids)
	var actors []event.Actor
	for a, err := range t.actors(ctx, " WHERE a.id = ANY($1)", slices.Compact(ids)) {
		if err != nil {
			return nil, err
		}
		actors = append(actors, a)
	}
	out := timeline.New(title, desc)
	if err := out.AddActors(actors...); err != nil {
		return nil, err
	}
	if _, err := out.Add(events...); err != nil {
		return nil, err
	}
	return out, nil
}
