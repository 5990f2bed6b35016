package postgres

import (
	"cmp"
	"context"
	"slices"

	"github.com/accordline/accordline/event"
)

// ResolveActorAt returns the IDs of the actors known by name at the date
// d, as [event.Directory.ResolveActorAt] finds them: of those
// [Timeline.ResolveActor] finds, the ones that existed then and bore the
// name then ("Zaire" in 1990). The zero Date is ResolveActor.
func (t *Timeline) ResolveActorAt(ctx context.Context, name string, d event.Date) ([]event.ActorID, error) {
	ids, err := t.ResolveActor(ctx, name)
	if err != nil || d.IsZero() || len(ids) == 0 {
		return ids, err
	}
	// The candidates are few: their own periods and names decide, as in a
	// directory of them alone.
	var dir event.Directory
	for _, id := range ids {
		a, ok, err := t.Actor(ctx, id)
		if err != nil {
			return nil, err
		}
		if ok {
			if err := dir.PutActor(a); err != nil {
				return nil, err
			}
		}
	}
	return dir.ResolveActorAt(name, d), nil
}

// Successors returns the actors that name id among their predecessors,
// with the kind of their succession, in ID order, as
// [event.Directory.Successors] does.
func (t *Timeline) Successors(ctx context.Context, id event.ActorID) ([]event.Succession, error) {
	rows, err := t.db.Query(ctx, t.q(`SELECT actor_id, kind FROM {schema}.actor_successions WHERE predecessor_id = $1`), string(id))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []event.Succession
	for rows.Next() {
		var actor, kind string
		if err := rows.Scan(&actor, &kind); err != nil {
			return nil, err
		}
		k, err := event.ParseSuccessionKind(kind)
		if err != nil {
			return nil, err
		}
		out = append(out, event.Succession{Actor: event.ActorID(actor), Kind: k})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b event.Succession) int {
		return cmp.Or(cmp.Compare(a.Actor, b.Actor), cmp.Compare(a.Kind, b.Kind))
	})
	return out, nil
}

// Lineage returns id followed by every actor it succeeded, directly or
// through others, nearest first and in the order of their predecessors,
// as [event.Directory.Lineage] does: predecessors that are not stored are
// listed but not followed, and a cycle ends the walk. It reads one actor
// a step: lineages are short.
func (t *Timeline) Lineage(ctx context.Context, id event.ActorID) ([]event.ActorID, error) {
	out := []event.ActorID{id}
	seen := map[event.ActorID]bool{id: true}
	for i := 0; i < len(out); i++ {
		a, ok, err := t.Actor(ctx, out[i])
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		for _, p := range a.Predecessors {
			if !seen[p.Actor] {
				seen[p.Actor] = true
				out = append(out, p.Actor)
			}
		}
	}
	return out, nil
}
