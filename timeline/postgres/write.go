package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Add validates the events and adds them, as [timeline.Timeline.Add] does,
// in one transaction: events without an ID get the one
// [event.Event.EnsureID] derives; an event whose ID is stored, or given
// earlier in the same call, is another report of it and is merged with it
// by [event.Merge]; Add returns what it merged. It is all or nothing: when
// any event is invalid, refers to an unknown actor, conflicts with the
// report it merges with, or has a date before the first day PostgreSQL
// holds (4714-11-24 BCE), nothing is written and the error, an
// [event.ErrorList], names every problem with paths like
// "events[3].date".
//
// A merged event's version goes up by one; a new event has version 1.
// Add waits for other writes of the same events to end, and merges with
// what they wrote.
func (t *Timeline) Add(ctx context.Context, events ...event.Event) ([]timeline.Merged, error) {
	if len(events) == 0 {
		return nil, nil
	}
	var merges []timeline.Merged
	err := t.write(ctx, func(tx pgx.Tx) error {
		var err error
		merges, err = t.add(ctx, tx, events, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	return merges, nil
}

// add merges and writes a batch of events in tx. The paths of problems
// name the events counted from first: "events[first+i]".
func (t *Timeline) add(ctx context.Context, tx pgx.Tx, events []event.Event, first int) ([]timeline.Merged, error) {
	batch := make([]event.Event, len(events))
	for i := range events {
		batch[i] = events[i].Clone()
		batch[i].EnsureID()
	}
	actors, err := t.lookupActors(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	ids := make([]uuid.UUID, len(batch))
	for i := range batch {
		ids[i] = batch[i].ID
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	stored, err := t.readLocked(ctx, tx, slices.Compact(ids))
	if err != nil {
		return nil, err
	}

	var errs event.ErrorList
	at := func(i int) string { return "events[" + strconv.Itoa(first+i) + "]" }
	var merges []timeline.Merged
	incoming := make(map[uuid.UUID]int, len(batch)) // ID → position in out
	var inputs []int                                // position in out → first input
	var out []event.Event
	for i := range batch {
		e := batch[i]
		l := problems(e.Validate(actors))
		if fe := checkDays(e.Date, "date"); fe != nil {
			l = append(l, fe)
		}
		if len(l) > 0 {
			errs = append(errs, l.Prefix(at(i))...)
			continue
		}
		j, dup := incoming[e.ID]
		var base *event.Event
		with := -1
		old, isStored := stored[e.ID]
		switch {
		case dup:
			base, with = &out[j], inputs[j]
		case isStored:
			base = &old.ev
		}
		if base != nil {
			merged, err := event.Merge(*base, e)
			if err != nil {
				errs = append(errs, problems(err).Prefix(at(i))...)
				continue
			}
			merges = append(merges, timeline.Merged{Input: i, ID: e.ID, With: with,
				Alternatives: newAlternatives(base.Alternatives, merged.Alternatives)})
			e = merged
		}
		if dup {
			out[j] = e
			continue
		}
		incoming[e.ID] = len(out)
		inputs = append(inputs, i)
		out = append(out, e)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	ts := newTables()
	var replaced []pgtype.UUID
	for i := range out {
		v := Version(1)
		if old, ok := stored[out[i].ID]; ok {
			v = old.version + 1
			replaced = append(replaced, pgUUID(out[i].ID))
		}
		ts.add(&out[i], v)
	}
	if len(replaced) > 0 {
		if _, err := tx.Exec(ctx, t.q(`DELETE FROM {schema}.events WHERE id = ANY($1)`), replaced); err != nil {
			return nil, err
		}
	}
	return merges, t.copy(ctx, tx, ts)
}

// newAlternatives returns the alternatives in after that are not in
// before, as package timeline reports them in a Merged.
func newAlternatives(before, after []event.Alternative) []event.Alternative {
	var out []event.Alternative
	for _, a := range after {
		if !slices.Contains(before, a) {
			out = append(out, a)
		}
	}
	return out
}

// copy writes the rows of the tables with COPY.
func (t *Timeline) copy(ctx context.Context, tx pgx.Tx, ts *tables) error {
	for _, tb := range ts.all() {
		if len(tb.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.schema, tb.name}, tb.cols, pgx.CopyFromRows(tb.rows)); err != nil {
			return fmt.Errorf("postgres: writing %s: %w", tb.name, err)
		}
	}
	return nil
}

// actorLookup holds the types of the actors a batch refers to, for
// validation.
type actorLookup map[event.ActorID]event.Actor

func (l actorLookup) Actor(id event.ActorID) (event.Actor, bool) {
	a, ok := l[id]
	return a, ok
}

// lookupActors reads the actors the events refer to.
func (t *Timeline) lookupActors(ctx context.Context, db queryer, events []event.Event) (actorLookup, error) {
	var ids []string
	seen := map[event.ActorID]bool{}
	add := func(id event.ActorID) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, string(id))
		}
	}
	for i := range events {
		e := &events[i]
		for _, p := range e.Participants {
			add(p.Actor)
		}
		for _, s := range e.Sources {
			for _, q := range s.Quotes {
				add(q.Speaker)
			}
		}
		for _, a := range e.Alternatives {
			add(a.Actor)
		}
	}
	out := make(actorLookup, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.Query(ctx, t.q(`SELECT id, type FROM {schema}.actors WHERE id = ANY($1)`), ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, typ string
		if err := rows.Scan(&id, &typ); err != nil {
			return nil, err
		}
		at, _ := event.ParseActorType(typ)
		out[event.ActorID(id)] = event.Actor{ID: event.ActorID(id), Type: at}
	}
	return out, rows.Err()
}

// Replace validates e and puts it in place of the stored event with the
// same ID, without merging, provided the stored event is still at the
// version the caller read ([Timeline.Event] tells it). It returns the new
// version. When another writer changed or removed the event since, it
// fails with a [*StaleError] and changes nothing: read the event again,
// and decide anew. It fails with [timeline.ErrNotFound] when there is no
// such event.
func (t *Timeline) Replace(ctx context.Context, e event.Event, read Version) (Version, error) {
	e = e.Clone()
	if e.ID == uuid.Nil {
		return 0, fmt.Errorf("%w: %s", timeline.ErrNotFound, e.ID)
	}
	err := t.write(ctx, func(tx pgx.Tx) error {
		if err := t.removeVersion(ctx, tx, e.ID, read); err != nil {
			return err
		}
		actors, err := t.lookupActors(ctx, tx, []event.Event{e})
		if err != nil {
			return err
		}
		l := problems(e.Validate(actors))
		if fe := checkDays(e.Date, "date"); fe != nil {
			l = append(l, fe)
		}
		if err := l.Err(); err != nil {
			return err
		}
		ts := newTables()
		ts.add(&e, read+1)
		return t.copy(ctx, tx, ts)
	})
	if err != nil {
		return 0, err
	}
	return read + 1, nil
}

// Remove removes the event with the given ID, provided it is still at the
// version the caller read. It fails with a [*StaleError] when another
// writer changed or removed it since, and with [timeline.ErrNotFound] when
// there is no such event.
func (t *Timeline) Remove(ctx context.Context, id uuid.UUID, read Version) error {
	return t.write(ctx, func(tx pgx.Tx) error { return t.removeVersion(ctx, tx, id, read) })
}

func (t *Timeline) removeVersion(ctx context.Context, tx pgx.Tx, id uuid.UUID, read Version) error {
	tag, err := tx.Exec(ctx, t.q(`DELETE FROM {schema}.events WHERE id = $1 AND version = $2`), pgUUID(id), int64(read))
	if err != nil || tag.RowsAffected() == 1 {
		return err
	}
	var current Version
	err = tx.QueryRow(ctx, t.q(`SELECT version FROM {schema}.events WHERE id = $1`), pgUUID(id)).Scan(&current)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		if read > 0 {
			return &StaleError{ID: id, Read: read}
		}
		return fmt.Errorf("%w: %s", timeline.ErrNotFound, id)
	case err != nil:
		return err
	}
	return &StaleError{ID: id, Read: read, Current: current}
}

// problems returns err as an ErrorList: the list it holds, or a list of
// one.
func problems(err error) event.ErrorList {
	if err == nil {
		return nil
	}
	var l event.ErrorList
	if errors.As(err, &l) {
		return l
	}
	return event.ErrorList{{Err: err}}
}
