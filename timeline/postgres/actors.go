package postgres

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// selectActor reads whole actors, from the document each row keeps.
const selectActor = `SELECT a.doc FROM {schema}.actors a`

// AddActors validates the actors and adds them, as
// [timeline.Timeline.AddActors] does: when any is invalid or its ID is
// taken, none is added and the error, an [event.ErrorList], names every
// problem with paths like "actors[2].country".
func (t *Timeline) AddActors(ctx context.Context, actors ...event.Actor) error {
	ids := make([]string, len(actors))
	for i, a := range actors {
		ids[i] = string(a.ID)
	}
	return t.write(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, t.q(`SELECT id FROM {schema}.actors WHERE id = ANY($1)`), ids)
		if err != nil {
			return err
		}
		taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		var errs event.ErrorList
		seen := make(map[event.ActorID]bool, len(actors))
		for i, a := range actors {
			prefix := "actors[" + strconv.Itoa(i) + "]"
			if err := a.Validate(); err != nil {
				errs = append(errs, problems(err).Prefix(prefix)...)
				continue
			}
			if slices.Contains(taken, string(a.ID)) || seen[a.ID] {
				errs = append(errs, &event.FieldError{Path: prefix + ".id", Value: string(a.ID), Err: event.ErrDuplicate})
			}
			seen[a.ID] = true
		}
		if len(errs) > 0 {
			return errs
		}
		return t.putActors(ctx, tx, actors)
	})
}

// PutActor validates a and adds it, replacing any actor with the same ID.
func (t *Timeline) PutActor(ctx context.Context, a event.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return t.write(ctx, func(tx pgx.Tx) error { return t.putActors(ctx, tx, []event.Actor{a}) })
}

// putActors writes validated actors, replacing those with the same IDs.
func (t *Timeline) putActors(ctx context.Context, tx pgx.Tx, actors []event.Actor) error {
	b := &pgx.Batch{}
	for _, a := range actors {
		id := string(a.ID)
		first, last := days(a.Period)
		b.Queue(t.q(`INSERT INTO {schema}.actors (id, type, name, country, wikidata, period, first_day, last_day, doc)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, country = EXCLUDED.country,
	wikidata = EXCLUDED.wikidata, period = EXCLUDED.period, first_day = EXCLUDED.first_day,
	last_day = EXCLUDED.last_day, doc = EXCLUDED.doc`),
			id, a.Type.String(), a.Name, opt(a.Country), opt(a.Wikidata), edtf(a.Period), first, last,
			string(jsondoc.AppendActor(nil, &a)))
		for _, table := range []string{"actor_names", "actor_keys", "actor_successions", "actor_offices"} {
			b.Queue(t.q(`DELETE FROM {schema}.`+table+` WHERE actor_id = $1`), id)
		}
		const name = `INSERT INTO {schema}.actor_names (actor_id, pos, use, lang, name, period, valid_from, valid_until)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
		pos := 0
		for _, lang := range slices.Sorted(maps.Keys(a.Names)) {
			b.Queue(t.q(name), id, pos, "name", lang, a.Names[lang], nil, nil, nil)
			pos++
		}
		for _, alias := range a.Aliases {
			b.Queue(t.q(name), id, pos, "alias", nil, alias, nil, nil, nil)
			pos++
		}
		for _, n := range a.History {
			first, last := days(n.Period)
			b.Queue(t.q(name), id, pos, "history", opt(n.Lang), n.Text, edtf(n.Period), first, last)
			pos++
		}
		for i, s := range a.Predecessors {
			b.Queue(t.q(`INSERT INTO {schema}.actor_successions (actor_id, pos, predecessor_id, kind) VALUES ($1, $2, $3, $4)`),
				id, i, string(s.Actor), s.Kind.String())
		}
		for i, o := range a.Offices {
			first, last := days(o.Period)
			b.Queue(t.q(`INSERT INTO {schema}.actor_offices (actor_id, pos, title, of_actor, period, first_day, last_day)
VALUES ($1, $2, $3, $4, $5, $6, $7)`), id, i, o.Title, opt(string(o.Of)), edtf(o.Period), first, last)
		}
		b.Queue(t.q(`INSERT INTO {schema}.actor_keys (key, actor_id) SELECT DISTINCT unnest($1::text[]), $2`),
			actorKeys(&a), id)
	}
	return tx.SendBatch(ctx, b).Close()
}

// edtf is the EDTF text of a date, NULL for the zero Date (not stated).
func edtf(d event.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// days are the first and last possible day of a date, NULL where it is
// open, unknown or before the first day PostgreSQL holds.
func days(d event.Date) (first, last any) {
	if day, ok := d.Earliest(); ok && day >= firstDay {
		first = pgDate(day)
	}
	if day, ok := d.Latest(); ok && day >= firstDay {
		last = pgDate(day)
	}
	return first, last
}

// actorKeys returns the folded forms an actor is found by, as
// event.Directory finds it: its ID, a state's country code, its names and
// aliases.
func actorKeys(a *event.Actor) []string {
	keys := []string{event.Fold(string(a.ID))}
	if a.Type == event.State && a.Country != "" {
		keys = append(keys, event.Fold(a.Country))
	}
	for _, n := range a.AllNames() {
		keys = append(keys, event.Fold(n))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// RemoveActor removes an actor that no event refers to, and reports
// whether it was present. It fails with [timeline.ErrActorInUse] when an
// event has it as a participant or a quoted speaker.
func (t *Timeline) RemoveActor(ctx context.Context, id event.ActorID) (bool, error) {
	present := false
	err := t.write(ctx, func(tx pgx.Tx) error {
		var n int
		err := tx.QueryRow(ctx, t.q(`SELECT count(*) FROM (SELECT event_id FROM {schema}.participants WHERE actor_id = $1
	UNION SELECT event_id FROM {schema}.quotes WHERE speaker = $1) u`), string(id)).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			present = true
			return fmt.Errorf("%w: %s in %d events", timeline.ErrActorInUse, id, n)
		}
		tag, err := tx.Exec(ctx, t.q(`DELETE FROM {schema}.actors WHERE id = $1`), string(id))
		present = tag.RowsAffected() > 0
		return err
	})
	return present, err
}

// scanActor reads one row of selectActor.
func scanActor(rows pgx.Rows) (event.Actor, error) {
	var doc []byte
	if err := rows.Scan(&doc); err != nil {
		return event.Actor{}, err
	}
	a, err := jsondoc.DecodeActor(doc, nil)
	if err != nil {
		return a, fmt.Errorf("postgres: actor as stored: %w", err)
	}
	return a, nil
}

// Actor returns the actor with the given ID, and whether there is one.
func (t *Timeline) Actor(ctx context.Context, id event.ActorID) (event.Actor, bool, error) {
	for a, err := range t.actors(ctx, " WHERE a.id = $1", string(id)) {
		return a, err == nil, err
	}
	return event.Actor{}, false, nil
}

// Actors returns the actors in ID order. An error is the last element of
// the sequence, as with [Timeline.Select].
func (t *Timeline) Actors(ctx context.Context) iter.Seq2[event.Actor, error] {
	return t.actors(ctx, " ORDER BY a.id COLLATE \"C\"")
}

func (t *Timeline) actors(ctx context.Context, tail string, args ...any) iter.Seq2[event.Actor, error] {
	return func(yield func(event.Actor, error) bool) {
		rows, err := t.db.Query(ctx, t.q(selectActor)+tail, args...)
		if err != nil {
			yield(event.Actor{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanActor(rows)
			if !yield(a, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(event.Actor{}, err)
		}
	}
}

// NumActors returns the number of actors.
func (t *Timeline) NumActors(ctx context.Context) (int, error) {
	var n int
	err := t.db.QueryRow(ctx, t.q(`SELECT count(*) FROM {schema}.actors`)).Scan(&n)
	return n, err
}

// ResolveActor returns the IDs of the actors known by name, sorted, as
// [event.Directory.ResolveActor] finds them: by ID, by any name or alias
// in any language, or, for states, by country code, ignoring case and
// accents.
func (t *Timeline) ResolveActor(ctx context.Context, name string) ([]event.ActorID, error) {
	rows, err := t.db.Query(ctx, t.q(`SELECT actor_id FROM {schema}.actor_keys WHERE key = $1 ORDER BY actor_id COLLATE "C"`), event.Fold(name))
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	var out []event.ActorID
	for _, id := range ids {
		out = append(out, event.ActorID(id))
	}
	return out, nil
}
