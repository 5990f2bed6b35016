package timeline

import (
	"strings"

	"github.com/accordline/accordline/event"
)

// ResolveActorAt returns the IDs of the actors known by name at the date
// d: those [Timeline.ResolveActor] finds that existed then and bore the
// name then, "Zaire" in 1990 ([event.Directory.ResolveActorAt]).
func (t *Timeline) ResolveActorAt(name string, d event.Date) []event.ActorID {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.ResolveActorAt(name, d)
}

// Successors returns the actors that name id among their predecessors,
// with the kind of their succession, in ID order
// ([event.Directory.Successors]).
func (t *Timeline) Successors(id event.ActorID) []event.Succession {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.Successors(id)
}

// Lineage returns id followed by every actor it succeeded, directly or
// through others, nearest first ([event.Directory.Lineage]).
func (t *Timeline) Lineage(id event.ActorID) []event.ActorID {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.Lineage(id)
}

// WithCountryLineage selects what [WithCountry] selects for the state and
// for every state it succeeded, directly or through others: for Russia,
// the events of the Soviet Union too; for Germany, those of the German
// Democratic Republic. The lineage is read from the actors'
// [event.Actor.Predecessors] when the query runs.
func WithCountryLineage(state string) Query { return Query{op: opCountryLineage, text: state} }

// lineageActors returns the actors of a state given by code or name and of
// every state in its lineage.
func (c *compiler) lineageActors(state string) []event.ActorID {
	var codes []string
	add := func(id event.ActorID) {
		for _, l := range c.t.actors.Lineage(id) {
			if a, ok := c.t.actors.Actor(l); ok && a.Type == event.State {
				codes = appendNew(codes, a.Country)
			}
		}
	}
	for _, id := range c.t.actors.ResolveActor(state) {
		if a, _ := c.t.actors.Actor(id); a.Type == event.State {
			add(id)
		}
	}
	if len(codes) == 0 && event.ValidCountry(strings.ToUpper(state)) {
		codes = []string{strings.ToUpper(state)}
	}
	var ids []event.ActorID
	for _, code := range codes {
		ids = append(ids, c.t.countries[code]...)
	}
	return ids
}
